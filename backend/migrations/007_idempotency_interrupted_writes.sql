-- Idempotency keys of writes interrupted by a crash: which instance runs a claimed request (so
-- another can tell at once that it is gone: no session of that name in pg_stat_activity), and
-- the transactions it sent, recorded before each goes to the node, so that a retry after a crash
-- never sends a second one (backend/src/http/idempotency.ts).
-- migrate:up
alter table idempotency_keys
  add column instance text,
  add column tx_hashes text[] not null default '{}';
-- migrate:down
alter table idempotency_keys drop column tx_hashes, drop column instance;
