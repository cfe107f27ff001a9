/**
 * Where a write's time goes, measured inside the platform the bench runs in its own process: the
 * signer queue's public and private steps and the indexer's wait are wrapped with timers (the
 * methods are replaced on these instances only; nothing else changes), and the event loop's delay
 * is sampled. It turns "the target was missed" into "this is what the time was spent on".
 */
import { monitorEventLoopDelay } from "node:perf_hooks";
import type { Platform } from "../../../backend/src/platform.js";

type Timed = "send" | "sendUnderLock" | "waitForReceipt" | "waitFor";

export interface ProbeResult {
  /** Mean milliseconds per signed write. */
  queueWaitMs: number;
  underLockMs: number;
  receiptWaitMs: number;
  indexerWaitMs: number;
  writes: number;
  eventLoopDelayP50Ms: number;
  eventLoopDelayP99Ms: number;
  /** PostgreSQL pool: mean queries waiting for a connection, and the share of samples with none idle. */
  poolWaitingMean: number;
  poolExhaustedShare: number;
  poolSize: number;
}

export class WriteProbe {
  private readonly totals: Record<Timed, { ms: number; calls: number }> = {
    send: { ms: 0, calls: 0 },
    sendUnderLock: { ms: 0, calls: 0 },
    waitForReceipt: { ms: 0, calls: 0 },
    waitFor: { ms: 0, calls: 0 },
  };
  private readonly loop = monitorEventLoopDelay({ resolution: 10 });
  private recording = false;
  private readonly pool: Platform["ctx"]["db"]["pool"];
  private poolSamples = { count: 0, waiting: 0, exhausted: 0, size: 0 };
  private poolTimer: NodeJS.Timeout | undefined;

  constructor(platform: Platform) {
    const { signer, indexer, db } = platform.ctx;
    this.pool = db.pool;
    // sendUnderLock and waitForReceipt are private to SignerQueues: reached through the instance.
    for (const name of ["send", "sendUnderLock", "waitForReceipt"] as const) this.wrap(signer, name);
    this.wrap(indexer, "waitFor");
  }

  start(): void {
    for (const total of Object.values(this.totals)) Object.assign(total, { ms: 0, calls: 0 });
    this.loop.reset();
    this.loop.enable();
    this.recording = true;
    this.poolSamples = { count: 0, waiting: 0, exhausted: 0, size: 0 };
    this.poolTimer = setInterval(() => {
      const { waitingCount, idleCount, totalCount } = this.pool;
      this.poolSamples.count++;
      this.poolSamples.waiting += waitingCount;
      if (idleCount === 0 && waitingCount > 0) this.poolSamples.exhausted++;
      this.poolSamples.size = Math.max(this.poolSamples.size, totalCount);
    }, 50);
  }

  stop(): ProbeResult {
    this.recording = false;
    this.loop.disable();
    clearInterval(this.poolTimer);
    const samples = Math.max(this.poolSamples.count, 1);
    const mean = (name: Timed) => (this.totals[name].calls ? this.totals[name].ms / this.totals[name].calls : 0);
    return {
      queueWaitMs: mean("send") - mean("sendUnderLock") - mean("waitForReceipt"),
      underLockMs: mean("sendUnderLock"),
      receiptWaitMs: mean("waitForReceipt"),
      indexerWaitMs: mean("waitFor"),
      writes: this.totals.send.calls,
      eventLoopDelayP50Ms: this.loop.percentile(50) / 1e6,
      eventLoopDelayP99Ms: this.loop.percentile(99) / 1e6,
      poolWaitingMean: this.poolSamples.waiting / samples,
      poolExhaustedShare: this.poolSamples.exhausted / samples,
      poolSize: this.poolSamples.size,
    };
  }

  private wrap(target: object, name: Timed): void {
    const methods = target as unknown as Record<string, (...args: unknown[]) => Promise<unknown>>;
    const original = methods[name].bind(target);
    methods[name] = async (...args: unknown[]) => {
      const started = performance.now();
      try {
        return await original(...args);
      } finally {
        if (this.recording) {
          this.totals[name].ms += performance.now() - started;
          this.totals[name].calls++;
        }
      }
    };
  }
}
