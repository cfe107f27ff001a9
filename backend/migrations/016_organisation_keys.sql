-- Organisations' chain keys (SPEC section 8, no party can freeze a loan). An organisation keeps its
-- first address as its identity (organisations.address: roles, patents, products, loans and events
-- name it for good); the key that signs for it can be rotated. Each key is sealed (AES-256-GCM under
-- the master key) with its own address as associated data. An organisation has one current key and
-- at most one pending key (generated, sealed and committed before any transaction of a rotation is
-- sent); the indexer makes a pending key current and retires the old one from the chain's
-- KeyRotated event, deleting the old key's private material: a retired key can do nothing on chain
-- and keeping it would only be a risk. Its address stays for the record. A current key without
-- material is one the platform does not hold (rotated outside it); a regulator rotates it again.
-- Existing organisations' keys move here as their current keys.
-- migrate:up
create table organisation_keys (
  address text primary key check (address ~ '^0x[0-9a-f]{40}$'),
  org_id bigint not null references organisations (id),
  state text not null check (state in ('pending', 'current', 'retired')),
  -- AES-256-GCM: 12-byte nonce || 16-byte tag || ciphertext of the 32-byte private key; AAD the address
  encrypted_key bytea,
  created_at timestamptz not null default now(),
  -- block times of the KeyRotated events that made it current and retired it
  activated_at timestamptz,
  retired_at timestamptz,
  constraint organisation_keys_pending_sealed check (state <> 'pending' or encrypted_key is not null),
  constraint organisation_keys_retired_erased check (state <> 'retired' or encrypted_key is null)
);
create unique index organisation_keys_one_current on organisation_keys (org_id) where state = 'current';
create unique index organisation_keys_one_pending on organisation_keys (org_id) where state = 'pending';

-- Each rotation asked through the API: why and by whom (the chain's events carry no reason), and the
-- transactions that carried it out. At most one is open per organisation: a retry resumes it.
create table key_rotations (
  id bigint generated always as identity primary key,
  org_id bigint not null references organisations (id),
  new_key text not null references organisation_keys (address),
  reason text not null,
  requested_by bigint references users (id) on delete set null,
  requested_at timestamptz not null default now(),
  proposal_tx_hash text,
  accept_tx_hash text,
  completed_at timestamptz
);
create unique index key_rotations_one_open on key_rotations (org_id) where completed_at is null;
create index key_rotations_new_key_idx on key_rotations (new_key);

insert into organisation_keys (address, org_id, state, encrypted_key)
  select address, id, 'current', encrypted_key from organisations;
alter table organisations drop column encrypted_key;
-- migrate:down
-- Back to one key per organisation on its row: only possible while every organisation still signs
-- with its identity key (a rotated organisation's identity key is gone).
do $$
begin
  if exists (select 1 from organisations o join organisation_keys k on k.org_id = o.id
              where k.state = 'current' and k.address <> o.address) then
    raise exception 'an organisation''s key was rotated: its identity key no longer exists to move back';
  end if;
end;
$$;
alter table organisations add column encrypted_key bytea;
update organisations o set encrypted_key = k.encrypted_key from organisation_keys k where k.address = o.address;
alter table organisations alter column encrypted_key set not null;
drop table key_rotations;
drop table organisation_keys;
