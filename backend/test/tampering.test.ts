/**
 * Rows changed by hand in PostgreSQL, the way an insider with database access would: a loan's
 * amount, a stored document's bytes, a patent's owner. The integrity check must report exactly
 * those records, once each, and nothing else; put back, it is clean again.
 */
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectStatus, startTestPlatform, type TestPlatform } from "./support/platform.js";
import { document, isoDaysFrom, newPatentNumber, onboardCast, type World, publishProduct } from "./support/world.js";

describe("tampering with the database by hand", () => {
  let platform: TestPlatform;
  let world: World;
  let db: pg.Client;
  let patent: string;
  let loanId: string;

  beforeAll(async () => {
    platform = await startTestPlatform();
    world = await onboardCast(platform);
    db = new pg.Client(platform.databaseUrl);
    await db.connect();
    const c = world.clients;
    const health = expectStatus(await platform.anonymous.get("/health"), 200).body;
    const now = Math.floor(Date.parse(health.chain.time) / 1000);
    patent = newPatentNumber();
    expectStatus(
      await c.ent1.post("/patents", {
        number: patent,
        title: "A patent someone will tamper with",
        kind: "invention",
        grantDate: isoDaysFrom(now, -400),
        expiryDate: isoDaysFrom(now, 3650),
        certificate: document(),
      }),
      201,
    );
    expectStatus(await c.ipoffice1.post(`/patents/${patent}/verify`, { feePaidUntil: isoDaysFrom(now, 3000) }), 200);
    expectStatus(
      await c.appraiser1.post(`/patents/${patent}/appraisals`, {
        value: "100000000",
        validUntil: isoDaysFrom(now, 365),
        report: document("valuation.pdf"),
      }),
      201,
    );
    const productId = await publishProduct(c.bank1, "Product", { maxAmount: "100000000", ltvBps: 5000 });
    loanId = expectStatus(
      await c.ent1.post("/loans", {
        productId,
        patentIds: [patent],
        amount: "2000000",
        termDays: 180,
        purpose: "working capital",
      }),
      201,
    ).body.id;
    expectStatus(
      await c.bank1.post(`/loans/${loanId}/approve`, { amount: "2000000", rateBps: 500, termDays: 180 }),
      200,
    );
  });
  afterAll(async () => {
    await db?.end();
    await platform?.stop();
  });

  const verify = async () => expectStatus(await world.clients.regulator1.get("/audit/verify"), 200).body;

  it("reports exactly the loan's amount, the document's bytes and the patent's owner, once each", async () => {
    expect((await verify()).mismatches).toEqual([]);
    const certificate = (
      await db.query<{ sha256: Buffer; content: Buffer }>(
        "select d.sha256, d.content from documents d order by d.created_at limit 1",
      )
    ).rows[0];
    const owner = (await db.query("select owner_org_id from patents where id = $1", [patent])).rows[0].owner_org_id;
    const altered = Buffer.from(certificate.content);
    altered[0] ^= 0xff;

    await db.query("update loans set amount = amount + 1 where id = $1", [loanId]);
    await db.query("update documents set content = $2 where sha256 = $1", [certificate.sha256, altered]);
    await db.query("update patents set owner_org_id = $2 where id = $1", [patent, world.orgIds.ent2]);
    try {
      const tampered = await verify();
      expect(tampered.ok).toBe(false);
      expect(tampered.mismatches.map((m: any) => `${m.entity} ${m.id} ${m.field}`).sort()).toEqual(
        [
          `loan ${loanId} amount`,
          `document 0x${certificate.sha256.toString("hex")} sha256(content)`,
          `patent ${patent} ownerOrgId`,
        ].sort(),
      );
    } finally {
      await db.query("update loans set amount = amount - 1 where id = $1", [loanId]);
      await db.query("update documents set content = $2 where sha256 = $1", [certificate.sha256, certificate.content]);
      await db.query("update patents set owner_org_id = $2 where id = $1", [patent, owner]);
    }
    expect((await verify()).mismatches).toEqual([]);
  });
});
