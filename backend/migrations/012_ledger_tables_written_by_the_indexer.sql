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
do $$
declare
  ledger_table text;
begin
  foreach ledger_table in array array['chain_events', 'chain_event_orgs', 'indexed_blocks', 'indexer_cursor',
      'platform_state', 'patents', 'appraisals', 'products', 'loans', 'loan_patents', 'notifications'] loop
    execute format('create trigger %I before insert or update or delete or truncate on %I
                      for each statement execute function refuse_unless_indexer()',
                   ledger_table || '_indexer_only', ledger_table);
  end loop;
end;
$$;
-- migrate:down
-- the triggers depend on the function and go with it
drop function refuse_unless_indexer() cascade;
