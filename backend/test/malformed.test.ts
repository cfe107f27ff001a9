/**
 * Thousands of malformed requests, generated from the API's own OpenAPI document across every
 * endpoint (support/malformed.ts), sent by a caller allowed to make the call, plus the same calls
 * with no token, a forged token and the wrong role. Every answer must be a 4xx the document lists
 * for that endpoint, in the error shape, and nothing may change: every table (but the indexer's
 * own bookkeeping) and every organisation's nonce on chain are the same after as before.
 */
import { createHash } from "node:crypto";
import http from "node:http";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { malformedRequests, operationsOf, type MalformedRequest, type Operation } from "./support/malformed.js";
import { Client, expectStatus, startTestPlatform, type TestPlatform } from "./support/platform.js";
import {
  document,
  isoDaysFrom,
  newPatentNumber,
  onboardCast,
  PASSWORD,
  type World,
  publishProduct,
} from "./support/world.js";

/** Tables the indexer moves as the shared chain grows (other test files mine blocks meanwhile). */
// sessions: a signed-in request may note when its session was last used (at most once a minute)
const BOOKKEEPING = new Set(["indexer_cursor", "indexed_blocks", "platform_meta", "schema_migrations", "sessions"]);
const CONCURRENCY = 8;

const parseJson = (text: string): unknown => {
  try {
    return JSON.parse(text);
  } catch {
    return text; // reported as not the error shape
  }
};

interface Outcome {
  request: MalformedRequest;
  status: number;
  body: any;
}

describe("malformed input, generated from the OpenAPI document", () => {
  let platform: TestPlatform;
  let world: World;
  let db: pg.Client;
  let openapi: any;
  let operations: Operation[];
  const known: Record<string, string> = {};

  beforeAll(async () => {
    platform = await startTestPlatform();
    world = await onboardCast(platform);
    db = new pg.Client(platform.databaseUrl);
    await db.connect();
    openapi = (await platform.anonymous.get("/openapi.json")).body;
    operations = operationsOf(openapi);

    const c = world.clients;
    const now = Math.floor(
      Date.parse(expectStatus(await platform.anonymous.get("/health"), 200).body.chain.time) / 1000,
    );
    known.patent = newPatentNumber();
    const certificate = document();
    known.document = createHash("sha256").update(Buffer.from(certificate.contentBase64, "base64")).digest("hex");
    const registered = await c.ent1.post("/patents", {
      number: known.patent,
      title: "A patent the malformed requests aim at",
      kind: "invention",
      grantDate: isoDaysFrom(now, -400),
      expiryDate: isoDaysFrom(now, 3650),
      certificate,
    });
    known.txHash = expectStatus(registered, 201).body.txHash;
    known.block = String(registered.body.blockNumber);
    expectStatus(
      await c.ipoffice1.post(`/patents/${known.patent}/verify`, { feePaidUntil: isoDaysFrom(now, 3000) }),
      200,
    );
    expectStatus(
      await c.appraiser1.post(`/patents/${known.patent}/appraisals`, {
        value: "100000000",
        validUntil: isoDaysFrom(now, 365),
        report: document("valuation.pdf"),
      }),
      201,
    );
    known.product = await publishProduct(c.bank1, "Malformed-input product", { maxAmount: "100000000", ltvBps: 5000 });
    known.loan = expectStatus(
      await c.ent1.post("/loans", {
        productId: known.product,
        patentIds: [known.patent],
        amount: "1000000",
        termDays: 180,
        purpose: "working capital",
      }),
      201,
    ).body.id;
    known.user = expectStatus(await c.admin.get("/users"), 200).body.items.find((u: any) => u.username === "ent2").id;
  });
  afterAll(async () => {
    await db?.end();
    await platform?.stop();
  });

  const callerFor = (operation: Operation): Client => {
    if (operation.access === "Anyone") return platform.anonymous;
    const roles = operation.access.startsWith("Roles: ") ? operation.access.slice(7).split(", ") : ["enterprise"];
    const member: Record<string, keyof World["clients"]> = {
      enterprise: "ent1",
      bank: "bank1",
      appraiser: "appraiser1",
      ipoffice: "ipoffice1",
      fund: "fund1",
      regulator: "regulator1",
      admin: "admin",
    };
    return world.clients[member[roles[0]]];
  };

  const pathValue = (template: string, name: string): string => {
    if (name === "sha256") return known.document;
    if (name === "hash") return known.txHash;
    if (name === "number") return known.block;
    if (template.startsWith("/api/patents")) return known.patent;
    if (template.startsWith("/api/loans")) return known.loan;
    if (template.startsWith("/api/products")) return known.product;
    if (template.startsWith("/api/users")) return known.user;
    return world.orgIds.ent2;
  };
  const unknownPathValue = (template: string, name: string): string => {
    if (name === "sha256") return "0".repeat(64);
    if (name === "hash") return `0x${"0".repeat(64)}`;
    if (template.startsWith("/api/patents")) return newPatentNumber();
    return "999999999";
  };
  const baseBody = (operation: Operation): Record<string, unknown> => {
    const day = "2031-06-30";
    const bodies: Record<string, Record<string, unknown>> = {
      "POST /api/auth/login": { username: "ent1", password: PASSWORD },
      "POST /api/dev/advance-time": { seconds: 1 },
      "POST /api/orgs": { name: "A new organisation", kind: "bank" },
      "POST /api/orgs/{id}/rotate-key": { reason: "a reason" },
      "POST /api/users": { username: "new.user", password: "long enough password", orgId: world.orgIds.ent2 },
      // a wrong current password: even a request that passed validation would change nothing
      "POST /api/auth/password": { currentPassword: "not the current password", newPassword: "long enough password" },
      "POST /api/users/{id}/password": { newPassword: "long enough password" },
      "PUT /api/params": { ltvCapBps: 5000, graceDays: 90, fundShareBps: 5000, fundCapacity: "1000000000" },
      "POST /api/patents": {
        number: newPatentNumber(),
        title: "A title",
        kind: "invention",
        grantDate: "2024-01-01",
        expiryDate: "2040-01-01",
        certificate: document(),
      },
      "POST /api/patents/{id}/verify": { feePaidUntil: day },
      "POST /api/patents/{id}/reject": { reason: "a reason" },
      "POST /api/patents/{id}/revoke": { reason: "a reason" },
      "POST /api/patents/{id}/legal-status": { preserved: true },
      "POST /api/patents/{id}/transfer": { newOwnerOrgId: world.orgIds.ent1, notice: document("notice.pdf") },
      "POST /api/patents/{id}/appraisals": { value: "1000000", validUntil: day, report: document("report.pdf") },
      "POST /api/products": {
        name: "A product",
        maxAmount: "100000000",
        minRateBps: 300,
        maxRateBps: 1200,
        maxTermDays: 730,
        ltvBps: 5000,
      },
      "POST /api/products/{id}/status": { active: false },
      "POST /api/loans": {
        productId: known.product,
        patentIds: [known.patent],
        amount: "1000000",
        termDays: 180,
        purpose: "working capital",
      },
      "POST /api/loans/{id}/approve": { amount: "1000000", rateBps: 500, termDays: 180 },
      "POST /api/loans/{id}/reject": { reason: "a reason" },
      "POST /api/loans/{id}/cancel": { reason: "a reason" },
      "POST /api/loans/{id}/pledge": { registrationNo: "ZX-1" },
      "POST /api/loans/{id}/disburse": { reference: "FK-1" },
      "POST /api/loans/{id}/repayments": { amount: "1000", reference: "HK-1" },
      "POST /api/loans/{id}/dispose": { buyerOrgId: world.orgIds.ent2, recoveredAmount: "1000", reference: "CZ-1" },
    };
    const key = `${operation.method} ${operation.template}`.replace("/api/api", "/api");
    const body = bodies[key];
    if (!body) throw new Error(`no base body for ${key}: add one`);
    return body;
  };

  async function send(client: Client, request: MalformedRequest, token = client.token): Promise<Outcome> {
    const headers = {
      ...(request.contentType ? { "content-type": request.contentType } : {}),
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    };
    if (request.oversize !== undefined) return sendOversize(request, headers);
    try {
      const response = await fetch(`${platform.url}${request.url}`, {
        method: request.method,
        headers,
        body: request.body,
      });
      return { request, status: response.status, body: parseJson(await response.text()) };
    } catch (error) {
      return { request, status: 0, body: `no answer: ${(error as Error).cause ?? error}` };
    }
  }

  /**
   * A body over the limit, through node:http: the server answers 413 as soon as the limit is passed
   * and closes the connection, so the rest of the upload fails after the answer has arrived.
   */
  function sendOversize(request: MalformedRequest, headers: Record<string, string>): Promise<Outcome> {
    const body = Buffer.from(`{"padding":"${"a".repeat(request.oversize!)}"}`);
    return new Promise((resolve, reject) => {
      let answered = false;
      const outgoing = http.request(
        `${platform.url}${request.url}`,
        { method: request.method, headers: { ...headers, "content-length": String(body.length) } },
        (response) => {
          answered = true;
          let text = "";
          response.on("data", (chunk: Buffer) => (text += chunk.toString()));
          response.on("end", () => resolve({ request, status: response.statusCode!, body: parseJson(text) }));
          response.on("error", reject);
        },
      );
      outgoing.on("error", (error) => {
        if (!answered) reject(error);
      });
      outgoing.end(body);
    });
  }

  async function sendAll(jobs: (() => Promise<Outcome>)[]): Promise<Outcome[]> {
    const outcomes: Outcome[] = [];
    let next = 0;
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        while (next < jobs.length) outcomes.push(await jobs[next++]());
      }),
    );
    return outcomes;
  }

  async function snapshot() {
    const tables = await db.query<{ name: string }>(
      "select tablename as name from pg_tables where schemaname = 'public' order by tablename",
    );
    const state: Record<string, string> = {};
    for (const { name } of tables.rows) {
      if (BOOKKEEPING.has(name)) continue;
      const { rows } = await db.query(
        `select count(*)::text as n, md5(coalesce(string_agg(t::text, '|' order by t::text), '')) as sum from ${name} t`,
      );
      state[name] = `${rows[0].n} rows, ${rows[0].sum}`;
    }
    const addresses = await db.query<{ address: string }>("select address from organisations order by id");
    for (const { address } of addresses.rows) {
      state[`nonce ${address}`] = await rpc("eth_getTransactionCount", [address, "latest"]);
    }
    return state;
  }
  const rpc = async (method: string, params: unknown[]) => {
    const response = await fetch(platform.rpcUrl, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ jsonrpc: "2.0", id: 1, method, params }),
    });
    return ((await response.json()) as { result: string }).result;
  };

  it("answers at least 3,000 of them with a documented 4xx in the error shape, and changes nothing", async () => {
    const before = await snapshot();
    const oversized = new Set([
      "POST /api/patents",
      "POST /api/patents/{id}/appraisals",
      "POST /api/loans",
      "PUT /api/params",
    ]);
    const jobs: (() => Promise<Outcome>)[] = [];
    const documentedFor = new Map<MalformedRequest, Set<number>>();
    const fixtures = { pathValue: (t: string, n: string) => pathValue(t, n), unknownPathValue, baseBody };
    for (const operation of operations) {
      const key = `${operation.method} ${operation.template}`;
      const requests = malformedRequests(openapi, operation, fixtures, { oversize: oversized.has(key) });
      const caller = callerFor(operation);
      for (const request of requests) {
        documentedFor.set(request, operation.documented);
        jobs.push(() => send(caller, request));
      }
      // the same call, well formed, from callers who may not make it
      if (operation.access === "Anyone") continue;
      const path = operation.template.replace(/\{(\w+)\}/g, (_, name: string) =>
        encodeURIComponent(pathValue(operation.template, name)),
      );
      const wellFormed: MalformedRequest = {
        label: `${key}: as someone who may not`,
        method: operation.method,
        url: path,
        ...(operation.body ? { body: JSON.stringify(baseBody(operation)), contentType: "application/json" } : {}),
      };
      for (const [label, token] of [
        ["no token", undefined],
        ["a forged token", `${world.clients.regulator1.token!.slice(0, -4)}AAAA`],
        ["an expired-looking token", "eyJhbGciOiJub25lIn0.eyJzdWIiOiIxIn0."],
      ] as const) {
        const request = { ...wellFormed, label: `${key}: ${label}` };
        documentedFor.set(request, operation.documented);
        jobs.push(() => send(platform.anonymous, request, token));
      }
      if (operation.access.startsWith("Roles: ")) {
        const allowed = operation.access.slice(7).split(", ");
        const outsider = (["ent1", "bank1", "fund1", "regulator1", "appraiser1", "ipoffice1", "admin"] as const).find(
          (member) => !allowed.includes(world.clients[member].user!.role),
        );
        if (outsider) {
          const request = { ...wellFormed, label: `${key}: as ${outsider}` };
          documentedFor.set(request, operation.documented);
          jobs.push(() => send(world.clients[outsider], request));
        }
      }
    }

    const outcomes = await sendAll(jobs);
    const wrong = outcomes.filter(
      ({ request, status, body }) =>
        status < 400 ||
        status >= 500 ||
        !documentedFor.get(request)!.has(status) ||
        typeof body?.error?.code !== "string" ||
        typeof body?.error?.message !== "string",
    );
    const report = wrong
      .slice(0, 25)
      .map(({ request, status, body }) => `${status} ${request.label} -> ${JSON.stringify(body).slice(0, 160)}`);
    expect(report, `${wrong.length} of ${outcomes.length} answers were wrong`).toEqual([]);
    expect(outcomes.length).toBeGreaterThanOrEqual(3000);

    // give the indexer a moment: any transaction a request had sent would show up in the tables
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(await snapshot()).toEqual(before);
    console.info(
      `malformed input: ${outcomes.length} requests over ${operations.length} operations; statuses ${JSON.stringify(
        Object.fromEntries(
          [...new Set(outcomes.map((o) => o.status))]
            .sort()
            .map((s) => [s, outcomes.filter((o) => o.status === s).length]),
        ),
      )}`,
    );
  });
});
