/**
 * The Idempotency-Key header on every signed-in write (docs/api.md, "Idempotency keys"): a retry with
 * the same key replays the first result and has no second effect on the ledger or the audit
 * trail; the same key on another request is a 422; concurrent requests with one key run once; a
 * refused request frees its key; keys are per user, checked for shape, expire, and are kept in
 * PostgreSQL, so another instance on the same database replays them too.
 */
import { createHash, randomUUID } from "node:crypto";
import { JsonRpcProvider, Wallet } from "ethers";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { noteTransactionToSend, watchingSends } from "../src/chain/sendWatch.js";
import { canonicalJson } from "../src/domain/canonical.js";
import { ApiError } from "../src/errors.js";
import { IdempotencyKeys, type KeyedWrite } from "../src/http/idempotency.js";
import { DEV_OPERATOR_KEY } from "../src/platform.js";
import {
  chainTime,
  Client,
  expectStatus,
  type Reply,
  startTestPlatform,
  type TestPlatform,
} from "./support/platform.js";
import { document, isoDaysFrom, newPatentNumber, onboardCast, PASSWORD, type World } from "./support/world.js";

const HEADER = "Idempotency-Key";

describe("idempotency keys", () => {
  let platform: TestPlatform;
  let world: World;
  let c: World["clients"];
  let db: pg.Client;
  let provider: JsonRpcProvider;

  beforeAll(async () => {
    platform = await startTestPlatform();
    world = await onboardCast(platform);
    c = world.clients;
    db = new pg.Client(platform.databaseUrl);
    await db.connect();
    provider = new JsonRpcProvider(platform.rpcUrl, undefined, { cacheTimeout: -1 });
  });
  afterAll(async () => {
    provider?.destroy();
    await db?.end();
    await platform?.stop();
  });

  const keyed = (client: Client, method: string, path: string, body: unknown, key: string) =>
    client.request(method, path, body, { [HEADER]: key });

  let productSerial = 0;
  const productBody = (overrides: Record<string, unknown> = {}) => ({
    name: `Idempotent IP loan ${++productSerial}`,
    maxAmount: "100000000",
    minRateBps: 300,
    maxRateBps: 1200,
    maxTermDays: 730,
    ltvBps: 4000,
    ...overrides,
  });

  /** What a write can change: the audit trail, the products, and each organisation's sent transactions. */
  async function footprint() {
    const count = async (sql: string) => Number((await db.query(sql)).rows[0].n);
    const addresses = (await db.query("select address from organisations order by id")).rows.map((row) => row.address);
    return {
      events: await count("select count(*) as n from chain_events"),
      products: await count("select count(*) as n from products"),
      repayments: await count("select count(*) as n from chain_events where kind = 'LoanRepaid'"),
      nonces: await Promise.all(addresses.map((address: string) => provider.getTransactionCount(address))),
    };
  }

  const chainNow = () => chainTime(platform.anonymous);

  function expectReplayOf(replay: Reply, first: Reply) {
    expect(replay.status).toBe(first.status);
    expect(replay.body).toEqual(first.body);
    expect(replay.headers.get("idempotent-replayed")).toBe("true");
    expect(first.headers.get("idempotent-replayed")).toBeNull();
  }

  describe("a retried write", () => {
    it("replays the first result, status and body, and the ledger and the audit trail change once", async () => {
      const key = randomUUID();
      const body = productBody();
      const before = await footprint();
      const first = expectStatus(await keyed(c.bank1, "POST", "/products", body, key), 201);
      const afterFirst = await footprint();
      expect(afterFirst.products).toBe(before.products + 1);
      expect(afterFirst.events).toBeGreaterThan(before.events);

      const replay = await keyed(c.bank1, "POST", "/products", body, key);
      expectReplayOf(replay, first);
      expect(replay.body).toMatchObject({ id: first.body.id, txHash: first.body.txHash });
      expect(await footprint()).toEqual(afterFirst);
    });

    it("keeps no plain hash of a body: a new user's password cannot be guessed from the store", async () => {
      const key = randomUUID();
      const body = {
        username: `kept-${key.slice(0, 8)}`,
        password: "a password worth guessing",
        orgId: world.orgIds.bank1,
      };
      expectStatus(await keyed(c.admin, "POST", "/users", body, key), 201);
      const { rows } = await platform.platform.ctx.db.query<{ fingerprint: Buffer }>(
        "select fingerprint from idempotency_keys where key = $1",
        [key],
      );
      expect(rows).toHaveLength(1);
      const plain = createHash("sha256")
        .update(canonicalJson(["POST", "/api/users", body]))
        .digest();
      expect(rows[0].fingerprint.equals(plain)).toBe(false);
      // The same request is still recognised as the same.
      expectStatus(await keyed(c.admin, "POST", "/users", body, key), 201);
    });

    it("is the same request whatever the order of the body's keys", async () => {
      const key = randomUUID();
      const body = productBody();
      const first = expectStatus(await keyed(c.bank1, "POST", "/products", body, key), 201);
      const reordered = Object.fromEntries(Object.entries(body).reverse());
      expectReplayOf(await keyed(c.bank1, "POST", "/products", reordered, key), first);
    });

    it("replays a repayment without paying twice", async () => {
      const loan = await disbursedLoan();
      const key = randomUUID();
      const body = { amount: "1000000", reference: "wire 2031-001" };
      const first = expectStatus(await keyed(c.bank1, "POST", `/loans/${loan.id}/repayments`, body, key), 201);
      const repaid = first.body.repaid;
      const afterFirst = await footprint();

      expectReplayOf(await keyed(c.bank1, "POST", `/loans/${loan.id}/repayments`, body, key), first);
      expect(await footprint()).toEqual(afterFirst);
      expect(expectStatus(await c.bank1.get(`/loans/${loan.id}`), 200).body.repaid).toBe(repaid);
    });
  });

  describe("the same key on another request", () => {
    it("is a 422 IDEMPOTENCY_KEY_REUSED for another body or another path, and changes nothing", async () => {
      const key = randomUUID();
      const body = productBody();
      const first = expectStatus(await keyed(c.bank1, "POST", "/products", body, key), 201);
      const before = await footprint();
      const others = [
        ["/products", { ...body, maxTermDays: 365 }],
        [`/products/${first.body.id}/status`, { active: false }],
      ] as const;
      for (const [path, otherBody] of others) {
        const reply = await keyed(c.bank1, "POST", path, otherBody, key);
        expect(reply.status, path).toBe(422);
        expect(reply.body.error).toMatchObject({ code: "IDEMPOTENCY_KEY_REUSED", message: expect.any(String) });
        expect(reply.body.error.details).toEqual({ idempotencyKey: key });
      }
      expect(await footprint()).toEqual(before);
      expect(expectStatus(await c.bank1.get(`/products/${first.body.id}`), 200).body.active).toBe(true);
      // The first request still replays.
      expectReplayOf(await keyed(c.bank1, "POST", "/products", body, key), first);
    });

    it("is a 422 for another method too", async () => {
      const key = randomUUID();
      const params = expectStatus(await c.admin.get("/params"), 200).body;
      const { ltvCapBps, graceDays, fundShareBps, fundCapacity } = params;
      const body = { ltvCapBps, graceDays, fundShareBps, fundCapacity };
      expectStatus(await keyed(c.admin, "PUT", "/params", body, key), 200);
      const clerk = expectStatus(
        await c.admin.post("/users", {
          username: `clerk-${randomUUID().slice(0, 8)}`,
          password: PASSWORD,
          orgId: world.orgIds.bank2,
        }),
        201,
      ).body;
      const reply = await keyed(c.admin, "DELETE", `/users/${clerk.id}`, undefined, key);
      expect(reply.status).toBe(422);
      expect(reply.body.error.code).toBe("IDEMPOTENCY_KEY_REUSED");
      expect((await db.query("select count(*)::int as n from users where id = $1", [clerk.id])).rows[0].n).toBe(1);
    });
  });

  describe("concurrent requests with one key", () => {
    it("run once: the others get 409 IDEMPOTENCY_KEY_IN_PROGRESS or, once it is done, its result", async () => {
      const key = randomUUID();
      const body = productBody();
      const before = await footprint();
      const replies = await Promise.all(
        Array.from({ length: 5 }, () => keyed(c.bank1, "POST", "/products", body, key)),
      );
      const firsts = replies.filter((reply) => reply.status === 201 && !reply.headers.get("idempotent-replayed"));
      expect(firsts).toHaveLength(1);
      const waiting = replies.filter((reply) => reply.status === 409);
      expect(waiting.length).toBeGreaterThan(0);
      for (const reply of waiting) expect(reply.body.error.code).toBe("IDEMPOTENCY_KEY_IN_PROGRESS");
      for (const reply of replies.filter((candidate) => candidate.status !== 409)) {
        expect(reply.status).toBe(201);
        expect(reply.body).toEqual(firsts[0].body);
      }
      const after = await footprint();
      expect(after.products).toBe(before.products + 1);
      expect(after.nonces.reduce((a, b) => a + b, 0)).toBe(before.nonces.reduce((a, b) => a + b, 0) + 1);
      expectReplayOf(await keyed(c.bank1, "POST", "/products", body, key), firsts[0]);
    });
  });

  describe("a refused request", () => {
    it("does not keep its key: the corrected retry with the same key runs, and is then replayed", async () => {
      const key = randomUUID();
      const before = await footprint();
      const refused = await keyed(c.bank1, "POST", "/products", productBody({ ltvBps: 9000 }), key);
      expect(refused.status).toBe(422);
      expect(refused.body.error.code).toBe("LTV_ABOVE_PLATFORM_CAP");
      const invalid = await keyed(c.bank1, "POST", "/products", productBody({ minRateBps: "many" }), key);
      expect(invalid.status).toBe(400);
      expect(await footprint()).toEqual(before);

      const body = productBody();
      const corrected = expectStatus(await keyed(c.bank1, "POST", "/products", body, key), 201);
      expectReplayOf(await keyed(c.bank1, "POST", "/products", body, key), corrected);
      expect((await footprint()).products).toBe(before.products + 1);
    });

    it("does not keep its key after an illegal state transition either", async () => {
      const loan = await disbursedLoan();
      const key = randomUUID();
      const refused = await keyed(
        c.bank1,
        "POST",
        `/loans/${loan.id}/approve`,
        { amount: "1000", rateBps: 500, termDays: 30 },
        key,
      );
      expect(refused.status).toBe(409);
      expect((await db.query("select count(*)::int as n from idempotency_keys where key = $1", [key])).rows[0].n).toBe(
        0,
      );
    });
  });

  describe("the key itself", () => {
    it("is 1 to 128 letters, digits, '.', '_', ':' or '-'; anything else is a 400 and changes nothing", async () => {
      const before = await footprint();
      for (const key of ["", "with space", "a,b", "slash/key", "x".repeat(129), 'quote"d']) {
        const reply = await keyed(c.bank1, "POST", "/products", productBody(), key);
        expect(reply.status, JSON.stringify(key)).toBe(400);
        expect(reply.body.error.code).toBe("INVALID_IDEMPOTENCY_KEY");
      }
      expect(await footprint()).toEqual(before);
      for (const key of ["x".repeat(128), "order-2031.01:7_A"]) {
        expectStatus(await keyed(c.bank1, "POST", "/products", productBody(), key), 201);
      }
    });

    it("is not looked at on reads or on signing in", async () => {
      expectStatus(await keyed(c.bank1, "GET", "/products", undefined, "not a key!"), 200);
      const key = randomUUID();
      const body = { username: "bank1", password: PASSWORD };
      const first = expectStatus(await keyed(platform.anonymous, "POST", "/auth/login", body, key), 200);
      const second = expectStatus(await keyed(platform.anonymous, "POST", "/auth/login", body, key), 200);
      expect(second.headers.get("idempotent-replayed")).toBeNull();
      expect(first.body.user).toEqual(second.body.user);
    });

    it("belongs to its user: another user's same key, even in the same organisation, is a new request", async () => {
      const key = randomUUID();
      const body = productBody();
      const bank1 = expectStatus(await keyed(c.bank1, "POST", "/products", body, key), 201);
      const bank2 = expectStatus(await keyed(c.bank2, "POST", "/products", body, key), 201);
      expect(bank2.headers.get("idempotent-replayed")).toBeNull();
      expect(bank2.body.id).not.toBe(bank1.body.id);

      const username = `bank1-clerk-${productSerial}`;
      expectStatus(await c.admin.post("/users", { username, password: PASSWORD, orgId: world.orgIds.bank1 }), 201);
      const colleague = await platform.anonymous.login(username, PASSWORD);
      const theirs = expectStatus(await keyed(colleague, "POST", "/products", body, key), 201);
      expect(theirs.headers.get("idempotent-replayed")).toBeNull();
      expect(new Set([bank1.body.id, bank2.body.id, theirs.body.id]).size).toBe(3);
      // Each user's key replays that user's own first result.
      expectReplayOf(await keyed(c.bank2, "POST", "/products", body, key), bank2);
    });

    it("expires a day after its first use", async () => {
      const key = randomUUID();
      const first = expectStatus(await keyed(c.bank1, "POST", "/products", productBody(), key), 201);
      await db.query("update idempotency_keys set created_at = created_at - interval '25 hours' where key = $1", [key]);
      const again = expectStatus(await keyed(c.bank1, "POST", "/products", productBody(), key), 201);
      expect(again.headers.get("idempotent-replayed")).toBeNull();
      expect(again.body.id).not.toBe(first.body.id);
    });
  });

  it("is kept in PostgreSQL: another instance on the same database replays the first result", async () => {
    const key = randomUUID();
    const body = productBody();
    const first = expectStatus(await keyed(c.bank1, "POST", "/products", body, key), 201);
    const second = await startTestPlatform({ attachTo: platform });
    try {
      const before = await footprint();
      const there = new Client(second.url, c.bank1.token, c.bank1.user);
      expectReplayOf(await keyed(there, "POST", "/products", body, key), first);
      const reused = await keyed(there, "POST", "/products", productBody(), key);
      expect(reused.status).toBe(422);
      expect(await footprint()).toEqual(before);
    } finally {
      await second.stop();
    }
  });

  describe("the outcome kept (the store on its own)", () => {
    let keys: IdempotencyKeys;
    const write = (key: string, fingerprint = "a"): KeyedWrite => ({
      userId: c.bank1.user!.id,
      key,
      fingerprint: Buffer.from(fingerprint),
    });
    const ok = { status: 201, body: '{"id":"1"}' };
    beforeAll(() => {
      keys = new IdempotencyKeys(platform.platform.ctx.db, platform.platform.ctx.fingerprintSecret);
    });

    it("learns from the signer, through its queue and lock, whether a transaction went to the node", async () => {
      const { signer, ledger } = platform.platform.ctx;
      const transfer = { sent: false };
      const refused = { sent: false };
      // At once on one key's queue, so each watch must see only its own work. The operator holds no
      // bank role, so the ledger refuses the second call in its simulation, before anything is sent.
      const [sending, refusing] = await Promise.allSettled([
        watchingSends(transfer, () =>
          signer.send(DEV_OPERATOR_KEY, { to: Wallet.createRandom().address, data: "0x", value: 1n }),
        ),
        watchingSends(refused, () => signer.send(DEV_OPERATOR_KEY, ledger.finance("setProductActive", [1n, false]))),
      ]);
      expect(sending.status).toBe("fulfilled");
      expect(refusing.status).toBe("rejected");
      expect((refusing as PromiseRejectedResult).reason).toBeInstanceOf(ApiError);
      expect((refusing as PromiseRejectedResult).reason.status).toBeLessThan(500);
      expect(transfer.sent).toBe(true);
      expect(refused.sent).toBe(false);
    });

    it("keeps a failure after a transaction was sent, so a retry never sends a second one", async () => {
      const request = write(randomUUID());
      const pending = new ApiError(504, "TRANSACTION_PENDING", "sent but not mined yet", { txHash: "0xabc" });
      await expect(
        keys.once(request, async () => {
          await noteTransactionToSend("0xabc", db);
          throw pending;
        }),
      ).rejects.toBe(pending);
      let ran = false;
      const replay = await keys.once(request, async () => {
        ran = true;
        return ok;
      });
      expect(ran).toBe(false);
      expect(replay).toEqual({
        status: 504,
        body: JSON.stringify({
          error: { code: "TRANSACTION_PENDING", message: "sent but not mined yet", details: { txHash: "0xabc" } },
        }),
        replayed: true,
      });
    });

    it("frees the key after a failure before anything was sent, also a 5xx", async () => {
      const request = write(randomUUID());
      const outage = new ApiError(503, "CHAIN_UNAVAILABLE", "the node is down");
      await expect(keys.once(request, () => Promise.reject(outage))).rejects.toBe(outage);
      expect(await keys.once(request, async () => ok)).toEqual({ ...ok, replayed: false });
    });

    it("answers a retry after a run that died between recording its transaction and sending it with 503 WRITE_INTERRUPTED, and sends nothing", async () => {
      // The first run records a transaction and never sends it (its server died in between): the
      // node has never seen it, yet the claim names it, and a retry must not run again, because a
      // server that only lost its database connection could still send it.
      const request = write(randomUUID());
      const neverSent = `0x${randomUUID().replaceAll("-", "")}${randomUUID().replaceAll("-", "")}`;
      let finishFirst!: () => void;
      const firstRun = keys.once(request, async () => {
        await noteTransactionToSend(neverSent, db);
        await new Promise<void>((resolve) => (finishFirst = resolve));
        return { status: 200, body: '"first"' };
      });
      await expect.poll(() => finishFirst).toBeDefined();
      await db.query("update idempotency_keys set instance = 'ipledge-api:gone' where key = $1", [request.key]);
      let ran = false;
      const retry = await keys.once(request, async () => {
        ran = true;
        return ok;
      });
      expect(ran).toBe(false);
      expect(retry.status).toBe(503);
      expect(JSON.parse(retry.body).error).toMatchObject({
        code: "WRITE_INTERRUPTED",
        details: { txHashes: [neverSent] },
      });
      // The first run ending late keeps nothing: the kept outcome is the 503.
      finishFirst();
      await firstRun;
      expect(await keys.once(request, async () => ok)).toEqual({ ...retry, replayed: true });
    });

    it("lets a retry take over a claim whose request never finished, after the lease; the late first run keeps nothing", async () => {
      const request = write(randomUUID());
      let finishFirst!: () => void;
      const firstRun = keys.once(
        request,
        () => new Promise((resolve) => (finishFirst = () => resolve({ status: 200, body: '"first"' }))),
      );
      await expect.poll(() => finishFirst).toBeDefined();
      await expect(keys.once(request, async () => ok)).rejects.toMatchObject({
        code: "IDEMPOTENCY_KEY_IN_PROGRESS",
        status: 409,
      });
      await expect(keys.once(write(request.key, "b"), async () => ok)).rejects.toMatchObject({
        code: "IDEMPOTENCY_KEY_REUSED",
      });

      await db.query("update idempotency_keys set created_at = created_at - interval '11 minutes' where key = $1", [
        request.key,
      ]);
      expect(await keys.once(request, async () => ok)).toEqual({ ...ok, replayed: false });
      finishFirst();
      await firstRun;
      expect(await keys.once(request, async () => ({ status: 500, body: "" }))).toEqual({ ...ok, replayed: true });
    });
  });

  it("is documented in the OpenAPI document on every signed-in write, with its 409 and 422", async () => {
    const spec = expectStatus(await platform.anonymous.get("/openapi.json"), 200).body;
    // Writes whose body holds a password take no key: its fingerprint would be a fast hash of it.
    const passwordWrites = new Set(["post /api/auth/password", "post /api/users/{id}/password"]);
    let writes = 0;
    for (const [path, item] of Object.entries(spec.paths as Record<string, Record<string, any>>)) {
      for (const [method, operation] of Object.entries(item)) {
        const header = (operation.parameters ?? []).find((p: any) => p.in === "header" && p.name === HEADER);
        const signedInWrite =
          method !== "get" && (operation.security ?? []).length > 0 && !passwordWrites.has(`${method} ${path}`);
        expect(Boolean(header), `${method} ${path}`).toBe(signedInWrite);
        if (!signedInWrite) continue;
        writes += 1;
        expect(header.required ?? false).toBe(false);
        expect(header.schema.pattern).toBeDefined();
        expect(Object.keys(operation.responses)).toEqual(expect.arrayContaining(["400", "409", "422"]));
        expect(operation.responses["422"].description).toContain("IDEMPOTENCY_KEY_REUSED");
      }
    }
    expect(writes).toBeGreaterThan(15);
  });

  /** A loan of bank1's to ent1, disbursed, on a fresh verified and appraised patent. */
  async function disbursedLoan() {
    const now = await chainNow();
    const number = newPatentNumber();
    expectStatus(
      await c.ent1.post("/patents", {
        number,
        title: `Patent ${number}`,
        kind: "invention",
        grantDate: isoDaysFrom(now, -400),
        expiryDate: isoDaysFrom(now, 3650),
        certificate: document(),
      }),
      201,
    );
    expectStatus(await c.ipoffice1.post(`/patents/${number}/verify`, { feePaidUntil: isoDaysFrom(now, 3000) }), 200);
    expectStatus(
      await c.appraiser1.post(`/patents/${number}/appraisals`, {
        value: "100000000",
        validUntil: isoDaysFrom(now, 365),
        report: document("valuation.pdf"),
      }),
      201,
    );
    const product = expectStatus(await c.bank1.post("/products", productBody()), 201).body;
    const loan = expectStatus(
      await c.ent1.post("/loans", {
        productId: product.id,
        patentIds: [number],
        amount: "20000000",
        termDays: 365,
        purpose: "working capital",
      }),
      201,
    ).body;
    expectStatus(
      await c.bank1.post(`/loans/${loan.id}/approve`, { amount: "20000000", rateBps: 600, termDays: 365 }),
      200,
    );
    expectStatus(await c.ipoffice1.post(`/loans/${loan.id}/pledge`, { registrationNo: `Z${number}` }), 200);
    return expectStatus(await c.bank1.post(`/loans/${loan.id}/disburse`, { reference: "disbursal" }), 200).body;
  }
});
