/**
 * Each role's part of the financing flow (SPEC section 3), done through that role's pages: the
 * forms a person fills and the buttons a person presses. A step returns once the page shows that
 * the ledger confirmed it.
 */
import type { Page } from "playwright-core";
import { expect } from "vitest";
import { attach, choose, dayFromToday, pickDay, waitForText, waitForVisible } from "./desk";

export interface NewPatent {
  number: string;
  title: string;
}

/** The enterprise registers a patent with its certificate. */
export async function registerPatent(enterprise: Page, patent: NewPatent): Promise<void> {
  await enterprise.goto("/patents/new");
  const form = enterprise.getByTestId("register-patent-form");
  await enterprise.getByTestId("patent-number").fill(patent.number);
  await enterprise.getByTestId("patent-title").fill(patent.title);
  await choose(enterprise, form.getByTestId("patent-kind"), "发明");
  await pickDay(form.getByTestId("patent-grant-date"), dayFromToday(-3 * 365));
  await pickDay(form.getByTestId("patent-expiry-date"), dayFromToday(15 * 365));
  await attach(form, `certificate-${patent.number}.txt`, `专利证书 ${patent.number} ${patent.title}`);
  await enterprise.getByTestId("register-patent-submit").click();
  await waitForVisible(enterprise.locator(`a[href="/patents/${encodeURIComponent(patent.number)}"]`));
}

/** The IP office finds the patent in its verification queue and verifies it. */
export async function verifyPatent(ipoffice: Page, number: string): Promise<void> {
  await ipoffice.goto("/patents/to-verify");
  await ipoffice.getByTestId("queue-patent-link").filter({ hasText: number }).click();
  await pickDay(ipoffice.getByTestId("verify-fee-paid-until"), dayFromToday(3 * 365));
  await ipoffice.getByTestId("verify-patent-button").click();
  await waitForVisible(ipoffice.getByTestId("ipoffice-confirmed"));
}

/**
 * The appraiser finds the patent among those waiting for a valuation and records one with its
 * report; done when the patent's page lists the value as `shown` (for example ¥2,000,000.00).
 */
export async function appraisePatent(appraiser: Page, number: string, yuan: string, shown: string): Promise<void> {
  await appraiser.goto("/patents/to-appraise");
  await appraiser.getByTestId("queue-patent-link").filter({ hasText: number }).click();
  const form = appraiser.getByTestId("appraisal-form");
  await appraiser.getByTestId("appraisal-value").fill(yuan);
  await pickDay(form.getByTestId("appraisal-valid-until"), dayFromToday(2 * 365));
  await attach(form, `valuation-${number}.txt`, `估值报告 ${number} ¥${yuan}`);
  await appraiser.getByTestId("appraisal-submit").click();
  await waitForText(appraiser.locator("main"), shown);
}

export interface NewProduct {
  name: string;
  maxAmountYuan: string;
  minRatePercent: string;
  maxRatePercent: string;
  maxTermDays: number;
  ltvPercent: string;
}

/** The bank publishes a loan product on the market. */
export async function publishProduct(bank: Page, product: NewProduct): Promise<void> {
  await bank.goto("/products/mine");
  await bank.getByTestId("product-new").click();
  const form = bank.getByTestId("product-form");
  await form.locator("#name").fill(product.name);
  await form.locator("#maxAmount").fill(product.maxAmountYuan);
  await form.locator("#minRate").fill(product.minRatePercent);
  await form.locator("#maxRate").fill(product.maxRatePercent);
  await form.locator("#maxTermDays").fill(String(product.maxTermDays));
  await form.locator("#ltv").fill(product.ltvPercent);
  await bank.getByTestId("product-create-submit").click();
  await waitForText(bank.locator("table"), product.name);
}

export interface Application {
  productName: string;
  patentNumber: string;
  amountYuan: string;
  termDays: number;
  purpose: string;
}

/**
 * The enterprise picks the product on the market, ticks the patent and applies. Returns the new
 * loan's id (from the loan page the form opens) and the maximum the form showed before submitting.
 */
export async function applyForLoan(
  enterprise: Page,
  application: Application,
): Promise<{ loanId: string; maximum: string }> {
  await enterprise.goto("/products");
  const row = enterprise.locator("tr", { hasText: application.productName });
  await row.locator("a[data-testid^=product-apply-]").click();
  const form = enterprise.getByTestId("apply-form");
  await waitForText(form.getByTestId("apply-product"), application.productName);
  await form.getByRole("checkbox", { name: application.patentNumber }).check();
  await waitForText(form.getByTestId("apply-maximum"), /¥/);
  const maximum = await form.getByTestId("apply-maximum").innerText();
  await form.getByTestId("apply-amount").fill(application.amountYuan);
  await form.getByTestId("apply-term").fill(String(application.termDays));
  await form.getByTestId("apply-purpose").fill(application.purpose);
  await form.getByTestId("apply-submit").click();
  await enterprise.waitForURL(/\/loans\/\d+$/, { timeout: 30_000 });
  await expectLoanStatus(enterprise, "applied");
  return { loanId: new URL(enterprise.url()).pathname.split("/").pop()!, maximum };
}

/** Opens the loan's page and waits until it shows the loan. */
export async function openLoan(page: Page, loanId: string): Promise<void> {
  await page.goto(`/loans/${loanId}`);
  await waitForVisible(page.getByTestId("loan-status"));
}

export async function expectLoanStatus(page: Page, status: string): Promise<void> {
  await expect
    .poll(
      () =>
        page
          .getByTestId("loan-status")
          .getAttribute("data-status")
          .catch(() => null),
      {
        timeout: 30_000,
        interval: 200,
      },
    )
    .toBe(status);
}

/**
 * Opens the action's form on the loan's page, lets `fill` complete it, submits, and waits for the
 * ledger's confirmation (the form closes) and for the loan to show `next`.
 */
export async function actOnLoan(
  page: Page,
  loanId: string,
  action: string,
  next: string,
  fill: (form: ReturnType<Page["getByTestId"]>) => Promise<void> = async () => {},
): Promise<void> {
  await openLoan(page, loanId);
  await page.getByTestId(`loan-action-${action}`).click();
  const form = page.getByTestId(`loan-form-${action}`);
  await fill(form);
  await form.getByTestId(`loan-submit-${action}`).click();
  await expect.poll(() => form.count(), { timeout: 30_000, interval: 200 }).toBe(0);
  await expectLoanStatus(page, next);
}
