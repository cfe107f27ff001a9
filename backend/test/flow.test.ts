/**
 * The whole financing flow over HTTP, as the roles themselves (SPEC section 3): a happy path and a
 * default path. Each step checks the states, the amounts owed (to the fen, against an independent
 * calculation), the notifications and the audit trail; the integrity check is ok at the end.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { chainTime, Client, expectStatus, startTestPlatform, type TestPlatform } from "./support/platform.js";
import { DAY, document, isoDaysFrom, newPatentNumber, onboardCast, type World } from "./support/world.js";

const YEAR = 365n * 86_400n;
const seconds = (iso: string) => BigInt(Date.parse(iso) / 1000);
/** Simple interest to the fen, ACT/365 (SPEC section 3), written out again here on purpose. */
const interest = (principal: bigint, rateBps: bigint, from: bigint, to: bigint) =>
  (principal * rateBps * (to - from)) / (10_000n * YEAR);
const penalty = (principal: bigint, rateBps: bigint, from: bigint, to: bigint) =>
  (principal * rateBps * 15_000n * (to - from)) / (10_000n * 10_000n * YEAR);

describe("the financing flow over HTTP", () => {
  let platform: TestPlatform;
  let world: World;
  let c: World["clients"];
  let productId: string;

  beforeAll(async () => {
    platform = await startTestPlatform();
    world = await onboardCast(platform);
    c = world.clients;
    expectStatus(
      await c.admin.put("/params", { ltvCapBps: 5000, graceDays: 90, fundShareBps: 5000, fundCapacity: "1000000000" }),
      200,
    );
    const product = await c.bank1.post("/products", {
      name: "知识产权质押贷 IP Loan",
      maxAmount: "200000000",
      minRateBps: 300,
      maxRateBps: 1200,
      maxTermDays: 730,
      ltvBps: 4000,
    });
    productId = expectStatus(product, 201).body.id;
  });
  afterAll(() => platform?.stop());

  const chainNow = async () => BigInt(await chainTime(platform.anonymous));
  const advance = async (secondsToMove: number) =>
    expectStatus(await c.admin.post("/dev/advance-time", { seconds: secondsToMove }), 200).body;

  async function registeredVerifiedAppraised(owner: Client, value: string, expiryDays = 3650) {
    const now = Number(await chainNow());
    const number = newPatentNumber();
    const registered = expectStatus(
      await owner.post("/patents", {
        number,
        title: `Patent ${number}`,
        kind: "invention",
        grantDate: isoDaysFrom(now, -400),
        expiryDate: isoDaysFrom(now, expiryDays),
        certificate: document(),
      }),
      201,
    ).body;
    expect(registered).toMatchObject({ id: number, status: "registered", txHash: expect.stringMatching(/^0x/) });
    const ipofficeTodo = expectStatus(await c.ipoffice1.get("/notifications?open=true"), 200).body;
    expect(ipofficeTodo.items.some((n: any) => n.topic === "patent_to_verify" && n.entityId === number)).toBe(true);
    const verified = expectStatus(
      await c.ipoffice1.post(`/patents/${number}/verify`, { feePaidUntil: isoDaysFrom(now, 3000) }),
      200,
    );
    expect(verified.body.status).toBe("verified");
    const appraised = expectStatus(
      await c.appraiser1.post(`/patents/${number}/appraisals`, {
        value,
        validUntil: isoDaysFrom(now, 365),
        report: document("valuation.pdf"),
      }),
      201,
    ).body;
    expect(appraised.currentValue).toBe(value);
    return appraised;
  }

  async function loanOf(client: Client, id: string) {
    return expectStatus(await client.get(`/loans/${id}`), 200).body;
  }

  async function openTopics(client: Client, entityId: string) {
    const body = expectStatus(await client.get("/notifications?open=true"), 200).body;
    return body.items.filter((n: any) => n.entityId === entityId).map((n: any) => n.topic);
  }

  it("happy path: two patents, approval at the LTV limit, pledge, disbursement, two repayments, release", async () => {
    const p1 = await registeredVerifiedAppraised(c.ent1, "100000000");
    const p2 = await registeredVerifiedAppraised(c.ent1, "60000000");

    const applied = expectStatus(
      await c.ent1.post("/loans", {
        productId,
        patentIds: [p1.id, p2.id],
        amount: "70000000",
        termDays: 365,
        purpose: "研发投入 R&D",
      }),
      201,
    ).body;
    expect(applied).toMatchObject({
      status: "applied",
      requestedAmount: "70000000",
      patentIds: [p1.id, p2.id],
      bankOrgId: world.orgIds.bank1,
    });
    const loanId = applied.id;
    expect(await openTopics(c.bank1, loanId)).toContain("loan_applied");
    expect(await openTopics(c.bank2, loanId)).toEqual([]);

    // 40% of 160,000,000 fen appraised: exactly at the limit.
    const approved = expectStatus(
      await c.bank1.post(`/loans/${loanId}/approve`, { amount: "64000000", rateBps: 600, termDays: 365 }),
      200,
    ).body;
    expect(approved).toMatchObject({
      status: "approved",
      amount: "64000000",
      rateBps: 600,
      appraisedTotal: "160000000",
    });
    expect(await openTopics(c.bank1, loanId)).toEqual([]); // the application no longer waits for the bank
    expect(await openTopics(c.ipoffice1, loanId)).toContain("pledge_to_register");

    const checks = expectStatus(await c.ipoffice1.get(`/loans/${loanId}/pledge-checks`), 200).body;
    expect(checks.ok).toBe(true);
    expect(checks.checks).toHaveLength(14);
    const pledged = expectStatus(
      await c.ipoffice1.post(`/loans/${loanId}/pledge`, { registrationNo: "Y2026000123" }),
      200,
    ).body;
    expect(pledged).toMatchObject({ status: "pledged", registrationNo: "Y2026000123" });
    for (const id of [p1.id, p2.id]) {
      expect(expectStatus(await c.ent1.get(`/patents/${id}`), 200).body).toMatchObject({ status: "pledged", loanId });
    }
    expect(await openTopics(c.bank1, loanId)).toContain("ready_to_disburse");

    const disbursed = expectStatus(
      await c.bank1.post(`/loans/${loanId}/disburse`, { reference: "TRANSFER-001" }),
      200,
    ).body;
    expect(disbursed.status).toBe("disbursed");
    const disbursedAt = seconds(disbursed.disbursedAt);
    expect(seconds(disbursed.maturityAt)).toBe(disbursedAt + 365n * 86_400n);
    expect(disbursed.owed).toMatchObject({ principal: "64000000", penalty: "0" });

    await advance(100 * DAY);
    const now = await chainNow();
    const owedNow = (await loanOf(c.ent1, loanId)).owed;
    expect(owedNow.interest).toBe(interest(64_000_000n, 600n, disbursedAt, now).toString());
    expect(owedNow.total).toBe((64_000_000n + BigInt(owedNow.interest)).toString());

    const first = expectStatus(
      await c.bank1.post(`/loans/${loanId}/repayments`, { amount: "10000000", reference: "REPAY-1" }),
      201,
    ).body;
    const firstAt = seconds((await eventOf(c.regulator1, first.txHash, "RepaymentRecorded")).blockTime);
    const interest1 = interest(64_000_000n, 600n, disbursedAt, firstAt);
    expect(first.repayment).toEqual({
      amount: "10000000",
      penalty: "0",
      interest: interest1.toString(),
      principal: (10_000_000n - interest1).toString(),
    });
    const principalAfter = 64_000_000n - (10_000_000n - interest1);
    expect(first.owed.principal).toBe(principalAfter.toString());
    expect(first.status).toBe("disbursed");

    await advance(50 * DAY);
    const payoff = expectStatus(
      await c.bank1.post(`/loans/${loanId}/repayments`, { payoff: true, reference: "REPAY-2" }),
      201,
    ).body;
    const payoffAt = seconds((await eventOf(c.regulator1, payoff.txHash, "RepaymentRecorded")).blockTime);
    const interest2 = interest(principalAfter, 600n, firstAt, payoffAt);
    expect(payoff.repayment).toEqual({
      amount: (principalAfter + interest2).toString(),
      penalty: "0",
      interest: interest2.toString(),
      principal: principalAfter.toString(),
    });
    expect(payoff).toMatchObject({
      status: "repaid",
      owed: { principal: "0", interest: "0", penalty: "0", total: "0" },
    });
    expect(payoff.repaid).toBe((64_000_000n + interest1 + interest2).toString());
    expect(await openTopics(c.ipoffice1, loanId)).toContain("pledge_to_release");

    const closed = expectStatus(await c.ipoffice1.post(`/loans/${loanId}/release`), 200).body;
    expect(closed.status).toBe("closed");
    for (const id of [p1.id, p2.id]) {
      expect(expectStatus(await c.ent1.get(`/patents/${id}`), 200).body).toMatchObject({
        status: "verified",
        loanId: null,
      });
    }

    const detail = await loanOf(c.ent1, loanId);
    expect(detail.history.map((event: any) => event.kind)).toEqual([
      "LoanApplied",
      "LoanApproved",
      "PledgeRegistered",
      "LoanDisbursed",
      "RepaymentRecorded",
      "RepaymentRecorded",
      "PledgeReleased",
    ]);
    const trail = expectStatus(
      await c.regulator1.get(`/audit/events?entity=loan&entityId=${loanId}&limit=100`),
      200,
    ).body;
    expect(trail.items.map((event: any) => event.kind).reverse()).toEqual(
      detail.history.map((event: any) => event.kind),
    );
    const bankTrail = expectStatus(await c.bank1.get(`/audit/events?entity=loan&entityId=${loanId}`), 200).body;
    expect(bankTrail.items).toHaveLength(7);
    const otherBank = expectStatus(await c.bank2.get(`/audit/events?entity=loan&entityId=${loanId}`), 200).body;
    expect(otherBank.items).toHaveLength(0);

    // A time window holds exactly the events whose block time lies in it (it is read as a range of
    // blocks), for the regulator, for one organisation, and for the bank's own trail.
    const times = trail.items.map((event: any) => event.blockTime).sort();
    const [from, to] = [times[1], times[times.length - 2]];
    const within = (items: any[]) =>
      items.filter((event) => event.blockTime >= from && event.blockTime <= to).map((event) => event.id);
    const span = `from=${from}&to=${to}&limit=500`;
    const bankOrg = c.bank1.user!.orgId;
    const bankEvents = expectStatus(await c.regulator1.get(`/audit/events?orgId=${bankOrg}&limit=500`), 200).body;
    for (const [client, query, all] of [
      [c.regulator1, `entity=loan&entityId=${loanId}`, trail.items],
      [c.regulator1, `orgId=${bankOrg}`, bankEvents.items],
      [c.bank1, `entity=loan&entityId=${loanId}`, bankTrail.items],
    ] as const) {
      const windowed = expectStatus(await client.get(`/audit/events?${query}&${span}`), 200).body;
      expect(within(all).length, query).toBeGreaterThan(0);
      expect(
        windowed.items.map((event: any) => event.id),
        query,
      ).toEqual(within(all));
    }

    const tx = expectStatus(await c.regulator1.get(`/audit/transactions/${payoff.txHash}`), 200).body;
    expect(tx.status).toBe("success");
    expect(tx.events.map((event: any) => event.kind)).toContain("RepaymentRecorded");

    const integrity = expectStatus(await c.regulator1.get("/audit/verify"), 200).body;
    expect(integrity.mismatches).toEqual([]);
    expect(integrity.ok).toBe(true);
  });

  it("default path: past maturity and grace, default, compensation, disposal to a buyer, recovery split, release", async () => {
    const p3 = await registeredVerifiedAppraised(c.ent1, "50000000");
    const loanId = expectStatus(
      await c.ent1.post("/loans", {
        productId,
        patentIds: [p3.id],
        amount: "20000000",
        termDays: 30,
        purpose: "working capital",
      }),
      201,
    ).body.id;
    expectStatus(
      await c.bank1.post(`/loans/${loanId}/approve`, { amount: "20000000", rateBps: 1000, termDays: 30 }),
      200,
    );
    expectStatus(await c.ipoffice1.post(`/loans/${loanId}/pledge`, { registrationNo: "Y2026000456" }), 200);
    const disbursed = expectStatus(
      await c.bank1.post(`/loans/${loanId}/disburse`, { reference: "TRANSFER-002" }),
      200,
    ).body;
    const disbursedAt = seconds(disbursed.disbursedAt);
    const maturity = seconds(disbursed.maturityAt);
    expect(maturity).toBe(disbursedAt + 30n * 86_400n);
    expect(seconds(disbursed.defaultableAt)).toBe(maturity + 90n * 86_400n);

    await advance(30 * DAY + 90 * DAY + DAY);
    const overdue = await loanOf(c.bank1, loanId);
    expect(overdue.overdue).toBe(true);
    const now = await chainNow();
    expect(overdue.owed.interest).toBe(interest(20_000_000n, 1000n, disbursedAt, maturity).toString());
    expect(overdue.owed.penalty).toBe(penalty(20_000_000n, 1000n, maturity, now).toString());
    const overdueList = expectStatus(await c.bank1.get("/loans?overdue=true"), 200).body;
    expect(overdueList.items.map((loan: any) => loan.id)).toContain(loanId);

    const defaulted = expectStatus(await c.bank1.post(`/loans/${loanId}/default`), 200).body;
    const defaultAt = seconds((await eventOf(c.regulator1, defaulted.txHash, "LoanDefaulted")).blockTime);
    const outstanding =
      20_000_000n +
      interest(20_000_000n, 1000n, disbursedAt, maturity) +
      penalty(20_000_000n, 1000n, maturity, defaultAt);
    expect(defaulted).toMatchObject({ status: "defaulted", outstandingAtDefault: outstanding.toString() });
    expect(defaulted.owed.total).toBe(outstanding.toString());
    expect(await openTopics(c.fund1, loanId)).toContain("loss_to_compensate");
    expect((await c.fund1.get(`/loans/${loanId}`)).status).toBe(200); // the fund sees defaulted loans

    const compensated = expectStatus(await c.fund1.post(`/loans/${loanId}/compensate`), 200).body;
    const compensation = outstanding / 2n;
    expect(compensated).toMatchObject({ compensationPaid: true, compensated: compensation.toString() });
    const params = expectStatus(await c.fund1.get("/params"), 200).body;
    expect(params.fundPaid).toBe(compensation.toString());
    expect(await openTopics(c.bank1, loanId)).toContain("ready_to_dispose");
    expect(await openTopics(c.fund1, loanId)).toEqual([]); // compensated: nothing left for the fund

    const recovered = 12_000_000n;
    const disposed = expectStatus(
      await c.bank1.post(`/loans/${loanId}/dispose`, {
        buyerOrgId: world.orgIds.ent2,
        recoveredAmount: recovered.toString(),
        reference: "AUCTION-7",
      }),
      200,
    ).body;
    const fundRecovery = (recovered * compensation) / outstanding;
    expect(disposed).toMatchObject({
      status: "disposed",
      recovered: recovered.toString(),
      fundRecovery: fundRecovery.toString(),
      bankRecovery: (recovered - fundRecovery).toString(),
      borrowerSurplus: "0",
      buyerOrgId: world.orgIds.ent2,
    });
    expect(expectStatus(await c.ent2.get(`/patents/${p3.id}`), 200).body).toMatchObject({
      ownerOrgId: world.orgIds.ent2,
      status: "verified",
    });
    expect((await c.ent1.get(`/patents/${p3.id}`)).status).toBe(404);
    // The patent changed hands; before the pledge is cancelled, the IP office learns it was invalidated.
    expectStatus(await c.ipoffice1.post(`/patents/${p3.id}/revoke`, { reason: "invalidated after the auction" }), 200);

    const closed = expectStatus(await c.ipoffice1.post(`/loans/${loanId}/release`), 200).body;
    expect(closed.status).toBe("closed");
    // Cancelling the pledge of a disposed loan lets the patent go; it stays what the register says.
    expect(expectStatus(await c.ent2.get(`/patents/${p3.id}`), 200).body).toMatchObject({
      loanId: null,
      status: "revoked",
    });

    const history = (await loanOf(c.regulator1, loanId)).history.map((event: any) => event.kind);
    expect(history).toEqual([
      "LoanApplied",
      "LoanApproved",
      "PledgeRegistered",
      "LoanDisbursed",
      "LoanDefaulted",
      "LossCompensated",
      "CollateralDisposed",
      "PledgeReleased",
    ]);
    const stats = expectStatus(await c.regulator1.get("/stats"), 200).body;
    expect(stats.totals.loans.closed).toBe(2);
    expect(stats.totals.fundPaid).toBe(compensation.toString());
    expect(stats.totals.defaultRate).toBe(0.5);

    const integrity = expectStatus(await c.regulator1.get("/audit/verify"), 200).body;
    expect(integrity.mismatches).toEqual([]);
    expect(integrity.ok).toBe(true);
  });
  it("the other endings: rejection, withdrawal, cancellation with the pledge lifted; collateral at risk", async () => {
    const patent = await registeredVerifiedAppraised(c.ent1, "40000000");
    const apply = async () =>
      expectStatus(
        await c.ent1.post("/loans", {
          productId,
          patentIds: [patent.id],
          amount: "10000000",
          termDays: 180,
          purpose: "expansion",
        }),
        201,
      ).body.id as string;

    const rejectedId = await apply();
    const rejected = expectStatus(
      await c.bank1.post(`/loans/${rejectedId}/reject`, { reason: "insufficient cash flow" }),
      200,
    ).body;
    expect(rejected.status).toBe("rejected");
    expect(expectStatus(await c.ent1.get(`/patents/${patent.id}`), 200).body.loanId).toBeNull();
    const entNotes = expectStatus(await c.ent1.get("/notifications"), 200).body.items;
    expect(entNotes.some((n: any) => n.topic === "loan_rejected" && n.entityId === rejectedId)).toBe(true);

    const withdrawnId = await apply();
    expect(expectStatus(await c.ent1.post(`/loans/${withdrawnId}/withdraw`), 200).body.status).toBe("withdrawn");
    expect(await openTopics(c.bank1, withdrawnId)).toEqual([]);

    const cancelledId = await apply();
    expectStatus(
      await c.bank1.post(`/loans/${cancelledId}/approve`, { amount: "10000000", rateBps: 500, termDays: 180 }),
      200,
    );
    expectStatus(await c.ipoffice1.post(`/loans/${cancelledId}/pledge`, { registrationNo: "Y2026000789" }), 200);
    // While pledged, the IP office learns of a court preservation: the bank is told its collateral is at risk.
    const updated = expectStatus(
      await c.ipoffice1.post(`/patents/${patent.id}/legal-status`, { preserved: true }),
      200,
    ).body;
    expect(updated.legalStatus.preserved).toBe(true);
    expect((await loanOf(c.bank1, cancelledId)).collateralAtRisk).toBe(true);
    const bankNotes = expectStatus(await c.bank1.get("/notifications"), 200).body.items;
    expect(
      bankNotes.some(
        (n: any) => n.topic === "collateral_at_risk" && n.entityId === cancelledId && n.data.patentId === patent.id,
      ),
    ).toBe(true);
    const atRisk = expectStatus(await c.bank1.get("/loans?collateralAtRisk=true"), 200).body.items;
    expect(atRisk.map((loan: any) => loan.id)).toEqual([cancelledId]);

    const cancelled = expectStatus(
      await c.bank1.post(`/loans/${cancelledId}/cancel`, { reason: "collateral preserved by a court" }),
      200,
    ).body;
    expect(cancelled.status).toBe("cancelled");
    expect(expectStatus(await c.ent1.get(`/patents/${patent.id}`), 200).body).toMatchObject({
      status: "verified",
      loanId: null,
    });
    expect((await loanOf(c.regulator1, cancelledId)).history.at(-1)).toMatchObject({
      kind: "LoanCancelled",
      data: { fromStatus: "5" },
    });

    const integrity = expectStatus(await c.regulator1.get("/audit/verify"), 200).body;
    expect(integrity.mismatches).toEqual([]);
  });

  it("two partial legal-status updates sent together both hold", async () => {
    const patent = await registeredVerifiedAppraised(c.ent2, "10000000");
    const [a, b] = await Promise.all([
      c.ipoffice1.post(`/patents/${patent.id}/legal-status`, { preserved: true }),
      c.ipoffice1.post(`/patents/${patent.id}/legal-status`, { invalidationPending: true }),
    ]);
    expect([a.status, b.status]).toEqual([200, 200]);
    const after = expectStatus(await c.ent2.get(`/patents/${patent.id}`), 200).body;
    expect(after.legalStatus).toMatchObject({ preserved: true, invalidationPending: true });
    expect(after.legalStatus.feePaidUntil).toBe(patent.legalStatus.feePaidUntil);
  });

  it("the regulator's pause stops every state change until unpaused", async () => {
    const paused = expectStatus(await c.regulator1.post("/platform/pause"), 200).body;
    expect(paused).toMatchObject({ paused: true, txHash: expect.stringMatching(/^0x/) });
    expect((await c.regulator1.post("/platform/pause")).body.error.code).toBe("PLATFORM_PAUSED");
    const now = Number(await chainNow());
    const newPatent = () =>
      c.ent1.post("/patents", {
        number: newPatentNumber(),
        title: "During a pause",
        kind: "invention",
        grantDate: isoDaysFrom(now, -1),
        expiryDate: isoDaysFrom(now, 1000),
        certificate: document(),
      });
    const refused = await newPatent();
    expect(refused.status).toBe(409);
    expect(refused.body.error).toMatchObject({ code: "PLATFORM_PAUSED", details: { contractError: "EnforcedPause" } });
    const product = await c.bank2.post("/products", {
      name: "paused",
      maxAmount: 1000,
      minRateBps: 1,
      maxRateBps: 2,
      maxTermDays: 3,
      ltvBps: 100,
    });
    expect(product.body.error.code).toBe("PLATFORM_PAUSED");
    expect((await c.ent1.get("/patents")).status).toBe(200); // reads go on
    const all = expectStatus(await c.regulator1.get("/patents"), 200).body;
    const pastTheEnd = expectStatus(await c.regulator1.get("/patents?offset=5000"), 200).body;
    expect(pastTheEnd).toEqual({ items: [], total: all.total }); // a page past the end still says how many there are

    expect(expectStatus(await c.regulator1.post("/platform/unpause"), 200).body.paused).toBe(false);
    expectStatus(await newPatent(), 201);
  });
});

async function eventOf(regulator: Client, txHash: string, kind: string) {
  const trail = expectStatus(await regulator.get(`/audit/events?txHash=${txHash}&kind=${kind}`), 200).body;
  expect(trail.items).toHaveLength(1);
  return trail.items[0];
}
