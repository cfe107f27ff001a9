-- The audit trail's time window read as a range of blocks (backend/src/modules/audit/routes.ts): the
-- first and the last indexed block of the window, found by time, so that one organisation's events
-- in a month are read from the (organisation, block) key instead of every event of the organisation
-- or of the month.
-- migrate:up
create index indexed_blocks_time_idx on indexed_blocks (time, number);
-- migrate:down
drop index indexed_blocks_time_idx;
