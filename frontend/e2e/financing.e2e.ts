/**
 * The whole financing flow in a real Chromium against the real platform (API, PostgreSQL, chain),
 * every step through the pages of the role that takes it: a patent registered, verified and
 * appraised; a product published; a loan applied for, approved, pledged, disbursed, repaid and
 * released (the happy path); and a loan that defaults, is compensated by the fund, has its
 * collateral disposed and its pledge released (the default path). The regulator then finds every
 * step in the audit trail and the integrity check comes back green.
 *
 * One thing is not a person's step: a loan can only default after maturity plus the grace days, so
 * the default path moves the dev chain's clock forward through the operator's dev endpoint.
 */
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { advanceChainTime } from "./support/api";
import { cspViolations, launch, screenshot } from "./support/browser";
import { attach, choose, newPatentNumber, openDesk, waitForText, waitForVisible } from "./support/desk";
import {
  actOnLoan,
  applyForLoan,
  appraisePatent,
  openLoan,
  publishProduct,
  registerPatent,
  verifyPatent,
} from "./support/financing";

const DAY = 86_400;
const product = {
  name: `E2E 知识产权质押贷 ${Date.now()}`,
  maxAmountYuan: "5000000",
  minRatePercent: "3.5",
  maxRatePercent: "6.5",
  maxTermDays: 720,
  ltvPercent: "50",
};

interface Desks {
  enterprise: Page;
  appraiser: Page;
  ipoffice: Page;
  bank: Page;
  fund: Page;
  regulator: Page;
}

/** The regulator's audit trail for one subject, filtered in the explorer: the event kinds, oldest first. */
async function auditTrail(regulator: Page, entityLabel: string, entityId: string): Promise<string[]> {
  await regulator.goto("/audit");
  const filters = regulator.getByTestId("audit-filters");
  await choose(regulator, filters.getByRole("combobox", { name: "对象类型" }), entityLabel);
  await regulator.getByTestId("filter-entity-id").fill(entityId);
  const answered = regulator.waitForResponse(
    (response) => response.url().includes("/api/audit/events") && response.url().includes(`entityId=${entityId}`),
  );
  await regulator.getByTestId("audit-apply").click();
  await answered;
  await expect.poll(() => regulator.locator("main .ant-spin-spinning").count(), { timeout: 30_000 }).toBe(0);
  // the kind column shows each event's name in words, with the contract's name as its title
  const titles = await regulator
    .locator("main table tbody tr td span[title]")
    .evaluateAll((spans) => spans.map((span) => span.getAttribute("title") ?? ""));
  return titles.filter((title) => /^[A-Z][A-Za-z]+$/.test(title)).reverse();
}

async function integrityIsGreen(regulator: Page): Promise<void> {
  await regulator.goto("/integrity");
  await regulator.getByTestId("verify-button").click();
  await waitForVisible(regulator.getByTestId("integrity-ok"));
}

/** The fund's capacity paid and left, in fen, as its workbench shows them. */
async function fundCapacity(fund: Page): Promise<{ paid: bigint; remaining: bigint }> {
  await fund.goto("/");
  const fen = async (testId: string) => {
    const figure = fund.getByTestId(testId);
    await waitForText(figure, /¥/);
    return BigInt((await figure.innerText()).replace(/[^\d]/g, ""));
  };
  return { paid: await fen("fund-capacity-paid"), remaining: await fen("fund-capacity-remaining") };
}

describe("the financing flow, through each role's pages", () => {
  let browser: Browser;
  let desks: Desks;

  beforeAll(async () => {
    browser = await launch();
    desks = {
      enterprise: await openDesk(browser, "ent1"),
      appraiser: await openDesk(browser, "appraiser1"),
      ipoffice: await openDesk(browser, "ipoffice1"),
      bank: await openDesk(browser, "bank1"),
      fund: await openDesk(browser, "fund1"),
      regulator: await openDesk(browser, "regulator1"),
    };
  });
  afterAll(() => browser?.close());

  /** Register, verify, appraise, apply, approve, pledge and disburse: the part both paths share. */
  async function disbursedLoan(
    serial: number,
    appraisedYuan: string,
    appraisedShown: string,
    amountYuan: string,
    termDays: number,
  ) {
    const { enterprise, appraiser, ipoffice, bank } = desks;
    const patent = { number: newPatentNumber(serial), title: `端到端测试专利 E2E patent ${serial}` };
    await registerPatent(enterprise, patent);
    await verifyPatent(ipoffice, patent.number);
    await appraisePatent(appraiser, patent.number, appraisedYuan, appraisedShown);
    const { loanId, maximum } = await applyForLoan(enterprise, {
      productName: product.name,
      patentNumber: patent.number,
      amountYuan,
      termDays,
      purpose: "研发投入 R&D",
    });
    await actOnLoan(bank, loanId, "approve", "approved", async (form) => {
      await form.getByTestId("loan-input-rate").fill("4.5");
    });
    await actOnLoan(ipoffice, loanId, "pledge", "pledged", async (form) => {
      await waitForText(form.getByTestId("pledge-checks"), /通过/);
      await form.getByTestId("loan-input-registrationNo").fill(`ZX-E2E-${loanId}`);
    });
    await actOnLoan(bank, loanId, "disburse", "disbursed", async (form) => {
      await form.getByTestId("loan-input-reference").fill(`FK-${loanId}`);
    });
    return { patent, loanId, maximum };
  }

  it("the happy path: registered, appraised, financed, repaid and released; the regulator sees every step", async () => {
    const { enterprise, bank, ipoffice, regulator } = desks;
    await publishProduct(bank, product);

    const { patent, loanId, maximum } = await disbursedLoan(1, "2000000", "¥2,000,000.00", "800000", 360);
    // 50% of the ¥2,000,000 appraisal (the product's LTV and the platform's cap are both 50%)
    expect(maximum).toBe("¥1,000,000.00");

    await actOnLoan(bank, loanId, "repay", "disbursed", async (form) => {
      await form.getByTestId("loan-input-amount").fill("100000");
      await form.getByTestId("loan-input-reference").fill(`HK-${loanId}-1`);
    });
    await actOnLoan(bank, loanId, "repay", "repaid", async (form) => {
      await form.getByText("一次结清").click();
      await form.getByTestId("loan-input-reference").fill(`HK-${loanId}-2`);
    });
    await actOnLoan(ipoffice, loanId, "release", "closed");

    await openLoan(enterprise, loanId);
    await waitForText(enterprise.getByTestId("loan-owed-total"), "¥0.00");
    await screenshot(enterprise, "loan-closed");

    expect(await auditTrail(regulator, "专利", patent.number)).toEqual(
      expect.arrayContaining(["PatentRegistered", "PatentVerified", "AppraisalRecorded"]),
    );
    expect((await auditTrail(regulator, "贷款", loanId)).filter((kind) => kind !== "Transfer")).toEqual([
      "LoanApplied",
      "LoanApproved",
      "PledgeRegistered",
      "LoanDisbursed",
      "RepaymentRecorded",
      "RepaymentRecorded",
      "PledgeReleased",
    ]);
    await screenshot(regulator, "audit-trail");
    await regulator.getByTestId("tx-link").first().click();
    // the newest step's transaction, with its decoded event
    await waitForVisible(regulator.getByTestId("transaction-view").locator('span[title="PledgeReleased"]'));

    await integrityIsGreen(regulator);
    await screenshot(regulator, "integrity-check");
  });

  it("the IP office records a change of owner; the new owner's record awaits verification again", async () => {
    const { enterprise, ipoffice } = desks;
    const patent = { number: newPatentNumber(3), title: `转让测试专利 E2E transferred patent` };
    await registerPatent(enterprise, patent);
    await verifyPatent(ipoffice, patent.number);
    const form = ipoffice.getByTestId("transfer-form");
    await choose(ipoffice, form.getByTestId("transfer-new-owner"), /青松生物医药/);
    await attach(form, `transfer-${patent.number}.txt`, `著录项目变更通知书 ${patent.number}`);
    await ipoffice.getByTestId("transfer-patent-button").click();
    await waitForVisible(ipoffice.getByTestId("ipoffice-confirmed"));
    // Registered again: the IP office's verification form is back, for the new owner's record.
    await waitForVisible(ipoffice.getByTestId("verify-form"));
    await waitForText(ipoffice.locator("main"), /青松生物医药/);
  });

  it("the default path: defaulted, compensated by the fund, collateral disposed, pledge released", async () => {
    const { bank, fund, ipoffice, regulator } = desks;
    const { loanId } = await disbursedLoan(2, "1000000", "¥1,000,000.00", "400000", 30);

    await openLoan(bank, loanId);
    expect(await bank.getByTestId("loan-action-default").isDisabled()).toBe(true);
    await advanceChainTime((30 + 90 + 1) * DAY);

    await actOnLoan(bank, loanId, "default", "defaulted");
    const capacityBefore = await fundCapacity(fund);
    await openLoan(fund, loanId);
    await fund.getByTestId("loan-action-compensate").click();
    await fund.getByTestId("loan-submit-compensate").click();
    await waitForVisible(fund.getByText("代偿已完成。"));
    // the fund's workbench: what it paid went up by exactly what it has left less
    const capacityAfter = await fundCapacity(fund);
    expect(capacityAfter.paid).toBeGreaterThan(capacityBefore.paid);
    expect(capacityBefore.remaining - capacityAfter.remaining).toBe(capacityAfter.paid - capacityBefore.paid);

    await actOnLoan(bank, loanId, "dispose", "disposed", async (form) => {
      await choose(bank, form.getByTestId("loan-input-buyer"), /./);
      await form.getByTestId("loan-input-recoveredAmount").fill("300000");
      await form.getByTestId("loan-input-reference").fill(`CZ-${loanId}`);
    });
    await actOnLoan(ipoffice, loanId, "release", "closed");

    expect((await auditTrail(regulator, "贷款", loanId)).filter((kind) => kind !== "Transfer")).toEqual([
      "LoanApplied",
      "LoanApproved",
      "PledgeRegistered",
      "LoanDisbursed",
      "LoanDefaulted",
      "LossCompensated",
      "CollateralDisposed",
      "PledgeReleased",
    ]);
    await integrityIsGreen(regulator);
  });

  it("saves a screenshot of each role's main page", async () => {
    const pages: [string, Page][] = Object.entries(desks);
    for (const [role, page] of pages) {
      await page.goto("/");
      await waitForVisible(page.locator("main"));
      await page.waitForLoadState("networkidle");
      await screenshot(page, `home-${role}`);
    }
    const admin = await openDesk(browser, "admin");
    await waitForVisible(admin.locator("main"));
    await admin.waitForLoadState("networkidle");
    await screenshot(admin, "home-admin");
    await desks.regulator.goto("/dashboard");
    await waitForVisible(desks.regulator.locator("canvas").first());
    await screenshot(desks.regulator, "regulator-dashboard");
  });

  it("ran every page under the server's Content-Security-Policy without a violation", () => {
    expect(cspViolations).toEqual([]);
  });
});
