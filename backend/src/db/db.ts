/**
 * The one module that owns the PostgreSQL pool. Parameterised SQL only; parameters are never
 * logged. A transaction runs on one checked-out client. Connection failures become 503s and
 * constraint violations become domain errors, so callers never see driver internals.
 */
import { randomUUID } from "node:crypto";
import pg from "pg";
import { ApiError, badRequest, conflict, unavailable } from "../errors.js";
import type { Logger } from "../logger.js";

// numeric(78) (uint256) and bigint come back as strings; the app turns them into bigint where it
// does arithmetic. timestamptz comes back as Date.
pg.types.setTypeParser(pg.types.builtins.INT8, (value) => value);

/** A pool, a client in a transaction, or the Database: anything that runs one parameterised query. */
export interface Queryable {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  query<Row extends pg.QueryResultRow = any>(text: string, params?: unknown[]): Promise<pg.QueryResult<Row>>;
}

export class Database {
  readonly pool: pg.Pool;
  /** Set when the platform begins to stop: connection losses are expected from then on. */
  stopping = false;
  /** This instance's name among those sharing the database (the application_name of its presence). */
  readonly instance = `ipledge-api:${randomUUID()}`;
  private presence: pg.Client | undefined;
  private presenceRetry: NodeJS.Timeout | undefined;
  private accountsSeen = 0;
  private hearingAccounts = false;

  constructor(
    readonly connectionString: string,
    private readonly logger: Logger,
    poolSize = 10,
  ) {
    this.pool = new pg.Pool({ connectionString, max: poolSize, connectionTimeoutMillis: 5_000 });
    // An idle client's error (say the server restarted) must not crash the process. While the
    // platform stops, the server going away first is expected.
    this.pool.on("error", (error) => {
      if (!this.stopping) this.logger.warn("idle database client failed", { error: error.message });
    });
  }

  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  async query<Row extends pg.QueryResultRow = any>(text: string, params: unknown[] = []) {
    try {
      return await this.pool.query<Row>(text, params);
    } catch (error) {
      throw domainError(error);
    }
  }

  async withTransaction<T>(work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
    let client: pg.PoolClient;
    try {
      client = await this.pool.connect();
    } catch (error) {
      throw domainError(error);
    }
    try {
      await client.query("begin");
      const result = await work(client);
      await client.query("commit");
      return result;
    } catch (error) {
      await client.query("rollback").catch(() => undefined);
      throw domainError(error);
    } finally {
      client.release();
    }
  }

  /**
   * Runs `work` on one checked-out client holding the session-level advisory lock on
   * hashtextextended(`key`, `space`), outside a transaction: each statement of `work` commits on its
   * own. `work` runs every statement on that client; asking the pool for another connection while
   * holding this one waits forever once every connection is held that way. The lock ends with
   * `work`. A client whose unlock failed, or whose connection broke, is closed instead of pooled:
   * the server then drops the lock with the session, as it does when this process dies.
   */
  async withSessionLock<T>(key: string, space: number, work: (client: Queryable) => Promise<T>): Promise<T> {
    let client: pg.PoolClient;
    try {
      client = await this.pool.connect();
    } catch (error) {
      throw domainError(error);
    }
    // The pool listens to idle clients only: a connection lost while `work` waits on something
    // else must not be an uncaught error. The next statement on it fails instead.
    let broken = false;
    const lost = () => (broken = true);
    client.on("error", lost);
    let locked = false;
    try {
      await client.query("select pg_advisory_lock(hashtextextended($1, $2))", [key, space]);
      locked = true;
      return await work(client);
    } catch (error) {
      throw domainError(error);
    } finally {
      const unlocked =
        locked &&
        !broken &&
        (await client
          .query<{ unlocked: boolean }>("select pg_advisory_unlock(hashtextextended($1, $2)) as unlocked", [key, space])
          .then(
            ({ rows }) => rows[0].unlocked,
            () => false,
          ));
      client.removeListener("error", lost);
      client.release(!unlocked);
    }
  }

  /**
   * A connection of its own, outside the request pool, for work that holds a connection for long
   * (the indexer's lock): it never waits behind requests, and requests never wait behind it. Its
   * loss is reported to `lost` (once), never as an uncaught error; the caller ends it.
   */
  async ownConnection(purpose: string, lost: (error: Error) => void): Promise<pg.Client> {
    const client = new pg.Client({ connectionString: this.connectionString, application_name: `ipledge-${purpose}` });
    let reported = false;
    const report = (error: Error) => {
      if (reported) return;
      reported = true;
      lost(error);
    };
    client.on("error", report);
    client.on("end", () => report(new Error("Connection terminated")));
    try {
      await client.connect();
    } catch (error) {
      reported = true;
      await client.end().catch(() => undefined);
      throw domainError(error);
    }
    return client;
  }

  /**
   * What this instance knows of users and organisations: a number that changes whenever they may
   * have changed (a notification on ipledge_accounts_changed, migration 009, or noteAccountsChanged
   * here), and undefined while this instance cannot hear of changes (its presence connection is
   * down). Caches of accounts are valid only under an unchanged, defined version.
   */
  get accountsVersion(): number | undefined {
    return this.hearingAccounts ? this.accountsSeen : undefined;
  }

  /** This instance changed users or organisations: its caches must not wait for the notification. */
  noteAccountsChanged(): void {
    this.accountsSeen += 1;
  }

  /**
   * Keeps one connection named after this instance open for as long as it runs (reconnecting after
   * a loss), so other instances can tell from pg_stat_activity whether it is still there: a killed
   * process's connection, and so its name, is gone at once. It also listens for changes to users
   * and organisations (accountsVersion).
   */
  async announce(): Promise<void> {
    const client = new pg.Client({ connectionString: this.connectionString, application_name: this.instance });
    const lost = () => {
      if (this.presence !== client) return;
      this.presence = undefined;
      this.hearingAccounts = false;
      this.noteAccountsChanged();
      if (!this.stopping) this.presenceRetry = setTimeout(() => void this.announce().catch(lost), 1_000);
    };
    client.on("error", lost);
    client.on("end", lost);
    client.on("notification", (message) => {
      if (message.channel === ACCOUNTS_CHANNEL) this.noteAccountsChanged();
    });
    this.presence = client;
    try {
      await client.connect();
      await client.query(`listen ${ACCOUNTS_CHANNEL}`);
    } catch (error) {
      lost();
      throw domainError(error);
    }
    // Whatever changed while nobody listened is unknown: start from a new version.
    this.noteAccountsChanged();
    this.hearingAccounts = this.presence === client;
  }

  async close(): Promise<void> {
    this.stopping = true;
    this.hearingAccounts = false;
    clearTimeout(this.presenceRetry);
    const presence = this.presence;
    this.presence = undefined;
    await presence?.end().catch(() => undefined);
    await this.pool.end();
  }
}

const ACCOUNTS_CHANNEL = "ipledge_accounts_changed";

const CONNECTION_CODES = new Set(["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "EPIPE", "ENOTFOUND", "57P01", "57P03"]);

/** Data exceptions a request's own values cause: a NUL character, bad text for a type, out of range. */
const BAD_INPUT_CODES = new Set(["22021", "22P02", "22P05", "22003", "22001", "22007", "22008", "22026"]);

/** SQLSTATE and socket failures as domain errors; anything else passes through unchanged. */
export function domainError(error: unknown): unknown {
  if (error instanceof ApiError) return error;
  const code = (error as { code?: string })?.code;
  const message = (error as Error)?.message ?? "";
  if (
    (code && CONNECTION_CODES.has(code)) ||
    /Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error/.test(
      message,
    )
  ) {
    return unavailable("DATABASE_UNAVAILABLE", "the database is unavailable; try again shortly");
  }
  if (code && BAD_INPUT_CODES.has(code)) {
    return badRequest(
      "INVALID_INPUT",
      "the request contains a value the database cannot store (for example a NUL character)",
      {
        sqlstate: code,
      },
    );
  }
  if (code === "23505") {
    const constraint = (error as { constraint?: string }).constraint;
    return conflict("DUPLICATE", "a record with the same key already exists", { constraint });
  }
  return error;
}

/**
 * One page of a list whose query selects `count(*) over () as total` and takes limit and offset as
 * its last two parameters: the rows and the list's total, also for a page past the end.
 */
export async function pageOf(db: Queryable, text: string, params: unknown[]) {
  const { rows } = await db.query(text, params);
  if (rows.length > 0 || params.at(-1) === 0) return { rows, total: Number(rows[0]?.total ?? 0) };
  const first = await db.query(text, [...params.slice(0, -2), 1, 0]);
  return { rows, total: Number(first.rows[0]?.total ?? 0) };
}
