/**
 * Applying events to the database: each through its handler, into the audit trail (chain_events,
 * chain_event_orgs), the projections and the notifications. The indexer applies each batch it
 * reads; rebuildProjections applies the stored events again; the integrity check applies the
 * chain's logs into temporary tables of the same names (verify.ts) and compares.
 */
import type { Contract } from "../chain/abis.js";
import type { Queryable } from "../db/db.js";
import { canonicalJsonParse } from "../domain/records.js";
import { AuditTrailBatch } from "./auditTrail.js";
import { reassessCollateralRisk } from "./collateralRisk.js";
import type { ChainLog } from "./chainReader.js";
import { decodeLog, toJson, type LedgerEvent } from "./events.js";
import { HANDLERS, RECORD_HASH_ARGUMENTS, type HandlerContext, type Notification, type Org } from "./handlers.js";
import { dateOfSeconds } from "../domain/time.js";

/** Audit-trail rows per multi-row insert. */
const EVENTS_PER_FLUSH = 5_000;
/** The tables the handlers write besides the audit trail, children first. */
export const PROJECTIONS = [
  "notifications",
  "loan_patents",
  "loans",
  "products",
  "appraisals",
  "patents",
  "platform_state",
];

/**
 * Marks the current transaction as the indexer's: the only writer the ledger's tables accept
 * (migration 012 refuses everyone else).
 */
export async function writeAsIndexer(client: Queryable): Promise<void> {
  await client.query("select set_config('ipledge.writer', 'indexer', true)");
}

export type StoredEvent = LedgerEvent & { topics: string[]; logData: string };

/** A log of one of the platform's contracts as an event to apply; null when it is not one of theirs to decode. */
export function storedEvent(financeAddress: string, log: ChainLog, blockTimestamp: number): StoredEvent | null {
  const contract: Contract =
    log.address.toLowerCase() === financeAddress.toLowerCase() ? "PledgeFinance" : "PatentRegistry";
  const decoded = decodeLog(contract, log);
  if (!decoded) return null;
  return {
    contract,
    ...decoded,
    blockNumber: log.blockNumber,
    blockHash: log.blockHash,
    blockTime: dateOfSeconds(blockTimestamp),
    txHash: log.transactionHash,
    txIndex: log.transactionIndex,
    logIndex: log.logIndex,
    topics: [...log.topics],
    logData: log.data,
  };
}

/** Empties the projections and replays every stored event through the handlers, in chain order. */
export async function rebuildProjections(client: Queryable): Promise<void> {
  await writeAsIndexer(client);
  await client.query(`truncate ${PROJECTIONS.join(", ")}`);
  await client.query("delete from chain_event_orgs");
  const { rows } = await client.query(
    `select contract, topics, log_data, block_number, block_hash, block_time, tx_hash, tx_index, log_index
       from chain_events order by block_number, log_index`,
  );
  await client.query("delete from chain_events");
  const events = rows.flatMap((row) => {
    const decoded = decodeLog(row.contract, { topics: row.topics, data: row.log_data });
    if (!decoded) return [];
    return [
      {
        contract: row.contract as Contract,
        ...decoded,
        blockNumber: Number(row.block_number),
        blockHash: row.block_hash,
        blockTime: row.block_time,
        txHash: row.tx_hash,
        txIndex: row.tx_index,
        logIndex: row.log_index,
        topics: row.topics,
        logData: row.log_data,
      },
    ];
  });
  await applyEvents(client, events);
}

/**
 * Applies events in order: each through its handler (`stored` after each), its audit-trail rows
 * and notifications gathered and written together (AuditTrailBatch) at the end, or earlier when a
 * handler resolves notifications, which must then be in the table.
 */
export async function applyEvents(client: Queryable, events: StoredEvent[], stored: () => void = () => undefined) {
  const trail = new AuditTrailBatch();
  const orgs = new Map<string, Org | null>();
  const mintedNumbers = new Map<bigint, string>();
  for (const event of events) {
    if (event.name === "PatentRegistered")
      mintedNumbers.set(event.args.patentId as bigint, event.args.number as string);
  }
  const records = await recordsNamedBy(client, events);
  const orgOf = async (address: string) => {
    const key = address.toLowerCase();
    if (!orgs.has(key)) {
      const { rows } = await client.query<Org>("select id, kind from organisations where address = $1", [key]);
      orgs.set(key, rows[0] ?? null);
    }
    return orgs.get(key)!;
  };
  for (const [position, event] of events.entries()) {
    const notifications: Notification[] = [];
    const context: HandlerContext = {
      db: client,
      event,
      orgOf,
      patentIdOf: async (tokenId) => {
        const minted = mintedNumbers.get(tokenId);
        if (minted) return minted;
        const { rows } = await client.query("select id from patents where token_id = $1", [tokenId.toString()]);
        return (rows[0]?.id as string) ?? `0x${tokenId.toString(16).padStart(64, "0")}`;
      },
      recordText: async (hash) => {
        const key = hash.toLowerCase();
        const canonical = records.has(key) ? records.get(key) : await recordOf(client, hash);
        return canonical ? canonicalJsonParse(canonical) : null;
      },
      notify: (notification) => void notifications.push(notification),
      resolveNotifications: async (topic, entityId) => {
        await trail.flush(client);
        await client.query("update notifications set resolved = true where topic = $1 and entity_id = $2", [
          topic,
          entityId,
        ]);
      },
    };
    const handler = HANDLERS[`${event.contract}:${event.name}`];
    const subject = handler
      ? await handler(context)
      : { entity: "contract", entityId: event.contract.toLowerCase(), actor: undefined };
    await reassessCollateralRisk(context);
    const actorOrg = subject.actor ? await orgOf(subject.actor) : null;
    const partyOrgs = await Promise.all((subject.parties ?? []).map(orgOf));
    const orgIds = new Set(
      [actorOrg?.id, ...partyOrgs.map((org) => org?.id), ...(subject.orgIds ?? [])].filter((id): id is string => !!id),
    );
    trail.addEvent(
      {
        blockNumber: event.blockNumber,
        logIndex: event.logIndex,
        txHash: event.txHash,
        txIndex: event.txIndex,
        blockHash: event.blockHash,
        blockTime: event.blockTime,
        contract: event.contract,
        kind: event.name,
        entity: subject.entity,
        entityId: subject.entityId,
        orgId: actorOrg?.id ?? null,
        actor: subject.actor?.toLowerCase() ?? null,
        data: JSON.stringify(toJson(event.args)),
        topics: event.topics,
        logData: event.logData,
      },
      orgIds,
    );
    for (const [i, notification] of notifications.entries()) {
      if (!notification.org && !notification.orgKind) continue;
      trail.addNotification({
        id: `${event.blockNumber}-${event.logIndex}-${i}`,
        orgId: notification.org?.id ?? null,
        orgKind: notification.org ? null : (notification.orgKind ?? null),
        topic: notification.topic,
        entity: notification.entity,
        entityId: notification.entityId,
        awaitsStatus: notification.awaitsStatus ?? null,
        data: JSON.stringify(notification.data ?? {}),
        blockNumber: event.blockNumber,
        logIndex: event.logIndex,
        createdAt: event.blockTime,
      });
    }
    stored();
    if ((position + 1) % EVENTS_PER_FLUSH === 0) await trail.flush(client);
  }
  await trail.flush(client);
}

/**
 * The canonical text of every record the events name, by 0x-hash, in one query; null for a hash
 * named but not stored (so the handler does not ask again).
 */
async function recordsNamedBy(client: Queryable, events: StoredEvent[]): Promise<Map<string, string | null>> {
  const hashes = new Set<string>();
  for (const event of events) {
    for (const name of RECORD_HASH_ARGUMENTS) {
      const value = event.args[name];
      if (typeof value === "string") hashes.add(value.toLowerCase());
    }
  }
  const records = new Map<string, string | null>([...hashes].map((hash) => [hash, null]));
  if (hashes.size === 0) return records;
  const { rows } = await client.query<{ hash: string; canonical: string }>(
    "select '0x' || encode(sha256, 'hex') as hash, canonical from records where sha256 = any($1::bytea[])",
    [[...hashes].map((hash) => Buffer.from(hash.slice(2), "hex"))],
  );
  for (const row of rows) records.set(row.hash, row.canonical);
  return records;
}

async function recordOf(client: Queryable, hash: string): Promise<string | undefined> {
  const { rows } = await client.query<{ canonical: string }>("select canonical from records where sha256 = $1", [
    Buffer.from(hash.replace(/^0x/, ""), "hex"),
  ]);
  return rows[0]?.canonical;
}
