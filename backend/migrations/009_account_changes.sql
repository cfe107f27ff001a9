-- Every instance keeps the callers it has read (user and organisation, backend/src/http/auth.ts) for
-- a few seconds, and forgets them all when this channel says users or organisations changed: by the
-- API (deleting a user) or by hand. Statement-level, so a bulk change is one notification.
-- migrate:up
create function notify_accounts_changed() returns trigger language plpgsql as $$
begin
  perform pg_notify('ipledge_accounts_changed', tg_table_name);
  return null;
end;
$$;
create trigger users_changed after update or delete or truncate on users
  for each statement execute function notify_accounts_changed();
create trigger organisations_changed after update or delete or truncate on organisations
  for each statement execute function notify_accounts_changed();
-- migrate:down
drop trigger organisations_changed on organisations;
drop trigger users_changed on users;
drop function notify_accounts_changed();
