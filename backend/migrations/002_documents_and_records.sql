-- Off-chain content whose SHA-256 is anchored on chain: uploaded files (certificates, valuation
-- reports) and canonical JSON records (patent metadata, product details, purposes, reasons,
-- payment references). Content-addressed, so the same bytes are stored once.
-- migrate:up
create table documents (
  sha256 bytea primary key check (length(sha256) = 32),
  filename text not null,
  content_type text not null,
  size integer not null check (size >= 0 and size <= 10485760),
  content bytea not null,
  uploaded_by_org_id bigint not null references organisations (id),
  created_at timestamptz not null default now()
);

create table records (
  sha256 bytea primary key check (length(sha256) = 32),
  kind text not null,
  canonical text not null,
  created_at timestamptz not null default now()
);
-- migrate:down
drop table records;
drop table documents;
