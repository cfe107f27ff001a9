/**
 * A database belongs to one deployment on one chain. The first start records the chain id, the
 * contracts' addresses and the hash of the deployment block; every later start checks them, and
 * on a local dev chain also that the indexed cursor's block is still there. A mismatch means the
 * chain and the database no longer describe the same ledger (for example the chain's data was
 * deleted), and the platform refuses to start rather than silently index another history.
 */
import { createHash } from "node:crypto";
import type { Database } from "../db/db.js";
import type { Chain } from "./chain.js";

export class LedgerMismatchError extends Error {
  constructor(reason: string) {
    super(
      `the chain and the database disagree: ${reason}.\n` +
        "The database describes a ledger this chain node does not hold. Nothing was changed.\n" +
        "To start over with an empty platform, stop iPledge and run: npm run reset",
    );
    this.name = "LedgerMismatchError";
  }
}

export async function checkLedgerBinding(db: Database, chain: Chain): Promise<void> {
  const { deployment } = chain;
  const deployBlock = await chain.provider.getBlock(deployment.startBlock);
  const expected: Record<string, string> = {
    chain_id: chain.chainId.toString(),
    finance_address: deployment.contracts.PledgeFinance.address.toLowerCase(),
    registry_address: deployment.contracts.PatentRegistry.address.toLowerCase(),
    deployment_block_hash: deployBlock?.hash ?? "missing",
  };
  const { rows } = await db.query<{ key: string; value: string }>("select key, value from platform_meta");
  const recorded = new Map(rows.map((row) => [row.key, row.value]));
  for (const [key, value] of Object.entries(expected)) {
    const stored = recorded.get(key);
    if (stored !== undefined && stored !== value) {
      throw new LedgerMismatchError(
        `the database was built for ${key.replace(/_/g, " ")} ${stored}, the chain has ${value}`,
      );
    }
  }
  if (chain.isDevChain) {
    const cursor = await db.query<{ block_number: string; block_hash: string }>(
      "select block_number, block_hash from indexer_cursor",
    );
    const row = cursor.rows[0];
    if (row) {
      const block = await chain.provider.getBlock(Number(row.block_number));
      if (block?.hash !== row.block_hash) {
        throw new LedgerMismatchError(
          `the database has indexed block ${row.block_number} (${row.block_hash}), which the chain ${block ? `replaced by ${block.hash}` : "does not have"}`,
        );
      }
    }
  }
  for (const [key, value] of Object.entries(expected)) {
    await db.query("insert into platform_meta (key, value) values ($1, $2) on conflict (key) do nothing", [key, value]);
  }
}

/**
 * Instances sharing a database must share its secrets: the master key that seals the organisations'
 * keys and the JWT secret. The first start records a fingerprint of each (SHA-256 of a labelled
 * key, which tells nothing about the key); a later start with other secrets is refused.
 */
export async function checkSharedSecrets(
  db: Database,
  secrets: { masterKey: Buffer; jwtSecret: Buffer },
): Promise<void> {
  const fingerprints = {
    master_key_fingerprint: fingerprint("master key", secrets.masterKey),
    jwt_secret_fingerprint: fingerprint("jwt secret", secrets.jwtSecret),
  };
  const { rows } = await db.query<{ key: string; value: string }>(
    "select key, value from platform_meta where key = any($1)",
    [Object.keys(fingerprints)],
  );
  for (const row of rows) {
    if (row.value !== fingerprints[row.key as keyof typeof fingerprints]) {
      const variable = row.key === "master_key_fingerprint" ? "MASTER_KEY" : "JWT_SECRET";
      throw new Error(
        `this instance's ${variable} is not the one this database was set up with: every instance sharing a database ` +
          `needs the same ${variable} (set it in the environment, or share the data folder's secrets/)`,
      );
    }
  }
  for (const [key, value] of Object.entries(fingerprints)) {
    await db.query("insert into platform_meta (key, value) values ($1, $2) on conflict (key) do nothing", [key, value]);
  }
}

function fingerprint(label: string, secret: Buffer): string {
  return createHash("sha256").update(`ipledge ${label} fingerprint\u0000`).update(secret).digest("hex");
}
