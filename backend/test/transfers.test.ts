/**
 * The register is the register (SPEC section 8): a patent changes hands only as the IP office
 * records it (著录项目变更, with its notice) or by a disposal. The recorded transfer goes to
 * another enterprise, returns the patent to `registered` until the IP office verifies the new
 * owner's record, and is refused while the patent is in an application or a loan.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectStatus, startTestPlatform, type TestPlatform } from "./support/platform.js";
import {
  document,
  isoDaysFrom,
  newPatentNumber,
  onboardCast,
  publishProduct,
  verifiedPatent,
  type World,
} from "./support/world.js";

describe("recorded transfers", () => {
  let platform: TestPlatform;
  let world: World;
  let now: number;

  beforeAll(async () => {
    platform = await startTestPlatform();
    world = await onboardCast(platform);
    now = Math.floor(Date.parse(expectStatus(await platform.anonymous.get("/health"), 200).body.chain.time) / 1000);
  }, 300_000);
  afterAll(async () => platform?.stop());

  const patentOfEnt1 = () =>
    verifiedPatent(world.clients.ent1, world.clients, now, { title: "A patent that changes hands" });
  const transfer = (id: string, newOwnerOrgId: string) =>
    world.clients.ipoffice1.post(`/patents/${id}/transfer`, { newOwnerOrgId, notice: document("notice.pdf") });

  it("moves the patent to the new owner, who must have it verified again", async () => {
    const { ent1, ent2, ipoffice1 } = world.clients;
    const id = await patentOfEnt1();
    const moved = expectStatus(await transfer(id, world.orgIds.ent2), 200).body;
    expect(moved).toMatchObject({ id, status: "registered", ownerOrgId: world.orgIds.ent2 });
    expect(moved.txHash).toMatch(/^0x[0-9a-f]{64}$/);

    expect(expectStatus(await ent2.get(`/patents/${id}`), 200).body.ownerOrgId).toBe(world.orgIds.ent2);
    const openFor = async (client: typeof ent1) =>
      expectStatus(await client.get("/notifications?limit=200"), 200).body.items.filter(
        (n: { entityId: string }) => n.entityId === id,
      );
    expect((await openFor(ent2)).map((n: { topic: string }) => n.topic)).toContain("patent_transferred_in");
    expect((await openFor(ent1)).map((n: { topic: string }) => n.topic)).toContain("patent_transferred_out");
    const events = expectStatus(await ipoffice1.get(`/audit/events?entity=patent&entityId=${id}`), 200).body.items;
    expect(events.map((e: { kind: string }) => e.kind)).toContain("PatentTransferRecorded");

    // Not pledgeable until verified again.
    const productId = await publishProduct(world.clients.bank1, "after a transfer");
    const application = { productId, patentIds: [id], amount: "1000000", termDays: 180, purpose: "capital" };
    expectStatus(await ent2.post("/loans", application), 409);
    expectStatus(await ipoffice1.post(`/patents/${id}/verify`, { feePaidUntil: isoDaysFrom(now, 3000) }), 200);
    // The former owner no longer sees it at all.
    expectStatus(await ent1.post("/loans", application), 404);
    expectStatus(await ent1.get(`/patents/${id}`), 404);
    expectStatus(await ent2.post("/loans", application), 201);
  });

  it("refuses while the patent is in an application, and changes nothing", async () => {
    const { ent1, ipoffice1 } = world.clients;
    const id = await patentOfEnt1();
    const productId = await publishProduct(world.clients.bank1, "pending application");
    const loan = expectStatus(
      await ent1.post("/loans", { productId, patentIds: [id], amount: "1000000", termDays: 180, purpose: "capital" }),
      201,
    ).body;
    const refused = expectStatus(await transfer(id, world.orgIds.ent2), 409).body;
    expect(refused.error.code).toBe("PATENT_IN_ACTIVE_LOAN");
    const patent = expectStatus(await ipoffice1.get(`/patents/${id}`), 200).body;
    expect(patent).toMatchObject({ status: "verified", ownerOrgId: world.orgIds.ent1, loanId: loan.id });
  });

  it("refuses a new owner that is not another enterprise, and an unknown patent", async () => {
    const id = await patentOfEnt1();
    for (const orgId of [world.orgIds.ent1, world.orgIds.bank1, "999999"]) {
      const refused = expectStatus(await transfer(id, orgId), 422).body;
      expect(refused.error.code).toBe("INVALID_NEW_OWNER");
    }
    expectStatus(await transfer(newPatentNumber(), world.orgIds.ent2), 404);
    expectStatus(
      await world.clients.ent1.post(`/patents/${id}/transfer`, {
        newOwnerOrgId: world.orgIds.ent2,
        notice: document(),
      }),
      403,
    );
    const patent = expectStatus(await world.clients.ipoffice1.get(`/patents/${id}`), 200).body;
    expect(patent).toMatchObject({ status: "verified", ownerOrgId: world.orgIds.ent1 });
  });

  it("the integrity check covers the transfer and its notice", async () => {
    const report = expectStatus(await world.clients.regulator1.get("/audit/verify"), 200).body;
    expect(report.mismatches).toEqual([]);
    expect(report.ok).toBe(true);
  });
});
