/**
 * What a batch adds to the audit trail (chain_events, chain_event_orgs), the notifications and
 * the indexed blocks, gathered while the handlers run and written with one multi-row insert per
 * table (unnest over arrays) inside the batch's transaction: a round trip per table, not per row.
 */
import type { Queryable } from "../db/db.js";

export interface AuditedEvent {
  blockNumber: number;
  logIndex: number;
  txHash: string;
  txIndex: number;
  blockHash: string;
  blockTime: Date;
  contract: string;
  kind: string;
  entity: string;
  entityId: string;
  orgId: string | null;
  actor: string | null;
  /** The decoded arguments as JSON text. */
  data: string;
  topics: string[];
  logData: string;
}

export interface StoredNotification {
  id: string;
  orgId: string | null;
  orgKind: string | null;
  topic: string;
  entity: string;
  entityId: string;
  awaitsStatus: string | null;
  data: string;
  blockNumber: number;
  logIndex: number;
  createdAt: Date;
}

export interface IndexedBlock {
  number: number;
  hash: string;
  time: Date;
}

export class AuditTrailBatch {
  private events: AuditedEvent[] = [];
  private eventOrgs: { orgId: string; blockNumber: number; logIndex: number }[] = [];
  private notifications: StoredNotification[] = [];

  addEvent(event: AuditedEvent, concernedOrgIds: Iterable<string>): void {
    this.events.push(event);
    for (const orgId of concernedOrgIds)
      this.eventOrgs.push({ orgId, blockNumber: event.blockNumber, logIndex: event.logIndex });
  }

  addNotification(notification: StoredNotification): void {
    this.notifications.push(notification);
  }

  /** Writes what was gathered, in foreign-key order, and starts empty again. */
  async flush(client: Queryable): Promise<void> {
    const { events, eventOrgs, notifications } = this;
    this.events = [];
    this.eventOrgs = [];
    this.notifications = [];
    if (events.length > 0) await insertEvents(client, events);
    if (eventOrgs.length > 0) {
      await client.query(
        `insert into chain_event_orgs (org_id, block_number, log_index)
         select * from unnest($1::bigint[], $2::bigint[], $3::integer[])`,
        [
          eventOrgs.map((row) => row.orgId),
          eventOrgs.map((row) => row.blockNumber),
          eventOrgs.map((row) => row.logIndex),
        ],
      );
    }
    if (notifications.length > 0) await insertNotifications(client, notifications);
  }
}

async function insertEvents(client: Queryable, events: AuditedEvent[]): Promise<void> {
  const column = <T>(pick: (event: AuditedEvent) => T) => events.map(pick);
  await client.query(
    `insert into chain_events (block_number, log_index, tx_hash, tx_index, block_hash, block_time, contract, kind,
       entity, entity_id, org_id, actor, data, topics, log_data)
     select block_number, log_index, tx_hash, tx_index, block_hash, block_time, contract, kind, entity, entity_id,
            org_id, actor, data::jsonb, string_to_array(topics, ','), log_data
       from unnest($1::bigint[], $2::integer[], $3::text[], $4::integer[], $5::text[], $6::timestamptz[], $7::text[],
                   $8::text[], $9::text[], $10::text[], $11::bigint[], $12::text[], $13::text[], $14::text[], $15::text[])
         as e(block_number, log_index, tx_hash, tx_index, block_hash, block_time, contract, kind, entity, entity_id,
              org_id, actor, data, topics, log_data)`,
    [
      column((event) => event.blockNumber),
      column((event) => event.logIndex),
      column((event) => event.txHash),
      column((event) => event.txIndex),
      column((event) => event.blockHash),
      column((event) => event.blockTime),
      column((event) => event.contract),
      column((event) => event.kind),
      column((event) => event.entity),
      column((event) => event.entityId),
      column((event) => event.orgId),
      column((event) => event.actor),
      column((event) => event.data),
      // Topics are 0x-hex words: a comma cannot occur in one, and an array column cannot be unnested row by row.
      column((event) => event.topics.join(",")),
      column((event) => event.logData),
    ],
  );
}

async function insertNotifications(client: Queryable, notifications: StoredNotification[]): Promise<void> {
  const column = <T>(pick: (notification: StoredNotification) => T) => notifications.map(pick);
  await client.query(
    `insert into notifications (id, org_id, org_kind, topic, entity, entity_id, awaits_status, data, block_number,
       log_index, created_at)
     select id, org_id, org_kind, topic, entity, entity_id, awaits_status, data::jsonb, block_number, log_index, created_at
       from unnest($1::text[], $2::bigint[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[],
                   $9::bigint[], $10::integer[], $11::timestamptz[])
         as n(id, org_id, org_kind, topic, entity, entity_id, awaits_status, data, block_number, log_index, created_at)`,
    [
      column((notification) => notification.id),
      column((notification) => notification.orgId),
      column((notification) => notification.orgKind),
      column((notification) => notification.topic),
      column((notification) => notification.entity),
      column((notification) => notification.entityId),
      column((notification) => notification.awaitsStatus),
      column((notification) => notification.data),
      column((notification) => notification.blockNumber),
      column((notification) => notification.logIndex),
      column((notification) => notification.createdAt),
    ],
  );
}

/** Records the batch's blocks (number, hash, time), replacing what a reorganised branch left. */
export async function storeIndexedBlocks(client: Queryable, blocks: IndexedBlock[]): Promise<void> {
  if (blocks.length === 0) return;
  await client.query(
    `insert into indexed_blocks (number, hash, time)
     select * from unnest($1::bigint[], $2::text[], $3::timestamptz[])
     on conflict (number) do update set hash = excluded.hash, time = excluded.time`,
    [blocks.map((block) => block.number), blocks.map((block) => block.hash), blocks.map((block) => block.time)],
  );
}
