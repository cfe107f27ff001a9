-- The audit trail and the state the API serves from the chain are written by the indexer alone.
-- Any other insert, update, delete or truncate is refused: the indexer marks its transactions with
-- `set local ipledge.writer = 'indexer'` (backend/src/indexer), and nothing else sets it. A
-- superuser can still get past a trigger (say with session_replication_role = replica); the
-- integrity check (GET /api/audit/verify) is what catches such an edit.
-- migrate:up
create function refuse_unless_indexer() returns trigger language plpgsql as $$
begin
  if coalesce(current_setting('ipledge.writer', true), '') <> 'indexer' then
    raise exception 'table % is written by the indexer only: it mirrors the chain', tg_table_name
      using errcode = 'insufficient_privilege',
            hint = 'the ledger cannot be changed in the database; GET /api/audit/verify reports such a change';
  end if;
  return null;
end;
$$;
create trigger chain_events_indexer_only before insert or update or delete or truncate on chain_events
  for each statement execute function refuse_unless_indexer();
create trigger chain_event_orgs_indexer_only before insert or update or delete or truncate on chain_event_orgs
  for each statement execute function refuse_unless_indexer();
create trigger indexed_blocks_indexer_only before insert or update or delete or truncate on indexed_blocks
  for each statement execute function refuse_unless_indexer();
create trigger indexer_cursor_indexer_only before insert or update or delete or truncate on indexer_cursor
  for each statement execute function refuse_unless_indexer();
create trigger platform_state_indexer_only before insert or update or delete or truncate on platform_state
  for each statement execute function refuse_unless_indexer();
create trigger patents_indexer_only before insert or update or delete or truncate on patents
  for each statement execute function refuse_unless_indexer();
create trigger appraisals_indexer_only before insert or update or delete or truncate on appraisals
  for each statement execute function refuse_unless_indexer();
create trigger products_indexer_only before insert or update or delete or truncate on products
  for each statement execute function refuse_unless_indexer();
create trigger loans_indexer_only before insert or update or delete or truncate on loans
  for each statement execute function refuse_unless_indexer();
create trigger loan_patents_indexer_only before insert or update or delete or truncate on loan_patents
  for each statement execute function refuse_unless_indexer();
create trigger notifications_indexer_only before insert or update or delete or truncate on notifications
  for each statement execute function refuse_unless_indexer();
-- migrate:down
drop trigger notifications_indexer_only on notifications;
drop trigger loan_patents_indexer_only on loan_patents;
drop trigger loans_indexer_only on loans;
drop trigger products_indexer_only on products;
drop trigger appraisals_indexer_only on appraisals;
drop trigger patents_indexer_only on patents;
drop trigger platform_state_indexer_only on platform_state;
drop trigger indexer_cursor_indexer_only on indexer_cursor;
drop trigger indexed_blocks_indexer_only on indexed_blocks;
drop trigger chain_event_orgs_indexer_only on chain_event_orgs;
drop trigger chain_events_indexer_only on chain_events;
drop function refuse_unless_indexer();
