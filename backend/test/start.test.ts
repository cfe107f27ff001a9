/**
 * `npm start` as a newcomer runs it: a child process with a fresh data folder and free ports. It
 * comes up with the demo data, keeps everything across a Ctrl-C and a second start, leaves no
 * process behind, shares its database and chain with a second instance under 100 concurrent
 * writes, and refuses to start when the chain's data has been deleted.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { KEEP_ALIVE_TIMEOUT_MS } from "../src/platform.js";
import { DEMO_PASSWORD, interrupt, leftovers, npmStart, startEnvironment, until } from "./support/npmStart.js";
import { Client, expectStatus } from "./support/platform.js";
import { freePort } from "./support/ports.js";
import { document, isoDaysFrom, newPatentNumber } from "./support/world.js";

describe("npm start", () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), "ipledge-start-"));
  let env: Record<string, string>;

  beforeAll(async () => {
    env = await startEnvironment(dataDir);
  });
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  let patentId: string;

  it("starts from nothing with the demo data, and a Ctrl-C stops every process it started", async () => {
    const first = await npmStart(env);
    expect(first.output()).toMatch(
      /sign in as admin, ent1, ent2, bank1, bank2, appraiser1, ipoffice1, fund1, regulator1/,
    );
    expect(first.output()).toContain(dataDir);
    const anonymous = new Client(first.url);
    const health = expectStatus(await anonymous.get("/health"), 200);
    expect(health.body.status).toBe("ok");
    // the server made with the keep-alive and header timeouts (platform.ts), not Node's 5 s default
    expect(health.headers.get("keep-alive")).toBe(`timeout=${KEEP_ALIVE_TIMEOUT_MS / 1000}`);
    const ent1 = await anonymous.login("ent1", DEMO_PASSWORD);
    const regulator = await anonymous.login("regulator1", DEMO_PASSWORD);

    // The demo: every loan state, a year of history, chain time caught up with the wall clock.
    const stats = expectStatus(await regulator.get("/stats"), 200).body;
    expect(Object.keys(stats.totals.loans).sort()).toEqual([
      "applied",
      "approved",
      "cancelled",
      "closed",
      "defaulted",
      "disbursed",
      "disposed",
      "pledged",
      "rejected",
      "repaid",
      "withdrawn",
    ]);
    expect(stats.series.length).toBeGreaterThanOrEqual(12);
    // one entry per month, a quiet month included: the dashboard's axis has no gaps
    const months = stats.series.map((entry: { month: string }) => entry.month);
    months.slice(1).forEach((month: string, i: number) => expect(month).toBe(nextMonth(months[i])));
    const chainTime = Date.parse(expectStatus(await anonymous.get("/health"), 200).body.chain.time);
    expect(Math.abs(chainTime - Date.now())).toBeLessThan(10 * 60_000);

    const now = Math.floor(chainTime / 1000);
    patentId = newPatentNumber();
    expectStatus(
      await ent1.post("/patents", {
        number: patentId,
        title: "Registered before the restart",
        kind: "invention",
        grantDate: isoDaysFrom(now, -30),
        expiryDate: isoDaysFrom(now, 3000),
        certificate: document(),
      }),
      201,
    );

    await interrupt(first);
    expect(first.output()).toMatch(/stopped; the data is kept/);
    expect(leftovers(dataDir, first.child.pid!)).toEqual([]);
  });

  it("starts again with every patent, loan and event kept, the ledger and database agree, and a SIGTERM stops it cleanly", async () => {
    const second = await npmStart(env);
    try {
      expect(second.output()).not.toMatch(/seeding the demo data/);
      const regulator = await new Client(second.url).login("regulator1", DEMO_PASSWORD);
      const patent = expectStatus(await regulator.get(`/patents/${patentId}`), 200).body;
      expect(patent).toMatchObject({ id: patentId, title: "Registered before the restart", status: "registered" });
      expect(expectStatus(await regulator.get("/loans?limit=200"), 200).body.total).toBe(12);
      const integrity = expectStatus(await regulator.get("/audit/verify"), 200).body;
      expect(integrity.mismatches).toEqual([]);
      expect(integrity.ok).toBe(true);

      // A second instance on the same database and chain: nothing embedded starts for it.
      const secondDataDir = mkdtempSync(path.join(tmpdir(), "ipledge-start-b-"));
      const other = await npmStart({
        ...env,
        DATA_DIR: secondDataDir,
        PORT: String(await freePort()),
        DATABASE_URL: `postgres://ipledge:ipledge-local@127.0.0.1:${env.EMBEDDED_POSTGRES_PORT}/ipledge`,
        RPC_URL: `http://127.0.0.1:${env.CHAIN_PORT}`,
        DEPLOYMENT_FILE: path.join(dataDir, "deployment.json"),
      });
      try {
        expect(other.output()).not.toMatch(/embedded PostgreSQL|local chain|deploying/);
        const clients = [
          await new Client(second.url).login("ent1", DEMO_PASSWORD),
          await new Client(other.url).login("ent1", DEMO_PASSWORD),
          await new Client(second.url).login("ent2", DEMO_PASSWORD),
          await new Client(other.url).login("ent2", DEMO_PASSWORD),
        ];
        const now = Math.floor(Date.now() / 1000);
        const replies = await Promise.all(
          Array.from({ length: 100 }, (_, i) =>
            clients[i % clients.length].post("/patents", {
              number: newPatentNumber(),
              title: `Concurrent ${i}`,
              kind: "invention",
              grantDate: isoDaysFrom(now, -30),
              expiryDate: isoDaysFrom(now, 3000),
              certificate: document(`c${i}.pdf`, 256),
            }),
          ),
        );
        expect(replies.filter((reply) => reply.status !== 201).map((reply) => reply.body)).toEqual([]);
        expect(new Set(replies.map((reply) => reply.body.txHash)).size).toBe(100);

        const db = new pg.Client(`postgres://ipledge:ipledge-local@127.0.0.1:${env.EMBEDDED_POSTGRES_PORT}/ipledge`);
        await db.connect();
        try {
          const events = await db.query(
            "select count(*)::int as n, count(distinct (tx_hash, log_index))::int as distinct_n from chain_events",
          );
          expect(events.rows[0].n).toBe(events.rows[0].distinct_n);
          const registered = await db.query(
            "select count(*)::int as n from chain_events where kind = 'PatentRegistered' and data->>'number' = any($1)",
            [replies.map((reply) => reply.body.id)],
          );
          expect(registered.rows[0].n).toBe(100);
        } finally {
          await db.end();
        }
        expect(expectStatus(await regulator.get("/audit/verify"), 200).body.mismatches).toEqual([]);
      } finally {
        await interrupt(other);
        rmSync(secondDataDir, { recursive: true, force: true });
      }
    } finally {
      await interrupt(second, "SIGTERM");
    }
    // npm exits on SIGTERM without waiting for its script; the platform still finishes stopping
    await until(() => /stopped; the data is kept/.test(second.output()), 60_000);
    expect(leftovers(dataDir, second.child.pid!)).toEqual([]);
  });

  it("refuses to start, with the reset command, when the chain's data is gone", async () => {
    rmSync(path.join(dataDir, "chain"), { recursive: true, force: true });
    const third = await npmStart(env, /npm run reset/);
    expect(await third.exited).not.toBe(0);
    expect(third.output()).toMatch(/the chain and the database disagree/);
    expect(third.output()).toMatch(/npm run reset/);
    expect(leftovers(dataDir, third.child.pid!)).toEqual([]);
  });
});

function nextMonth(month: string): string {
  const [year, monthOfYear] = month.split("-").map(Number);
  return monthOfYear === 12 ? `${year + 1}-01` : `${year}-${String(monthOfYear + 1).padStart(2, "0")}`;
}
