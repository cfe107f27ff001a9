/**
 * The indexer against a real chain: events exactly once, projections equal to a full re-index,
 * one transaction per batch, resuming after a stop, rolling back a reorganisation (also one that
 * happened while it was down), and one active indexer among instances sharing a database.
 */
import { Contract, JsonRpcProvider, Wallet } from "ethers";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PledgeFinance__factory } from "../../typechain-types/index.js";
import { rebuildProjections } from "../src/indexer/apply.js";
import { Indexer, type BatchCommitted, type IndexerOptions } from "../src/indexer/indexer.js";
import { createLogger } from "../src/logger.js";
import { DEV_OPERATOR_KEY } from "../src/platform.js";
import { Client, expectStatus, startTestPlatform, type TestPlatform } from "./support/platform.js";
import { dumpProjections } from "./support/reindex.js";
import { document, isoDaysFrom, newPatentNumber, onboardCast, type World } from "./support/world.js";

describe("the indexer", () => {
  let platform: TestPlatform;
  let world: World;
  let db: pg.Client;
  let provider: JsonRpcProvider;

  beforeAll(async () => {
    platform = await startTestPlatform();
    world = await onboardCast(platform);
    db = new pg.Client(platform.databaseUrl);
    await db.connect();
    // This connection edits the ledger's tables by hand, past the indexer-only triggers, as a superuser could.
    await db.query("set session_replication_role = replica");
    provider = new JsonRpcProvider(platform.rpcUrl, undefined, { cacheTimeout: -1 });
  });
  afterAll(async () => {
    await db?.end();
    provider?.destroy();
    await platform?.stop();
  });

  const registerPatent = async (client: Client = world.clients.ent1) => {
    const now = Math.floor(
      Date.parse(expectStatus(await platform.anonymous.get("/health"), 200).body.chain.time) / 1000,
    );
    const number = newPatentNumber();
    const reply = await client.post("/patents", {
      number,
      title: `Indexed ${number}`,
      kind: "invention",
      grantDate: isoDaysFrom(now, -10),
      expiryDate: isoDaysFrom(now, 2000),
      certificate: document(),
    });
    return expectStatus(reply, 201).body;
  };

  const dump = () => dumpProjections(db);

  const operatorFinance = () => {
    const deployment = platform.platform.ctx.chain.deployment;
    return new Contract(
      deployment.contracts.PledgeFinance.address,
      PledgeFinance__factory.abi,
      new Wallet(DEV_OPERATOR_KEY, provider),
    );
  };

  const waitUntil = async (condition: () => Promise<boolean>, what: string, timeoutMs = 15_000) => {
    const deadline = Date.now() + timeoutMs;
    while (!(await condition())) {
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  };

  const chainLogCount = async () => {
    const { finance, registry } = platform.platform.ctx.chain.addresses;
    const deployment = platform.platform.ctx.chain.deployment;
    const logs = await provider.getLogs({
      address: [finance, registry],
      fromBlock: deployment.startBlock,
      toBlock: "latest",
    });
    return logs.length;
  };

  it("stores every log of the contracts exactly once, and the projections equal a full re-index", async () => {
    await registerPatent();
    await registerPatent(world.clients.ent2);
    const stored = await db.query(
      "select count(*)::int as n, count(distinct (tx_hash, log_index))::int as distinct_n from chain_events",
    );
    expect(stored.rows[0].n).toBe(stored.rows[0].distinct_n);
    expect(stored.rows[0].n).toBe(await chainLogCount());

    const before = await dump();
    await platform.platform.ctx.db.withTransaction((client) => rebuildProjections(client));
    expect(await dump()).toEqual(before);
  });

  it("commits a batch all or nothing: a failing batch leaves no trace and is retried", async () => {
    const head = await provider.getBlockNumber();
    // A row squatting on the next block's first event makes the next batch fail half-way.
    await db.query(
      `insert into chain_events (block_number, log_index, tx_hash, tx_index, block_hash, block_time, contract, kind, entity, entity_id, data, topics, log_data)
       values ($1, 0, '0xsquatter', 0, '0x', now(), 'PledgeFinance', 'Squatter', 'contract', 'x', '{}', '{}', '0x')`,
      [head + 1],
    );
    const finance = operatorFinance();
    await (await finance.setParams([4000, 60, 4000, 123_456_789n, 30])).wait();
    await waitUntil(async () => platform.platform.ctx.indexer.lastError !== undefined, "the failing batch");
    const params = await db.query("select ltv_cap_bps from platform_state");
    expect(params.rows[0].ltv_cap_bps).toBe(5000); // nothing of the batch was applied
    const cursor = await platform.platform.ctx.indexer.cursor();
    expect(cursor!.blockNumber).toBe(head);

    await db.query("delete from chain_events where tx_hash = '0xsquatter'");
    await waitUntil(
      async () => (await platform.platform.ctx.indexer.cursor())!.blockNumber >= head + 1,
      "the retried batch",
    );
    expect((await db.query("select ltv_cap_bps, fund_capacity from platform_state")).rows[0]).toEqual({
      ltv_cap_bps: 4000,
      fund_capacity: "123456789",
    });
    await (await finance.setParams([5000, 90, 5000, 1_000_000_000n, 30])).wait();
  });

  it("resumes where it stopped: blocks mined while no instance ran are indexed on the next start", async () => {
    await platform.platform.ctx.indexer.stop();
    const finance = operatorFinance();
    for (const capacity of [111n, 222n, 333n]) await (await finance.setParams([5000, 90, 5000, capacity, 30])).wait();
    const headWhileDown = await provider.getBlockNumber();
    expect((await platform.platform.ctx.indexer.cursor())!.blockNumber).toBeLessThan(headWhileDown);

    const second = await startTestPlatform({ attachTo: platform });
    try {
      await waitUntil(
        async () => (await second.platform.ctx.indexer.cursor())!.blockNumber >= headWhileDown,
        "catch-up",
      );
      expect((await db.query("select fund_capacity from platform_state")).rows[0].fund_capacity).toBe("333");
      expect(
        Number((await db.query("select count(*) from chain_events where kind = 'ParamsUpdated'")).rows[0].count),
      ).toBeGreaterThanOrEqual(4);
      expect((await db.query("select count(*)::int as n from chain_events")).rows[0].n).toBe(await chainLogCount());
    } finally {
      await second.stop();
    }
    platform.platform.ctx.indexer.start();
  });

  /**
   * Stops the platform's indexer, mines one ParamsUpdated per block for `capacities`, catches up
   * with an indexer of these options, and returns its batches; the platform's indexer runs again after.
   */
  const catchUpWith = async (options: Partial<IndexerOptions>, capacities: bigint[]) => {
    const { ctx } = platform.platform;
    await ctx.indexer.stop();
    const finance = operatorFinance();
    const from = (await ctx.indexer.cursor())!.blockNumber + 1;
    for (const capacity of capacities) await (await finance.setParams([5000, 90, 5000, capacity, 30])).wait();
    const head = await provider.getBlockNumber();
    const indexer = new Indexer(ctx.db, ctx.chain, createLogger("error"), {
      confirmations: 0,
      pollMs: 50,
      batchBlocks: 2_000,
      startBlock: ctx.chain.deployment.startBlock,
      ...options,
    });
    const batches: BatchCommitted[] = [];
    indexer.onBatch((batch) => batches.push(batch));
    indexer.start();
    try {
      await waitUntil(async () => (await indexer.cursor())!.blockNumber >= head, "the catch-up");
    } finally {
      await indexer.stop();
    }
    expect(batches[0].from).toBe(from);
    expect(batches.at(-1)!.to).toBe(head);
    expect((await db.query("select fund_capacity from platform_state")).rows[0].fund_capacity).toBe(
      String(capacities.at(-1)),
    );
    expect((await db.query("select count(*)::int as n from chain_events")).rows[0].n).toBe(await chainLogCount());
    await (await finance.setParams([5000, 90, 5000, 1_000_000_000n, 30])).wait();
    ctx.indexer.start();
    return batches;
  };

  it("ends a batch early past its most logs, after the last whole block, and loses nothing", async () => {
    const batches = await catchUpWith({ maxLogsPerBatch: 1 }, [444n, 555n, 666n, 777n]);
    // One ParamsUpdated per block: a batch of one log each, ending at that log's block.
    expect(batches.map((batch) => batch.logs)).toEqual([1, 1, 1, 1]);
    expect(batches.map((batch) => batch.to - batch.from)).toEqual([0, 0, 0, 0]);
  });

  it("asks for 16 blocks first and doubles the range while batches stay small", async () => {
    const capacities = Array.from({ length: 60 }, (_, i) => 1_000n + BigInt(i));
    const batches = await catchUpWith({}, capacities);
    const spans = batches.map((batch) => batch.to - batch.from + 1);
    expect(spans.slice(0, 2)).toEqual([16, 32]);
    expect(spans.reduce((sum, span) => sum + span, 0)).toBe(batches.at(-1)!.to - batches[0].from + 1);
  });

  it("rolls back a reorganisation to the common ancestor and ends equal to the chain", async () => {
    const snapshot = await provider.send("evm_snapshot", []);
    const doomed = await registerPatent();
    expect((await world.clients.ent1.get(`/patents/${doomed.id}`)).status).toBe(200);
    await provider.send("evm_revert", [snapshot]);

    const survivor = await registerPatent(); // mined at the height the doomed patent had, with another hash
    expect((await world.clients.ent1.get(`/patents/${doomed.id}`)).status).toBe(404);
    expect((await world.clients.ent1.get(`/patents/${survivor.id}`)).status).toBe(200);
    expect(
      (await db.query("select count(*)::int as n from chain_events where entity_id = $1", [doomed.id])).rows[0].n,
    ).toBe(0);
    expect((await db.query("select count(*)::int as n from chain_events")).rows[0].n).toBe(await chainLogCount());
    const integrity = expectStatus(await world.clients.regulator1.get("/audit/verify"), 200).body;
    expect(integrity.mismatches).toEqual([]);
  });

  it("rolls back a reorganisation that happened while it was down", async () => {
    const snapshot = await provider.send("evm_snapshot", []);
    const doomed = await registerPatent();
    await platform.platform.ctx.indexer.stop();
    await provider.send("evm_revert", [snapshot]);
    const finance = operatorFinance();
    for (const capacity of [1n, 2n, 3n]) await (await finance.setParams([5000, 90, 5000, capacity, 30])).wait();
    const head = await provider.getBlockNumber();

    platform.platform.ctx.indexer.start();
    await waitUntil(async () => (await platform.platform.ctx.indexer.cursor())!.blockNumber >= head, "the re-index");
    expect((await world.clients.regulator1.get(`/patents/${doomed.id}`)).status).toBe(404);
    expect((await db.query("select fund_capacity from platform_state")).rows[0].fund_capacity).toBe("3");
    expect((await db.query("select count(*)::int as n from chain_events")).rows[0].n).toBe(await chainLogCount());
    const integrity = expectStatus(await world.clients.regulator1.get("/audit/verify"), 200).body;
    expect(integrity.mismatches).toEqual([]);
  });

  it("finds a common ancestor more than a few blocks back, and keeps what is below it", async () => {
    const forkedAfter = await provider.getBlockNumber();
    await waitUntil(
      async () => (await platform.platform.ctx.indexer.cursor())!.blockNumber >= forkedAfter,
      "the common blocks indexed",
    );
    // A row's xmin is the transaction that wrote it: blocks below the ancestor are not written again.
    const commonBlocks = async () =>
      (
        await db.query("select number, xmin::text from indexed_blocks where number <= $1 order by number", [
          forkedAfter,
        ])
      ).rows;
    const before = await commonBlocks();
    expect(before.length).toBeGreaterThan(0);
    const snapshot = await provider.send("evm_snapshot", []);
    const doomed = await registerPatent();
    const finance = operatorFinance();
    for (let capacity = 10n; capacity < 22n; capacity++) {
      await (await finance.setParams([5000, 90, 5000, capacity, 30])).wait();
    }
    const doomedHead = await provider.getBlockNumber();
    await waitUntil(
      async () => (await platform.platform.ctx.indexer.cursor())!.blockNumber >= doomedHead,
      "the doomed blocks indexed",
    );
    await platform.platform.ctx.indexer.stop();
    await provider.send("evm_revert", [snapshot]);
    for (let capacity = 30n; capacity < 45n; capacity++) {
      await (await finance.setParams([5000, 90, 5000, capacity, 30])).wait();
    }
    const head = await provider.getBlockNumber();

    platform.platform.ctx.indexer.start();
    await waitUntil(async () => (await platform.platform.ctx.indexer.cursor())!.blockNumber >= head, "the re-index");
    expect((await world.clients.regulator1.get(`/patents/${doomed.id}`)).status).toBe(404);
    expect((await db.query("select fund_capacity from platform_state")).rows[0].fund_capacity).toBe("44");
    expect(await commonBlocks()).toEqual(before);
    expect((await db.query("select count(*)::int as n from chain_events")).rows[0].n).toBe(await chainLogCount());
    const integrity = expectStatus(await world.clients.regulator1.get("/audit/verify"), 200).body;
    expect(integrity.mismatches).toEqual([]);
  });

  it("runs exactly one active indexer among instances sharing a database, and hands over when it stops", async () => {
    const second = await startTestPlatform({ attachTo: platform });
    try {
      await new Promise((resolve) => setTimeout(resolve, 600)); // both have tried to take the lock
      const active = [platform.platform.ctx.indexer.active, second.platform.ctx.indexer.active];
      expect(active.filter(Boolean)).toHaveLength(1);

      // A write through the passive instance waits for the active one to index it.
      const ent1There = await second.anonymous.login("ent1", "correct horse battery staple");
      expect((await registerPatent(ent1There)).status).toBe("registered");
      const health = expectStatus(await second.anonymous.get("/health"), 200).body;
      expect(health.indexer.lag).toBeGreaterThanOrEqual(0);

      const [leader, follower] = platform.platform.ctx.indexer.active ? [platform, second] : [second, platform];
      await leader.platform.ctx.indexer.stop();
      await waitUntil(async () => follower.platform.ctx.indexer.active, "the hand-over");
      const followerEnt1 = await follower.anonymous.login("ent1", "correct horse battery staple");
      expect((await registerPatent(followerEnt1)).status).toBe("registered");
      leader.platform.ctx.indexer.start();
    } finally {
      await second.stop();
    }
  });

  it("refuses an instance whose secrets differ from the ones the database was set up with", async () => {
    await expect(startTestPlatform({ attachTo: platform, env: { MASTER_KEY: "11".repeat(32) } })).rejects.toThrow(
      /MASTER_KEY/,
    );
    await expect(startTestPlatform({ attachTo: platform, env: { JWT_SECRET: "x".repeat(40) } })).rejects.toThrow(
      /JWT_SECRET/,
    );
  });

  it("the integrity check reports exactly the rows changed by hand, once each", async () => {
    const clean = expectStatus(await world.clients.regulator1.get("/audit/verify"), 200).body;
    expect(clean.mismatches).toEqual([]);
    const [first, second] = (await db.query("select id, owner_org_id, metadata_hash from patents order by id limit 2"))
      .rows;
    const event = (
      await db.query(
        "select block_number, log_index, log_data from chain_events where kind = 'PatentRegistered' limit 1",
      )
    ).rows[0];
    const record = (await db.query("select canonical from records where sha256 = $1", [second.metadata_hash])).rows[0];
    await db.query("update patents set owner_org_id = $2 where id = $1", [first.id, world.orgIds.regulator1]);
    await db.query("update records set canonical = canonical || ' ' where sha256 = $1", [second.metadata_hash]);
    await db.query("update chain_events set log_data = $3 where block_number = $1 and log_index = $2", [
      event.block_number,
      event.log_index,
      `${event.log_data.slice(0, -2)}ff`,
    ]);
    try {
      const tampered = expectStatus(await world.clients.regulator1.get("/audit/verify"), 200).body;
      expect(tampered.ok).toBe(false);
      const found = tampered.mismatches.map((m: any) => `${m.table} ${m.key} ${m.field}`).sort();
      expect(found).toEqual(
        [
          `patents ${first.id} owner_org_id`,
          `records 0x${second.metadata_hash.toString("hex")} canonical`,
          `chain_events ${event.block_number}/${event.log_index} log_data`,
        ].sort(),
      );
    } finally {
      await db.query("update patents set owner_org_id = $2 where id = $1", [first.id, first.owner_org_id]);
      await db.query("update records set canonical = $2 where sha256 = $1", [second.metadata_hash, record.canonical]);
      await db.query("update chain_events set log_data = $3 where block_number = $1 and log_index = $2", [
        event.block_number,
        event.log_index,
        event.log_data,
      ]);
    }
    expect(expectStatus(await world.clients.regulator1.get("/audit/verify"), 200).body.mismatches).toEqual([]);
  });
});
