/**
 * What the bank is told without acting itself, in a real Chromium against the real platform: the
 * collateral-at-risk tag follows the patent's legal status both ways on the loan's page and in the
 * bank's and the regulator's loan lists (SPEC section 2); a notice the chain's clock makes due (the
 * loan matures within 30 days) appears once the clock moves and opens the loan's page (SPEC
 * section 3, "now" is the chain's time).
 *
 * The loans are made ready and the legal status changed through the API as the demo's roles
 * (support/api.ts); what is under test is what the pages show. The clock moves through the
 * operator's dev endpoint.
 */
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { advanceChainTime, apiAs, chainNow, pledgedLoan } from "./support/api";
import { cspViolations, launch } from "./support/browser";
import { openDesk, waitForVisible } from "./support/desk";
import { openLoan } from "./support/financing";

const DAY = 86_400;
const WAIT = { timeout: 30_000, interval: 200 };

describe("notices: collateral at risk and the chain's clock", () => {
  let browser: Browser;
  let bank: Page;
  let regulator: Page;
  beforeAll(async () => {
    browser = await launch();
    bank = await openDesk(browser, "bank1");
    regulator = await openDesk(browser, "regulator1");
  });
  afterAll(() => browser?.close());

  /** Whether `page` shows the at-risk tag on the loan's page, on its row of the loan list, and lists it in the at-risk view. */
  async function expectAtRisk(page: Page, loanId: string, atRisk: boolean) {
    await openLoan(page, loanId);
    await expect.poll(() => page.getByTestId("collateral-at-risk").count(), WAIT).toBe(atRisk ? 1 : 0);
    const rowIn = async (url: string) => {
      await page.goto(url);
      return page.getByTestId("loans-table").locator("tr", { has: page.getByTestId(`loan-link-${loanId}`) });
    };
    const row = await rowIn("/loans");
    await waitForVisible(row);
    await expect.poll(() => row.getByTestId("collateral-at-risk").count(), WAIT).toBe(atRisk ? 1 : 0);
    if (atRisk) await waitForVisible((await rowIn("/loans?view=atRisk")).getByTestId("collateral-at-risk"));
  }

  it("shows the collateral at risk while the patent is preserved, and no longer once it is lifted", async () => {
    const { loanId, patent } = await pledgedLoan(31, 180);
    const ipoffice = await apiAs("ipoffice1");
    await expectAtRisk(bank, loanId, false);

    await ipoffice.post(`/patents/${encodeURIComponent(patent)}/legal-status`, { preserved: true });
    await expectAtRisk(bank, loanId, true);
    await expectAtRisk(regulator, loanId, true);

    await ipoffice.post(`/patents/${encodeURIComponent(patent)}/legal-status`, { preserved: false });
    await expectAtRisk(bank, loanId, false);
    await expectAtRisk(regulator, loanId, false);
  });

  it("tells the bank, once the clock moves, that a loan matures within 30 days; the notice opens the loan", async () => {
    const termDays = 60;
    const { loanId } = await pledgedLoan(32, termDays);
    const bank1 = await apiAs("bank1");
    await bank1.post(`/loans/${loanId}/disburse`, { reference: `FK-${loanId}` });
    const { maturityAt } = await bank1.get<{ maturityAt: string }>(`/loans/${loanId}`);
    const notice = bank.getByTestId(`notification-loan_maturing-${loanId}`);

    await bank.goto("/notifications?filter=all");
    await waitForVisible(bank.locator("table"));
    expect(await notice.count()).toBe(0);

    await advanceChainTime(Date.parse(maturityAt) / 1000 - 29 * DAY - (await chainNow()));
    await bank.reload();
    await waitForVisible(notice);
    expect(await notice.innerText()).toContain("30 天内到期");
    await notice.getByRole("link").click();
    await bank.waitForURL(new RegExp(`/loans/${loanId}$`), WAIT);
    await waitForVisible(bank.getByTestId("loan-status"));
  });

  it("ran every page under the server's Content-Security-Policy without a violation", () => {
    expect(cspViolations).toEqual([]);
  });
});
