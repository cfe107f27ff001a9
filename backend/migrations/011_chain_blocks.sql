-- The embedded chain's block journal (npm start only): every block the indexer has applied that
-- the chain's last durable snapshot may not hold, with its raw transactions, written in the same
-- transaction as the batch's events. A chain that lost its newest blocks (a power cut between two
-- snapshots) is brought forward from here, block by block, to exactly what the database indexed.
-- Rows at or below the newest snapshot's head are deleted once that snapshot is on disk.
-- migrate:up
create table chain_blocks (
  number bigint primary key,
  hash text not null,
  parent_hash text not null,
  timestamp bigint not null,
  base_fee_per_gas text,
  -- the raw signed transactions, 0x-hex, in block order
  transactions jsonb not null
);
-- migrate:down
drop table chain_blocks;
