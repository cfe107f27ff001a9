/**
 * Banks do not see each other (docs/product.md, the guarantees): a patent applied for at bank1, withdrawn,
 * then applied for and lent on at bank2. bank1 saw the patent in its own application, so it may
 * still read the patent, but nothing of bank2's loan: not its id (the patent's loanId is null for
 * bank1), its amount, its application or its events, through any list, filter or detail. Any bank
 * may ask whether the patent is pledged or in an application, and learns that one bit only.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { operationsOf } from "./support/malformed.js";
import { expectStatus, startTestPlatform, type Client, type TestPlatform } from "./support/platform.js";
import { document, isoDaysFrom, newPatentNumber, onboardCast, publishProduct, type World } from "./support/world.js";

interface Secret {
  amount: string;
  loanId: string;
  bank: string;
  txHashes: Set<string>;
}

/** Where a reply shows bank2's loan: its amount, its id as a loan, a loan-like record of bank2's, its transactions. */
function leaksOf(value: unknown, secret: Secret, path = "$"): string[] {
  if (typeof value === "string") {
    if (value.includes(secret.amount)) return [`${path} names the amount`];
    if (secret.txHashes.has(value)) return [`${path} names one of its transactions`];
    return [];
  }
  if (Array.isArray(value)) return value.flatMap((item, i) => leaksOf(item, secret, `${path}[${i}]`));
  if (value === null || typeof value !== "object") return [];
  const record = value as Record<string, unknown>;
  const found: string[] = [];
  if (record.loanId === secret.loanId) found.push(`${path}.loanId`);
  if (record.entity === "loan" && record.entityId === secret.loanId) found.push(`${path} is an event of the loan`);
  if (record.bankOrgId === secret.bank && "enterpriseOrgId" in record) found.push(`${path} is a loan of bank2's`);
  for (const [key, item] of Object.entries(record)) found.push(...leaksOf(item, secret, `${path}.${key}`));
  return found;
}

describe("banks kept apart", () => {
  let platform: TestPlatform;
  let world: World;
  let bank1: Client;
  let patentId: string;
  let firstLoan: string;
  let secondLoan: string;

  beforeAll(async () => {
    platform = await startTestPlatform();
    world = await onboardCast(platform);
    const c = world.clients;
    bank1 = c.bank1;
    const now = Math.floor(
      Date.parse(expectStatus(await platform.anonymous.get("/health"), 200).body.chain.time) / 1000,
    );
    patentId = expectStatus(
      await c.ent1.post("/patents", {
        number: newPatentNumber(),
        title: "Moved from bank1's application to bank2's loan",
        kind: "invention",
        grantDate: isoDaysFrom(now, -400),
        expiryDate: isoDaysFrom(now, 3650),
        certificate: document(),
      }),
      201,
    ).body.id;
    expectStatus(await c.ipoffice1.post(`/patents/${patentId}/verify`, { feePaidUntil: isoDaysFrom(now, 3000) }), 200);
    expectStatus(
      await c.appraiser1.post(`/patents/${patentId}/appraisals`, {
        value: "100000000",
        validUntil: isoDaysFrom(now, 365),
        report: document("valuation.pdf"),
      }),
      201,
    );
    const apply = async (productId: string, amount: string) =>
      expectStatus(
        await c.ent1.post("/loans", { productId, patentIds: [patentId], amount, termDays: 180, purpose: "capital" }),
        201,
      ).body.id as string;
    firstLoan = await apply(await publishProduct(c.bank1, "bank1's loan"), "3000000");
    expectStatus(await c.ent1.post(`/loans/${firstLoan}/withdraw`), 200);
    secondLoan = await apply(await publishProduct(c.bank2, "bank2's loan"), "4111111");
    expectStatus(
      await c.bank2.post(`/loans/${secondLoan}/approve`, { amount: "4111111", rateBps: 500, termDays: 180 }),
      200,
    );
  });
  afterAll(async () => platform?.stop());

  /** Everything bank1 can read about the patent and loans, as one text to search. */
  const everythingBank1Reads = async () => {
    const paths = [
      `/patents/${patentId}`,
      "/patents?limit=200",
      `/patents?q=${patentId}`,
      "/patents?status=verified",
      "/loans?limit=200",
      "/loans?status=approved",
      "/loans?status=applied",
      `/loans?bankOrgId=${world.orgIds.bank2}`,
      `/loans?enterpriseOrgId=${world.orgIds.ent1}`,
      "/notifications?limit=200",
      "/audit/events?limit=500",
      `/audit/events?entity=patent&entityId=${patentId}`,
      `/audit/events?entity=loan&entityId=${secondLoan}`,
      `/loans/${firstLoan}`,
    ];
    const replies = await Promise.all(paths.map(async (path) => [path, await bank1.get(path)] as const));
    return replies.map(([path, reply]) => `${path} ${reply.status} ${JSON.stringify(reply.body)}`).join("\n");
  };

  it("bank1 still reads the patent, but its loanId is not bank2's loan", async () => {
    const patent = expectStatus(await bank1.get(`/patents/${patentId}`), 200).body;
    expect(patent.loanId).toBeNull();
    const listed = expectStatus(await bank1.get("/patents?limit=200"), 200).body.items;
    expect(listed.find((item: { id: string }) => item.id === patentId)?.loanId).toBeNull();
    // The IP office and the borrower see the holding loan.
    expect(expectStatus(await world.clients.ipoffice1.get(`/patents/${patentId}`), 200).body.loanId).toBe(secondLoan);
    expect(expectStatus(await world.clients.ent1.get(`/patents/${patentId}`), 200).body.loanId).toBe(secondLoan);
  });

  it("no list, filter or detail shows bank1 bank2's loan, its id or its amount", async () => {
    expect((await bank1.get(`/loans/${secondLoan}`)).status).toBe(404);
    const text = await everythingBank1Reads();
    expect(text).not.toContain("4111111");
    expect(text).not.toMatch(new RegExp(`"(loanId|id|entityId)":"${secondLoan}"`));
    expect(text).not.toContain(`"bankOrgId":"${world.orgIds.bank2}"`);
  });

  it("every read in the OpenAPI document, with each of its filters, shows bank1 nothing of bank2's loan", async () => {
    const { regulator1 } = world.clients;
    const events = expectStatus(await regulator1.get(`/audit/events?entity=loan&entityId=${secondLoan}`), 200).body
      .items as { txHash: string; blockNumber: number }[];
    const secret = {
      amount: "4111111",
      loanId: secondLoan,
      bank: world.orgIds.bank2,
      txHashes: new Set(events.map((e) => e.txHash)),
    };
    expect(secret.txHashes.size).toBeGreaterThan(0);
    const patent = expectStatus(await bank1.get(`/patents/${patentId}`), 200).body;
    const pathValues: Record<string, string[]> = {
      "/api/patents/{id}": [patentId],
      "/api/loans/{id}": [firstLoan, secondLoan],
      "/api/products/{id}": [(await publishProduct(world.clients.bank2, "bank2's other product")) as string],
      "/api/orgs/{id}": [world.orgIds.bank2, world.orgIds.ent1],
      "/api/audit/transactions/{hash}": [...secret.txHashes],
      "/api/audit/blocks/{number}": events.map((e) => String(e.blockNumber)),
      "/api/documents/{sha256}": [patent.certificateSha256],
    };
    const queryValues: Record<string, string[]> = {
      bankOrgId: [world.orgIds.bank2],
      enterpriseOrgId: [world.orgIds.ent1],
      orgId: [world.orgIds.bank2, world.orgIds.ent1],
      entityId: [secondLoan, patentId],
      q: [secondLoan, patentId],
      limit: ["200"],
      open: ["true", "false"],
    };
    const openapi = expectStatus(await platform.anonymous.get("/openapi.json"), 200).body;
    const reads = operationsOf(openapi).filter((op) => op.method === "GET");
    const urls: string[] = [];
    for (const read of reads) {
      const prefix = Object.keys(pathValues).find((template) => read.template.startsWith(template));
      const pathParams = read.parameters.filter((p) => p.in === "path");
      const bases =
        pathParams.length === 0
          ? [read.template]
          : (pathValues[prefix ?? ""] ?? []).map((value) =>
              read.template.replace(/\{\w+\}/, encodeURIComponent(value)),
            );
      if (pathParams.length > 0)
        expect(bases.length, `no path values for ${read.template}: add some`).toBeGreaterThan(0);
      for (const base of bases) {
        urls.push(base);
        for (const param of read.parameters.filter((p) => p.in === "query")) {
          const values = param.schema.enum?.map(String) ?? queryValues[param.name] ?? [];
          for (const value of values) urls.push(`${base}?${param.name}=${encodeURIComponent(value)}`);
        }
      }
    }
    expect(urls.length).toBeGreaterThan(100);
    const leaks: string[] = [];
    for (const url of urls) {
      const reply = await bank1.get(url.replace(/^\/api/, ""));
      expect(reply.status, url).toBeLessThan(500);
      // A refusal only repeats what was asked; an answer must hold nothing of bank2's loan.
      if (reply.status < 300) for (const leak of leaksOf(reply.body, secret)) leaks.push(`${url}: ${leak}`);
      else expect([400, 403, 404], url).toContain(reply.status);
    }
    expect(leaks).toEqual([]);
  }, 300_000);

  it("any bank learns whether the patent is pledged or in an application, and nothing else", async () => {
    const answer = expectStatus(await bank1.get(`/patents/${patentId}/encumbrance`), 200).body;
    expect(answer).toEqual({ number: patentId, pledged: false, inApplication: true });
    expect((await bank1.get(`/patents/${newPatentNumber()}/encumbrance`)).status).toBe(404);
    expect(expectStatus(await bank1.get("/patents/CN2021/encumbrance"), 400).body.error.code).toBe(
      "INVALID_PATENT_NUMBER",
    );
    expect((await world.clients.ent2.get(`/patents/${patentId}/encumbrance`)).status).toBe(403);
  });
});
