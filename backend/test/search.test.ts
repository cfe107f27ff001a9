/**
 * The loans list's search (SPEC section 7, `GET /api/loans?q=`): by a loan's id, its pledge
 * registration number or its borrower's name, inside the caller's scope only, with the text taken
 * literally (LIKE's wildcards too) and a clear 400 for text that is no search.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { operationsOf } from "./support/malformed.js";
import { expectStatus, startTestPlatform, type Client, type TestPlatform } from "./support/platform.js";
import { onboardCast, publishProduct, verifiedPatent, type World } from "./support/world.js";

describe("searching the loans list", () => {
  let platform: TestPlatform;
  let c: World["clients"];
  /** ent1's loan at bank1, pledged as ZX-SEARCH-Alpha-7; ent2's at bank1; ent1's at bank2. */
  let pledged: string;
  let ofEnt2: string;
  let atBank2: string;

  beforeAll(async () => {
    platform = await startTestPlatform();
    c = (await onboardCast(platform)).clients;
    const now = Math.floor(
      Date.parse(expectStatus(await platform.anonymous.get("/health"), 200).body.chain.time) / 1000,
    );
    const patentOf = (owner: Client) =>
      verifiedPatent(owner, c, now, { title: "Searched for", appraisal: "100000000" });
    const apply = async (borrower: Client, productId: string) =>
      expectStatus(
        await borrower.post("/loans", {
          productId,
          patentIds: [await patentOf(borrower)],
          amount: "3000000",
          termDays: 180,
          purpose: "capital",
        }),
        201,
      ).body.id as string;
    const bank1Product = await publishProduct(c.bank1, "bank1's product");
    pledged = await apply(c.ent1, bank1Product);
    expectStatus(
      await c.bank1.post(`/loans/${pledged}/approve`, { amount: "3000000", rateBps: 500, termDays: 180 }),
      200,
    );
    expectStatus(await c.ipoffice1.post(`/loans/${pledged}/pledge`, { registrationNo: "ZX-SEARCH-Alpha-7" }), 200);
    ofEnt2 = await apply(c.ent2, bank1Product);
    atBank2 = await apply(c.ent1, await publishProduct(c.bank2, "bank2's product"));
  });
  afterAll(async () => platform?.stop());

  const found = async (client: Client, q: string) => {
    const page = expectStatus(await client.get(`/loans?q=${encodeURIComponent(q)}`), 200).body;
    expect(page.total, q).toBe(page.items.length);
    return (page.items as { id: string }[]).map((loan) => loan.id).sort();
  };

  it("finds a loan by its id, with or without #", async () => {
    expect(await found(c.bank1, `#${pledged}`)).toEqual([pledged]);
    expect(await found(c.bank1, `#${ofEnt2}`)).toEqual([ofEnt2]);
    expect(await found(c.ent1, ` #${atBank2} `)).toEqual([atBank2]);
    // a bare number is an id, and also text in a name or registration number ("ent1 org")
    expect(await found(c.bank1, ofEnt2)).toContain(ofEnt2);
  });

  it("finds a loan by part of its registration number, in any case", async () => {
    expect(await found(c.bank1, "search-alpha")).toEqual([pledged]);
    expect(await found(c.regulator1, "ZX-SEARCH")).toEqual([pledged]);
  });

  it("finds loans by part of the borrower's name, and only the caller's", async () => {
    expect(await found(c.bank1, "ent2 ORG")).toEqual([ofEnt2]);
    expect(await found(c.bank1, "ent1")).toEqual([pledged]);
    expect(await found(c.bank2, "ent1")).toEqual([atBank2]);
    expect(await found(c.regulator1, "ent1")).toEqual([pledged, atBank2].sort());
    // another bank's loan is not found by its id either
    expect(await found(c.bank2, `#${pledged}`)).toEqual([]);
    expect(await found(c.ent2, `#${pledged}`)).toEqual([]);
  });

  it("takes LIKE's wildcards literally and combines with the other filters", async () => {
    expect(await found(c.bank1, "%")).toEqual([]);
    expect(await found(c.bank1, "ent_ org")).toEqual([]);
    const disbursable = expectStatus(await c.bank1.get("/loans?q=ent&status=pledged"), 200).body.items;
    expect(disbursable.map((loan: { id: string }) => loan.id)).toEqual([pledged]);
  });

  it("is a 400 for text that is no search: empty, blank, too long, or with control characters", async () => {
    for (const q of ["", "   ", "x".repeat(101), "ent\u0000", "a\nb"]) {
      const reply = await c.bank1.get(`/loans?q=${encodeURIComponent(q)}`);
      expect(reply.status, JSON.stringify(q)).toBe(400);
      // a NUL is refused before any route reads the URL; the rest by the list's schema
      expect(reply.body.error.code, JSON.stringify(q)).toBe(
        q.includes("\u0000") ? "INVALID_INPUT" : "VALIDATION_FAILED",
      );
    }
  });

  it("is declared in the OpenAPI document", async () => {
    const openapi = expectStatus(await platform.anonymous.get("/openapi.json"), 200).body;
    const list = operationsOf(openapi).find((op) => op.method === "GET" && op.template === "/api/loans");
    expect(list?.parameters.map((parameter) => parameter.name)).toContain("q");
  });
});
