/**
 * The indexer: reads the contracts' logs from confirmed blocks and writes the events (unique on
 * tx hash + log index), the projections and the cursor (block number + hash) in one database
 * transaction per batch. A block-hash mismatch at the cursor is a reorganisation: it rolls back
 * to the newest block both agree on and rebuilds the projections from the stored events. Exactly
 * one instance indexes at a time (a session-level advisory lock); the others wait for the cursor.
 */
import { EventEmitter } from "node:events";
import type pg from "pg";
import { dropJournalAbove, readJournalBlocks, storeJournalBlocks } from "../chain/blockJournal.js";
import { rawRpc, type Chain } from "../chain/chain.js";
import { domainError, type Database, type Queryable } from "../db/db.js";
import { crashPoint } from "../crashPoints.js";
import { ApiError } from "../errors.js";
import type { Logger } from "../logger.js";
import { applyEvents, rebuildProjections, storedEvent, writeAsIndexer, type StoredEvent } from "./apply.js";
import { storeIndexedBlocks } from "./auditTrail.js";
import { readHeaders, readLogs, type ChainLog, type Header } from "./chainReader.js";
import { dateOfSeconds } from "../domain/time.js";

const INDEXER_LOCK = 7_366_002;
/** Headers per request when looking for the common ancestor of a reorganisation. */
const HEADERS_PER_REQUEST = 250;
/** Block hashes RecentlyIndexed keeps. */
const RECENT_BLOCKS = 4_096;

export interface IndexerOptions {
  confirmations: number;
  pollMs: number;
  batchBlocks: number;
  startBlock: number;
  /** Logs one batch (one database transaction) takes at most, whatever its block range. */
  maxLogsPerBatch?: number;
  /** Also write every block of each batch to the block journal (npm start's embedded chain: localChain.ts). */
  journalBlocks?: boolean;
  /**
   * Runs in the transaction of a batch that reaches the confirmed head, with the head's block: what
   * the chain's clock makes due (the notice scheduler), there as soon as that block is indexed.
   */
  atHead?: (client: Queryable, head: { number: number; time: Date }) => Promise<void>;
}

const MAX_LOGS_PER_BATCH = 20_000;
const FIRST_SPAN = 16;

/** A committed batch: its block range and how many logs it took. */
export interface BatchCommitted {
  from: number;
  to: number;
  logs: number;
}

export interface Cursor {
  blockNumber: number;
  blockHash: string;
}

/**
 * What this instance's indexer committed lately, kept while it holds the indexer's lock (nobody
 * else can move the cursor then): the cursor and the hashes of the blocks it stored. Writes waiting
 * for their block ask it first, so waiting costs no query.
 */
class RecentlyIndexed {
  private upTo: number | undefined;
  private readonly hashes = new Map<number, string>();

  /** Forgets every block; `upTo` is the cursor as read under the lock, undefined without the lock. */
  reset(upTo?: number): void {
    this.upTo = upTo;
    this.hashes.clear();
  }

  committed(upTo: number, blocks: Iterable<{ number: number; hash: string }>): void {
    this.upTo = upTo;
    for (const block of blocks) this.hashes.set(block.number, block.hash);
    for (const number of this.hashes.keys()) {
      if (this.hashes.size <= RECENT_BLOCKS) break;
      this.hashes.delete(number);
    }
  }

  get known(): boolean {
    return this.upTo !== undefined;
  }

  /** Whether the block is indexed; undefined when only the database can tell. */
  has(blockNumber: number, blockHash?: string): boolean | undefined {
    if (this.upTo === undefined) return undefined;
    if (blockNumber > this.upTo) return false;
    if (blockHash === undefined) return true;
    const hash = this.hashes.get(blockNumber);
    return hash === undefined ? undefined : hash === blockHash;
  }
}

export class Indexer {
  private readonly committed = new EventEmitter();
  private readonly recent = new RecentlyIndexed();
  /** The indexer's own connection (outside the request pool) and whether it holds the lock. */
  private connection: pg.Client | undefined;
  private locked = false;
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private again = false;
  private stopped = true;
  /**
   * Blocks the next batch asks for: it starts small (a chain unknown yet may be dense with logs, and
   * one eth_getLogs answer must fit in memory), doubles while batches stay under half their log
   * limit, up to batchBlocks, and narrows where blocks are dense.
   */
  private span: number;
  lastError: string | undefined;

  constructor(
    private readonly db: Database,
    private readonly chain: Chain,
    private readonly logger: Logger,
    private readonly options: IndexerOptions,
  ) {
    this.committed.setMaxListeners(0);
    this.span = Math.min(options.batchBlocks, FIRST_SPAN);
  }

  get active(): boolean {
    return this.locked;
  }

  start(): void {
    this.stopped = false;
    this.schedule(0);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.running;
    await this.releaseLock();
  }

  /** Calls `listener` after each batch this instance commits; returns how to stop. */
  onBatch(listener: (batch: BatchCommitted) => void): () => void {
    this.committed.on("commit", listener);
    return () => void this.committed.off("commit", listener);
  }

  /** Runs a pass now (or right after the current one). */
  poke(): void {
    if (this.stopped) return;
    if (this.running) this.again = true;
    else this.schedule(0);
  }

  async cursor(): Promise<Cursor | null> {
    return this.readCursor(this.db);
  }

  private async readCursor(db: Queryable): Promise<Cursor | null> {
    const { rows } = await db.query("select block_number, block_hash from indexer_cursor");
    return rows[0] ? { blockNumber: Number(rows[0].block_number), blockHash: rows[0].block_hash } : null;
  }

  /**
   * A transaction on the connection that holds the indexer's lock: the indexer never queues for
   * the pool behind the requests it is holding up (every write waits for its block's projection).
   */
  private async inTransaction(work: (client: Queryable) => Promise<void>): Promise<void> {
    const client = this.locked ? this.connection : undefined;
    if (!client) throw new Error("the indexer lost its lock connection");
    try {
      await client.query("begin");
      await writeAsIndexer(client);
      await work(client);
      await client.query("commit");
    } catch (error) {
      await client.query("rollback").catch(() => undefined);
      throw domainError(error);
    }
  }

  /**
   * Resolves once the projections include block `blockNumber`, indexed here or by another
   * instance. With `blockHash`, that very block: a cursor that reached the height on another
   * branch (a reorganisation the indexer has not seen yet) does not count. The block is mined, so
   * a database that is away meanwhile only delays the answer, up to the timeout.
   */
  async waitFor(blockNumber: number, blockHash?: string, timeoutMs = 60_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    for (let delay = 10; ; delay = Math.min(delay * 2, 200)) {
      const recently = this.recent.has(blockNumber, blockHash);
      if (recently === true) return;
      if (recently === undefined && (await this.hasIndexed(blockNumber, blockHash).catch(notWhileDatabaseAway))) return;
      if (Date.now() > deadline) {
        throw new ApiError(504, "INDEXING_PENDING", `block ${blockNumber} is mined but not indexed yet`, {
          blockNumber,
        });
      }
      this.poke();
      await new Promise<void>((resolve) => {
        const done = () => {
          clearTimeout(timer);
          this.committed.off("commit", done);
          resolve();
        };
        const timer = setTimeout(done, delay);
        this.committed.once("commit", done);
      });
    }
  }

  private async hasIndexed(blockNumber: number, blockHash?: string): Promise<boolean> {
    const { rows } = await this.db.query<{ cursor: string; hash: string | null }>(
      `select c.block_number as cursor, (select b.hash from indexed_blocks b where b.number = $1) as hash
         from indexer_cursor c`,
      [blockNumber],
    );
    const row = rows[0];
    if (!row || Number(row.cursor) < blockNumber) return false;
    return blockHash === undefined || row.hash === blockHash;
  }

  private schedule(delayMs: number): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.running = this.pass().finally(() => {
        this.running = undefined;
        if (this.stopped) return;
        const next = this.again ? 0 : this.options.pollMs;
        this.again = false;
        this.schedule(next);
      });
    }, delayMs);
  }

  /** One pass: take the lock if free, then catch up batch by batch to the confirmed head. */
  private async pass(): Promise<void> {
    try {
      if (!(await this.holdLock())) return;
      for (;;) {
        const head = Number(await rawRpc<string>(this.chain.rpcUrl, "eth_blockNumber", []));
        const safe = head - this.options.confirmations;
        const progressed = await this.step(safe);
        if (!progressed || this.stopped) break;
      }
      this.lastError = undefined;
    } catch (error) {
      this.lastError = (error as Error).message;
      this.logger.warn("indexer pass failed; retrying", { error: this.lastError });
      if (isConnectionLoss(error)) await this.releaseLock();
    }
  }

  /**
   * Takes the indexer's lock if it is free, on a connection of the indexer's own (outside the
   * request pool, kept open while another instance holds the lock). A lost connection loses the lock.
   */
  private async holdLock(): Promise<boolean> {
    if (this.locked) return true;
    if (!this.connection) {
      const connection = await this.db.ownConnection("indexer", () => {
        if (this.connection === connection) void this.releaseLock(true);
      });
      this.connection = connection;
    }
    const connection = this.connection;
    try {
      const { rows } = await connection.query<{ locked: boolean }>("select pg_try_advisory_lock($1) as locked", [
        INDEXER_LOCK,
      ]);
      if (!rows[0].locked) return false;
    } catch (error) {
      await this.releaseLock(true);
      throw domainError(error);
    }
    this.locked = this.connection === connection;
    if (this.locked) this.logger.info("indexer active on this instance");
    return this.locked;
  }

  /** Gives up the lock; `broken` (or stopping) also closes the connection, which ends the lock too. */
  private async releaseLock(broken = false): Promise<void> {
    const connection = this.connection;
    const locked = this.locked;
    this.locked = false;
    this.recent.reset();
    if (!connection) return;
    if (locked && !broken) {
      await connection.query("select pg_advisory_unlock($1)", [INDEXER_LOCK]).catch(() => undefined);
    }
    if (broken || this.stopped) {
      this.connection = undefined;
      await connection.end().catch(() => undefined);
    }
  }

  /** Indexes the next batch up to `safe`; false when there was nothing to do. */
  private async step(safe: number): Promise<boolean> {
    const cursor = (await this.readCursor(this.connection!)) ?? (await this.initialCursor());
    if (!this.recent.known) this.recent.reset(cursor.blockNumber);
    // Caught up: the chain may still have replaced the cursor's block (one header read per pass).
    if (cursor.blockNumber >= safe) return !(await this.checkForReorg(cursor));
    if (!(await this.checkForReorg(cursor))) return true;
    const from = cursor.blockNumber + 1;
    const to = Math.min(safe, cursor.blockNumber + this.span);
    const batch = await this.fetchBatch(cursor, from, to);
    if (!batch) return true; // the chain moved under us: the next step re-checks
    this.adaptSpan(from, to, batch.to, batch.logs.length);
    const last = batch.blocks.get(batch.to)!;
    const journal = this.options.journalBlocks
      ? await readJournalBlocks(this.chain.rpcUrl, {
          from,
          to: batch.to,
          parentHash: cursor.blockHash,
          lastHash: last.hash,
        })
      : [];
    if (!journal) return true; // the chain moved under us: the next step re-checks
    await this.inTransaction(async (client) => {
      await storeJournalBlocks(client, journal);
      await this.applyBatch(client, batch.logs, batch.blocks);
      if (batch.to >= safe)
        await this.options.atHead?.(client, { number: batch.to, time: dateOfSeconds(last.timestamp) });
      await storeIndexedBlocks(
        client,
        [...batch.blocks.values()].map((block) => ({
          number: block.number,
          hash: block.hash,
          time: dateOfSeconds(block.timestamp),
        })),
      );
      // Moves the cursor only from where this batch began: if anything else moved it meanwhile
      // (a second indexer whose lock connection was lost), the whole batch rolls back.
      const moved = await client.query(
        `insert into indexer_cursor (block_number, block_hash) values ($1, $2)
         on conflict (id) do update set block_number = $1, block_hash = $2, updated_at = now()
           where indexer_cursor.block_number = $3 and indexer_cursor.block_hash = $4`,
        [batch.to, last.hash, cursor.blockNumber, cursor.blockHash],
      );
      if (moved.rowCount !== 1) throw new Error("the indexer cursor moved under this batch; retrying");
      crashPoint("indexer-commit");
    });
    this.recent.committed(batch.to, batch.blocks.values());
    const committed: BatchCommitted = { from, to: batch.to, logs: batch.logs.length };
    this.logger.debug("indexer batch committed", { ...committed });
    this.committed.emit("commit", committed);
    return true;
  }

  /**
   * A batch cut short by its log limit shrinks the next one's range to what fitted; a whole batch
   * under half the limit doubles it again, up to batchBlocks. So dense stretches of the chain are not
   * fetched again and again, and sparse ones still go in large steps.
   */
  private adaptSpan(from: number, asked: number, ended: number, logs: number): void {
    const limit = this.options.maxLogsPerBatch ?? MAX_LOGS_PER_BATCH;
    if (ended < asked) this.span = Math.max(1, ended - from + 1);
    else if (asked - from + 1 >= this.span && logs < limit / 2)
      this.span = Math.min(this.options.batchBlocks, this.span * 2);
  }

  private async initialCursor(): Promise<Cursor> {
    const number = Math.max(this.options.startBlock - 1, 0);
    const [block] = await this.headers([number]);
    if (!block) throw new Error(`block ${number} is missing on the chain`);
    return { blockNumber: number, blockHash: block.hash };
  }

  /**
   * The contracts' logs in [from, to] and the headers of their blocks, by plain JSON-RPC (one
   * eth_getLogs, header reads in batch requests); null when the chain moved while reading. More
   * than maxLogsPerBatch logs end the batch early, after the last whole block within the limit
   * (a block alone over the limit is taken whole): `to` is where the batch ends.
   */
  private async fetchBatch(cursor: Cursor, from: number, to: number) {
    const { finance, registry } = this.chain.addresses;
    // The last block's hash before and after reading the logs: equal means the logs come from the
    // branch the cursor will name (block hashes chain, so any change in the range changes it).
    const [lastBefore] = await this.headers([to]);
    const logs = await readLogs(this.chain.rpcUrl, [finance, registry], from, to);
    const numbers = [...new Set([from, to, ...logs.map((log) => log.blockNumber)])];
    const blocks = new Map<number, Header>();
    for (const header of await this.headers(numbers)) if (header) blocks.set(header.number, header);
    const consistent =
      blocks.size === numbers.length &&
      blocks.get(from)!.parentHash === cursor.blockHash &&
      blocks.get(to)!.hash === lastBefore?.hash &&
      logs.every((log) => blocks.get(log.blockNumber)?.hash === log.blockHash && !log.removed);
    if (!consistent) return null;
    const limit = this.options.maxLogsPerBatch ?? MAX_LOGS_PER_BATCH;
    if (logs.length <= limit) return { logs, blocks, to };
    // The blocks after the cut are fetched again next time, in a range adaptSpan narrows.
    const cut = logs[limit].blockNumber;
    const before = logs.filter((log) => log.blockNumber < cut);
    const kept = before.length > 0 ? before : logs.filter((log) => log.blockNumber === cut);
    const end = kept[kept.length - 1].blockNumber;
    for (const number of blocks.keys()) if (number > end) blocks.delete(number);
    return { logs: kept, blocks, to: end };
  }

  private headers(numbers: number[]): Promise<(Header | null)[]> {
    return readHeaders(this.chain.rpcUrl, numbers);
  }

  private async applyBatch(client: Queryable, logs: readonly ChainLog[], blocks: Map<number, Header>): Promise<void> {
    const events = logs
      .map((log) => this.toEvent(log, blocks.get(log.blockNumber)!))
      .filter((event): event is StoredEvent => event !== null);
    await applyEvents(client, events, () => crashPoint("indexer-mid-batch"));
  }

  private toEvent(log: ChainLog, block: Header): StoredEvent | null {
    const event = storedEvent(this.chain.addresses.finance, log, block.timestamp);
    if (!event) this.logger.warn("undecodable log skipped", { txHash: log.transactionHash, logIndex: log.logIndex });
    return event;
  }

  /** True when the cursor is on the canonical chain; otherwise rolls back and returns false. */
  private async checkForReorg(cursor: Cursor): Promise<boolean> {
    const [onChain] = await this.headers([cursor.blockNumber]);
    if (onChain?.hash === cursor.blockHash) return true;
    const ancestor = await this.commonAncestor();
    this.logger.warn("chain reorganisation: rolling back", { from: cursor.blockNumber, to: ancestor.blockNumber });
    this.recent.reset(); // the database alone can tell, until the rollback is committed
    await this.inTransaction(async (client) => {
      await client.query("delete from chain_events where block_number > $1", [ancestor.blockNumber]);
      await client.query("delete from indexed_blocks where number > $1", [ancestor.blockNumber]);
      await dropJournalAbove(client, ancestor.blockNumber);
      await client.query("update indexer_cursor set block_number = $1, block_hash = $2, updated_at = now()", [
        ancestor.blockNumber,
        ancestor.blockHash,
      ]);
      await rebuildProjections(client);
    });
    this.recent.reset(ancestor.blockNumber);
    return false;
  }

  private async commonAncestor(): Promise<Cursor> {
    // Newest first, a page at a time: most reorganisations are a block or two deep, so a few
    // headers first, then many to a request.
    let below = Number.MAX_SAFE_INTEGER;
    for (let size = 8; ; size = HEADERS_PER_REQUEST) {
      const { rows: stored } = await this.connection!.query<{ number: string; hash: string }>(
        "select number, hash from indexed_blocks where number < $1 order by number desc limit $2",
        [below, size],
      );
      if (stored.length === 0) return this.initialCursor();
      const onChain = await this.headers(stored.map((row) => Number(row.number)));
      const kept = stored.find((row, i) => onChain[i]?.hash === row.hash);
      if (kept) return { blockNumber: Number(kept.number), blockHash: kept.hash };
      below = Number(stored[stored.length - 1].number);
    }
  }
}

function isConnectionLoss(error: unknown): boolean {
  return error instanceof ApiError && error.code === "DATABASE_UNAVAILABLE";
}

/** While the database is away, nothing counts as indexed yet; any other failure stands. */
function notWhileDatabaseAway(error: unknown): false {
  if (isConnectionLoss(error)) return false;
  throw error;
}
