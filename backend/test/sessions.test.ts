/**
 * Sessions in the browser (docs/api.md, Sessions): the security headers on every answer, and the
 * server-side end of a token: signing out, deleting the user, a password change or reset, and the
 * idle timeout each make a token useless at once, on this instance and (by the notification) on
 * another; the password rules; the account audit log.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import jwt from "jsonwebtoken";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "../src/config/index.js";
import { CONTENT_SECURITY_POLICY, HSTS } from "../src/http/securityHeaders.js";
import { Client, expectStatus, startTestPlatform, type Reply, type TestPlatform } from "./support/platform.js";
import { PASSWORD } from "./support/world.js";

const NEW_PASSWORD = "a brand new passphrase";

function expectUnauthorized(reply: Reply, code: string) {
  expectStatus(reply, 401);
  expect(reply.body).toEqual({ error: { code, message: expect.any(String), details: expect.anything() } });
}

async function until(condition: () => Promise<boolean>, timeoutMs = 5_000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error("timed out");
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe("sessions", () => {
  let platform: TestPlatform;
  let webDir: string;
  let enterpriseOrgId: string;
  let regulator: Client;
  let counter = 0;

  /** A fresh user of the test's enterprise (so no test's revocation touches another's). */
  async function newUser(password = PASSWORD) {
    counter += 1;
    const username = `session-user-${counter}`;
    const created = expectStatus(
      await platform.admin.post("/users", { username, password, orgId: enterpriseOrgId }),
      201,
    ).body;
    return { id: created.id as string, username };
  }

  const signIn = (username: string, password = PASSWORD) => platform.anonymous.login(username, password);
  const tableCount = async (table: string, where = "true", params: unknown[] = []) =>
    Number(
      (await platform.platform.ctx.db.query(`select count(*) as n from ${table} where ${where}`, params)).rows[0].n,
    );

  beforeAll(async () => {
    // A built web app of its own: a page and an asset, so the headers are checked on both.
    webDir = mkdtempSync(path.join(tmpdir(), "ipledge-web-"));
    mkdirSync(path.join(webDir, "assets"));
    writeFileSync(
      path.join(webDir, "index.html"),
      '<!doctype html><script type="module" src="/assets/app.js"></script>',
    );
    writeFileSync(path.join(webDir, "assets", "app.js"), "console.log('app');\n");
    platform = await startTestPlatform({ env: { WEB_DIR: webDir } });
    enterpriseOrgId = expectStatus(
      await platform.admin.post("/orgs", { name: "Sessions test enterprise", kind: "enterprise" }),
      201,
    ).body.id;
    const regulatorOrg = expectStatus(
      await platform.admin.post("/orgs", { name: "Sessions test regulator", kind: "regulator" }),
      201,
    ).body;
    expectStatus(
      await platform.admin.post("/users", {
        username: "session-regulator",
        password: PASSWORD,
        orgId: regulatorOrg.id,
      }),
      201,
    );
    regulator = await signIn("session-regulator");
  });
  afterAll(async () => {
    await platform?.stop();
    rmSync(webDir, { recursive: true, force: true });
  });

  describe("security headers", () => {
    const get = (url: string, headers: Record<string, string> = {}) =>
      fetch(`${platform.url}${url}`, { headers, redirect: "manual" });

    function expectSecurityHeaders(response: Response, what: string) {
      const csp = response.headers.get("content-security-policy");
      expect(csp, what).toBe(CONTENT_SECURITY_POLICY);
      const directives = new Map(
        csp!.split(";").map((directive) => {
          const [name, ...values] = directive.trim().split(/\s+/);
          return [name, values] as const;
        }),
      );
      expect(directives.get("script-src"), what).toEqual(["'self'"]);
      expect(directives.get("frame-ancestors"), what).toEqual(["'none'"]);
      expect(directives.get("object-src"), what).toEqual(["'none'"]);
      // the document viewer's PDF frame, and nothing else, from blob: URLs
      expect(directives.get("frame-src"), what).toEqual(["blob:"]);
      expect(csp, what).not.toMatch(/unsafe-eval/);
      expect(response.headers.get("x-frame-options"), what).toBe("DENY");
      expect(response.headers.get("x-content-type-options"), what).toBe("nosniff");
      expect(response.headers.get("referrer-policy"), what).toBe("no-referrer");
      // plain HTTP: no HSTS (a browser would ignore it, and a wrong one locks a host out of HTTP)
      expect(response.headers.get("strict-transport-security"), what).toBeNull();
    }

    it("on an API answer, an API error, an unknown API path, a page, an asset, a missing asset and a refused method", async () => {
      const answers: [string, Response, number][] = [
        ["GET /api/health", await get("/api/health"), 200],
        ["GET /api/me without a token", await get("/api/me"), 401],
        ["GET /api/nothing-here", await get("/api/nothing-here"), 404],
        ["GET /api/openapi.json", await get("/api/openapi.json"), 200],
        ["GET /loans/12 (a page)", await get("/loans/12"), 200],
        ["GET /assets/app.js", await get("/assets/app.js"), 200],
        ["GET /assets/missing.js", await get("/assets/missing.js"), 404],
        ["DELETE /loans (not a page)", await fetch(`${platform.url}/loans`, { method: "DELETE" }), 404],
      ];
      for (const [what, response, status] of answers) {
        expect(response.status, what).toBe(status);
        expectSecurityHeaders(response, what);
      }
      expect(await answers[4][1].text()).toContain("/assets/app.js");
      // an API answer is never kept by a cache; the app's assets are
      expect(answers[0][1].headers.get("cache-control")).toBe("no-store");
      expect(answers[5][1].headers.get("cache-control")).toMatch(/immutable/);
    });

    it("sends HSTS only when the request came over TLS (a trusted proxy's X-Forwarded-Proto)", async () => {
      for (const url of ["/api/health", "/patents", "/api/me"]) {
        const response = await get(url, { "x-forwarded-proto": "https" });
        expect(response.headers.get("strict-transport-security"), url).toBe(HSTS);
        expect(response.headers.get("content-security-policy"), url).toBe(CONTENT_SECURITY_POLICY);
      }
      expect((await get("/api/health", { "x-forwarded-proto": "http" })).headers.get("strict-transport-security")).toBe(
        null,
      );
    });
  });

  describe("signing out", () => {
    it("revokes the token it was sent with, and only that one", async () => {
      const user = await newUser();
      const first = await signIn(user.username);
      const second = await signIn(user.username);
      expectStatus(await first.get("/me"), 200);
      expect(expectStatus(await first.post("/auth/logout"), 200).body).toEqual({ signedOut: true });
      expectUnauthorized(await first.get("/me"), "SESSION_REVOKED");
      expectUnauthorized(await first.post("/auth/logout"), "SESSION_REVOKED");
      expectStatus(await second.get("/me"), 200);
      const sessionId = (jwt.decode(first.token!) as jwt.JwtPayload).jti;
      const { rows } = await platform.platform.ctx.db.query(
        "select revoked_reason, revoked_at is not null as revoked from sessions where id = $1",
        [sessionId],
      );
      expect(rows).toEqual([{ revoked_reason: "signed_out", revoked: true }]);
    });

    it("takes no body: one sent is a 400 and the session goes on", async () => {
      const user = await newUser();
      const client = await signIn(user.username);
      expectStatus(await client.post("/auth/logout", { everything: true }), 400);
      expectStatus(await client.get("/me"), 200);
    });

    it("is refused on another instance of the same database as soon as it hears of it", async () => {
      const other = await startTestPlatform({ attachTo: platform });
      try {
        const user = await newUser();
        const here = await signIn(user.username);
        const onOther = new Client(other.url, here.token, here.user);
        // the other instance reads the session and keeps it (CALLER_CACHE_SECONDS)
        expectStatus(await onOther.get("/me"), 200);
        expectStatus(await onOther.get("/me"), 200);
        expectStatus(await here.post("/auth/logout"), 200);
        await until(async () => (await onOther.get("/me")).status === 401);
        expectUnauthorized(await onOther.get("/me"), "SESSION_REVOKED");
      } finally {
        await other.stop();
      }
    });
  });

  it("a deleted user's tokens are refused, and its sessions are gone", async () => {
    const user = await newUser();
    const client = await signIn(user.username);
    expectStatus(await client.get("/me"), 200);
    expect(await tableCount("sessions", "user_id = $1", [user.id])).toBe(1);
    expectStatus(await platform.admin.delete(`/users/${user.id}`), 200);
    expectUnauthorized(await client.get("/me"), "UNAUTHORIZED");
    expect(await tableCount("sessions", "user_id = $1", [user.id])).toBe(0);
  });

  describe("changing one's own password", () => {
    it("ends the user's other sessions, keeps this one, and the new password signs in", async () => {
      const user = await newUser();
      const elsewhere = await signIn(user.username);
      const here = await signIn(user.username);
      const reply = expectStatus(
        await here.post("/auth/password", { currentPassword: PASSWORD, newPassword: NEW_PASSWORD }),
        200,
      );
      expect(reply.body).toEqual({
        user: { id: user.id, username: user.username, orgId: enterpriseOrgId, role: "enterprise" },
        revokedSessions: 1,
      });
      expectUnauthorized(await elsewhere.get("/me"), "SESSION_REVOKED");
      expect((await elsewhere.get("/me")).body.error.message).toMatch(/password was changed/);
      expectStatus(await here.get("/me"), 200);
      expectStatus(await platform.anonymous.post("/auth/login", { username: user.username, password: PASSWORD }), 401);
      expectStatus(await signIn(user.username, NEW_PASSWORD).then((client) => client.get("/me")), 200);
    });

    it("refuses a wrong current password and changes nothing", async () => {
      const user = await newUser();
      const here = await signIn(user.username);
      const elsewhere = await signIn(user.username);
      const hashBefore = (
        await platform.platform.ctx.db.query("select password_hash from users where id = $1", [user.id])
      ).rows[0].password_hash;
      const auditBefore = await tableCount("account_audit");
      const reply = await here.post("/auth/password", {
        currentPassword: "not my password",
        newPassword: NEW_PASSWORD,
      });
      expectStatus(reply, 400);
      expect(reply.body.error.code).toBe("WRONG_CURRENT_PASSWORD");
      const hashAfter = (
        await platform.platform.ctx.db.query("select password_hash from users where id = $1", [user.id])
      ).rows[0].password_hash;
      expect(hashAfter).toBe(hashBefore);
      expect(await tableCount("account_audit")).toBe(auditBefore);
      expectStatus(await elsewhere.get("/me"), 200);
      expectStatus(await here.get("/me"), 200);
      expectStatus(await signIn(user.username).then((client) => client.get("/me")), 200);
    });

    it("holds a new password to the rule for new users, and refuses the same password again", async () => {
      const user = await newUser();
      const here = await signIn(user.username);
      const short = await here.post("/auth/password", { currentPassword: PASSWORD, newPassword: "short" });
      expectStatus(short, 400);
      expect(short.body.error.details.issues).toEqual([
        { path: "body.newPassword", message: "a password has at least 10 characters" },
      ]);
      // the same words as POST /users says for the same password
      const created = await platform.admin.post("/users", {
        username: "short-password",
        password: "short",
        orgId: enterpriseOrgId,
      });
      expectStatus(created, 400);
      expect(created.body.error.details.issues[0].message).toBe("a password has at least 10 characters");
      const same = await here.post("/auth/password", { currentPassword: PASSWORD, newPassword: PASSWORD });
      expectStatus(same, 400);
      expect(same.body.error.code).toBe("PASSWORD_UNCHANGED");
      expectStatus(await signIn(user.username).then((client) => client.get("/me")), 200);
    });

    it("keeps no fingerprint of a password body: an Idempotency-Key is ignored on password writes", async () => {
      const user = await newUser();
      const client = await signIn(user.username);
      const keys = () =>
        tableCount("idempotency_keys", "user_id = $1 or user_id = $2", [user.id, platform.admin.user!.id]);
      const before = await keys();
      const headers = { "idempotency-key": "password-write-1" };
      const change = { currentPassword: PASSWORD, newPassword: NEW_PASSWORD };
      expectStatus(await client.request("POST", "/auth/password", change, headers), 200);
      const reset = { newPassword: PASSWORD };
      expectStatus(await platform.admin.request("POST", `/users/${user.id}/password`, reset, headers), 200);
      expect(await keys()).toBe(before);
    });

    it("counts wrong current passwords against the sign-in limit", async () => {
      const limited = await startTestPlatform({ attachTo: platform, env: { LOGIN_RATE_LIMIT: "3" } });
      try {
        const user = await newUser();
        const token = (await signIn(user.username)).token!;
        const client = new Client(limited.url, token);
        const attempt = () => client.post("/auth/password", { currentPassword: "guess", newPassword: NEW_PASSWORD });
        for (let i = 0; i < 3; i++) expectStatus(await attempt(), 400);
        expectStatus(await attempt(), 429);
      } finally {
        await limited.stop();
      }
    });
  });

  describe("the operator's password reset", () => {
    it("ends every session of the user, and the new password signs in", async () => {
      const user = await newUser();
      const first = await signIn(user.username);
      const second = await signIn(user.username);
      const reply = expectStatus(
        await platform.admin.post(`/users/${user.id}/password`, { newPassword: NEW_PASSWORD }),
        200,
      );
      expect(reply.body).toEqual({
        id: user.id,
        username: user.username,
        orgId: enterpriseOrgId,
        role: "enterprise",
        revokedSessions: 2,
      });
      for (const client of [first, second]) {
        expectUnauthorized(await client.get("/me"), "SESSION_REVOKED");
        expect((await client.get("/me")).body.error.message).toMatch(/reset/);
      }
      expectStatus(await platform.anonymous.post("/auth/login", { username: user.username, password: PASSWORD }), 401);
      expectStatus(await signIn(user.username, NEW_PASSWORD).then((client) => client.get("/me")), 200);
      // the operator's own session is not the user's
      expectStatus(await platform.admin.get("/me"), 200);
    });

    it("is the operator's alone, not for its own user, with the same password rule", async () => {
      const user = await newUser();
      const victim = await signIn(user.username);
      const attacker = await signIn((await newUser()).username);
      for (const client of [attacker, victim, regulator]) {
        const reply = await client.post(`/users/${user.id}/password`, { newPassword: NEW_PASSWORD });
        expectStatus(reply, 403);
      }
      expectStatus(await victim.get("/me"), 200);
      expectStatus(await signIn(user.username).then((client) => client.get("/me")), 200);
      const self = await platform.admin.post(`/users/${platform.admin.user!.id}/password`, {
        newPassword: NEW_PASSWORD,
      });
      expectStatus(self, 409);
      expect(self.body.error.code).toBe("SELF_RESET");
      expectStatus(await platform.admin.post(`/users/${user.id}/password`, { newPassword: "short" }), 400);
      expectStatus(await platform.admin.post("/users/999999999/password", { newPassword: NEW_PASSWORD }), 404);
      expectStatus(await victim.get("/me"), 200);
    });
  });

  describe("the account audit log", () => {
    it("records users created and deleted, passwords changed and reset: who, whom, when, from where", async () => {
      const started = Date.now() - 1000;
      const user = await newUser();
      const client = await signIn(user.username);
      expectStatus(await client.post("/auth/password", { currentPassword: PASSWORD, newPassword: NEW_PASSWORD }), 200);
      expectStatus(await platform.admin.post(`/users/${user.id}/password`, { newPassword: PASSWORD }), 200);
      expectStatus(await platform.admin.delete(`/users/${user.id}`), 200);
      const admin = platform.admin.user!;
      const log = expectStatus(await regulator.get(`/account-audit?userId=${user.id}`), 200).body;
      expect(log.total).toBe(4);
      expect(log.items.map((entry: any) => [entry.action, entry.actorUsername, entry.targetUsername])).toEqual([
        ["user_deleted", admin.username, user.username],
        ["password_reset", admin.username, user.username],
        ["password_changed", user.username, user.username],
        ["user_created", admin.username, user.username],
      ]);
      for (const entry of log.items) {
        expect(entry).toMatchObject({ targetUserId: user.id, ip: expect.stringMatching(/127\.0\.0\.1/) });
        expect(Date.parse(entry.at)).toBeGreaterThanOrEqual(started);
        expect(Date.parse(entry.at)).toBeLessThanOrEqual(Date.now() + 1000);
      }
      expect(log.items[2]).toMatchObject({ actorUserId: user.id, actorOrgId: enterpriseOrgId });
      expect(log.items[1]).toMatchObject({ actorUserId: admin.id, actorOrgId: admin.orgId });
      // the operator reads it too, filtered by action; nobody else does
      const resets = expectStatus(await platform.admin.get("/account-audit?action=password_reset"), 200).body;
      expect(resets.items.every((entry: any) => entry.action === "password_reset")).toBe(true);
      expect(resets.items.map((entry: any) => entry.targetUserId)).toContain(user.id);
      const other = await signIn((await newUser()).username);
      expectStatus(await other.get("/account-audit"), 403);
    });

    it("cannot be rewritten, even by the API's own database user", async () => {
      const { db } = platform.platform.ctx;
      await expect(db.query("update account_audit set actor_username = 'nobody'")).rejects.toThrow(/append-only/);
      await expect(db.query("delete from account_audit")).rejects.toThrow(/append-only/);
      expect(await tableCount("account_audit")).toBeGreaterThan(0);
    });
  });

  describe("the idle timeout", () => {
    const IDLE_SECONDS = 2;
    let idle: TestPlatform;
    beforeAll(async () => {
      idle = await startTestPlatform({ attachTo: platform, env: { SESSION_IDLE_SECONDS: String(IDLE_SECONDS) } });
    });
    afterAll(() => idle?.stop());

    it("refuses a session unused for longer, and each request extends it", async () => {
      const user = await newUser();
      const client = await idle.anonymous.login(user.username, PASSWORD);
      const openedAt = Date.now();
      // used every 1.2 s, it outlives the timeout
      while (Date.now() - openedAt < IDLE_SECONDS * 1000 * 2) {
        await sleep(1_200);
        expectStatus(await client.get("/me"), 200);
      }
      await sleep(IDLE_SECONDS * 1000 + 1_000);
      expectUnauthorized(await client.get("/me"), "SESSION_IDLE");
      // and it stays ended: the refused request did not wake it
      expectUnauthorized(await client.get("/me"), "SESSION_IDLE");
      // a fresh sign-in works
      expectStatus(await (await idle.anonymous.login(user.username, PASSWORD)).get("/me"), 200);
    });
  });

  it("SESSION_IDLE_SECONDS is 30 minutes unless set, and bounded", () => {
    expect(loadConfig({}).jwt.idleSeconds).toBe(1800);
    expect(loadConfig({ SESSION_IDLE_SECONDS: "600" }).jwt.idleSeconds).toBe(600);
    for (const value of ["0", "-5", "604801", "soon"]) {
      expect(() => loadConfig({ SESSION_IDLE_SECONDS: value }), value).toThrow(ConfigError);
    }
  });

  it("does not write a session's last use on every request (with the default timeout, once a minute)", async () => {
    const user = await newUser();
    const client = await signIn(user.username);
    const sessionId = (jwt.decode(client.token!) as jwt.JwtPayload).jti;
    const times = async () =>
      (
        await platform.platform.ctx.db.query(
          "select created_at = last_seen_at as untouched from sessions where id = $1",
          [sessionId],
        )
      ).rows[0];
    for (let i = 0; i < 10; i++) expectStatus(await client.get("/me"), 200);
    expect(await times()).toEqual({ untouched: true });
  });
});
