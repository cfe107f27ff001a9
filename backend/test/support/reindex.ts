/**
 * The projections against a full re-index: every table the indexer writes, read in a stable order,
 * and the same tables as rebuildProjections() makes them again from the stored events alone.
 */
import type pg from "pg";
import { rebuildProjections } from "../../src/indexer/apply.js";

/** Each table the indexer writes, with the key that orders its rows. */
export const PROJECTIONS = {
  platform_state: "id",
  patents: "id",
  appraisals: "patent_id, index",
  products: "id",
  loans: "id",
  loan_patents: "loan_id, position",
  notifications: "id",
  chain_events: "block_number, log_index",
  chain_event_orgs: "org_id, block_number, log_index",
};

export type Projections = Record<string, unknown[]>;

export async function dumpProjections(db: pg.ClientBase): Promise<Projections> {
  const tables: Projections = {};
  for (const [table, key] of Object.entries(PROJECTIONS)) {
    tables[table] = (await db.query(`select * from ${table} order by ${key}`)).rows;
  }
  return tables;
}

/** What a full re-index from block 0's stored events gives, in a transaction rolled back after. */
export async function reindexedProjections(client: pg.PoolClient): Promise<Projections> {
  await client.query("begin");
  try {
    await rebuildProjections(client);
    return await dumpProjections(client);
  } finally {
    await client.query("rollback");
  }
}
