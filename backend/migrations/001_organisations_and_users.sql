-- Organisations (each with its own chain account, key encrypted at rest) and their users.
-- migrate:up
create table organisations (
  id bigint generated always as identity primary key,
  name text not null,
  kind text not null check (kind in ('enterprise', 'appraiser', 'ipoffice', 'bank', 'fund', 'regulator', 'admin')),
  address text not null check (address ~ '^0x[0-9a-f]{40}$'),
  -- AES-256-GCM: 12-byte nonce || 16-byte tag || ciphertext of the 32-byte private key
  encrypted_key bytea not null,
  created_at timestamptz not null default now()
);
create unique index organisations_name_key on organisations (lower(name));
create unique index organisations_address_key on organisations (address);

create table users (
  id bigint generated always as identity primary key,
  username text not null,
  password_hash text not null,
  org_id bigint not null references organisations (id),
  created_at timestamptz not null default now()
);
create unique index users_username_key on users (lower(username));
create index users_org_idx on users (org_id);
-- migrate:down
drop table users;
drop table organisations;
