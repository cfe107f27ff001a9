-- The indexer's cursor, the blocks it has seen (for reorganisation checks) and the mirror of every
-- contract event: the audit trail.
-- migrate:up
create table indexer_cursor (
  id boolean primary key default true check (id),
  block_number bigint not null,
  block_hash text not null,
  updated_at timestamptz not null default now()
);

create table indexed_blocks (
  number bigint primary key,
  hash text not null,
  time timestamptz not null
);

create table chain_events (
  block_number bigint not null,
  log_index integer not null,
  tx_hash text not null,
  tx_index integer not null,
  block_hash text not null,
  block_time timestamptz not null,
  contract text not null,
  kind text not null,
  entity text not null,
  entity_id text not null,
  org_id bigint,
  actor text,
  data jsonb not null,
  -- the log as the node served it, so the projections can be rebuilt from the stored events alone
  topics text[] not null,
  log_data text not null,
  primary key (block_number, log_index),
  unique (tx_hash, log_index)
);
create index chain_events_entity_idx on chain_events (entity, entity_id, block_number, log_index);
create index chain_events_kind_idx on chain_events (kind, block_number, log_index);
create index chain_events_time_idx on chain_events (block_time);
create index chain_events_tx_idx on chain_events (tx_hash);

-- Which organisations an event concerns (its actor, the patent's owner, the loan's parties): what
-- a non-regulator may read of the audit trail.
create table chain_event_orgs (
  org_id bigint not null,
  block_number bigint not null,
  log_index integer not null,
  primary key (org_id, block_number, log_index),
  foreign key (block_number, log_index) references chain_events on delete cascade
);
-- migrate:down
drop table chain_event_orgs;
drop table chain_events;
drop table indexed_blocks;
drop table indexer_cursor;
