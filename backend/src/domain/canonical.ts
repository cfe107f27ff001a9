/**
 * Canonical JSON (keys sorted, no spaces, UTF-8) and its SHA-256: how an off-chain record is bound
 * to the hash the chain keeps. The regulator recomputes the same bytes from the database.
 */
import { createHash } from "node:crypto";

export type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

export function canonicalJson(value: Json): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (value !== null && typeof value === "object") {
    const keys = Object.keys(value).sort();
    return `{${keys.map((key) => `${JSON.stringify(key)}:${canonicalJson(value[key])}`).join(",")}}`;
  }
  return JSON.stringify(value);
}

export function sha256(bytes: Buffer | string): Buffer {
  return createHash("sha256").update(bytes).digest();
}

export const toBytes32 = (hash: Buffer) => `0x${hash.toString("hex")}`;
export const fromBytes32 = (hex: string) => Buffer.from(hex.replace(/^0x/, ""), "hex");
