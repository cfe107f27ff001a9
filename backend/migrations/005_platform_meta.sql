-- What this database belongs to: the chain, the contracts and the block they were deployed in.
-- A start against another chain or deployment (say the chain's data was deleted) is refused.
-- migrate:up
create table platform_meta (
  key text primary key,
  value text not null,
  updated_at timestamptz not null default now()
);
-- migrate:down
drop table platform_meta;
