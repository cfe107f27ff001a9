/**
 * A test hook, not a feature: backend/test/crash.test.ts sets `IPLEDGE_CRASH_AT=<point>:<n>` and
 * the process kills itself with SIGKILL the n-th time it reaches that point, so the test can prove
 * that a crash at each dangerous moment of a write loses and duplicates nothing. Read once at start
 * and honoured only when NODE_ENV is "test"; anywhere else the variable is ignored.
 */
export const CRASH_POINTS = [
  /** The indexer stored an event of a batch; the rest of the batch, its blocks and cursor are not. */
  "indexer-mid-batch",
  /** The indexer's batch is complete, just before its COMMIT. */
  "indexer-commit",
  /** A transaction went to the node (eth_sendRawTransaction returned); no receipt yet. */
  "signer-sent",
  /** The receipt is in; the write has not waited for the indexer nor answered. */
  "signer-mined",
  /** A write's 2xx response went out (acknowledged); the indexer may still be behind. */
  "write-acknowledged",
  /** A key rotation's proposal is on chain (or was already); the new key has not accepted it. */
  "rotation-proposed",
] as const;

export type CrashPoint = (typeof CRASH_POINTS)[number];

const armed = parse(process.env.NODE_ENV === "test" ? process.env.IPLEDGE_CRASH_AT : undefined);
let reached = 0;

/** Called at each named point; kills the process there when the test armed it. */
export function crashPoint(point: CrashPoint): void {
  if (armed?.point !== point || ++reached < armed.count) return;
  process.kill(process.pid, "SIGKILL");
}

function parse(value: string | undefined): { point: CrashPoint; count: number } | undefined {
  if (!value) return undefined;
  const [point, count = "1"] = value.split(":");
  if (!(CRASH_POINTS as readonly string[]).includes(point) || !/^[1-9]\d*$/.test(count)) {
    throw new Error(`IPLEDGE_CRASH_AT is <point>:<n> with a point of ${CRASH_POINTS.join(", ")}; got ${value}`);
  }
  return { point: point as CrashPoint, count: Number(count) };
}
