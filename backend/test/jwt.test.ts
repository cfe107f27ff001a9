/**
 * Bearer tokens that must not work (SPEC section 5: 401 missing or bad token). Every negative case
 * differs from `mint()`'s token, which the positive control shows is accepted, in one respect only,
 * so each 401 is for the reason the case names.
 */
import { generateKeyPairSync, randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import type { Request } from "express";
import jwt from "jsonwebtoken";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "../src/config/index.js";
import { Tokens } from "../src/http/auth.js";
import { Client, expectStatus, startTestPlatform, type Reply, type TestPlatform } from "./support/platform.js";
import { PASSWORD } from "./support/world.js";

const base64url = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url");

function expectUnauthorized(reply: Reply, code = "UNAUTHORIZED") {
  expectStatus(reply, 401);
  expect(reply.body).toEqual({ error: { code, message: expect.any(String), details: expect.anything() } });
}

describe("JWT", () => {
  let platform: TestPlatform;
  let secret: Buffer;
  let issuer: string;
  let audience: string;
  let user: Client;
  let userId: string;
  let adminId: string;
  let orgId: string;
  /** jwt-user's session (from its sign-in): a token must name a session that is in use. */
  let sessionId: string;

  /** A token the server accepts, changed by the overrides (an option set to undefined is left out). */
  const mint = (
    overrides: { claims?: Record<string, unknown>; key?: jwt.Secret; options?: Partial<jwt.SignOptions> } = {},
  ): string => {
    const options: Record<string, unknown> = {
      algorithm: "HS256",
      subject: userId,
      jwtid: sessionId,
      issuer,
      audience,
      expiresIn: 600,
      ...overrides.options,
    };
    for (const [key, value] of Object.entries(options)) if (value === undefined) delete options[key];
    return jwt.sign({ ...overrides.claims }, overrides.key ?? secret, options as jwt.SignOptions);
  };

  const me = (authorization?: string) =>
    platform.anonymous.request("GET", "/me", undefined, authorization === undefined ? {} : { authorization });
  const bearer = (token: string) => me(`Bearer ${token}`);

  beforeAll(async () => {
    platform = await startTestPlatform();
    const { config } = platform.platform.ctx;
    // The test platform sets no JWT_SECRET, so the server generated one in its data folder.
    expect(config.jwt.secret).toBeUndefined();
    secret = Buffer.from(readFileSync(path.join(platform.dataDir, "secrets", "jwt.key"), "utf8").trim(), "hex");
    issuer = config.jwt.issuer;
    audience = config.jwt.audience;
    expect([issuer, audience]).toEqual(["ipledge", "ipledge-api"]);
    const org = expectStatus(
      await platform.admin.post("/orgs", { name: "JWT test enterprise", kind: "enterprise" }),
      201,
    ).body;
    orgId = org.id;
    userId = expectStatus(
      await platform.admin.post("/users", { username: "jwt-user", password: PASSWORD, orgId: org.id }),
      201,
    ).body.id;
    user = await platform.anonymous.login("jwt-user", PASSWORD);
    sessionId = (jwt.decode(user.token!) as jwt.JwtPayload).jti!;
    adminId = platform.admin.user!.id;
  });
  afterAll(() => platform?.stop());

  describe("positive controls", () => {
    it("accepts the token from POST /api/auth/login", async () => {
      const reply = expectStatus(await user.get("/me"), 200);
      expect(reply.body.user).toMatchObject({ id: userId, username: "jwt-user", role: "enterprise" });
    });

    it("accepts a token minted here with the server's secret, issuer and audience", async () => {
      const reply = expectStatus(await bearer(mint()), 200);
      expect(reply.body.user.id).toBe(userId);
    });
  });

  it("refuses a request without an Authorization header", async () => {
    expectUnauthorized(await me());
  });

  it.each([
    ["an empty header", () => ""],
    ["the scheme alone", () => "Bearer"],
    ["the scheme and a space", () => "Bearer "],
    ["another scheme", () => `Basic ${Buffer.from(`jwt-user:${PASSWORD}`).toString("base64")}`],
    ["a token without the scheme", (token: string) => token],
    ["a token that is not a JWT", () => "Bearer not-a-jwt"],
    ["two segments", (token: string) => `Bearer ${token.split(".").slice(0, 2).join(".")}`],
    ["four segments", (token: string) => `Bearer ${token}.AAAA`],
    ["characters outside base64url", (token: string) => `Bearer ${token.replace(".", ".+/")}`],
    ["two tokens", (token: string) => `Bearer ${token} ${token}`],
    ["a header segment that is not JSON", (token: string) => `Bearer ${token.replace(/^[^.]+/, "bm90IGpzb24")}`],
  ])("refuses a malformed header: %s", async (_name, header) => {
    expectUnauthorized(await me(header(mint())));
  });

  it('refuses an unsigned token (alg "none")', async () => {
    const now = Math.floor(Date.now() / 1000);
    const claims = { sub: userId, iss: issuer, aud: audience, iat: now, exp: now + 600 };
    for (const alg of ["none", "None", "NONE"]) {
      const unsigned = `${base64url({ alg, typ: "JWT" })}.${base64url(claims)}.`;
      expectUnauthorized(await bearer(unsigned));
      // The same token with the valid token's signature pasted on is no better.
      expectUnauthorized(await bearer(`${unsigned}${mint().split(".")[2]}`));
    }
  });

  it("refuses a token signed with HS512, even with the server's secret", async () => {
    const token = mint({ options: { algorithm: "HS512" } });
    expect(jwt.decode(token, { complete: true })?.header.alg).toBe("HS512");
    expectUnauthorized(await bearer(token));
  });

  it("refuses a token signed with HS384, even with the server's secret", async () => {
    const token = mint({ options: { algorithm: "HS384" } });
    expect(jwt.decode(token, { complete: true })?.header.alg).toBe("HS384");
    expectUnauthorized(await bearer(token));
  });

  it("refuses an RS256 token signed with another key", async () => {
    const { privateKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
    const token = mint({ key: privateKey, options: { algorithm: "RS256" } });
    expect(jwt.decode(token, { complete: true })?.header.alg).toBe("RS256");
    expectUnauthorized(await bearer(token));
  });

  it("refuses an HS256 token signed with another secret", async () => {
    expectUnauthorized(await bearer(mint({ key: randomBytes(32) })));
    expectUnauthorized(await bearer(mint({ key: secret.toString("hex") })));
  });

  it("refuses an expired token, saying so", async () => {
    const now = Math.floor(Date.now() / 1000);
    const expired = mint({ claims: { iat: now - 7200, exp: now - 3600 }, options: { expiresIn: undefined } });
    expectUnauthorized(await bearer(expired), "TOKEN_EXPIRED");
  });

  it("lets a client whose token has expired sign in again: public routes ignore the header", async () => {
    const now = Math.floor(Date.now() / 1000);
    const expired = mint({ claims: { iat: now - 7200, exp: now - 3600 }, options: { expiresIn: undefined } });
    const reply = await platform.anonymous.request(
      "POST",
      "/auth/login",
      { username: "jwt-user", password: PASSWORD },
      { authorization: `Bearer ${expired}` },
    );
    expect(reply.status).toBe(200);
    expect(
      (await platform.anonymous.request("GET", "/health", undefined, { authorization: "Bearer garbage" })).status,
    ).toBe(200);
  });

  it("refuses a correctly signed token that never expires (every token this server issues does)", async () => {
    expectUnauthorized(await bearer(mint({ options: { expiresIn: undefined } })));
  });

  it("reads the scheme name case-insensitively (RFC 9110)", async () => {
    expectStatus(await me(`bearer ${mint()}`), 200);
    expectStatus(await me(`BEARER ${mint()}`), 200);
  });

  it("refuses a token that is not valid yet", async () => {
    expectUnauthorized(await bearer(mint({ options: { notBefore: 3600 } })));
  });

  it("refuses a token from another issuer", async () => {
    expectUnauthorized(await bearer(mint({ options: { issuer: "someone-else" } })));
    expectUnauthorized(await bearer(mint({ options: { issuer: undefined } })));
  });

  it("refuses a token for another audience", async () => {
    expectUnauthorized(await bearer(mint({ options: { audience: "another-api" } })));
    expectUnauthorized(await bearer(mint({ options: { audience: undefined } })));
  });

  it("refuses a token whose payload was changed without signing it again", async () => {
    const [header, payload, signature] = mint().split(".");
    const claims = JSON.parse(Buffer.from(payload, "base64url").toString("utf8"));
    expect(claims.sub).toBe(userId);
    const tampered = `${header}.${base64url({ ...claims, sub: adminId })}.${signature}`;
    expectUnauthorized(await bearer(tampered));
    const longer = `${header}.${base64url({ ...claims, exp: claims.exp + 86_400 })}.${signature}`;
    expectUnauthorized(await bearer(longer));
  });

  it("refuses a correctly signed token without a usable subject", async () => {
    expectUnauthorized(await bearer(mint({ options: { subject: undefined } })));
    expectUnauthorized(await bearer(mint({ options: { subject: "admin" } })));
    expectUnauthorized(await bearer(mint({ options: { subject: "999999999" } })));
    // another user's subject on jwt-user's session
    expectUnauthorized(await bearer(mint({ options: { subject: adminId } })));
  });

  it("refuses a correctly signed token without a session the server opened", async () => {
    expectUnauthorized(await bearer(mint({ options: { jwtid: undefined } })));
    expectUnauthorized(await bearer(mint({ options: { jwtid: "not-a-session" } })));
    expectUnauthorized(await bearer(mint({ options: { jwtid: "0b6f1a8e-3a52-4f0e-9d55-2f6c1d2e9a10" } })));
    // the admin's session under jwt-user's subject
    const adminSession = (jwt.decode(platform.admin.token!) as jwt.JwtPayload).jti;
    expectUnauthorized(await bearer(mint({ options: { jwtid: adminSession } })));
  });

  it("refuses the token of a user who has been deleted", async () => {
    const org = expectStatus(await platform.admin.post("/orgs", { name: "JWT doomed org", kind: "bank" }), 201).body;
    const created = expectStatus(
      await platform.admin.post("/users", { username: "doomed-user", password: PASSWORD, orgId: org.id }),
      201,
    ).body;
    const doomed = await platform.anonymous.login("doomed-user", PASSWORD);
    expectStatus(await doomed.get("/me"), 200);
    expectStatus(await platform.admin.delete(`/users/${created.id}`), 200);
    expectUnauthorized(await doomed.get("/me"));
    // And the user cannot sign in again.
    expectStatus(await platform.anonymous.post("/auth/login", { username: "doomed-user", password: PASSWORD }), 401);
  });

  describe("callers kept between requests (CALLER_CACHE_SECONDS)", () => {
    const db = () => platform.platform.ctx.db;
    let counter = 0;

    /** A fresh user, signed in, whose caller the server has read once (and so keeps). */
    async function signedInUser() {
      counter += 1;
      const username = `kept-user-${counter}`;
      const created = expectStatus(
        await platform.admin.post("/users", { username, password: PASSWORD, orgId }),
        201,
      ).body;
      const client = await platform.anonymous.login(username, PASSWORD);
      expectStatus(await client.get("/me"), 200);
      return { id: created.id as string, client };
    }

    async function until(condition: () => Promise<boolean> | boolean, timeoutMs = 5_000) {
      const deadline = Date.now() + timeoutMs;
      while (!(await condition())) {
        if (Date.now() > deadline) throw new Error("timed out");
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
    }

    it("keeps a caller: a change nobody is told of goes unseen until the change is announced", async () => {
      const { id, client } = await signedInUser();
      await db().query("alter table users disable trigger users_changed");
      // the user's sessions go with it, and would announce that too
      await db().query("alter table sessions disable trigger sessions_deleted");
      try {
        await db().query("delete from users where id = $1", [id]);
        expectStatus(await client.get("/me"), 200);
      } finally {
        await db().query("alter table users enable trigger users_changed");
        await db().query("alter table sessions enable trigger sessions_deleted");
      }
      await db().query("select pg_notify('ipledge_accounts_changed', 'users')");
      await until(async () => (await client.get("/me")).status === 401);
      expectUnauthorized(await client.get("/me"));
    });

    it("forgets kept callers when users change outside this instance (another instance, or by hand)", async () => {
      const { id, client } = await signedInUser();
      await db().query("delete from users where id = $1", [id]);
      await until(async () => (await client.get("/me")).status === 401, 2_000);
    });

    it("keeps nothing with CALLER_CACHE_SECONDS=0, and the setting is bounded", async () => {
      const { id, client } = await signedInUser();
      const { config } = platform.platform.ctx;
      const tokens = new Tokens(db(), { ...config.jwt, secret, callerCacheSeconds: 0 });
      const request = { headers: { authorization: `Bearer ${client.token}` } } as Request;
      expect(await tokens.required(request)).toMatchObject({ userId: id });
      await db().query("alter table users disable trigger users_changed");
      await db().query("alter table sessions disable trigger sessions_deleted");
      try {
        await db().query("delete from users where id = $1", [id]);
      } finally {
        await db().query("alter table users enable trigger users_changed");
        await db().query("alter table sessions enable trigger sessions_deleted");
      }
      await expect(tokens.required(request)).rejects.toMatchObject({ status: 401 });
      expect(config.jwt.callerCacheSeconds).toBe(30);
      for (const [name, value] of [
        ["CALLER_CACHE_SECONDS", "-1"],
        ["CALLER_CACHE_SECONDS", "301"],
        ["DB_POOL_SIZE", "1"],
        ["DB_POOL_SIZE", "lots"],
      ]) {
        expect(() => loadConfig({ [name]: value }), `${name}=${value}`).toThrow(ConfigError);
      }
      expect(loadConfig({ DB_POOL_SIZE: "25" }).dbPoolSize).toBe(25);
      // and the running platform's pool is the size its configuration says
      expect(db().pool.options.max).toBe(config.dbPoolSize);
    });

    it("reads the caller on every request while it cannot hear of changes", async () => {
      const { id, client } = await signedInUser();
      expect(db().accountsVersion).toBeDefined();
      await db().query("select pg_terminate_backend(pid) from pg_stat_activity where application_name = $1", [
        db().instance,
      ]);
      await until(() => db().accountsVersion === undefined);
      await db().query("alter table users disable trigger users_changed");
      await db().query("alter table sessions disable trigger sessions_deleted");
      try {
        await db().query("delete from users where id = $1", [id]);
      } finally {
        await db().query("alter table users enable trigger users_changed");
        await db().query("alter table sessions enable trigger sessions_deleted");
      }
      expectUnauthorized(await client.get("/me"), "UNAUTHORIZED");
      // The presence connection comes back by itself, and with it the keeping.
      await until(() => db().accountsVersion !== undefined);
    });
  });
});
