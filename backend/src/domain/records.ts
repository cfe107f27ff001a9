/**
 * Off-chain records whose SHA-256 the chain keeps (patent metadata, product details, a loan's
 * purpose, reasons, payment references), stored as canonical JSON so anyone can recompute the hash.
 */
import type { Queryable } from "../db/db.js";
import { canonicalJson, sha256, toBytes32, type Json } from "./canonical.js";

export interface StoredRecord {
  hash: string; // bytes32 hex, as the chain takes it
  canonical: string;
}

export function recordOf(kind: string, body: { [key: string]: Json }): StoredRecord {
  const canonical = canonicalJson({ kind, ...body });
  return { hash: toBytes32(sha256(canonical)), canonical };
}

export async function saveRecord(db: Queryable, kind: string, record: StoredRecord): Promise<void> {
  await db.query("insert into records (sha256, kind, canonical) values ($1, $2, $3) on conflict (sha256) do nothing", [
    Buffer.from(record.hash.slice(2), "hex"),
    kind,
    record.canonical,
  ]);
}

export function canonicalJsonParse(text: string): Record<string, unknown> {
  return JSON.parse(text) as Record<string, unknown>;
}
