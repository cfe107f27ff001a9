-- Notices that the chain's clock, not an event, makes due (a loan maturing, overdue or ready to be
-- declared in default; a patent's fee or appraisal running out): written by the notice scheduler
-- (backend/src/modules/notifications/timeNotices.ts) when the indexer reaches a new head, and read
-- with the notifications. Not a fact of the ledger (the integrity check's replay of the events
-- does not make them), so not written by the indexer's handlers alone. Each is sent once: one row
-- per organisation, topic, subject and threshold, whichever instance finds it due first.
-- migrate:up
create table time_notices (
  id text primary key,
  org_id bigint not null references organisations (id),
  topic text not null,
  entity text not null,
  entity_id text not null,
  -- what makes this notice distinct from an earlier one of the same topic: a number of days, a date
  threshold text not null,
  awaits_status text,
  data jsonb not null,
  -- the head block whose time made it due, and that time
  block_number bigint not null,
  created_at timestamptz not null,
  unique (org_id, topic, entity_id, threshold)
);
create index time_notices_org_idx on time_notices (org_id, block_number desc);
-- the scheduler's queries: running loans by maturity, appraisals by the day they end
create index loans_disbursed_maturity_idx on loans (maturity_at) where status = 'disbursed';
create index appraisals_valid_until_idx on appraisals (valid_until);
-- migrate:down
drop index appraisals_valid_until_idx;
drop index loans_disbursed_maturity_idx;
drop table time_notices;
