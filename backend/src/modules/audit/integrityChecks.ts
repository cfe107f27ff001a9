/**
 * Integrity checks as jobs (table integrity_checks, migration 013). One check runs at a time across
 * all instances: the runner holds an advisory lock on a connection of its own (outside the request
 * pool, for the check's whole length) and writes its progress, then its report, to its row. A
 * request for a check while one runs waits for that one and answers its report; a runner that
 * died (its connection, and so its lock, gone) leaves its row unfinished, and the next request
 * runs a new check.
 */
import type pg from "pg";
import { chainError } from "../../chain/chain.js";
import type { AppContext } from "../../context.js";
import { domainError, type Queryable } from "../../db/db.js";
import { checkIntegrity, type IntegrityReport, type Progress } from "./verify.js";

const CHECK_LOCK = 7_366_003;
/** Progress is written at most this often. */
const PROGRESS_EVERY_MS = 1_000;

export interface IntegrityCheck {
  id: string;
  state: "running" | "done" | "failed" | "interrupted";
  startedAt: string;
  finishedAt: string | null;
  progress: Partial<Progress>;
  report: IntegrityReport | null;
  error: string | null;
}

/** Runs a check, or waits for the one running; resolves with its report. */
export async function checkOrJoin(ctx: AppContext): Promise<IntegrityReport> {
  // With the node away there is nothing to check against: refused before anything is recorded.
  await ctx.chain.ensureReachable();
  const connection = await ctx.db.ownConnection("integrity-check", () => undefined);
  try {
    const { rows } = await connection.query<{ locked: boolean }>("select pg_try_advisory_lock($1) as locked", [
      CHECK_LOCK,
    ]);
    if (!rows[0].locked) {
      // Another check runs: its end releases the lock. Its report is the answer, unless it died.
      await connection.query("select pg_advisory_lock($1)", [CHECK_LOCK]);
      const latest = await latestCheck(connection);
      if (latest?.report) return latest.report;
    }
    return await runCheck(ctx, connection);
  } catch (error) {
    throw chainError(domainError(error));
  } finally {
    // Ending the session releases the lock.
    await connection.end().catch(() => undefined);
  }
}

/** Starts a check in the background (or joins the running one); the check as it stands. */
export async function startCheck(ctx: AppContext): Promise<IntegrityCheck> {
  await ctx.chain.ensureReachable();
  const before = (await latestCheck(ctx.db))?.id ?? "0";
  let settled = false;
  const running = checkOrJoin(ctx)
    .catch((error: Error) => ctx.logger.warn("integrity check failed", { error: error.message }))
    .finally(() => (settled = true));
  // The new check's row appears once its runner has the lock (a joined check's row is there already).
  for (;;) {
    const latest = await latestCheck(ctx.db);
    if (latest && (latest.state === "running" || BigInt(latest.id) > BigInt(before))) return latest;
    if (settled) return latest ?? Promise.reject(new Error("the integrity check left no record"));
    await Promise.race([running, new Promise((resolve) => setTimeout(resolve, 50))]);
  }
}

/** The newest check, running or not; undefined before the first. */
export async function latestCheck(db: Queryable): Promise<IntegrityCheck | undefined> {
  const { rows } = await db.query(
    `select c.*, exists (select 1 from pg_locks l where l.locktype = 'advisory' and l.objid = $1 and l.granted) as locked
       from integrity_checks c order by c.id desc limit 1`,
    [CHECK_LOCK],
  );
  const row = rows[0];
  if (!row) return undefined;
  const state = row.finished_at ? (row.report ? "done" : "failed") : row.locked ? "running" : "interrupted";
  return {
    id: String(row.id),
    state,
    startedAt: (row.started_at as Date).toISOString(),
    finishedAt: row.finished_at ? (row.finished_at as Date).toISOString() : null,
    progress: row.progress,
    report: row.report,
    error: row.error,
  };
}

async function runCheck(ctx: AppContext, connection: pg.Client): Promise<IntegrityReport> {
  const { rows } = await connection.query<{ id: string }>("insert into integrity_checks default values returning id");
  const id = rows[0].id;
  let written = 0;
  const progress = (now: Progress) => {
    if (Date.now() - written < PROGRESS_EVERY_MS && now.phase === "replaying") return;
    written = Date.now();
    void ctx.db
      .query("update integrity_checks set progress = $2 where id = $1 and finished_at is null", [id, now])
      .catch(() => undefined);
  };
  try {
    const report = await checkIntegrity(
      connection,
      {
        rpcUrl: ctx.chain.rpcUrl,
        addresses: ctx.chain.addresses,
        startBlock: ctx.chain.deployment.startBlock,
      },
      progress,
    );
    await connection.query("update integrity_checks set finished_at = now(), report = $2 where id = $1", [id, report]);
    return report;
  } catch (error) {
    await connection
      .query("update integrity_checks set finished_at = now(), error = $2 where id = $1", [
        id,
        (error as Error).message,
      ])
      .catch(() => undefined);
    throw error;
  }
}
