-- The state the API reads, written only by the indexer's handlers, so a re-index from the events
-- reproduces it exactly. Amounts in fen as numeric(78); times as timestamptz.
-- migrate:up
create table platform_state (
  id boolean primary key default true check (id),
  ltv_cap_bps integer not null,
  grace_days integer not null,
  fund_share_bps integer not null,
  fund_capacity numeric(78) not null,
  fund_paid numeric(78) not null default 0,
  paused boolean not null default false,
  tx_hash text not null,
  block_number bigint not null
);

create table patents (
  id text primary key,               -- the normalised number, e.g. CN202110123456.7
  token_id numeric(78) not null unique,
  kind text not null,
  status text not null,
  owner_address text not null,
  owner_org_id bigint,
  title text,
  grant_date timestamptz not null,
  expiry_date timestamptz not null,
  fee_paid_until timestamptz,
  preserved boolean not null default false,
  invalidation_pending boolean not null default false,
  loan_id bigint,
  metadata_hash bytea not null,
  certificate_sha256 bytea not null,
  registered_at timestamptz not null,
  tx_hash text not null,
  block_number bigint not null
);
create index patents_owner_idx on patents (owner_org_id, registered_at desc);
create index patents_status_idx on patents (status, registered_at desc);

create table appraisals (
  patent_id text not null references patents (id) on delete cascade,
  index integer not null,
  appraiser_address text not null,
  appraiser_org_id bigint,
  value numeric(78) not null,
  valid_until timestamptz not null,
  recorded_at timestamptz not null,
  report_sha256 bytea not null,
  tx_hash text not null,
  block_number bigint not null,
  primary key (patent_id, index)
);
create index appraisals_report_idx on appraisals (report_sha256);

create table products (
  id bigint primary key,
  bank_address text not null,
  bank_org_id bigint,
  name text,
  description text,
  max_amount numeric(78) not null,
  min_rate_bps integer not null,
  max_rate_bps integer not null,
  max_term_days integer not null,
  ltv_bps integer not null,
  active boolean not null,
  details_hash bytea not null,
  created_at timestamptz not null,
  tx_hash text not null,
  block_number bigint not null
);
create index products_bank_idx on products (bank_org_id);

create table loans (
  id bigint primary key,
  status text not null,
  borrower_address text not null,
  enterprise_org_id bigint,
  bank_address text not null,
  bank_org_id bigint,
  product_id bigint not null,
  requested_amount numeric(78) not null,
  amount numeric(78),
  rate_bps integer,
  term_days integer not null,
  purpose text,
  purpose_hash bytea not null,
  appraised_total numeric(78),
  registration_no text,
  registered_at timestamptz,
  estimated_maturity_at timestamptz,
  disbursed_at timestamptz,
  maturity_at timestamptz,
  grace_days integer,
  fund_share_bps integer,
  principal_outstanding numeric(78) not null default 0,
  interest_due numeric(78) not null default 0,
  penalty_due numeric(78) not null default 0,
  accrued_at timestamptz,
  repaid numeric(78) not null default 0,
  outstanding_at_default numeric(78),
  defaulted_at timestamptz,
  compensated boolean not null default false,
  compensation numeric(78) not null default 0,
  recovered numeric(78) not null default 0,
  bank_recovery numeric(78) not null default 0,
  fund_recovery numeric(78) not null default 0,
  borrower_surplus numeric(78) not null default 0,
  buyer_address text,
  buyer_org_id bigint,
  collateral_at_risk boolean not null default false,
  applied_at timestamptz not null,
  updated_at timestamptz not null,
  tx_hash text not null,
  block_number bigint not null
);
create index loans_enterprise_idx on loans (enterprise_org_id, id desc);
create index loans_bank_idx on loans (bank_org_id, id desc);
create index loans_status_idx on loans (status, id desc);

create table loan_patents (
  loan_id bigint not null references loans (id) on delete cascade,
  position integer not null,
  patent_id text not null,
  primary key (loan_id, position)
);
create index loan_patents_patent_idx on loan_patents (patent_id);

-- What an organisation (or every organisation of a kind) must act on next. `awaits_status` is the
-- entity's state the action needs: once the entity has moved on, the notification is no longer open.
create table notifications (
  id text primary key,
  org_id bigint,
  org_kind text,
  topic text not null,
  entity text not null,
  entity_id text not null,
  awaits_status text,
  data jsonb not null,
  block_number bigint not null,
  log_index integer not null,
  created_at timestamptz not null,
  -- set by the event that does what was asked (say the fund's compensation) when the entity's state alone does not show it
  resolved boolean not null default false,
  check (org_id is not null or org_kind is not null)
);
create index notifications_org_idx on notifications (org_id, block_number desc);
create index notifications_kind_idx on notifications (org_kind, block_number desc);
-- migrate:down
drop table notifications;
drop table loan_patents;
drop table loans;
drop table products;
drop table appraisals;
drop table patents;
drop table platform_state;
