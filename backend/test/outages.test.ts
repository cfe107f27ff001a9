/**
 * Outages: the chain node stops for 30 s, then PostgreSQL for 10 s, under a running platform that
 * is never restarted. While the node is away, writes are refused with a 503 CHAIN_UNAVAILABLE and
 * leave nothing behind, and reads of the database go on; while the database is away, every
 * request is a prompt 503 DATABASE_UNAVAILABLE and no transaction reaches the chain. Each time the
 * platform recovers by itself: writes succeed again, the indexer catches up, every log of the
 * contracts is in the audit trail exactly once and the regulator's integrity check passes.
 *
 * This file has its own node (anvil, its state in a file so a clean stop and a start on the same
 * port keep every block) and its own PostgreSQL server, since it stops them; the shared ones serve
 * the other test files.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { Contract, JsonRpcProvider, Wallet } from "ethers";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PledgeFinance__factory } from "../../typechain-types/index.js";
import { startAnvil, type RunningAnvil } from "../src/chain/anvil.js";
import { startEmbeddedPostgres, type EmbeddedDatabase } from "../src/db/embedded.js";
import { DEV_OPERATOR_KEY } from "../src/platform.js";
import { freePort } from "./support/ports.js";
import { chainTime, expectStatus, type Reply, startTestPlatform, type TestPlatform } from "./support/platform.js";
import {
  document,
  isoDaysFrom,
  newPatentNumber,
  onboardCast,
  PASSWORD,
  type World,
  publishProduct,
} from "./support/world.js";

const CHAIN_OUTAGE_MS = 30_000;
const DATABASE_OUTAGE_MS = 10_000;
/** No request may take longer than this during an outage (the pool waits at most 5 s for a connection). */
const REFUSAL_BOUND_MS = 8_000;
/** How soon after a part is back the platform must be whole again, without a restart. */
const RECOVERY_BOUND_MS = 20_000;

describe("outages of the chain node and of the database", () => {
  let directory: string;
  let chainPort: number;
  let stateFile: string;
  let anvil: RunningAnvil;
  let postgresDir: string;
  let postgresPort: number;
  let postgres: EmbeddedDatabase;
  let platform: TestPlatform;
  let world: World;
  let provider: JsonRpcProvider;
  let productId: string;
  /** For each outage: a verified, appraised patent in no loan, and a loan applied for. */
  const stages: { spareId: string; loanId: string }[] = [];

  beforeAll(async () => {
    directory = mkdtempSync(path.join(tmpdir(), "ipledge-outages-"));
    [chainPort, postgresPort] = [await freePort(), await freePort()];
    stateFile = path.join(directory, "chain-state.json");
    postgresDir = path.join(directory, "postgres");
    anvil = await startAnvil({ port: chainPort, stateFile });
    postgres = await startEmbeddedPostgres({ directory: postgresDir, port: postgresPort });
    platform = await startTestPlatform({ rpcUrl: anvil.url, serverUrl: postgres.url });
    provider = new JsonRpcProvider(anvil.url, undefined, { cacheTimeout: -1, staticNetwork: true });
    world = await onboardCast(platform);
    const c = world.clients;
    productId = await publishProduct(c.bank1, "Outage-proof IP Loan");
    for (let stage = 0; stage < 2; stage++) {
      const collateral = await verifiedAppraisedPatent();
      const spareId = (await verifiedAppraisedPatent()).id;
      const loan = await c.ent1.post("/loans", {
        productId,
        patentIds: [collateral.id],
        amount: "30000000",
        termDays: 365,
        purpose: `before outage ${stage + 1}`,
      });
      stages.push({ spareId, loanId: expectStatus(loan, 201).body.id });
    }
  });

  afterAll(async () => {
    provider?.destroy();
    await platform?.stop();
    await anvil?.stop();
    await postgres?.stop();
    if (directory) rmSync(directory, { recursive: true, force: true });
  });

  const chainNow = () => chainTime(platform.anonymous);

  function newPatent(now: number) {
    const number = newPatentNumber();
    return {
      number,
      title: `Patent ${number}`,
      kind: "invention",
      grantDate: isoDaysFrom(now, -100),
      expiryDate: isoDaysFrom(now, 3650),
      certificate: document(),
    };
  }

  async function verifiedAppraisedPatent() {
    const c = world.clients;
    const now = await chainNow();
    const { id } = expectStatus(await c.ent1.post("/patents", newPatent(now)), 201).body;
    expectStatus(await c.ipoffice1.post(`/patents/${id}/verify`, { feePaidUntil: isoDaysFrom(now, 3000) }), 200);
    expectStatus(
      await c.appraiser1.post(`/patents/${id}/appraisals`, {
        value: "100000000",
        validUntil: isoDaysFrom(now, 365),
        report: document("valuation.pdf"),
      }),
      201,
    );
    return { id: id as string };
  }

  /** One write of each kind, as its role would send it (each would succeed with both parts up). */
  function writes(
    now: number,
    tag: string,
    { spareId, loanId }: (typeof stages)[number],
  ): { name: string; send: () => Promise<Reply> }[] {
    const c = world.clients;
    return [
      { name: "register a patent", send: () => c.ent1.post("/patents", newPatent(now)) },
      {
        name: "record an appraisal",
        send: () =>
          c.appraiser1.post(`/patents/${spareId}/appraisals`, {
            value: "120000000",
            validUntil: isoDaysFrom(now, 200),
            report: document(`valuation-${tag}.pdf`),
          }),
      },
      {
        name: "publish a product",
        send: () =>
          c.bank2.post("/products", {
            name: `Product ${tag}`,
            maxAmount: "100000000",
            minRateBps: 300,
            maxRateBps: 900,
            maxTermDays: 365,
            ltvBps: 3000,
          }),
      },
      {
        name: "apply for a loan",
        send: () =>
          c.ent1.post("/loans", {
            productId,
            patentIds: [spareId],
            amount: "10000000",
            termDays: 180,
            purpose: `purpose ${tag}`,
          }),
      },
      {
        name: "approve a loan",
        send: () => c.bank1.post(`/loans/${loanId}/approve`, { amount: "30000000", rateBps: 600, termDays: 365 }),
      },
      { name: "onboard an organisation", send: () => c.admin.post("/orgs", { name: `Bank ${tag}`, kind: "bank" }) },
    ];
  }

  let slowestRefusalMs = 0;

  /** Every reply within the bound, and a 503 in the error shape with the given code. */
  async function expectRefused(name: string, send: () => Promise<Reply>, code: string, message: RegExp) {
    const started = Date.now();
    const reply = await send();
    const took = Date.now() - started;
    expect({ name, status: reply.status, code: reply.body?.error?.code }).toEqual({ name, status: 503, code });
    expect(reply.body.error.message).toMatch(message);
    expect(took, `${name} took ${took} ms`).toBeLessThan(REFUSAL_BOUND_MS);
    slowestRefusalMs = Math.max(slowestRefusalMs, took);
    return reply;
  }

  /** Row count and checksum of every table, read over a connection of its own. */
  async function databaseState(): Promise<Record<string, { rows: number; md5: string | null }>> {
    const client = new pg.Client(platform.databaseUrl);
    await client.connect();
    try {
      const { rows: tables } = await client.query<{ name: string }>(
        "select table_name as name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by 1",
      );
      // A signed-in request may note when its session was last used (at most once a minute): not a write.
      const written = tables.filter(({ name }) => name !== "sessions");
      const state: Record<string, { rows: number; md5: string | null }> = {};
      for (const { name } of written) {
        const { rows } = await client.query(
          `select count(*)::int as rows, md5(string_agg(t::text, '|' order by t::text)) as md5 from "${name}" t`,
        );
        state[name] = rows[0];
      }
      return state;
    } finally {
      await client.end();
    }
  }

  /** The transaction counts (mined and pending) of every organisation's account, listed while the database is up. */
  async function nonces(addresses: string[]): Promise<Record<string, [number, number]>> {
    const counts: Record<string, [number, number]> = {};
    for (const address of addresses) {
      counts[address] = [
        await provider.getTransactionCount(address, "latest"),
        await provider.getTransactionCount(address, "pending"),
      ];
    }
    return counts;
  }

  async function organisationAddresses(): Promise<string[]> {
    const client = new pg.Client(platform.databaseUrl);
    await client.connect();
    try {
      return (await client.query("select address from organisations order by id")).rows.map(
        (row) => row.address as string,
      );
    } finally {
      await client.end();
    }
  }

  async function waitUntil<T>(what: string, boundMs: number, attempt: () => Promise<T | undefined>) {
    const started = Date.now();
    for (;;) {
      const result = await attempt().catch(() => undefined);
      if (result !== undefined) return { result, tookMs: Date.now() - started };
      if (Date.now() - started > boundMs) throw new Error(`${what}: not within ${boundMs} ms`);
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }

  /** Health says both parts are up and the indexer has reached the chain's head. */
  async function wholeAgain(): Promise<true | undefined> {
    const health = await platform.anonymous.get("/health");
    return health.status === 200 && health.body.indexer.lag === 0 && health.body.indexer.activeHere ? true : undefined;
  }

  async function expectNothingLost() {
    const { finance, registry } = platform.platform.ctx.chain.addresses;
    const logs = await provider.getLogs({
      address: [finance, registry],
      fromBlock: platform.platform.ctx.chain.deployment.startBlock,
      toBlock: await provider.getBlockNumber(),
    });
    const client = new pg.Client(platform.databaseUrl);
    await client.connect();
    try {
      const { rows } = await client.query(
        "select tx_hash, log_index from chain_events order by block_number, log_index",
      );
      expect(rows.map((row) => `${row.tx_hash}:${row.log_index}`)).toEqual(
        logs.map((log) => `${log.transactionHash}:${log.index}`),
      );
    } finally {
      await client.end();
    }
    const integrity = expectStatus(await world.clients.regulator1.get("/audit/verify"), 200).body;
    expect(integrity.mismatches).toEqual([]);
    expect(integrity.ok).toBe(true);
  }

  it("the chain node away for 30 s: writes are a clean 503, reads go on, and it all resumes when the node is back", async () => {
    const c = world.clients;
    const stage = stages[0];
    const now = await chainNow();
    const headBefore = await provider.getBlockNumber();
    const before = await databaseState();

    await anvil.stop();
    const stoppedAt = Date.now();

    for (const write of writes(now, "during the chain outage", stage)) {
      await expectRefused(write.name, write.send, "CHAIN_UNAVAILABLE", /ledger node is unavailable/);
    }
    // A refused write frees its idempotency key: the same request may be retried once the node is back.
    const keyed = () =>
      c.bank2.request(
        "POST",
        "/products",
        {
          name: "Retried product",
          maxAmount: "5000000",
          minRateBps: 300,
          maxRateBps: 900,
          maxTermDays: 90,
          ltvBps: 3000,
        },
        { "Idempotency-Key": "outage-retry-1" },
      );
    await expectRefused("a keyed write", keyed, "CHAIN_UNAVAILABLE", /ledger node is unavailable/);

    // Reads served from the database go on.
    const patents = expectStatus(await c.ent1.get("/patents"), 200).body;
    expect(patents.items.map((patent: { id: string }) => patent.id)).toContain(stage.spareId);
    const loan = expectStatus(await c.bank1.get(`/loans/${stage.loanId}`), 200).body;
    expect(loan).toMatchObject({ id: stage.loanId, status: "applied" });
    const events = expectStatus(await c.regulator1.get("/audit/events?limit=5"), 200).body;
    expect(events.items.length).toBe(5);
    expectStatus(await c.bank1.get("/notifications"), 200);
    expectStatus(await c.ent1.get("/products"), 200);
    // Signing in needs only the database.
    expectStatus(await platform.anonymous.post("/auth/login", { username: "ent2", password: PASSWORD }), 200);
    // Health says which part is down.
    const health = await platform.anonymous.get("/health");
    expect(health.status).toBe(503);
    expect(health.body).toMatchObject({ status: "degraded", database: { ok: true }, chain: { ok: false } });
    // What needs the chain says so.
    await expectRefused("verify integrity", () => c.regulator1.get("/audit/verify"), "CHAIN_UNAVAILABLE", /ledger/);

    // Nothing was written for any refused write: no record, no document, no row anywhere.
    expect(await databaseState()).toEqual(before);

    await new Promise((resolve) => setTimeout(resolve, Math.max(0, stoppedAt + CHAIN_OUTAGE_MS - Date.now())));
    anvil = await startAnvil({ port: chainPort, stateFile });
    expect(await provider.getBlockNumber()).toBe(headBefore);

    // The same platform writes again, without a restart.
    const back = await waitUntil("a write after the node is back", RECOVERY_BOUND_MS, async () => {
      const reply = await c.ent1.post("/patents", newPatent(now));
      return reply.status === 201 ? reply : undefined;
    });
    console.info(
      `chain outage: slowest refusal ${slowestRefusalMs} ms; writes succeed again ${back.tookMs} ms after the node is back`,
    );
    slowestRefusalMs = 0;
    for (const write of writes(now, "after the chain outage", stage)) {
      expect({ name: write.name, status: (await write.send()).status }).toEqual({
        name: write.name,
        status: write.name === "approve a loan" ? 200 : 201,
      });
    }
    const retried = await keyed();
    expect(retried.status).toBe(201);
    expect(retried.headers.get("Idempotent-Replayed")).toBeNull();
    await waitUntil("the indexer at the head", RECOVERY_BOUND_MS, wholeAgain);
    await expectNothingLost();
  });

  it("PostgreSQL away for 10 s: every request is a prompt 503, nothing reaches the chain, and it all resumes when it is back", async () => {
    const c = world.clients;
    const stage = stages[1];
    const now = await chainNow();
    const addresses = await organisationAddresses();
    const headBefore = await provider.getBlockNumber();
    const eventsBefore = (await databaseState()).chain_events.rows;

    // A write whose transaction is in the node's pool when the database goes: it is mined during
    // the outage, and its answer waits for the indexer rather than calling a done write a failure.
    const ent1Address = expectStatus(await c.ent1.get(`/orgs/${c.ent1.user!.orgId}`), 200).body.address;
    await provider.send("evm_setAutomine", [false]);
    const inFlightPatent = newPatent(now);
    const inFlight = c.ent1.post("/patents", inFlightPatent);
    await waitUntil("the write's transaction in the node's pool", 10_000, async () =>
      (await provider.getTransactionCount(ent1Address, "pending")) >
      (await provider.getTransactionCount(ent1Address, "latest"))
        ? true
        : undefined,
    );

    await postgres.stop();
    const stoppedAt = Date.now();
    await provider.send("evm_mine", []);
    await provider.send("evm_setAutomine", [true]);
    const noncesBefore = await nonces(addresses);

    for (const write of writes(now, "during the database outage", stage)) {
      await expectRefused(write.name, write.send, "DATABASE_UNAVAILABLE", /database is unavailable/);
    }
    for (const [name, read] of [
      ["list patents", () => c.ent1.get("/patents")],
      ["read a loan", () => c.bank1.get(`/loans/${stage.loanId}`)],
      ["read the audit trail", () => c.regulator1.get("/audit/events")],
      ["sign in", () => platform.anonymous.post("/auth/login", { username: "ent1", password: PASSWORD })],
    ] as const) {
      await expectRefused(name, read, "DATABASE_UNAVAILABLE", /database is unavailable/);
    }
    const health = await platform.anonymous.get("/health");
    expect(health.status).toBe(503);
    expect(health.body).toMatchObject({ status: "degraded", database: { ok: false }, chain: { ok: true } });

    // The ledger moves on meanwhile: the operator sets the platform's parameters twice, directly on chain.
    const finance = new Contract(
      platform.platform.ctx.chain.addresses.finance,
      PledgeFinance__factory.abi,
      new Wallet(DEV_OPERATOR_KEY, provider),
    );
    const params = await finance.getFunction("params")();
    for (let time = 0; time < 2; time++) await (await finance.getFunction("setParams")([...params])).wait();

    // No refused write sent a transaction: only the operator's two moved a nonce.
    const operator = new Wallet(DEV_OPERATOR_KEY).address.toLowerCase();
    const expectedNonces = Object.fromEntries(
      Object.entries(noncesBefore).map(([address, [mined, pending]]) =>
        address === operator ? [address, [mined + 2, pending + 2]] : [address, [mined, pending]],
      ),
    );
    expect(await nonces(addresses)).toEqual(expectedNonces);

    await new Promise((resolve) => setTimeout(resolve, Math.max(0, stoppedAt + DATABASE_OUTAGE_MS - Date.now())));
    postgres = await startEmbeddedPostgres({ directory: postgresDir, port: postgresPort });

    const back = await waitUntil("a read after the database is back", RECOVERY_BOUND_MS, async () => {
      const reply = await c.ent1.get("/patents");
      return reply.status === 200 ? reply : undefined;
    });
    const caughtUp = await waitUntil("the indexer at the head", RECOVERY_BOUND_MS, wholeAgain);
    console.info(
      `database outage: slowest refusal ${slowestRefusalMs} ms; reads again ${back.tookMs} ms after the server is back, indexer at the head after ${caughtUp.tookMs} ms more`,
    );
    // Nor later: nothing refused was queued to be sent once the database came back.
    expect(await nonces(addresses)).toEqual(expectedNonces);
    const landed = await inFlight;
    expect(landed.status, JSON.stringify(landed.body)).toBe(201);
    expect(landed.body).toMatchObject({ number: inFlightPatent.number, status: "registered" });
    const updates = await c.regulator1.get(`/audit/events?kind=ParamsUpdated&fromBlock=${headBefore + 1}`);
    expect(expectStatus(updates, 200).body.items.length).toBe(2);
    for (const write of writes(now, "after the database outage", stage)) {
      const reply = await write.send();
      expect({ name: write.name, status: reply.status }).toEqual({
        name: write.name,
        status: write.name === "approve a loan" ? 200 : 201,
      });
    }
    expect((await databaseState()).chain_events.rows).toBeGreaterThan(eventsBefore + 2);
    await expectNothingLost();
  });
});
