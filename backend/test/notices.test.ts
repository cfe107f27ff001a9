/**
 * What a bank and an enterprise are told without acting themselves (SPEC section 2, legal status;
 * section 3, "now" is the chain's time):
 * - collateral at risk follows the patents' legal status both ways in every state in which the
 *   patents are held for the bank, with a notification to the bank and the enterprise each way;
 *   a revocation inside an application or an approved loan raises it too;
 * - notices the chain's clock makes due (a loan maturing in 30 and 7 days, overdue, ready to be
 *   declared in default; a patent's fee running out before maturity; an appraisal ending) appear
 *   once the clock is moved, once each, naming the loan's or the patent's page.
 * The integrity check replays the flag equal at the end.
 *
 * The tests share one platform and run in order; they move chain time forward.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { chainTime, expectStatus, startTestPlatform, type Client, type TestPlatform } from "./support/platform.js";
import { DAY, document, isoDaysFrom, newPatentNumber, onboardCast, type World } from "./support/world.js";

interface Notice {
  id: string;
  topic: string;
  entity: string;
  entityId: string;
  actionRequired: boolean;
  open: boolean;
  data: Record<string, unknown>;
}

describe("notices: collateral at risk and the chain's clock", () => {
  let platform: TestPlatform;
  let c: World["clients"];
  let productId: string;

  beforeAll(async () => {
    platform = await startTestPlatform();
    c = (await onboardCast(platform)).clients;
    expectStatus(
      await c.admin.put("/params", { ltvCapBps: 5000, graceDays: 90, fundShareBps: 5000, fundCapacity: "1000000000" }),
      200,
    );
    productId = expectStatus(
      await c.bank1.post("/products", {
        name: "IP loan",
        maxAmount: "200000000",
        minRateBps: 300,
        maxRateBps: 1200,
        maxTermDays: 730,
        ltvBps: 4000,
      }),
      201,
    ).body.id;
  });
  afterAll(() => platform?.stop());

  const now = async () => Number(await chainTime(platform.anonymous));
  const advance = async (seconds: number) =>
    expectStatus(await c.admin.post("/dev/advance-time", { seconds }), 200).body;

  /** A verified, appraised patent of ent1's; `fee` and `appraisal` are days from now. */
  async function patent({ fee = 3000, appraisal = 365 } = {}): Promise<string> {
    const at = await now();
    const number = newPatentNumber();
    expectStatus(
      await c.ent1.post("/patents", {
        number,
        title: `Patent ${number}`,
        kind: "invention",
        grantDate: isoDaysFrom(at, -400),
        expiryDate: isoDaysFrom(at, 3650),
        certificate: document(),
      }),
      201,
    );
    expectStatus(await c.ipoffice1.post(`/patents/${number}/verify`, { feePaidUntil: isoDaysFrom(at, fee) }), 200);
    expectStatus(
      await c.appraiser1.post(`/patents/${number}/appraisals`, {
        value: "40000000",
        validUntil: isoDaysFrom(at, appraisal),
        report: document("valuation.pdf"),
      }),
      201,
    );
    return number;
  }

  const STEPS = ["applied", "approved", "pledged", "disbursed", "defaulted"] as const;
  type Step = (typeof STEPS)[number];

  /** A loan of ent1's at bank1 on `patentId`, taken up to `step` (defaulted moves the clock past grace). */
  async function loanAt(step: Step, patentId: string, termDays = 30): Promise<string> {
    const id = expectStatus(
      await c.ent1.post("/loans", { productId, patentIds: [patentId], amount: "10000000", termDays, purpose: "R&D" }),
      201,
    ).body.id as string;
    const reached = STEPS.indexOf(step);
    if (reached >= 1)
      expectStatus(await c.bank1.post(`/loans/${id}/approve`, { amount: "10000000", rateBps: 500, termDays }), 200);
    if (reached >= 2) expectStatus(await c.ipoffice1.post(`/loans/${id}/pledge`, { registrationNo: `DJ-${id}` }), 200);
    if (reached >= 3) expectStatus(await c.bank1.post(`/loans/${id}/disburse`, { reference: `FK-${id}` }), 200);
    if (reached >= 4) {
      await advance((termDays + 90 + 1) * DAY);
      expectStatus(await c.bank1.post(`/loans/${id}/default`), 200);
    }
    return id;
  }

  const loan = async (client: Client, id: string) => expectStatus(await client.get(`/loans/${id}`), 200).body;
  const notices = async (client: Client) =>
    expectStatus(await client.get("/notifications?limit=200"), 200).body.items as Notice[];
  const about = async (client: Client, topic: string, entityId: string) =>
    (await notices(client)).filter((n) => n.topic === topic && n.entityId === entityId);
  const atRiskIds = async (client: Client) =>
    (expectStatus(await client.get("/loans?collateralAtRisk=true&limit=200"), 200).body.items as { id: string }[]).map(
      (l) => l.id,
    );
  const legalStatus = async (patentId: string, body: Record<string, unknown>) =>
    expectStatus(await c.ipoffice1.post(`/patents/${patentId}/legal-status`, body), 200);

  /** The flag as the loan, the bank's and the regulator's lists show it, and each party's notifications of that topic. */
  async function expectFlag(id: string, atRisk: boolean, raised: number, cleared: number) {
    expect((await loan(c.bank1, id)).collateralAtRisk).toBe(atRisk);
    expect((await loan(c.ent1, id)).collateralAtRisk).toBe(atRisk);
    expect((await atRiskIds(c.bank1)).includes(id)).toBe(atRisk);
    expect((await atRiskIds(c.regulator1)).includes(id)).toBe(atRisk);
    for (const party of [c.bank1, c.ent1]) {
      expect((await about(party, "collateral_at_risk", id)).length).toBe(raised);
      expect((await about(party, "collateral_risk_cleared", id)).length).toBe(cleared);
    }
    expect(await about(c.bank2, "collateral_at_risk", id)).toEqual([]);
  }

  for (const step of STEPS) {
    it(`raises and clears the flag with the legal status while the loan is ${step}`, async () => {
      const patentId = await patent();
      const id = await loanAt(step, patentId);
      await expectFlag(id, false, 0, 0);
      await legalStatus(patentId, { preserved: true });
      await expectFlag(id, true, 1, 0);
      const [raised] = await about(c.bank1, "collateral_at_risk", id);
      expect(raised.data).toMatchObject({ patentId, patentsAtRisk: [patentId] });
      // a second bad change while at risk tells nobody again
      await legalStatus(patentId, { invalidationPending: true });
      await expectFlag(id, true, 1, 0);
      await legalStatus(patentId, { preserved: false, invalidationPending: false });
      await expectFlag(id, false, 1, 1);
      // the fee paid only to a day before the loan's maturity (before the pledge: the application's day plus the term)
      const { maturityAt, estimatedMaturityAt, appliedAt, termDays } = await loan(c.bank1, id);
      const maturity = maturityAt ?? estimatedMaturityAt ?? isoDaysFrom(Date.parse(appliedAt) / 1000, termDays);
      await legalStatus(patentId, { feePaidUntil: isoDaysFrom(Date.parse(maturity) / 1000, -1) });
      await expectFlag(id, true, 2, 1);
      await legalStatus(patentId, { feePaidUntil: isoDaysFrom(await now(), 3000) });
      await expectFlag(id, false, 2, 2);
    });
  }

  for (const step of ["applied", "approved"] as const) {
    it(`raises the flag when the IP office revokes a patent of a loan that is ${step}`, async () => {
      const patentId = await patent();
      const id = await loanAt(step, patentId);
      expectStatus(await c.ipoffice1.post(`/patents/${patentId}/revoke`, { reason: "invalidated by the court" }), 200);
      await expectFlag(id, true, 1, 0);
      // the ledger has no way back from a revocation: the bank ends the loan, which keeps its flag
      const end = step === "applied" ? "reject" : "cancel";
      expectStatus(await c.bank1.post(`/loans/${id}/${end}`, { reason: "collateral revoked" }), 200);
      await expectFlag(id, true, 1, 0);
    });
  }

  it("leaves a loan that no longer holds its patents alone", async () => {
    const patentId = await patent();
    const id = await loanAt("applied", patentId);
    expectStatus(await c.ent1.post(`/loans/${id}/withdraw`), 200);
    await legalStatus(patentId, { preserved: true });
    await expectFlag(id, false, 0, 0);
    await legalStatus(patentId, { preserved: false });
  });

  it("tells the bank and the enterprise as the maturity comes, passes and the grace ends, once each", async () => {
    const patentId = await patent();
    const id = await loanAt("disbursed", patentId, 60);
    const maturity = Date.parse((await loan(c.bank1, id)).maturityAt) / 1000;
    const timed = ["loan_maturing", "loan_overdue", "default_declarable", "repayment_due"];
    const timedOf = async (client: Client) =>
      (await notices(client))
        .filter((n) => n.entityId === id && timed.includes(n.topic))
        .map((n) => `${n.topic}${n.data.days ? `:${n.data.days}` : ""}`)
        .sort();
    expect(await timedOf(c.bank1)).toEqual([]);

    await advance(maturity - 29 * DAY - (await now()));
    expect(await timedOf(c.bank1)).toEqual(["loan_maturing:30"]);
    expect(await timedOf(c.ent1)).toEqual(["repayment_due:30"]);
    await advance(DAY);
    expect(await timedOf(c.bank1)).toEqual(["loan_maturing:30"]);

    await advance(maturity - 6 * DAY - (await now()));
    expect(await timedOf(c.bank1)).toEqual(["loan_maturing:30", "loan_maturing:7"]);
    expect(await timedOf(c.ent1)).toEqual(["repayment_due:30", "repayment_due:7"]);

    await advance(maturity + DAY - (await now()));
    expect(await timedOf(c.bank1)).toEqual(["loan_maturing:30", "loan_maturing:7", "loan_overdue"]);
    expect(await timedOf(c.ent1)).toEqual(["loan_overdue", "repayment_due:30", "repayment_due:7"]);
    expect(await timedOf(c.bank2)).toEqual([]);

    await advance(90 * DAY);
    const [declarable] = await about(c.bank1, "default_declarable", id);
    expect(declarable).toMatchObject({ entity: "loan", entityId: id, actionRequired: true, open: true });
    expect(await timedOf(c.ent1)).toEqual(["loan_overdue", "repayment_due:30", "repayment_due:7"]);
    await advance(DAY);
    expect((await about(c.bank1, "default_declarable", id)).length).toBe(1);

    expectStatus(await c.bank1.post(`/loans/${id}/default`), 200);
    expect((await about(c.bank1, "default_declarable", id))[0].open).toBe(false);
  });

  it("tells the enterprise that a patent's fee runs out before the loan's maturity, and that an appraisal ends", async () => {
    const patentId = await patent({ fee: 60, appraisal: 45 });
    const id = await loanAt("applied", patentId, 180);
    expect(await about(c.ent1, "fee_due", patentId)).toEqual([]);
    expect(await about(c.ent1, "appraisal_expiring", patentId)).toEqual([]);

    await advance(16 * DAY);
    const [appraisal] = await about(c.ent1, "appraisal_expiring", patentId);
    expect(appraisal).toMatchObject({ entity: "patent", entityId: patentId, data: { appraisalIndex: 0 } });
    expect(await about(c.ent1, "fee_due", patentId)).toEqual([]);

    await advance(15 * DAY);
    const [fee] = await about(c.ent1, "fee_due", patentId);
    expect(fee).toMatchObject({ entity: "patent", entityId: patentId, data: { loanId: id } });
    await advance(DAY);
    expect((await about(c.ent1, "fee_due", patentId)).length).toBe(1);
    expect((await about(c.ent1, "appraisal_expiring", patentId)).length).toBe(1);
    expect(await about(c.bank1, "fee_due", patentId)).toEqual([]);
  });

  it("keeps the integrity check green: the flag replays equal, the clock's notices are no ledger fact", async () => {
    const integrity = expectStatus(await c.regulator1.get("/audit/verify"), 200).body;
    expect(integrity.mismatches).toEqual([]);
    expect(integrity.ok).toBe(true);
  });
});
