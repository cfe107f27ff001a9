/**
 * The embedded chain of `npm start`, durable by construction. anvil keeps its chain in memory; here
 * it is kept on disk two ways:
 *
 * - snapshots: the whole chain (anvil_dumpState) in chain/state.json, written atomically (a
 *   temporary file, fsync, rename, fsync of the folder) every few seconds while blocks are added,
 *   and on a clean stop;
 * - the block journal in PostgreSQL (chain_blocks): the indexer writes every block it applies, raw
 *   transactions included, in the same transaction as the block's events (blockJournal.ts).
 *
 * So every block the database knows of (and with it every write that answered 2xx) is in the newest
 * snapshot or in the journal. On start, the blocks the snapshot lacks are mined again from the
 * journal, with their original transactions, times and base fees, and each must come out with its
 * original hash: the chain is then the one the database indexed, and nothing else has to change.
 *
 * A run that died without stopping (kill -9 of the main process, the OOM killer) leaves its anvil
 * running. The next start finds it by the pid file in the chain folder, checked against the
 * process's command line (which names this folder), saves its chain as a snapshot and stops it.
 */
import { closeSync, existsSync, fsyncSync, openSync, readFileSync, renameSync, rmSync, writeSync } from "node:fs";
import path from "node:path";
import { gunzipSync } from "node:zlib";
import type { Queryable } from "../db/db.js";
import type { Logger } from "../logger.js";
import { startAnvil, type RunningAnvil } from "./anvil.js";
import { journalBlocksAbove, pruneJournal, type JournalBlock } from "./blockJournal.js";
import { rawRpc, rawRpcBatch } from "./chain.js";
import { commandLineOf, signalAndWait } from "../processes.js";

export interface LocalChainOptions {
  /** The chain folder: state.json (the newest snapshot), anvil.pid while anvil runs. */
  directory: string;
  port: number;
  /** Unix seconds of the genesis block, for a new chain. */
  genesisTimestamp?: number;
  onLog?: (line: string) => void;
}

interface Head {
  number: number;
  hash: string;
  timestamp: number;
}

const SNAPSHOT_EVERY_MS = 10_000;
const DUMP_TIMEOUT_MS = 120_000;
/** Tries at mining one journal block again: a second boundary may fall between setting the time and mining. */
const REPLAY_ATTEMPTS = 3;

export class ChainRestoreError extends Error {
  constructor(reason: string) {
    super(
      `the local chain cannot be brought forward to what the database has indexed: ${reason}.\n` +
        "Nothing was changed. To start over with an empty platform, run: npm run reset",
    );
    this.name = "ChainRestoreError";
  }
}

export class LocalChain {
  private saving: Promise<Head | undefined> = Promise.resolve(undefined);
  private savedHead: Head | undefined;
  private timer: NodeJS.Timeout | undefined;

  private constructor(
    private readonly anvil: RunningAnvil,
    private readonly directory: string,
    /** True when this start created the chain (no snapshot existed). */
    readonly fresh: boolean,
  ) {}

  get url(): string {
    return this.anvil.url;
  }

  static snapshotFile(directory: string): string {
    return path.join(directory, "state.json");
  }

  static async start(options: LocalChainOptions): Promise<LocalChain> {
    const directory = path.resolve(options.directory);
    await saveAndStopLeftover(directory);
    const snapshot = LocalChain.snapshotFile(directory);
    rmSync(`${snapshot}.tmp`, { force: true });
    const fresh = !existsSync(snapshot);
    const anvil = await startAnvil({
      port: options.port,
      timestamp: fresh ? options.genesisTimestamp : undefined,
      pidFile: path.join(directory, "anvil.pid"),
      onLog: options.onLog,
      // --config-out names this folder on anvil's command line, which is how a later start knows a
      // left-over anvil is this folder's; fifo keeps a block's transactions in the order they came.
      extraArgs: [
        ...(fresh ? [] : ["--load-state", snapshot]),
        "--preserve-historical-states",
        "--order",
        "fifo",
        "--config-out",
        path.join(directory, "anvil.json"),
      ],
    });
    const chain = new LocalChain(anvil, directory, fresh);
    if (!fresh) await chain.keepClockFromGoingBack();
    return chain;
  }

  /**
   * Writes a snapshot of the chain as it is now; resolves with the head it holds at least. Snapshots
   * are taken one at a time; none is written while nothing was mined since the last.
   */
  save(): Promise<Head | undefined> {
    this.saving = this.saving.then(
      () => this.writeSnapshot(),
      () => this.writeSnapshot(),
    );
    return this.saving;
  }

  /**
   * Mines again, from the journal, every block the database indexed that the chain lost; returns
   * how many. Runs before the indexer starts.
   */
  async restore(db: Queryable, logger?: Logger): Promise<number> {
    let head = await this.head();
    let replayed = 0;
    for (;;) {
      const blocks = await journalBlocksAbove(db, head.number);
      if (blocks.length === 0) break;
      if (replayed === 0) {
        logger?.warn("the local chain is behind the database: mining the journal's blocks again", {
          chainHead: head.number,
          from: blocks[0].number,
        });
        await rawRpc(this.url, "evm_setAutomine", [false]);
      }
      for (const block of blocks) {
        if (block.number !== head.number + 1 || block.parentHash !== head.hash) {
          throw new ChainRestoreError(
            `the journal's block ${block.number} does not follow the chain's block ${head.number} (${head.hash})`,
          );
        }
        head = await this.mineAgain(block);
        replayed += 1;
      }
    }
    if (replayed > 0) {
      await rawRpc(this.url, "evm_setAutomine", [true]);
      await this.keepClockFromGoingBack();
      await this.save();
    }
    return replayed;
  }

  /** Snapshots every few seconds while blocks are added, and forgets the journal's blocks each one holds. */
  keepSaving(db: Queryable, logger: Logger): void {
    clearInterval(this.timer);
    this.timer = setInterval(() => {
      void this.save()
        .then((head) => head && pruneJournal(db, head.number))
        .catch((error: Error) =>
          logger.warn("chain snapshot failed; the journal keeps the blocks", { error: error.message }),
        );
    }, SNAPSHOT_EVERY_MS);
    this.timer.unref();
  }

  stopSaving(): void {
    clearInterval(this.timer);
  }

  /** A last snapshot, then anvil stops. */
  async stop(): Promise<void> {
    this.stopSaving();
    try {
      await this.save();
    } finally {
      await this.anvil.stop();
    }
  }

  private async head(): Promise<Head> {
    const block = await rawRpc<{ number: string; hash: string; timestamp: string }>(this.url, "eth_getBlockByNumber", [
      "latest",
      false,
    ]);
    return { number: Number(block.number), hash: block.hash, timestamp: Number(block.timestamp) };
  }

  private async writeSnapshot(): Promise<Head | undefined> {
    // The head is read first: the dump taken after it holds at least that block.
    const head = await this.head();
    if (this.savedHead?.hash === head.hash) return this.savedHead;
    const dump = await rawRpc<string>(this.url, "anvil_dumpState", [], DUMP_TIMEOUT_MS);
    writeDurably(LocalChain.snapshotFile(this.directory), stateJson(dump));
    this.savedHead = head;
    return head;
  }

  /**
   * One journal block, mined again: its transactions into the pool (automine is off), its base fee,
   * its time, one block. The block must have the original hash; a second boundary falling between
   * setting the time and mining gives another one, which is rolled back and mined again.
   */
  private async mineAgain(block: JournalBlock): Promise<Head> {
    for (let attempt = 1; attempt <= REPLAY_ATTEMPTS; attempt++) {
      for (const raw of block.transactions) {
        await rawRpc(this.url, "eth_sendRawTransaction", [raw]).catch((error: Error) => {
          if (!/already imported|already known/i.test(error.message)) throw error;
        });
      }
      await rawRpcBatch(this.url, [
        ...(block.baseFeePerGas ? [{ method: "anvil_setNextBlockBaseFeePerGas", params: [block.baseFeePerGas] }] : []),
        { method: "evm_setTime", params: [block.timestamp] },
        { method: "evm_mine", params: [] },
      ]);
      const mined = await this.head();
      if (mined.hash === block.hash) return mined;
      await rawRpc(this.url, "anvil_rollback", [1]);
      if (attempt === REPLAY_ATTEMPTS) {
        throw new ChainRestoreError(
          `block ${block.number} mined again as ${mined.hash} (time ${mined.timestamp}), not as ${block.hash} (time ${block.timestamp})`,
        );
      }
    }
    throw new Error("unreachable");
  }

  /**
   * anvil starts its clock at the wall clock's time when it loads a snapshot, even when the newest
   * block is later (the clock was moved forward): the ledger's time must never go back.
   */
  private async keepClockFromGoingBack(): Promise<void> {
    const head = await this.head();
    await rawRpc(this.url, "evm_setTime", [Math.max(head.timestamp, Math.floor(Date.now() / 1000))]);
  }
}

/** anvil_dumpState answers hex of gzipped JSON, the format --load-state reads unzipped. */
function stateJson(dump: string): Buffer {
  const bytes = Buffer.from(dump.replace(/^0x/, ""), "hex");
  return bytes[0] === 0x1f && bytes[1] === 0x8b ? gunzipSync(bytes) : bytes;
}

/** Replaces `file` with `content` so that a crash at any instant leaves the old file or the new one. */
function writeDurably(file: string, content: Buffer): void {
  const temporary = `${file}.tmp`;
  const fd = openSync(temporary, "w", 0o600);
  try {
    writeSync(fd, content);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(temporary, file);
  const folder = openSync(path.dirname(file), "r");
  try {
    fsyncSync(folder);
  } finally {
    closeSync(folder);
  }
}

/**
 * The anvil a previous run of this folder left running, if any: its chain is saved as the snapshot
 * (it holds every block, indexed or not), then it is stopped. Known by the pid file and by its
 * command line naming this folder, never by its name, so no other program is ever touched.
 */
async function saveAndStopLeftover(directory: string): Promise<void> {
  const pidFile = path.join(directory, "anvil.pid");
  if (!existsSync(pidFile)) return;
  const { pid, port } = JSON.parse(readFileSync(pidFile, "utf8")) as { pid: number; port: number };
  if (commandLineOf(pid)?.includes(directory)) {
    try {
      const dump = await rawRpc<string>(`http://127.0.0.1:${port}`, "anvil_dumpState", [], DUMP_TIMEOUT_MS);
      writeDurably(LocalChain.snapshotFile(directory), stateJson(dump));
    } catch {
      // It does not answer: the last snapshot and the journal have what the database knows.
    }
    await signalAndWait(pid, "SIGKILL");
  }
  rmSync(pidFile, { force: true });
}
