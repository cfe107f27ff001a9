/**
 * The authorization matrix (SPEC sections 1 and 5): every endpoint x every role, plus a second
 * enterprise and a second bank, from one table written here rather than read from the routes'
 * `access`. A role that is not allowed gets 403; another organisation of the same kind gets 404 for
 * the first one's private resources; no token gets 401; none of these changes anything or shows
 * the private data.
 *
 * The resources are real: a patent of ent1 (registered, verified, appraised), a product of bank1
 * and a loan of ent1 at bank1 in state `applied`. No cell of the matrix may change them: a denied
 * write is sent with a body that would be accepted, and an allowed role is sent an invalid body
 * (a 400 shows that the role check passed, since it runs before validation).
 */
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApi } from "../src/app.js";
import { expectStatus, startTestPlatform, type Client, type Reply, type TestPlatform } from "./support/platform.js";
import { document, isoDaysFrom, newPatentNumber, onboardCast, PASSWORD, type World } from "./support/world.js";

type Role = "admin" | "enterprise" | "appraiser" | "ipoffice" | "bank" | "fund" | "regulator";

/** Who calls: one organisation of every kind, and a second enterprise and a second bank. */
const ACTORS = {
  admin: "admin",
  ent1: "enterprise",
  ent2: "enterprise",
  appraiser1: "appraiser",
  ipoffice1: "ipoffice",
  bank1: "bank",
  bank2: "bank",
  fund1: "fund",
  regulator1: "regulator",
} as const satisfies Record<string, Role>;
type Actor = keyof typeof ACTORS;
const ACTOR_NAMES = Object.keys(ACTORS) as Actor[];

interface Fixtures {
  now: number;
  orgIds: World["orgIds"];
  patentId: string;
  certificateSha256: string;
  productId: string;
  loanId: string;
  loanTxHash: string;
  loanBlock: number;
  spareUserId: string;
}

type Status = 200 | 400 | 403 | 404;

interface Endpoint {
  method: "GET" | "POST" | "PUT" | "DELETE";
  /** As the server declares it. */
  path: string;
  /** Who may call it: anyone, any signed-in user, or these kinds of organisation. */
  allowed: "public" | "user" | readonly Role[];
  /** The concrete request; a write's body is one the server would act on if it let the caller through. */
  request: (f: Fixtures) => { path: string; body?: unknown };
  /**
   * What an allowed caller gets when it is not the default (200 for a read; 400 for a write, sent an
   * invalid body). A write expected to give anything but 400 is sent its valid body.
   */
  expect?: Partial<Record<Actor, Status>>;
}

const PATENT_READERS: readonly Role[] = ["enterprise", "bank", "ipoffice", "appraiser", "fund", "regulator"];
const LOAN_READERS: readonly Role[] = ["enterprise", "bank", "ipoffice", "fund", "regulator"];
/** Another enterprise, another bank, and the fund (which reads defaulted loans only) do not see ent1's loan. */
const OUTSIDE_THE_LOAN = { ent2: 404, bank2: 404, fund1: 404 } as const;
/** ent1's certificate: seen by its owner, the bank lending on it, the IP office, appraisers, the regulator. */
const OUTSIDE_THE_CERTIFICATE = { admin: 404, ent2: 404, bank2: 404, fund1: 404 } as const;
/** The loan application's transaction and block: seen by its two parties and the regulator. */
const OUTSIDE_THE_APPLICATION = {
  admin: 404,
  ent2: 404,
  appraiser1: 404,
  ipoffice1: 404,
  bank2: 404,
  fund1: 404,
} as const;

const patentAction = (action: string, body: (f: Fixtures) => unknown) => (f: Fixtures) => ({
  path: `/patents/${f.patentId}/${action}`,
  body: body(f),
});
const loanAction =
  (action: string, body: (f: Fixtures) => unknown = () => undefined) =>
  (f: Fixtures) => ({ path: `/loans/${f.loanId}/${action}`, body: body(f) });

const newPatent = (f: Fixtures) => ({
  number: newPatentNumber(),
  title: "An intruder's invention",
  kind: "invention",
  grantDate: isoDaysFrom(f.now, -10),
  expiryDate: isoDaysFrom(f.now, 3000),
  certificate: document("intruder.pdf", 64),
});

const ENDPOINTS: readonly Endpoint[] = [
  // system
  { method: "GET", path: "/health", allowed: "public", request: () => ({ path: "/health" }) },
  {
    method: "POST",
    path: "/dev/advance-time",
    allowed: ["admin"],
    request: () => ({ path: "/dev/advance-time", body: { seconds: 86_400 } }),
  },
  // sign-in
  {
    method: "POST",
    path: "/auth/login",
    allowed: "public",
    request: () => ({ path: "/auth/login", body: { username: "ent1", password: PASSWORD } }),
  },
  { method: "GET", path: "/me", allowed: "user", request: () => ({ path: "/me" }) },
  // An allowed caller sends a body where none is taken: refused (400) before the session ends.
  { method: "POST", path: "/auth/logout", allowed: "user", request: () => ({ path: "/auth/logout" }) },
  {
    method: "POST",
    path: "/auth/password",
    allowed: "user",
    request: () => ({
      path: "/auth/password",
      body: { currentPassword: PASSWORD, newPassword: "an intruder's password" },
    }),
  },
  // organisations and users
  {
    method: "POST",
    path: "/orgs",
    allowed: ["admin"],
    request: () => ({ path: "/orgs", body: { name: "An intruder's bank", kind: "bank" } }),
  },
  {
    method: "POST",
    path: "/orgs/:id/provision",
    allowed: ["admin"],
    request: (f) => ({ path: `/orgs/${f.orgIds.ent1}/provision` }),
  },
  {
    method: "POST",
    path: "/orgs/:id/approve",
    allowed: ["regulator"],
    request: (f) => ({ path: `/orgs/${f.orgIds.ipoffice1}/approve` }),
  },
  {
    method: "POST",
    path: "/orgs/:id/rotate-key",
    allowed: ["admin", "regulator"],
    request: (f) => ({ path: `/orgs/${f.orgIds.ent1}/rotate-key`, body: { reason: "an intruder's rotation" } }),
  },
  {
    method: "GET",
    path: "/orgs/:id/key-rotations",
    allowed: ["admin", "regulator"],
    request: (f) => ({ path: `/orgs/${f.orgIds.ent1}/key-rotations` }),
  },
  { method: "GET", path: "/orgs", allowed: "user", request: () => ({ path: "/orgs" }) },
  { method: "GET", path: "/orgs/:id", allowed: "user", request: (f) => ({ path: `/orgs/${f.orgIds.ent1}` }) },
  {
    method: "POST",
    path: "/users",
    allowed: ["admin", "regulator"],
    request: (f) => ({ path: "/users", body: { username: "intruder", password: PASSWORD, orgId: f.orgIds.ent1 } }),
  },
  { method: "GET", path: "/users", allowed: ["admin", "regulator"], request: () => ({ path: "/users" }) },
  {
    method: "DELETE",
    path: "/users/:id",
    allowed: ["admin", "regulator"],
    request: (f) => ({ path: `/users/${f.spareUserId}` }),
  },
  {
    method: "POST",
    path: "/users/:id/password",
    allowed: ["admin", "regulator"],
    request: (f) => ({ path: `/users/${f.spareUserId}/password`, body: { newPassword: "an intruder's password" } }),
  },
  {
    method: "GET",
    path: "/account-audit",
    allowed: ["admin", "regulator"],
    request: () => ({ path: "/account-audit" }),
  },
  // platform
  { method: "GET", path: "/params", allowed: "user", request: () => ({ path: "/params" }) },
  {
    method: "PUT",
    path: "/params",
    allowed: ["admin"],
    request: () => ({
      path: "/params",
      body: { ltvCapBps: 9000, graceDays: 1, fundShareBps: 10_000, fundCapacity: "100000000000" },
    }),
  },
  { method: "POST", path: "/platform/pause", allowed: ["regulator"], request: () => ({ path: "/platform/pause" }) },
  { method: "POST", path: "/platform/unpause", allowed: ["regulator"], request: () => ({ path: "/platform/unpause" }) },
  // patents
  {
    method: "POST",
    path: "/patents",
    allowed: ["enterprise"],
    request: (f) => ({ path: "/patents", body: newPatent(f) }),
  },
  { method: "GET", path: "/patents", allowed: PATENT_READERS, request: () => ({ path: "/patents" }) },
  {
    method: "GET",
    path: "/patents/:id/encumbrance",
    allowed: ["bank"],
    request: (f) => ({ path: `/patents/${f.patentId}/encumbrance` }),
  },
  {
    method: "GET",
    path: "/patents/:id",
    allowed: PATENT_READERS,
    request: (f) => ({ path: `/patents/${f.patentId}` }),
    // The fund reads the patents of defaulted loans only; bank2 lends nothing on it.
    expect: { ent2: 404, bank2: 404, fund1: 404 },
  },
  {
    method: "POST",
    path: "/patents/:id/verify",
    allowed: ["ipoffice"],
    request: patentAction("verify", (f) => ({ feePaidUntil: isoDaysFrom(f.now, 5000) })),
  },
  {
    method: "POST",
    path: "/patents/:id/reject",
    allowed: ["ipoffice"],
    request: patentAction("reject", () => ({ reason: "an intruder's rejection" })),
  },
  {
    method: "POST",
    path: "/patents/:id/revoke",
    allowed: ["ipoffice"],
    request: patentAction("revoke", () => ({ reason: "an intruder's revocation" })),
  },
  {
    method: "POST",
    path: "/patents/:id/transfer",
    allowed: ["ipoffice"],
    request: patentAction("transfer", (f) => ({ newOwnerOrgId: f.orgIds.ent2, notice: document("notice.pdf") })),
  },
  {
    method: "POST",
    path: "/patents/:id/legal-status",
    allowed: ["ipoffice"],
    request: patentAction("legal-status", () => ({ preserved: true, invalidationPending: true })),
  },
  {
    method: "POST",
    path: "/patents/:id/appraisals",
    allowed: ["appraiser"],
    request: patentAction("appraisals", (f) => ({
      value: "1",
      validUntil: isoDaysFrom(f.now, 900),
      report: document("intruder-report.pdf", 64),
    })),
  },
  // products
  {
    method: "POST",
    path: "/products",
    allowed: ["bank"],
    request: () => ({
      path: "/products",
      body: {
        name: "An intruder's product",
        maxAmount: "1000",
        minRateBps: 1,
        maxRateBps: 2,
        maxTermDays: 30,
        ltvBps: 100,
      },
    }),
  },
  {
    method: "POST",
    path: "/products/:id/status",
    allowed: ["bank"],
    request: (f) => ({ path: `/products/${f.productId}/status`, body: { active: false } }),
    // Products are public, so another bank is refused (403), not told the product does not exist.
    expect: { bank2: 403 },
  },
  { method: "GET", path: "/products", allowed: "user", request: () => ({ path: "/products" }) },
  { method: "GET", path: "/products/:id", allowed: "user", request: (f) => ({ path: `/products/${f.productId}` }) },
  // loans
  {
    method: "POST",
    path: "/loans",
    allowed: ["enterprise"],
    request: (f) => ({
      path: "/loans",
      body: {
        productId: f.productId,
        patentIds: [f.patentId],
        amount: "1000000",
        termDays: 180,
        purpose: "an intruder's loan on ent1's patent",
      },
    }),
    // ent2 may apply, but not with ent1's patent: that patent does not exist for ent2.
    expect: { ent2: 404 },
  },
  { method: "GET", path: "/loans", allowed: LOAN_READERS, request: () => ({ path: "/loans" }) },
  {
    method: "GET",
    path: "/loans/:id",
    allowed: LOAN_READERS,
    request: (f) => ({ path: `/loans/${f.loanId}` }),
    expect: OUTSIDE_THE_LOAN,
  },
  {
    method: "GET",
    path: "/loans/:id/pledge-checks",
    allowed: ["ipoffice", "bank", "enterprise", "regulator"],
    request: (f) => ({ path: `/loans/${f.loanId}/pledge-checks` }),
    expect: { ent2: 404, bank2: 404 },
  },
  {
    method: "POST",
    path: "/loans/:id/withdraw",
    allowed: ["enterprise"],
    request: loanAction("withdraw"),
    expect: { ent2: 404 },
  },
  {
    method: "POST",
    path: "/loans/:id/approve",
    allowed: ["bank"],
    request: loanAction("approve", () => ({ amount: "1000000", rateBps: 500, termDays: 180 })),
    expect: { bank2: 404 },
  },
  {
    method: "POST",
    path: "/loans/:id/reject",
    allowed: ["bank"],
    request: loanAction("reject", () => ({ reason: "an intruder's rejection" })),
    expect: { bank2: 404 },
  },
  {
    method: "POST",
    path: "/loans/:id/cancel",
    allowed: ["bank"],
    request: loanAction("cancel", () => ({ reason: "an intruder's cancellation" })),
    expect: { bank2: 404 },
  },
  {
    method: "POST",
    path: "/loans/:id/pledge",
    allowed: ["ipoffice"],
    request: loanAction("pledge", () => ({ registrationNo: "INTRUDER-0001" })),
  },
  {
    method: "POST",
    path: "/loans/:id/disburse",
    allowed: ["bank"],
    request: loanAction("disburse", () => ({ reference: "intruder transfer" })),
    expect: { bank2: 404 },
  },
  {
    method: "POST",
    path: "/loans/:id/repayments",
    allowed: ["bank"],
    request: loanAction("repayments", () => ({ amount: "1", reference: "intruder repayment" })),
    expect: { bank2: 404 },
  },
  {
    method: "POST",
    path: "/loans/:id/default",
    allowed: ["bank"],
    request: loanAction("default"),
    expect: { bank2: 404 },
  },
  { method: "POST", path: "/loans/:id/compensate", allowed: ["fund"], request: loanAction("compensate") },
  {
    method: "POST",
    path: "/loans/:id/dispose",
    allowed: ["bank"],
    request: loanAction("dispose", (f) => ({ buyerOrgId: f.orgIds.ent2, recoveredAmount: "1", reference: "intruder" })),
    expect: { bank2: 404 },
  },
  { method: "POST", path: "/loans/:id/release", allowed: ["ipoffice"], request: loanAction("release") },
  // documents
  {
    method: "GET",
    path: "/documents/:sha256",
    allowed: "user",
    request: (f) => ({ path: `/documents/${f.certificateSha256}` }),
    expect: OUTSIDE_THE_CERTIFICATE,
  },
  {
    method: "GET",
    path: "/documents/:sha256/verify",
    allowed: "user",
    request: (f) => ({ path: `/documents/${f.certificateSha256}/verify` }),
    expect: OUTSIDE_THE_CERTIFICATE,
  },
  // notifications and the audit trail
  { method: "GET", path: "/notifications", allowed: "user", request: () => ({ path: "/notifications" }) },
  { method: "GET", path: "/audit/events", allowed: "user", request: () => ({ path: "/audit/events" }) },
  {
    method: "GET",
    path: "/audit/transactions/:hash",
    allowed: "user",
    request: (f) => ({ path: `/audit/transactions/${f.loanTxHash}` }),
    expect: OUTSIDE_THE_APPLICATION,
  },
  {
    method: "GET",
    path: "/audit/blocks/:number",
    allowed: "user",
    request: (f) => ({ path: `/audit/blocks/${f.loanBlock}` }),
    expect: OUTSIDE_THE_APPLICATION,
  },
  { method: "GET", path: "/audit/verify", allowed: ["regulator"], request: () => ({ path: "/audit/verify" }) },
  {
    method: "POST",
    path: "/audit/integrity-checks",
    allowed: ["regulator"],
    request: () => ({ path: "/audit/integrity-checks" }),
  },
  {
    method: "GET",
    path: "/audit/integrity-checks/latest",
    allowed: ["regulator"],
    request: () => ({ path: "/audit/integrity-checks/latest" }),
  },
  { method: "GET", path: "/stats", allowed: ["regulator"], request: () => ({ path: "/stats" }) },
];

const INVALID_BODY = { notAField: "the role check runs before validation, so only an allowed caller sees a 400" };
const ERROR_CODES: Record<number, string> = {
  400: "VALIDATION_FAILED",
  401: "UNAUTHORIZED",
  403: "FORBIDDEN",
  404: "NOT_FOUND",
};

function expectation(endpoint: Endpoint, actor: Actor): { status: Status; body: "valid" | "invalid"; denied: boolean } {
  const role = ACTORS[actor];
  const allowed = typeof endpoint.allowed === "string" || endpoint.allowed.includes(role);
  if (!allowed) return { status: 403, body: "valid", denied: true };
  const status = endpoint.expect?.[actor] ?? (endpoint.method === "GET" ? 200 : 400);
  return { status, body: status === 400 ? "invalid" : "valid", denied: false };
}

function send(client: Client, endpoint: Endpoint, f: Fixtures, body: "valid" | "invalid"): Promise<Reply> {
  const request = endpoint.request(f);
  if (endpoint.method === "GET") return client.request("GET", request.path);
  return client.request(endpoint.method, request.path, body === "invalid" ? INVALID_BODY : request.body);
}

function expectError(reply: Reply, status: number) {
  expectStatus(reply, status);
  expect(reply.body).toEqual({
    error: { code: ERROR_CODES[status], message: expect.any(String), details: expect.anything() },
  });
}

describe("authorization", () => {
  let platform: TestPlatform;
  let world: World;
  let f: Fixtures;
  /** The private data of ent1's patent and loan that no refused caller may see. */
  let secrets: Record<string, string>;
  /** The state before the matrix, and as the last write left it (so one bad write fails one test, not all after it). */
  let initial: Awaited<ReturnType<typeof snapshot>>;
  let baseline: typeof initial;

  /** Everything a write could change: the chain head, the audit trail, every table, ent1's loan and patent. */
  async function snapshot() {
    const [health, audit, tables] = await Promise.all([
      platform.anonymous.get("/health"),
      // The regulator's newest audit event, as the API shows it; the table counts below hold the rest.
      world.clients.regulator1.get("/audit/events?limit=1"),
      platform.platform.ctx.db.query(
        `select (select count(*) from organisations)::int as organisations, (select count(*) from users)::int as users,
                (select md5(string_agg(password_hash, '' order by id)) from users) as passwords,
                (select count(*) from sessions where revoked_at is not null)::int as "revokedSessions",
                (select count(*) from account_audit)::int as "accountAudit",
                (select count(*) from documents)::int as documents, (select count(*) from records)::int as records,
                (select count(*) from chain_events)::int as events, (select count(*) from notifications)::int as notifications,
                (select count(*) from patents)::int as patents, (select count(*) from appraisals)::int as appraisals,
                (select count(*) from products)::int as products, (select count(*) from loans)::int as loans,
                (select md5(string_agg(address || state, '' order by address)) from organisation_keys) as keys,
                (select count(*) from key_rotations)::int as "keyRotations",
                (select to_jsonb(p) from patents p where p.id = $1) as patent,
                (select to_jsonb(l) from loans l where l.id = $2) as loan,
                (select to_jsonb(p) from products p where p.id = $3) as product,
                (select to_jsonb(s) from platform_state s) as params`,
        [f.patentId, f.loanId, f.productId],
      ),
    ]);
    return {
      chainHead: expectStatus(health, 200).body.chain.head as number,
      latestAuditEvent: expectStatus(audit, 200).body.items[0]?.id as string,
      ...tables.rows[0],
    };
  }

  /** Sends the request; for a write, also what it changed (re-basing, so one bad write fails one test, not all after it). */
  async function attempt(request: () => Promise<Reply>, write: boolean) {
    const reply = await request();
    if (!write) return { reply, expectNothingChanged: () => undefined };
    const before = baseline;
    baseline = await snapshot();
    const after = baseline;
    return { reply, expectNothingChanged: () => expect(after, "the request changed something").toEqual(before) };
  }

  function expectNoLeak(reply: Reply) {
    const text = typeof reply.body === "string" ? reply.body : JSON.stringify(reply.body);
    for (const [name, secret] of Object.entries(secrets)) {
      expect(text, `the ${reply.status} reply shows the ${name}`).not.toContain(secret);
    }
  }

  beforeAll(async () => {
    platform = await startTestPlatform();
    world = await onboardCast(platform);
    const { clients, orgIds } = world;
    const now = Math.floor(
      Date.parse(expectStatus(await platform.anonymous.get("/health"), 200).body.chain.time) / 1000,
    );
    const tag = randomBytes(4).toString("hex");
    const certificate = document(`ent1-certificate-${tag}.pdf`);
    const report = document(`ent1-appraisal-${tag}.pdf`);
    const title = `ent1's confidential battery chemistry ${tag}`;
    const purpose = `ent1's confidential expansion plan ${tag}`;

    const patent = expectStatus(
      await clients.ent1.post("/patents", {
        number: newPatentNumber(),
        title,
        kind: "invention",
        grantDate: isoDaysFrom(now, -100),
        expiryDate: isoDaysFrom(now, 3000),
        certificate,
      }),
      201,
    ).body;
    expectStatus(
      await clients.ipoffice1.post(`/patents/${patent.id}/verify`, { feePaidUntil: isoDaysFrom(now, 2000) }),
      200,
    );
    expectStatus(
      await clients.appraiser1.post(`/patents/${patent.id}/appraisals`, {
        value: "987654321",
        validUntil: isoDaysFrom(now, 365),
        report,
      }),
      201,
    );
    const product = expectStatus(
      await clients.bank1.post("/products", {
        name: `bank1 IP loan ${tag}`,
        maxAmount: "500000000",
        minRateBps: 300,
        maxRateBps: 900,
        maxTermDays: 720,
        ltvBps: 4000,
      }),
      201,
    ).body;
    const loan = expectStatus(
      await clients.ent1.post("/loans", {
        productId: product.id,
        patentIds: [patent.id],
        amount: "123456700",
        termDays: 365,
        purpose,
      }),
      201,
    ).body;
    expect(loan.status).toBe("applied");
    // ent2 has a patent of its own, so its lists are scoped rather than empty.
    expectStatus(
      await clients.ent2.post("/patents", {
        number: newPatentNumber(),
        title: `ent2's own patent ${tag}`,
        kind: "invention",
        grantDate: isoDaysFrom(now, -50),
        expiryDate: isoDaysFrom(now, 3000),
        certificate: document(),
      }),
      201,
    );
    // A user for the refused DELETE /users/:id attempts to aim at.
    const spare = expectStatus(
      await platform.admin.post("/users", { username: "spare-user", password: PASSWORD, orgId: orgIds.ent1 }),
      201,
    ).body;

    f = {
      now,
      orgIds,
      patentId: patent.id,
      certificateSha256: patent.certificateSha256,
      productId: product.id,
      loanId: loan.id,
      loanTxHash: loan.txHash,
      loanBlock: loan.blockNumber,
      spareUserId: spare.id,
    };
    secrets = {
      "patent's title": title,
      "loan's purpose": purpose,
      "certificate's file name": certificate.filename,
      "certificate's content": certificate.contentBase64.slice(0, 48),
      "appraisal report's file name": report.filename,
      "appraised value": "987654321",
      "requested amount": "123456700",
    };
    initial = await snapshot();
    baseline = initial;
  });
  afterAll(() => platform?.stop());

  it("has a row for every route the server has, and none it does not have", () => {
    const server = createApi(platform.platform.ctx)
      .routes.map((route) => `${route.method.toUpperCase()} ${route.path}`)
      .sort();
    const table = ENDPOINTS.map((endpoint) => `${endpoint.method} ${endpoint.path}`).sort();
    expect(new Set(table).size, "the table names a route twice").toBe(table.length);
    expect(table).toEqual(server);
  });

  it("the private data the leak checks look for is what its owner is shown", async () => {
    const patent = expectStatus(await world.clients.ent1.get(`/patents/${f.patentId}`), 200).body;
    expect(patent.title).toBe(secrets["patent's title"]);
    expect(patent.appraisals.map((appraisal: any) => appraisal.value)).toEqual([secrets["appraised value"]]);
    const loan = expectStatus(await world.clients.ent1.get(`/loans/${f.loanId}`), 200).body;
    expect(loan).toMatchObject({
      status: "applied",
      purpose: secrets["loan's purpose"],
      requestedAmount: secrets["requested amount"],
    });
    const file = await world.clients.ent1.get(`/documents/${f.certificateSha256}`);
    expectStatus(file, 200);
    expect(file.headers.get("content-disposition")).toContain(secrets["certificate's file name"]);
  });

  for (const endpoint of ENDPOINTS) {
    describe(`${endpoint.method} ${endpoint.path}`, () => {
      for (const actor of ACTOR_NAMES) {
        const { status, body, denied } = expectation(endpoint, actor);
        it(`${actor} (${ACTORS[actor]}) -> ${status}`, async () => {
          const write = endpoint.method !== "GET";
          const { reply, expectNothingChanged } = await attempt(
            () => send(world.clients[actor], endpoint, f, body),
            write,
          );
          if (status === 200) {
            expectStatus(reply, 200);
          } else {
            expectError(reply, status);
            expectNoLeak(reply);
          }
          expectNothingChanged();
          if (denied && write) {
            // Refused before its body is read: a refused role learns nothing from validation either.
            const invalid = await attempt(() => send(world.clients[actor], endpoint, f, "invalid"), write);
            expectError(invalid.reply, 403);
            invalid.expectNothingChanged();
          }
        });
      }

      if (endpoint.allowed === "public") {
        it("without a token -> as for anyone", async () => {
          const status = endpoint.method === "GET" ? 200 : 400;
          const reply = await send(platform.anonymous, endpoint, f, status === 400 ? "invalid" : "valid");
          expectStatus(reply, status);
        });
      } else {
        it("without a token -> 401", async () => {
          const { reply, expectNothingChanged } = await attempt(
            () => send(platform.anonymous, endpoint, f, "valid"),
            endpoint.method !== "GET",
          );
          expectError(reply, 401);
          expectNoLeak(reply);
          expectNothingChanged();
        });
      }
    });
  }

  describe("a second organisation of the same kind sees nothing of the first's", () => {
    let ent1Address: string;
    beforeAll(async () => {
      ent1Address = expectStatus(await world.clients.regulator1.get(`/orgs/${f.orgIds.ent1}`), 200).body.address;
    });

    const entityIds = (items: any[]) => items.map((item) => `${item.entity}:${item.entityId}`);
    const ent1Entities = () => [`patent:${f.patentId}`, `loan:${f.loanId}`, `organisation:${ent1Address}`];
    const expectNothingOfEnt1 = (reply: Reply) => {
      expectStatus(reply, 200);
      const text = JSON.stringify(reply.body);
      for (const value of [f.patentId, secrets["patent's title"], secrets["loan's purpose"], ent1Address]) {
        expect(text).not.toContain(value);
      }
      expectNoLeak(reply);
    };

    it("the owner and the lending bank do see them (the control)", async () => {
      const { ent1, bank1 } = world.clients;
      const ent1Events = expectStatus(await ent1.get("/audit/events?limit=500"), 200).body.items;
      expect(entityIds(ent1Events)).toEqual(expect.arrayContaining(ent1Entities()));
      const ent1Notices = expectStatus(await ent1.get("/notifications?limit=200"), 200).body.items;
      expect(entityIds(ent1Notices)).toContain(`patent:${f.patentId}`);
      const ent1Patents = expectStatus(await ent1.get("/patents"), 200).body.items;
      expect(ent1Patents.map((patent: any) => patent.id)).toEqual([f.patentId]);
      const ent1Loans = expectStatus(await ent1.get("/loans"), 200).body.items;
      expect(ent1Loans.map((loan: any) => loan.id)).toEqual([f.loanId]);

      const bank1Events = expectStatus(await bank1.get("/audit/events?limit=500"), 200).body.items;
      expect(entityIds(bank1Events)).toContain(`loan:${f.loanId}`);
      const bank1Notices = expectStatus(await bank1.get("/notifications?limit=200"), 200).body.items;
      expect(entityIds(bank1Notices)).toContain(`loan:${f.loanId}`);
      const bank1Loans = expectStatus(await bank1.get("/loans"), 200).body.items;
      expect(bank1Loans.map((loan: any) => loan.id)).toEqual([f.loanId]);
      const bank1Patents = expectStatus(await bank1.get("/patents"), 200).body.items;
      expect(bank1Patents.map((patent: any) => patent.id)).toEqual([f.patentId]);
    });

    it("ent2's patents and loans lists hold none of ent1's, however filtered", async () => {
      const { ent2 } = world.clients;
      const patents = expectStatus(await ent2.get("/patents"), 200);
      expect(patents.body.items).toHaveLength(1);
      expect(patents.body.items[0].ownerOrgId).toBe(f.orgIds.ent2);
      expectNothingOfEnt1(patents);
      for (const query of [
        `ownerOrgId=${f.orgIds.ent1}`,
        `q=${encodeURIComponent(secrets["patent's title"])}`,
        `q=${encodeURIComponent(f.patentId)}`,
        "status=verified",
      ]) {
        const reply = expectStatus(await ent2.get(`/patents?${query}`), 200);
        expect(reply.body, query).toEqual({ items: [], total: 0 });
      }
      for (const query of ["", `enterpriseOrgId=${f.orgIds.ent1}`, `bankOrgId=${f.orgIds.bank1}`, "status=applied"]) {
        const reply = expectStatus(await ent2.get(`/loans?${query}`), 200);
        expect(reply.body, query).toEqual({ items: [], total: 0 });
      }
    });

    it("ent2's notifications name none of ent1's patents or loans", async () => {
      const reply = await world.clients.ent2.get("/notifications?limit=200");
      expectNothingOfEnt1(reply);
      for (const item of reply.body.items) expect(ent1Entities()).not.toContain(`${item.entity}:${item.entityId}`);
    });

    it("ent2's audit trail names none of ent1's entities, however filtered", async () => {
      const { ent2 } = world.clients;
      const reply = await ent2.get("/audit/events?limit=500");
      expectNothingOfEnt1(reply);
      expect(reply.body.items.length, "ent2 sees the events of its own organisation").toBeGreaterThan(0);
      for (const item of reply.body.items) expect(ent1Entities()).not.toContain(`${item.entity}:${item.entityId}`);
      for (const query of [
        `orgId=${f.orgIds.ent1}`,
        `entity=patent&entityId=${encodeURIComponent(f.patentId)}`,
        `entity=loan&entityId=${f.loanId}`,
        `entity=organisation&entityId=${ent1Address}`,
        `txHash=${f.loanTxHash}`,
        `fromBlock=${f.loanBlock}&toBlock=${f.loanBlock}`,
      ]) {
        const filtered = expectStatus(await ent2.get(`/audit/events?${query}`), 200);
        expect(filtered.body.items, query).toEqual([]);
      }
    });

    it("bank2's lists hold none of bank1's loans, nor the patents in them", async () => {
      const { bank2 } = world.clients;
      for (const query of ["", `bankOrgId=${f.orgIds.bank1}`, `enterpriseOrgId=${f.orgIds.ent1}`, "status=applied"]) {
        const reply = expectStatus(await bank2.get(`/loans?${query}`), 200);
        expect(reply.body, query).toEqual({ items: [], total: 0 });
      }
      for (const query of ["", `ownerOrgId=${f.orgIds.ent1}`, `q=${encodeURIComponent(f.patentId)}`]) {
        const reply = expectStatus(await bank2.get(`/patents?${query}`), 200);
        expect(reply.body, query).toEqual({ items: [], total: 0 });
      }
      const notices = await bank2.get("/notifications?limit=200");
      expectNothingOfEnt1(notices);
      for (const item of notices.body.items) expect(ent1Entities()).not.toContain(`${item.entity}:${item.entityId}`);
      const events = await bank2.get("/audit/events?limit=500");
      expectNothingOfEnt1(events);
      for (const item of events.body.items) expect(ent1Entities()).not.toContain(`${item.entity}:${item.entityId}`);
      for (const query of [`entity=loan&entityId=${f.loanId}`, `orgId=${f.orgIds.bank1}`, `txHash=${f.loanTxHash}`]) {
        const filtered = expectStatus(await bank2.get(`/audit/events?${query}`), 200);
        expect(filtered.body.items, query).toEqual([]);
      }
    });
  });

  it("another organisation's private resource looks exactly like one that does not exist", async () => {
    const missing = {
      patent: newPatentNumber(),
      loan: "999999999",
      document: `0x${randomBytes(32).toString("hex")}`,
    };
    const cases = [
      { client: world.clients.ent2, path: (id: string) => `/patents/${id}`, real: f.patentId, none: missing.patent },
      { client: world.clients.bank2, path: (id: string) => `/patents/${id}`, real: f.patentId, none: missing.patent },
      { client: world.clients.ent2, path: (id: string) => `/loans/${id}`, real: f.loanId, none: missing.loan },
      { client: world.clients.bank2, path: (id: string) => `/loans/${id}`, real: f.loanId, none: missing.loan },
      {
        client: world.clients.bank2,
        path: (id: string) => `/loans/${id}/approve`,
        real: f.loanId,
        none: missing.loan,
        body: { amount: "1000000", rateBps: 500, termDays: 180 },
      },
      {
        client: world.clients.ent2,
        path: (id: string) => `/documents/${id}`,
        real: f.certificateSha256,
        none: missing.document,
      },
    ];
    for (const { client, path, real, none, body } of cases) {
      const method = body ? "POST" : "GET";
      const hidden = await client.request(method, path(real), body);
      const absent = await client.request(method, path(none), body);
      expectError(hidden, 404);
      expectError(absent, 404);
      expect(JSON.stringify(hidden.body).replaceAll(real, "<id>"), path(real)).toBe(
        JSON.stringify(absent.body).replaceAll(none, "<id>"),
      );
    }
  });

  it("after the whole matrix, nothing has changed", async () => {
    expect(await snapshot()).toEqual(initial);
    const loan = expectStatus(await world.clients.regulator1.get(`/loans/${f.loanId}`), 200).body;
    expect(loan.status).toBe("applied");
    const patent = expectStatus(await world.clients.regulator1.get(`/patents/${f.patentId}`), 200).body;
    expect(patent).toMatchObject({
      status: "verified",
      legalStatus: { preserved: false, invalidationPending: false },
    });
    expect(patent.appraisals).toHaveLength(1);
    const params = expectStatus(await world.clients.regulator1.get("/params"), 200).body;
    expect(params.paused).toBe(false);
    const users = expectStatus(await platform.admin.get("/users?limit=200"), 200).body;
    expect(users.items.map((user: any) => user.username)).toContain("spare-user");
    expect(users.items.map((user: any) => user.username)).not.toContain("intruder");
  });
});
