/**
 * The HTTP API as a contract (SPEC section 5): the OpenAPI document lists every route the server
 * has with its error responses, unknown paths and bad sign-ins answer with the error shape, the
 * login rate limit holds, health reports its parts. Organisations' keys are encrypted at rest
 * (SPEC section 1) and never leave the server; the signer queue keeps nonces in order under load.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import http from "node:http";
import { tmpdir } from "node:os";
import path from "node:path";
import { JsonRpcProvider, Wallet } from "ethers";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApi } from "../src/app.js";
import { KeyVault } from "../src/chain/keyVault.js";
import { chainTime, Client, expectStatus, startTestPlatform, type TestPlatform } from "./support/platform.js";
import { document, isoDaysFrom, newPatentNumber, onboardCast, PASSWORD, type World } from "./support/world.js";

const LOGIN_RATE_LIMIT = 5;
const HTTP_METHODS = ["get", "post", "put", "delete", "patch"] as const;
const ERROR_REF = "#/components/schemas/Error";

describe("the HTTP API", () => {
  let platform: TestPlatform;
  let world: World;
  let c: World["clients"];
  let db: pg.Client;
  let webDir: string;

  beforeAll(async () => {
    webDir = mkdtempSync(path.join(tmpdir(), "ipledge-web-"));
    mkdirSync(path.join(webDir, "assets"));
    writeFileSync(path.join(webDir, "index.html"), "<!doctype html><title>iPledge</title><div id=root></div>");
    writeFileSync(path.join(webDir, "assets", "app-1a2b3c.js"), "console.log('iPledge');");
    platform = await startTestPlatform({ env: { LOGIN_RATE_LIMIT: String(LOGIN_RATE_LIMIT), WEB_DIR: webDir } });
    world = await onboardCast(platform);
    c = world.clients;
    db = new pg.Client(platform.databaseUrl);
    await db.connect();
  });
  afterAll(async () => {
    await db?.end();
    await platform?.stop();
    rmSync(webDir, { recursive: true, force: true });
  });

  const chainNow = () => chainTime(platform.anonymous);

  const patentBody = (now: number) => {
    const number = newPatentNumber();
    return {
      number,
      title: `Patent ${number}`,
      kind: "invention",
      grantDate: isoDaysFrom(now, -100),
      expiryDate: isoDaysFrom(now, 3000),
      certificate: document(),
    };
  };

  describe("OpenAPI", () => {
    let spec: any;
    let routes: { method: string; path: string; access: unknown }[];
    const operationKey = (method: string, routePath: string) =>
      `${method.toUpperCase()} /api${routePath.replace(/:(\w+)/g, "{$1}")}`;

    beforeAll(async () => {
      spec = expectStatus(await platform.anonymous.get("/openapi.json"), 200).body;
      routes = createApi(platform.platform.ctx).routes;
    });

    it("is an OpenAPI 3 document with the Error schema", () => {
      expect(spec.openapi).toMatch(/^3\./);
      expect(spec.info).toMatchObject({ title: expect.any(String), version: expect.any(String) });
      const error = spec.components.schemas.Error;
      expect(error.properties.error.properties).toMatchObject({
        code: { type: "string" },
        message: { type: "string" },
      });
      expect(error.properties.error.properties).toHaveProperty("details");
      expect(spec.components.securitySchemes.bearer).toMatchObject({ type: "http", scheme: "bearer" });
    });

    it("lists every route the server has, and no other", () => {
      expect(routes.length).toBeGreaterThan(40);
      const documented = Object.entries(spec.paths as Record<string, Record<string, unknown>>).flatMap(
        ([pathName, item]) =>
          HTTP_METHODS.filter((method) => item[method]).map((method) => `${method.toUpperCase()} ${pathName}`),
      );
      const served = routes.map((route) => operationKey(route.method, route.path));
      expect(new Set(served).size).toBe(served.length);
      expect([...documented].sort()).toEqual([...served].sort());
    });

    it("names every operation once (operationId) and files it under a tag the document declares", () => {
      const declared = new Map((spec.tags ?? []).map((tag: any) => [tag.name, tag.description]));
      for (const [name, description] of declared) expect(description, `tag ${name}`).toMatch(/\w/);
      const operations = Object.values(spec.paths as Record<string, Record<string, any>>).flatMap((item) =>
        HTTP_METHODS.flatMap((method) => (item[method] ? [item[method]] : [])),
      );
      const ids = operations.map((operation) => operation.operationId);
      for (const id of ids) expect(id).toMatch(/^[a-z][A-Za-z]+$/);
      expect(new Set(ids).size).toBe(operations.length);
      for (const operation of operations) {
        expect(operation.tags, operation.operationId).toHaveLength(1);
        expect(declared.has(operation.tags[0]), `${operation.operationId}: tag ${operation.tags[0]}`).toBe(true);
      }
      expect(spec.paths["/api/loans"].get.operationId).toBe("listLoans");
      expect(spec.paths["/api/loans/{id}/pledge"].post.operationId).toBe("registerPledge");
    });

    it("documents each route's error responses with the Error schema", () => {
      for (const route of routes) {
        const key = operationKey(route.method, route.path);
        const [method, pathName] = key.split(" ");
        const operation = spec.paths[pathName][method.toLowerCase()];
        const statuses = Object.keys(operation.responses);
        expect(
          statuses.filter((status) => /^2\d\d$/.test(status)),
          `${key} success`,
        ).toHaveLength(1);
        const needed = route.access === "public" ? ["400", "404"] : ["400", "401", "403", "404"];
        expect(statuses, key).toEqual(expect.arrayContaining(needed));
        for (const status of statuses.filter((candidate) => Number(candidate) >= 400)) {
          const schema = operation.responses[status].content?.["application/json"]?.schema;
          expect(schema, `${key} ${status}`).toEqual({ $ref: ERROR_REF });
        }
        if (route.access !== "public") expect(operation.security, key).toEqual([{ bearer: [] }]);
        for (const param of pathName.match(/\{(\w+)\}/g) ?? []) {
          const name = param.slice(1, -1);
          expect(
            (operation.parameters ?? []).some((p: any) => p.in === "path" && p.name === name),
            `${key} documents its path parameter ${name}`,
          ).toBe(true);
        }
      }
      expect(Object.keys(spec.paths["/api/auth/login"].post.responses)).toContain("429");
      expect(Object.keys(spec.paths["/api/patents"].post.responses)).toContain("413");
    });

    it("matches the server: every route that needs a token answers an anonymous call with a documented 401", async () => {
      for (const route of routes.filter((candidate) => candidate.access !== "public")) {
        const concrete = route.path.replace(/:(\w+)/g, (_match, name: string) =>
          name === "sha256" || name === "hash" ? "0".repeat(64) : "1",
        );
        const reply = await platform.anonymous.request(route.method.toUpperCase(), concrete, undefined);
        expect(reply.status, `${route.method} ${concrete}: ${JSON.stringify(reply.body)}`).toBe(401);
        expect(reply.body.error.code).toBe("UNAUTHORIZED");
      }
    });

    it("is browsable with Swagger UI at /api/docs/", async () => {
      const reply = await platform.anonymous.get("/docs/");
      expect(reply.status).toBe(200);
      expect(reply.headers.get("content-type")).toMatch(/^text\/html/);
      expect(reply.body).toContain("swagger-ui");
      expect(reply.body).toContain("<title>iPledge API</title>");
    });
  });

  it("serves the web app on the same port: assets cached for good, every page by URL", async () => {
    for (const page of ["/", "/loans/42", "/regulator/audit?kind=LoanApplied"]) {
      const reply = await fetch(`${platform.url}${page}`);
      expect(reply.status).toBe(200);
      expect(reply.headers.get("content-type")).toMatch(/text\/html/);
      expect(await reply.text()).toContain("<div id=root>");
    }
    const asset = await fetch(`${platform.url}/assets/app-1a2b3c.js`);
    expect(asset.status).toBe(200);
    expect(asset.headers.get("cache-control")).toMatch(/immutable/);
    expect((await fetch(`${platform.url}/assets/missing.js`)).status).toBe(404);
    expect((await fetch(`${platform.url}/api/no-such-endpoint`)).headers.get("content-type")).toMatch(/json/);
  });

  it("an unknown path under /api is a 404 with the error shape, signed in or not", async () => {
    for (const [client, method, pathName] of [
      [platform.anonymous, "GET", "/no-such-thing"],
      [c.ent1, "GET", "/no-such-thing?x=1"],
      [c.ent1, "POST", "/patents/CN1/nothing/here"],
      [c.admin, "DELETE", "/patents"],
    ] as const) {
      const reply = await client.request(method, pathName, method === "POST" ? {} : undefined);
      expect(reply.status, `${method} ${pathName}`).toBe(404);
      expect(reply.body).toEqual({
        error: { code: "NOT_FOUND", message: expect.any(String), details: expect.anything() },
      });
      expect(reply.body.error.message).not.toContain("?x=1");
    }
  });

  describe("sign-in", () => {
    it("a wrong password and an unknown user are the same 401 BAD_CREDENTIALS", async () => {
      const wrongPassword = await platform.anonymous.post("/auth/login", {
        username: "ent2",
        password: "not it at all",
      });
      const unknownUser = await platform.anonymous.post("/auth/login", { username: "nobody-here", password: PASSWORD });
      for (const reply of [wrongPassword, unknownUser]) {
        expect(reply.status).toBe(401);
        expect(reply.body.error.code).toBe("BAD_CREDENTIALS");
        expect(reply.body.token).toBeUndefined();
      }
      expect(wrongPassword.body.error.message).toBe(unknownUser.body.error.message);
      // and the right password still works afterwards
      await platform.anonymous.login("ent2", PASSWORD);
    });

    it("a malformed sign-in is a 400, not a 401 or a 5xx", async () => {
      for (const body of [{}, { username: "ent2" }, { username: "ent2", password: 12345 }, []]) {
        const reply = await platform.anonymous.post("/auth/login", body);
        expect(reply.status, JSON.stringify(body)).toBe(400);
        expect(reply.body.error.code).toBe("VALIDATION_FAILED");
      }
    });

    it(`is rate limited after ${LOGIN_RATE_LIMIT} failed attempts, with Retry-After; a success resets the count`, async () => {
      const username = "ratelimited";
      const org = expectStatus(await c.admin.post("/orgs", { name: "rate limited org", kind: "enterprise" }), 201).body;
      expectStatus(await c.admin.post("/users", { username, password: PASSWORD, orgId: org.id }), 201);
      const attempt = (password: string) => platform.anonymous.post("/auth/login", { username, password });

      // max - 1 failures, then a success: without the reset, the next failures would hit the limit early.
      for (let i = 0; i < LOGIN_RATE_LIMIT - 1; i++) expect((await attempt("wrong password")).status).toBe(401);
      expect((await attempt(PASSWORD)).status).toBe(200);
      for (let i = 0; i < LOGIN_RATE_LIMIT; i++) {
        const reply = await attempt("wrong password");
        expect(reply.status, `failed attempt ${i + 1} after the reset`).toBe(401);
      }

      const limited = await attempt("wrong password");
      expect(limited.status).toBe(429);
      expect(limited.body.error.code).toBe("RATE_LIMITED");
      const retryAfter = limited.headers.get("retry-after");
      expect(retryAfter).toMatch(/^\d+$/);
      expect(Number(retryAfter)).toBeGreaterThan(0);
      expect(Number(retryAfter)).toBeLessThanOrEqual(60);
      expect(limited.body.error.details.retryAfterSeconds).toBe(Number(retryAfter));
      // While limited, even the right password gets no token.
      const right = await attempt(PASSWORD);
      expect(right.status).toBe(429);
      expect(right.body.token).toBeUndefined();
      // Another user is not locked out by someone guessing this one's password.
      await platform.anonymous.login("ent2", PASSWORD);
    });
  });

  it("a NUL character anywhere is a 400, never a 5xx", async () => {
    const replies = [
      await c.ent1.get("/patents/CN2021%00"),
      await c.ent1.get("/patents?q=%00"),
      await c.regulator1.get("/audit/events?entityId=a%00b"),
      await platform.anonymous.post("/auth/login", { username: "ent1\u0000", password: "x" }),
    ];
    for (const reply of replies) {
      expect(reply.status, JSON.stringify(reply.body)).toBe(400);
      expect(reply.body.error).toMatchObject({ code: expect.any(String), message: expect.any(String) });
    }
  });

  it("health reports the database, the chain and the indexer lag", async () => {
    const health = expectStatus(await platform.anonymous.get("/health"), 200).body;
    expect(health.status).toBe("ok");
    expect(health.database.ok).toBe(true);
    expect(health.chain).toMatchObject({ ok: true, chainId: "31337", head: expect.any(Number) });
    expect(Number.isNaN(Date.parse(health.chain.time))).toBe(false);
    expect(typeof health.indexer.lag).toBe("number");
    expect(health.indexer.lag).toBeGreaterThanOrEqual(0);
  });

  it("keeps an idle keep-alive connection open past Node's 5 s default, and waits longer for headers", async () => {
    // longer than a load balancer's 60 s idle timeout, so the balancer always closes first
    expect(platform.server.keepAliveTimeout).toBeGreaterThan(60_000);
    expect(platform.server.headersTimeout).toBeGreaterThan(platform.server.keepAliveTimeout);

    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    const health = () =>
      new Promise<{ status: number; keepAlive: unknown; reused: boolean }>((resolve, reject) => {
        const request = http.get(`${platform.url}/api/health`, { agent }, (response) => {
          response.resume();
          response.on("end", () =>
            resolve({
              status: response.statusCode!,
              keepAlive: response.headers["keep-alive"],
              reused: request.reusedSocket,
            }),
          );
        });
        request.on("error", reject);
      });
    try {
      const first = await health();
      expect(first).toMatchObject({ status: 200, reused: false });
      expect(first.keepAlive).toBe(`timeout=${platform.server.keepAliveTimeout / 1000}`);
      await new Promise((resolve) => setTimeout(resolve, 6_000));
      // the same socket, still open on the server's side after 6 s idle
      expect(await health()).toMatchObject({ status: 200, reused: true });
    } finally {
      agent.destroy();
    }
  }, 20_000);

  describe("secrets", () => {
    const masterKey = () =>
      Buffer.from(readFileSync(path.join(platform.dataDir, "secrets", "master.key"), "utf8").trim(), "hex");

    async function organisationKeys() {
      const vault = new KeyVault(masterKey());
      const { rows } = await db.query<{ id: string; address: string; encrypted_key: Buffer }>(
        "select org_id as id, address, encrypted_key from organisation_keys where encrypted_key is not null order by org_id, address",
      );
      return rows.map((row) => ({ ...row, privateKey: vault.open(row.encrypted_key, row.address) }));
    }

    it("organisations' keys are encrypted at rest under the master key, bound to their address", async () => {
      const keys = await organisationKeys();
      expect(keys.length).toBeGreaterThanOrEqual(Object.keys(world.orgIds).length);
      const vault = new KeyVault(masterKey());
      for (const [i, key] of keys.entries()) {
        const raw = Buffer.from(key.privateKey.slice(2), "hex");
        expect(raw).toHaveLength(32);
        expect(key.encrypted_key.includes(raw), `org ${key.id}: raw key bytes in the column`).toBe(false);
        expect(key.encrypted_key.toString("latin1").toLowerCase()).not.toContain(key.privateKey.slice(2));
        expect(new Wallet(key.privateKey).address.toLowerCase()).toBe(key.address);
        // A ciphertext copied onto another organisation's row does not open there.
        const other = keys[(i + 1) % keys.length];
        expect(() => vault.open(key.encrypted_key, other.address)).toThrow();
      }
      // Two organisations never share a key.
      expect(new Set(keys.map((key) => key.privateKey)).size).toBe(keys.length);
      // A wrong master key opens nothing.
      const wrong = new KeyVault(Buffer.alloc(32, 7));
      expect(() => wrong.open(keys[0].encrypted_key, keys[0].address)).toThrow();
    });

    it("no organisation or user response carries a key, a password hash or a private key", async () => {
      const created = expectStatus(await c.admin.post("/orgs", { name: "secrets check org", kind: "bank" }), 201);
      const user = expectStatus(
        await c.admin.post("/users", { username: "secrets-check", password: PASSWORD, orgId: created.body.id }),
        201,
      );
      const replies = [created, user];
      for (const client of [c.admin, c.ent1, c.regulator1]) {
        replies.push(
          await client.get("/orgs?limit=200"),
          await client.get("/me"),
          await client.get("/users?limit=200"),
        );
        for (const orgId of Object.values(world.orgIds)) replies.push(await client.get(`/orgs/${orgId}`));
      }
      replies.push(await c.admin.get(`/users?orgId=${created.body.id}`));
      expect(replies.filter((reply) => reply.status === 200).length).toBeGreaterThan(20);
      const privateKeys = (await organisationKeys()).map((key) => key.privateKey.slice(2).toLowerCase());
      expect(privateKeys.length).toBeGreaterThan(Object.keys(world.orgIds).length);
      for (const reply of replies) {
        const text = JSON.stringify(reply.body);
        expect(text).not.toMatch(/encrypted_?key/i);
        expect(text).not.toMatch(/password_?hash/i);
        expect(text).not.toMatch(/\$2[aby]\$\d\d\$/); // a bcrypt hash
        expect(text).not.toContain(PASSWORD);
        for (const key of privateKeys) expect(text.toLowerCase()).not.toContain(key);
        // Only POST /orgs carries a 64-hex value (its txHash); a GET never does.
        if (reply !== created) expect(text, text.slice(0, 200)).not.toMatch(/[0-9a-fA-F]{64}/);
      }
    });

    it("the secret files are readable by their owner only", () => {
      const secrets = path.join(platform.dataDir, "secrets");
      expect(statSync(path.join(secrets, "jwt.key")).mode & 0o777).toBe(0o600);
      expect(statSync(path.join(secrets, "master.key")).mode & 0o777).toBe(0o600);
      expect(statSync(secrets).mode & 0o077).toBe(0);
    });
  });

  describe("the signer queue", () => {
    const nonceOf = async (address: string) => {
      const provider = new JsonRpcProvider(platform.rpcUrl, undefined, { cacheTimeout: -1 });
      try {
        return await provider.getTransactionCount(address, "latest");
      } finally {
        provider.destroy();
      }
    };
    const addressOf = async (client: Client) => expectStatus(await client.get("/me"), 200).body.organisation.address;

    it("20 concurrent patent registrations by one enterprise all succeed, in 20 transactions", async () => {
      const now = await chainNow();
      const address = await addressOf(c.ent1);
      const nonceBefore = await nonceOf(address);
      const bodies = Array.from({ length: 20 }, () => patentBody(now));
      const replies = await Promise.all(bodies.map((body) => c.ent1.post("/patents", body)));
      for (const reply of replies) expectStatus(reply, 201);
      expect(replies.map((reply) => reply.body.id).sort()).toEqual(bodies.map((body) => body.number).sort());
      expect(new Set(replies.map((reply) => reply.body.txHash)).size).toBe(20);
      expect(await nonceOf(address)).toBe(nonceBefore + 20);
      const listed = expectStatus(await c.ent1.get("/patents?limit=200"), 200).body;
      expect(listed.items.map((patent: any) => patent.id)).toEqual(expect.arrayContaining(bodies.map((b) => b.number)));
    });

    it("10 concurrent writes by 5 organisations all succeed with distinct transactions", async () => {
      const now = await chainNow();
      const toVerify = await Promise.all(
        [0, 1].map(async () => expectStatus(await c.ent2.post("/patents", patentBody(now)), 201).body.id),
      );
      const product = (name: string) => ({
        name,
        maxAmount: "100000000",
        minRateBps: 300,
        maxRateBps: 1000,
        maxTermDays: 365,
        ltvBps: 5000,
      });
      const writes = [
        c.ent1.post("/patents", patentBody(now)),
        c.ent1.post("/patents", patentBody(now)),
        c.ent2.post("/patents", patentBody(now)),
        c.ent2.post("/patents", patentBody(now)),
        c.bank1.post("/products", product("bank1 loan A")),
        c.bank1.post("/products", product("bank1 loan B")),
        c.bank2.post("/products", product("bank2 loan A")),
        c.bank2.post("/products", product("bank2 loan B")),
        ...toVerify.map((id) => c.ipoffice1.post(`/patents/${id}/verify`, { feePaidUntil: isoDaysFrom(now, 900) })),
      ];
      const replies = await Promise.all(writes);
      for (const [i, reply] of replies.entries()) {
        expect(reply.status, `write ${i}: ${JSON.stringify(reply.body)}`).toBe(i < 8 ? 201 : 200);
        expect(reply.body.txHash).toMatch(/^0x[0-9a-f]{64}$/);
      }
      expect(new Set(replies.map((reply) => reply.body.txHash)).size).toBe(10);
      for (const id of toVerify) {
        expect(expectStatus(await c.ipoffice1.get(`/patents/${id}`), 200).body.status).toBe("verified");
      }
      const integrity = expectStatus(await c.regulator1.get("/audit/verify"), 200).body;
      expect(integrity.mismatches).toEqual([]);
    });
  });
});
