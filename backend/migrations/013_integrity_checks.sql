-- The regulator's integrity checks (GET /api/audit/verify): each run with its progress and its
-- report, so that any instance can show how far a check has come and what it found, and a
-- request arriving while a check runs waits for it instead of starting a second one.
-- migrate:up
create table integrity_checks (
  id bigint generated always as identity primary key,
  started_at timestamptz not null default now(),
  finished_at timestamptz,
  -- {phase, block, toBlock, events} while it runs
  progress jsonb not null default '{}',
  -- {ok, checked, checkedByKind, atBlock, mismatches, mismatchCount} once it is done
  report jsonb,
  error text
);
-- migrate:down
drop table integrity_checks;
