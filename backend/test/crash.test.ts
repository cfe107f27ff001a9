/**
 * Crash safety. The server runs as a process of its own against the run's PostgreSQL and chain;
 * for each crash point (src/crashPoints.ts) it is started armed, takes a stream of writes from five
 * organisations, and kills itself with SIGKILL at that point. Restarted unarmed, once the indexer
 * has caught up: every log of the contracts is in the audit trail exactly once and nothing else
 * is; the projections equal a full re-index; every acknowledged write is on chain exactly once;
 * a write in flight at the crash is there at most once, also after a retry with its
 * Idempotency-Key; the regulator's integrity check is ok.
 */
import { randomBytes, randomUUID } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { JsonRpcProvider } from "ethers";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it, inject } from "vitest";
import type { CrashPoint } from "../src/crashPoints.js";
import { ADMIN_PASSWORD, Client, createDatabase, deployTestContracts, expectStatus } from "./support/platform.js";
import { freePort } from "./support/ports.js";
import { dumpProjections, reindexedProjections } from "./support/reindex.js";
import { spawnServer, stopServer, type ServerProcess } from "./support/server.js";
import { document, isoDaysFrom, newPatentNumber, onboardCast, type World } from "./support/world.js";

/** Each point and the how-many-th time it is reached that kills the server: a few writes in. */
const CRASHES: { point: CrashPoint; at: number }[] = [
  { point: "indexer-mid-batch", at: 14 },
  { point: "indexer-commit", at: 8 },
  { point: "signer-sent", at: 9 },
  { point: "signer-mined", at: 9 },
  { point: "write-acknowledged", at: 10 },
];
/** Writes per organisation at most, per crash: the server dies long before. */
const WRITES_PER_WORKER = 15;

/** A write of the stream: what was sent, with which key, and what came of it. */
interface Write {
  client: Client;
  path: string;
  body: unknown;
  key: string;
  /** The chain event the write causes, and what names it: an entity id or a text in its anchored record. */
  effect: { kind: string; marker: string };
  reply?: { status: number; body: any };
  /** Set when no answer arrived (the server died first). */
  lost?: boolean;
  retry?: { status: number; body: any; replayed: boolean };
}

describe("crash safety: SIGKILL at each crash point, then a restart", () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), "ipledge-crash-"));
  const deploymentFile = path.join(dataDir, "deployment.json");
  let env: Record<string, string>;
  let provider: JsonRpcProvider;
  let pool: pg.Pool;
  let server: ServerProcess | undefined;
  let world: World;
  let deployment: Awaited<ReturnType<typeof deployTestContracts>>;
  let loanId: string;
  /** Patents registered and not yet verified: the IP office's work in the stream. */
  const toVerify: string[] = [];
  const writes: Write[] = [];

  beforeAll(async () => {
    const rpcUrl = inject("rpcUrl");
    const databaseUrl = await createDatabase(inject("databaseUrl"));
    deployment = await deployTestContracts(rpcUrl, deploymentFile);
    env = {
      NODE_ENV: "test",
      DATA_DIR: dataDir,
      DATABASE_URL: databaseUrl,
      RPC_URL: rpcUrl,
      DEPLOYMENT_FILE: deploymentFile,
      PORT: String(await freePort()),
      ADMIN_PASSWORD,
      INDEXER_POLL_MS: "200",
      LOGIN_RATE_LIMIT: "1000",
      LOG_LEVEL: "error",
    };
    provider = new JsonRpcProvider(rpcUrl, undefined, { cacheTimeout: -1 });
    pool = new pg.Pool({ connectionString: databaseUrl, max: 2 });

    // Unarmed: the cast, and a disbursed loan for the bank's repayments.
    server = await spawnServer(env);
    const anonymous = new Client(server.url);
    world = await onboardCast({ anonymous, admin: await anonymous.login("admin", ADMIN_PASSWORD) });
    const c = world.clients;
    const product = await c.bank1.post("/products", {
      name: "Crash-test loan",
      maxAmount: "100000000",
      minRateBps: 300,
      maxRateBps: 1200,
      maxTermDays: 730,
      ltvBps: 5000,
    });
    const now = await chainNow();
    const patent = expectStatus(await c.ent1.post("/patents", patentBody(newPatentNumber(), now)), 201).body;
    expectStatus(await c.ipoffice1.post(`/patents/${patent.id}/verify`, { feePaidUntil: isoDaysFrom(now, 3000) }), 200);
    expectStatus(
      await c.appraiser1.post(`/patents/${patent.id}/appraisals`, {
        value: "200000000",
        validUntil: isoDaysFrom(now, 365),
        report: document("valuation.pdf"),
      }),
      201,
    );
    const loan = await c.ent1.post("/loans", {
      productId: expectStatus(product, 201).body.id,
      patentIds: [patent.id],
      amount: "90000000",
      termDays: 365,
      purpose: "crash test",
    });
    loanId = expectStatus(loan, 201).body.id;
    expectStatus(
      await c.bank1.post(`/loans/${loanId}/approve`, { amount: "90000000", rateBps: 600, termDays: 365 }),
      200,
    );
    expectStatus(await c.ipoffice1.post(`/loans/${loanId}/pledge`, { registrationNo: "Y-CRASH-1" }), 200);
    expectStatus(await c.bank1.post(`/loans/${loanId}/disburse`, { reference: "CRASH-DISBURSE" }), 200);
    await stopServer(server);
  });

  afterAll(async () => {
    if (server) await stopServer(server);
    await pool?.end();
    provider?.destroy();
    rmSync(dataDir, { recursive: true, force: true });
  });

  async function chainNow(): Promise<number> {
    return (await provider.getBlock("latest"))!.timestamp;
  }

  function patentBody(number: string, now: number) {
    return {
      number,
      title: `Crash ${number}`,
      kind: "invention",
      grantDate: isoDaysFrom(now, -30),
      expiryDate: isoDaysFrom(now, 3000),
      certificate: document("certificate.pdf", 512),
    };
  }

  async function send(write: Write): Promise<void> {
    try {
      const reply = await write.client.request("POST", write.path, write.body, { "Idempotency-Key": write.key });
      write.reply = { status: reply.status, body: reply.body };
    } catch {
      write.lost = true; // the connection broke, or was refused: the server is gone
    }
  }

  /** Five organisations writing at once until the server dies (or each has written its share). */
  async function stream(label: string, now: number): Promise<Write[]> {
    const c = world.clients;
    const ours: Write[] = [];
    const worker = async (next: (i: number) => Write | undefined) => {
      for (let i = 0; i < WRITES_PER_WORKER && server!.running; i++) {
        const write = next(i);
        if (!write) {
          await new Promise((resolve) => setTimeout(resolve, 50));
          continue;
        }
        ours.push(write);
        await send(write);
        if (write.lost) break; // the server is gone
        if (write.reply?.status === 201 && write.path === "/patents") toVerify.push(write.reply.body.id);
      }
    };
    const patent = (client: Client) => () => {
      const number = newPatentNumber();
      return {
        client,
        path: "/patents",
        body: patentBody(number, now),
        key: randomUUID(),
        effect: { kind: "PatentRegistered", marker: number },
      };
    };
    await Promise.all([
      worker(patent(c.ent1)),
      worker(patent(c.ent2)),
      worker((i) => {
        const reference = `${label}-repayment-${i}-${randomBytes(3).toString("hex")}`;
        return {
          client: c.bank1,
          path: `/loans/${loanId}/repayments`,
          body: { amount: String(1000 + i), reference },
          key: randomUUID(),
          effect: { kind: "RepaymentRecorded", marker: reference },
        };
      }),
      worker((i) => {
        const name = `${label} product ${i} ${randomBytes(3).toString("hex")}`;
        return {
          client: c.bank2,
          path: "/products",
          body: { name, maxAmount: "50000000", minRateBps: 300, maxRateBps: 900, maxTermDays: 365, ltvBps: 4000 },
          key: randomUUID(),
          effect: { kind: "ProductCreated", marker: name },
        };
      }),
      worker(() => {
        const number = toVerify.shift();
        if (!number) return undefined;
        return {
          client: c.ipoffice1,
          path: `/patents/${number}/verify`,
          body: { feePaidUntil: isoDaysFrom(now, 3000) },
          key: randomUUID(),
          effect: { kind: "PatentVerified", marker: number },
        };
      }),
    ]);
    return ours;
  }

  /** Waits until the restarted server is healthy and its indexer has reached the chain's head. */
  async function caughtUp(): Promise<void> {
    const head = await provider.getBlockNumber();
    const deadline = Date.now() + 60_000;
    for (;;) {
      const health = await new Client(server!.url).get("/health");
      if (health.status === 200 && health.body.indexer.cursor >= head && health.body.indexer.lag === 0) return;
      if (Date.now() > deadline) throw new Error(`the indexer did not catch up: ${JSON.stringify(health.body)}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  /** How many times the write's effect is in the audit trail. */
  async function effects(write: Write): Promise<number> {
    const { rows } = await pool.query(
      `select count(*)::int as n from chain_events e
        where e.kind = $1
          and (e.entity_id = $2 or exists (
            select 1 from records r
             where position($2 in r.canonical) > 0 and position(encode(r.sha256, 'hex') in e.data::text) > 0))`,
      [write.effect.kind, write.effect.marker],
    );
    return rows[0].n;
  }

  for (const { point, at } of CRASHES) {
    it(`${point}: killed at its ${at}th time, nothing lost or doubled after a restart`, async () => {
      if (server?.running) await stopServer(server);
      server = await spawnServer({ ...env, IPLEDGE_CRASH_AT: `${point}:${at}` });
      const ours = await stream(point, await chainNow());
      const death = await server.exited;
      expect(death.signal, `the server did not die at ${point}:\n${server.output()}`).toBe("SIGKILL");
      writes.push(...ours);
      const acknowledged = ours.filter((write) => write.reply && write.reply.status < 300);
      const lost = ours.filter((write) => write.lost);
      expect(ours.filter((write) => write.reply && write.reply.status >= 300).map((w) => w.reply)).toEqual([]);
      expect(acknowledged.length).toBeGreaterThan(0);

      server = await spawnServer(env);
      await caughtUp();

      // Retries of every write whose answer was lost, with its key: never a second effect.
      for (const write of lost) {
        const reply = await write.client.request("POST", write.path, write.body, { "Idempotency-Key": write.key });
        write.retry = {
          status: reply.status,
          body: reply.body,
          replayed: reply.headers.get("Idempotent-Replayed") === "true",
        };
      }
      // A retry of an acknowledged write replays its answer.
      const again = acknowledged[0];
      const replay = await again.client.request("POST", again.path, again.body, { "Idempotency-Key": again.key });
      expect(replay.status).toBe(again.reply!.status);
      expect(replay.headers.get("Idempotent-Replayed")).toBe("true");
      expect(replay.body).toEqual(again.reply!.body);
      for (const write of lost) {
        // 2xx: replayed or run now (nothing had reached the chain); a kept 5xx names the transaction sent.
        const { status, body } = write.retry!;
        if (status >= 300) {
          expect({ status, code: body.error.code }).toEqual({ status: 503, code: "WRITE_INTERRUPTED" });
          expect(body.error.details.txHashes.length).toBeGreaterThan(0);
        }
        if (status < 300 && !write.retry!.replayed && write.effect.kind === "PatentRegistered") {
          toVerify.push(write.effect.marker);
        }
      }
      await caughtUp();

      // The audit trail: every log of the two contracts exactly once, and nothing else.
      const logs = await provider.getLogs({
        address: [deployment.contracts.PledgeFinance.address, deployment.contracts.PatentRegistry.address],
        fromBlock: deployment.startBlock,
        toBlock: "latest",
      });
      const stored = await pool.query<{ tx_hash: string; log_index: number; block_hash: string }>(
        "select tx_hash, log_index, block_hash from chain_events order by block_number, log_index",
      );
      expect(stored.rows.map((row) => `${row.tx_hash}:${row.log_index}:${row.block_hash}`)).toEqual(
        logs.map((log) => `${log.transactionHash}:${log.index}:${log.blockHash}`),
      );

      // The projections are what a full re-index of the stored events gives.
      const client = await pool.connect();
      try {
        const live = await dumpProjections(client);
        expect(await reindexedProjections(client)).toEqual(live);
      } finally {
        client.release();
      }

      // Every acknowledged write is on chain exactly once, in its own transaction.
      const hashes = writes.filter((w) => w.reply && w.reply.status < 300).map((w) => w.reply!.body.txHash);
      expect(new Set(hashes).size).toBe(hashes.length);
      for (const write of acknowledged) {
        const receipt = await provider.getTransactionReceipt(write.reply!.body.txHash);
        expect(receipt?.status, write.path).toBe(1);
        expect(await effects(write), `${write.path} ${write.effect.marker}`).toBe(1);
      }
      // Every write ever sent is there at most once; one whose retry succeeded, exactly once.
      for (const write of writes) {
        const count = await effects(write);
        expect(count, `${write.path} ${write.effect.marker}`).toBeLessThanOrEqual(1);
        const succeeded = (write.reply?.status ?? 500) < 300 || (write.retry?.status ?? 500) < 300;
        if (succeeded) expect(count, `${write.path} ${write.effect.marker}`).toBe(1);
      }
      // A retry answered 503 WRITE_INTERRUPTED names the transactions its first run recorded before
      // sending them. The write killed at signer-sent had its transaction accepted, so it is on chain;
      // another organisation's write may have died between recording and sending, so its transaction
      // never reached the node. Either way the effect is there exactly as often as a named
      // transaction was mined, and nothing was sent again.
      const interrupted = lost.filter((write) => write.retry!.status === 503);
      const minedOf = async (write: Write) => {
        const receipts = await Promise.all(
          (write.retry!.body.error.details.txHashes as string[]).map((hash) => provider.getTransactionReceipt(hash)),
        );
        return receipts.filter((receipt) => receipt?.status === 1).length;
      };
      const interruptedOnChain: number[] = [];
      for (const write of interrupted) {
        const mined = await minedOf(write);
        expect(mined).toBeLessThanOrEqual(1);
        expect(await effects(write), `${write.path} ${write.effect.marker}`).toBe(mined);
        interruptedOnChain.push(mined);
      }
      if (point === "signer-sent") expect(interruptedOnChain).toContain(1);

      const integrity = expectStatus(await world.clients.regulator1.get("/audit/verify"), 200).body;
      expect(integrity.mismatches).toEqual([]);
      expect(integrity.ok).toBe(true);

      console.info(
        `${point}:${at}: ${ours.length} writes, ${acknowledged.length} acknowledged, ${lost.length} without an answer ` +
          `(retries: ${lost.map((w) => `${w.retry!.status}${w.retry!.replayed ? " replayed" : ""}`).join(", ") || "none"}; ` +
          `interrupted and on chain: ${interruptedOnChain.filter((mined) => mined === 1).length} of ${interrupted.length}); ` +
          `${logs.length} events on chain`,
      );
      await stopServer(server);
    });
  }
});
