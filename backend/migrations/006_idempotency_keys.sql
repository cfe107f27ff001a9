-- Idempotency keys: the first result of each signed-in write sent with an `Idempotency-Key`
-- header, per user, so that a retry (to any instance, also after a restart) replays it instead of
-- acting twice. A row without a status is a request still running (its claim); keys expire after
-- a day (backend/src/http/idempotency.ts).
-- migrate:up
create table idempotency_keys (
  user_id bigint not null references users (id) on delete cascade,
  key text not null,
  -- SHA-256 of the canonical JSON of [method, path, body]: the same key for another request is refused
  fingerprint bytea not null,
  -- who runs the request now, so a request that lost its claim (it outran the lease) records nothing
  claim uuid not null,
  status smallint,
  -- the response body exactly as first sent
  response text,
  created_at timestamptz not null default now(),
  completed_at timestamptz,
  primary key (user_id, key),
  check ((status is null) = (response is null))
);
-- migrate:down
drop table idempotency_keys;
