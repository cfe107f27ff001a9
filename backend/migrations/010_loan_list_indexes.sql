-- A bank's or an enterprise's loans in one status, newest first (GET /api/loans?status=..., the
-- workbenches' queues): one index range instead of all the organisation's loans filtered by status.
-- migrate:up
create index loans_bank_status_idx on loans (bank_org_id, status, id desc);
create index loans_enterprise_status_idx on loans (enterprise_org_id, status, id desc);
-- migrate:down
drop index loans_enterprise_status_idx;
drop index loans_bank_status_idx;
