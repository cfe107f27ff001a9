/**
 * Nobody above the regulator, through the API (SPEC section 8): the operator onboards an authority
 * (IP office, appraiser, fund) or a further regulator, but its role is granted on chain only when
 * a regulator approves it, signed by the regulator's own key; enterprises and banks the operator
 * seats itself, and there is nothing for a regulator to approve.
 */
import { id } from "ethers";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectStatus, startTestPlatform, type TestPlatform } from "./support/platform.js";
import { onboardCast, type World } from "./support/world.js";

describe("onboarding follows the chain's governance", () => {
  let platform: TestPlatform;
  let world: World;

  beforeAll(async () => {
    platform = await startTestPlatform();
    world = await onboardCast(platform);
  }, 300_000);
  afterAll(async () => {
    await platform?.stop();
  });

  const hasRole = (kind: string, address: string) =>
    platform.platform.ctx.chain.finance.hasRole(id(`${kind.toUpperCase()}_ROLE`), address);

  for (const kind of ["ipoffice", "appraiser", "fund", "regulator"]) {
    it(`a new ${kind} waits for a regulator's approval, then holds its role`, async () => {
      const { admin, regulator1 } = world.clients;
      const created = expectStatus(await admin.post("/orgs", { name: `Second ${kind}`, kind }), 201).body;
      expect(created).toMatchObject({ roleGranted: false, seatedBy: "regulator", txHash: null });
      expect(await hasRole(kind, created.address)).toBe(false);
      const awaiting = expectStatus(await regulator1.get("/orgs?awaitingApproval=true&limit=200"), 200).body;
      expect(awaiting.items.map((org: { id: string }) => org.id)).toContain(created.id);

      // The operator cannot approve it, not even by retrying its provisioning.
      expectStatus(await admin.post(`/orgs/${created.id}/approve`), 403);
      expect(expectStatus(await admin.post(`/orgs/${created.id}/provision`), 200).body.roleGranted).toBe(false);
      expect(await hasRole(kind, created.address)).toBe(false);

      const approved = expectStatus(await regulator1.post(`/orgs/${created.id}/approve`), 200).body;
      expect(approved).toMatchObject({ id: created.id, roleGranted: true, seatedBy: "regulator" });
      expect(approved.txHash).toMatch(/^0x[0-9a-f]{64}$/);
      expect(await hasRole(kind, created.address)).toBe(true);
      const events = expectStatus(
        await world.clients.regulator1.get(`/audit/events?kind=RoleGranted&entityId=${created.address}`),
        200,
      ).body;
      const regulatorOrg = expectStatus(await regulator1.get(`/orgs/${world.orgIds.regulator1}`), 200).body;
      expect(events.items[0].actor.toLowerCase()).toBe(regulatorOrg.address);
      const again = expectStatus(await regulator1.post(`/orgs/${created.id}/approve`), 200).body;
      expect(again).toMatchObject({ roleGranted: true, txHash: null });
      const stillAwaiting = expectStatus(await regulator1.get("/orgs?awaitingApproval=true&limit=200"), 200).body;
      expect(stillAwaiting.items.map((org: { id: string }) => org.id)).not.toContain(created.id);
    });
  }

  it("enterprises and banks are seated by the operator: nothing to approve", async () => {
    const { regulator1 } = world.clients;
    for (const member of ["ent1", "bank1"] as const) {
      const refused = expectStatus(await regulator1.post(`/orgs/${world.orgIds[member]}/approve`), 409).body;
      expect(refused.error.code).toBe("SEATED_BY_OPERATOR");
    }
    const bank = expectStatus(
      await world.clients.admin.post("/orgs", { name: "A bank seated at once", kind: "bank" }),
      201,
    ).body;
    expect(bank).toMatchObject({ roleGranted: true, seatedBy: "operator" });
  });

  it("the operator cannot sign in as a regulator: the regulators manage their users and the authorities'", async () => {
    const { admin, regulator1 } = world.clients;
    const user = (username: string, orgId: string) => ({ username, password: "a long enough password", orgId });
    for (const member of ["regulator1", "ipoffice1", "fund1"] as const) {
      const refused = expectStatus(await admin.post("/users", user(`puppet-${member}`, world.orgIds[member])), 403);
      expect(refused.body.error.details).toMatchObject({ managedBy: "regulator" });
    }
    const second = expectStatus(await regulator1.post("/users", user("regulator-two", world.orgIds.regulator1)), 201);
    expectStatus(await admin.post(`/users/${second.body.id}/password`, { newPassword: "the operator's choice" }), 403);
    expectStatus(await admin.delete(`/users/${second.body.id}`), 403);
    expectStatus(
      await regulator1.post(`/users/${second.body.id}/password`, { newPassword: "a regulator's reset" }),
      200,
    );
    // And the other way round: enterprises' and banks' users are the operator's.
    expectStatus(await regulator1.post("/users", user("regulator-made", world.orgIds.ent1)), 403);
    expectStatus(await admin.post("/users", user("operator-made", world.orgIds.ent1)), 201);
    // The operator creates the first user of an organisation it has just onboarded.
    const office = expectStatus(await admin.post("/orgs", { name: "A new IP office", kind: "ipoffice" }), 201).body;
    expectStatus(await admin.post("/users", user("first-of-office", office.id)), 201);
    expectStatus(await admin.post("/users", user("second-of-office", office.id)), 403);
  });

  it("answers an unknown or malformed organisation with 404 and 400", async () => {
    const { regulator1 } = world.clients;
    expectStatus(await regulator1.post("/orgs/999999/approve"), 404);
    expectStatus(await regulator1.post("/orgs/abc/approve"), 400);
    expectStatus(await regulator1.get("/orgs?awaitingApproval=maybe"), 400);
  });
});
