/**
 * The embedded chain's block journal (table chain_blocks, migration 011): each block the indexer
 * applies, with everything needed to mine it again identically: its raw signed transactions in
 * order, its time and its base fee. The indexer writes it in the same database transaction as the
 * block's events, so the database never holds an event of a block it could not reproduce; the
 * local chain replays it after a power cut (LocalChain.restore) and prunes what a snapshot holds.
 */
import { toQuantity } from "ethers";
import type { Queryable } from "../db/db.js";
import { rawRpcBatch } from "./chain.js";

export interface JournalBlock {
  number: number;
  hash: string;
  parentHash: string;
  timestamp: number;
  baseFeePerGas: string | null;
  /** Raw signed transactions, 0x-hex, in block order. */
  transactions: string[];
}

interface RpcBlock {
  number: string;
  hash: string;
  parentHash: string;
  timestamp: string;
  baseFeePerGas?: string;
  transactions: string[];
}

const CALLS_PER_REQUEST = 250;

/**
 * Blocks `from`..`to` as the node has them now, raw transactions included; null when the range does
 * not chain from `parentHash` to `lastHash` (the node moved meanwhile: the caller asks again).
 */
export async function readJournalBlocks(
  rpcUrl: string,
  range: { from: number; to: number; parentHash: string; lastHash: string },
): Promise<JournalBlock[] | null> {
  const numbers = Array.from({ length: range.to - range.from + 1 }, (_, i) => range.from + i);
  const blocks = await inRequests(rpcUrl, numbers, (number) => ({
    method: "eth_getBlockByNumber",
    params: [toQuantity(number), false],
  }));
  let parent = range.parentHash;
  for (const block of blocks as (RpcBlock | null)[]) {
    if (!block || block.parentHash !== parent) return null;
    parent = block.hash;
  }
  if (parent !== range.lastHash) return null;
  const hashes = (blocks as RpcBlock[]).flatMap((block) => block.transactions);
  const raws = await inRequests(rpcUrl, hashes, (hash) => ({ method: "eth_getRawTransactionByHash", params: [hash] }));
  const rawOf = new Map(hashes.map((hash, i) => [hash, raws[i] as string | null]));
  const journal: JournalBlock[] = [];
  for (const block of blocks as RpcBlock[]) {
    const transactions = block.transactions.map((hash) => rawOf.get(hash));
    if (transactions.some((raw) => !raw)) return null;
    journal.push({
      number: Number(block.number),
      hash: block.hash,
      parentHash: block.parentHash,
      timestamp: Number(block.timestamp),
      baseFeePerGas: block.baseFeePerGas ?? null,
      transactions: transactions as string[],
    });
  }
  return journal;
}

async function inRequests<T>(
  rpcUrl: string,
  items: T[],
  call: (item: T) => { method: string; params: unknown[] },
): Promise<unknown[]> {
  const answers: unknown[] = [];
  for (let start = 0; start < items.length; start += CALLS_PER_REQUEST) {
    answers.push(...(await rawRpcBatch(rpcUrl, items.slice(start, start + CALLS_PER_REQUEST).map(call))));
  }
  return answers;
}

/** Writes blocks into the journal (a reorganised branch's blocks are replaced). */
export async function storeJournalBlocks(db: Queryable, blocks: JournalBlock[]): Promise<void> {
  if (blocks.length === 0) return;
  await db.query(
    `insert into chain_blocks (number, hash, parent_hash, timestamp, base_fee_per_gas, transactions)
     select number, hash, parent_hash, timestamp, base_fee_per_gas, transactions::jsonb
       from unnest($1::bigint[], $2::text[], $3::text[], $4::bigint[], $5::text[], $6::text[])
         as b(number, hash, parent_hash, timestamp, base_fee_per_gas, transactions)
     on conflict (number) do update set hash = excluded.hash, parent_hash = excluded.parent_hash,
       timestamp = excluded.timestamp, base_fee_per_gas = excluded.base_fee_per_gas, transactions = excluded.transactions`,
    [
      blocks.map((block) => block.number),
      blocks.map((block) => block.hash),
      blocks.map((block) => block.parentHash),
      blocks.map((block) => block.timestamp),
      blocks.map((block) => block.baseFeePerGas),
      blocks.map((block) => JSON.stringify(block.transactions)),
    ],
  );
}

/** The journal's blocks above `number`, oldest first, `limit` at a time. */
export async function journalBlocksAbove(db: Queryable, number: number, limit = 500): Promise<JournalBlock[]> {
  const { rows } = await db.query(
    `select number, hash, parent_hash, timestamp, base_fee_per_gas, transactions
       from chain_blocks where number > $1 order by number limit $2`,
    [number, limit],
  );
  return rows.map((row) => ({
    number: Number(row.number),
    hash: row.hash,
    parentHash: row.parent_hash,
    timestamp: Number(row.timestamp),
    baseFeePerGas: row.base_fee_per_gas,
    transactions: row.transactions,
  }));
}

/** Forgets blocks a durable snapshot of the chain holds. */
export async function pruneJournal(db: Queryable, upTo: number): Promise<void> {
  await db.query("delete from chain_blocks where number <= $1", [upTo]);
}

/** Forgets blocks a reorganisation removed. */
export async function dropJournalAbove(db: Queryable, number: number): Promise<void> {
  await db.query("delete from chain_blocks where number > $1", [number]);
}
