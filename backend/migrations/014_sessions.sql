-- Signed-in sessions and the account audit log (issue 16, item 7).
--
-- Every token names its session (the JWT's `jti`); a request is let in only while its session
-- exists, is not revoked and has been used within the idle timeout (backend/src/http/auth.ts).
-- Signing out revokes one session, a password change or reset revokes the user's others, and
-- deleting the user deletes them all. A revocation or deletion notifies ipledge_accounts_changed,
-- like a change to users (migration 009), so every instance forgets the sessions it keeps; moving
-- last_seen_at forward does not (it happens at most once a minute per session).
--
-- account_audit records who changed which account, when and from where. It has no foreign keys:
-- a record outlives the users it names. Rows are only ever added.
-- migrate:up
create table sessions (
  id uuid primary key,
  user_id bigint not null references users (id) on delete cascade,
  created_at timestamptz not null default now(),
  last_seen_at timestamptz not null default now(),
  -- the token's own expiry: after it the row only waits to be cleared
  expires_at timestamptz not null,
  revoked_at timestamptz,
  revoked_reason text check (revoked_reason in ('signed_out', 'password_changed', 'password_reset')),
  check ((revoked_at is null) = (revoked_reason is null))
);
create index sessions_user_idx on sessions (user_id);
create trigger sessions_revoked after update of revoked_at on sessions
  for each row when (old.revoked_at is distinct from new.revoked_at) execute function notify_accounts_changed();
create trigger sessions_deleted after delete on sessions
  for each row execute function notify_accounts_changed();
create trigger sessions_truncated after truncate on sessions
  for each statement execute function notify_accounts_changed();

create table account_audit (
  id bigint generated always as identity primary key,
  at timestamptz not null default now(),
  action text not null check (action in ('user_created', 'user_deleted', 'password_changed', 'password_reset')),
  actor_user_id bigint not null,
  actor_username text not null,
  actor_org_id bigint not null,
  target_user_id bigint not null,
  target_username text not null,
  -- the client's address as the API saw it (through a trusted proxy: the forwarded one)
  ip text
);
create index account_audit_target_idx on account_audit (target_user_id, id);
create function refuse_account_audit_change() returns trigger language plpgsql as $$
begin
  raise exception 'account_audit is append-only' using errcode = 'insufficient_privilege';
end;
$$;
create trigger account_audit_append_only before update or delete or truncate on account_audit
  for each statement execute function refuse_account_audit_change();
-- migrate:down
drop table account_audit;
drop function refuse_account_audit_change();
drop table sessions;
