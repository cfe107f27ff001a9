/**
 * Many organisations writing at once with idempotency keys (docs/reliability.md): an organisation's turn in
 * the signer holds one pooled connection and never waits on the pool for a second (the idempotency
 * store records the transaction on the turn's own connection), so more organisations in their
 * turn than the pool has connections cannot wait on each other. Before, each such turn waited for
 * a second connection until the pool's 5 s timeout and answered 503 DATABASE_UNAVAILABLE.
 */
import { randomUUID } from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { reportFigures } from "./support/figures.js";
import {
  chainTime,
  Client,
  type Reply,
  expectStatus,
  startTestPlatform,
  type TestPlatform,
} from "./support/platform.js";
import { PASSWORD, patentBodies } from "./support/world.js";

const ORGANISATIONS = 50;
const PATENTS_PER_ORGANISATION = 2;
/** Onboardings at once: the operator's queue sends their funding and grants one at a time anyway. */
const ONBOARDINGS_AT_ONCE = 5;
const HEADER = "Idempotency-Key";

/** The reply, or one with status 0 naming the connection failure, so a reset connection is counted, not thrown. */
const answerOf = (pending: Promise<Reply>) =>
  pending.catch((error: Error): Reply => ({ status: 0, body: error.message, headers: new Headers() }));

const failuresOf = (answers: Reply[]) =>
  answers.filter((answer) => answer.status !== 201).map((answer) => `${answer.status} ${JSON.stringify(answer.body)}`);

/** `work` on every item, at most `limit` at a time; the results in the items' order. */
async function eachBounded<T, R>(items: T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = [];
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await work(items[index]);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

describe("many organisations writing at once with idempotency keys", () => {
  let platform: TestPlatform;
  let enterprises: Client[];
  let db: pg.Client;

  beforeAll(async () => {
    platform = await startTestPlatform();
    enterprises = await eachBounded(
      Array.from({ length: ORGANISATIONS }, (_, i) => `many${i + 1}`),
      ONBOARDINGS_AT_ONCE,
      async (name) => {
        const org = expectStatus(
          await platform.admin.post("/orgs", { name: `${name} org`, kind: "enterprise" }),
          201,
        ).body;
        expectStatus(await platform.admin.post("/users", { username: name, password: PASSWORD, orgId: org.id }), 201);
        return platform.anonymous.login(name, PASSWORD);
      },
    );
    db = new pg.Client(platform.databaseUrl);
    await db.connect();
  }, 600_000);
  afterAll(async () => {
    await db?.end();
    await platform?.stop();
  });

  const patentBody = patentBodies();

  /** Registers a patent as `enterprise` with a key of its own; the key and the answer. */
  const registerKeyed = async (enterprise: Client, now: number) => {
    const key = randomUUID();
    const sent = Date.now();
    const answer = await answerOf(enterprise.request("POST", "/patents", patentBody(now), { [HEADER]: key }));
    return { key, answer, ms: Date.now() - sent };
  };

  it(
    `${ORGANISATIONS} organisations register ${PATENTS_PER_ORGANISATION} patents each at once, each request with ` +
      `its own key: every one answers 201 and its key keeps the one transaction it sent`,
    async () => {
      const now = await chainTime(platform.anonymous);
      const writes = await Promise.all(
        enterprises.flatMap((enterprise) =>
          Array.from({ length: PATENTS_PER_ORGANISATION }, () => registerKeyed(enterprise, now)),
        ),
      );

      expect(failuresOf(writes.map(({ answer }) => answer))).toEqual([]);
      // Recorded on the turn's connection before sending, and kept with the answer: exactly the
      // transaction the answer names.
      const { rows } = await db.query<{ key: string; status: number; tx_hashes: string[] }>(
        "select key, status, tx_hashes from idempotency_keys where key = any($1)",
        [writes.map(({ key }) => key)],
      );
      const kept = new Map(rows.map((row) => [row.key, row]));
      expect(writes.map(({ key }) => kept.get(key))).toEqual(
        writes.map(({ key, answer }) => ({ key, status: 201, tx_hashes: [answer.body.txHash] })),
      );
      const created = writes.filter(({ answer }) => answer.status === 201).length;
      reportFigures("concurrentOrganisations", {
        organisations: ORGANISATIONS,
        requests: writes.length,
        poolSize: platform.platform.ctx.config.dbPoolSize,
        created,
        failed: writes.length - created,
        slowestMs: Math.max(...writes.map(({ ms }) => ms)),
      });
    },
    600_000,
  );

  it("with one connection left in the pool, idempotent writes of several organisations at once all answer 201", async () => {
    // Another instance on the same database and chain, with a pool of two of which the test takes
    // one: a turn holds the last connection, so a second one it asked for would come only as the
    // pool's timeout (a 503), whichever organisations write.
    const second = await startTestPlatform({ attachTo: platform, env: { DB_POOL_SIZE: "2" } });
    const taken = await second.platform.ctx.db.pool.connect();
    try {
      const now = await chainTime(second.anonymous);
      const writers = enterprises
        .slice(0, 4)
        .map((enterprise) => new Client(second.url, enterprise.token, enterprise.user));
      const writes = await Promise.all(writers.map((writer) => registerKeyed(writer, now)));
      expect(failuresOf(writes.map(({ answer }) => answer))).toEqual([]);
      reportFigures("lastPooledConnection", {
        writers: writers.length,
        created: writes.filter(({ answer }) => answer.status === 201).length,
      });
    } finally {
      taken.release();
      await second.stop();
    }
  });

  it("the indexer holds its lock on a connection of its own, not one of the request pool's", async () => {
    expect(platform.platform.ctx.indexer.active).toBe(true);
    const { rows } = await db.query<{ application_name: string }>(
      `select a.application_name from pg_locks l join pg_stat_activity a on a.pid = l.pid
        where l.locktype = 'advisory' and l.objid = 7366002 and l.granted`,
    );
    // The pool's connections carry no application name; the indexer's names itself.
    expect(rows).toEqual([{ application_name: "ipledge-indexer" }]);
  });
});
