-- The fund's decision window (SPEC section 8, no party can freeze a loan): a platform parameter, and
-- each defaulted loan's deadline, after which its bank may dispose without compensation. Existing
-- rows take SPEC's default and no deadline; a re-index from the chain's events fills them exactly.
-- migrate:up
alter table platform_state add column fund_decision_days integer not null default 30;
alter table loans add column fund_decision_by timestamptz;
-- migrate:down
alter table loans drop column fund_decision_by;
alter table platform_state drop column fund_decision_days;
