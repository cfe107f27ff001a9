/**
 * Two rules the ledger keeps after the pledge, on the loan's page in a real Chromium against the
 * real platform: once the fund's decision window after a default has passed, the bank disposes of
 * the collateral without the fund's compensation (SPEC section 8, no party can freeze a loan); and
 * a disbursement is refused, in words, when the IP office has changed the patent's legal status
 * since the pledge was registered (SPEC section 3, disbursement checks the rules again).
 *
 * The loans are made ready through the API as the demo's roles (support/api.ts); the steps under
 * test are taken on the pages. The chain's clock moves through the operator's dev endpoint.
 */
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { advanceChainTime, apiAs, platformParams, pledgedLoan } from "./support/api";
import { cspViolations, launch } from "./support/browser";
import { choose, openDesk, waitForText, waitForVisible } from "./support/desk";
import { actOnLoan, expectLoanStatus, openLoan } from "./support/financing";

const DAY = 86_400;

describe("the ledger's rules after the pledge, on the loan's page", () => {
  let browser: Browser;
  let bank: Page;
  beforeAll(async () => {
    browser = await launch();
    bank = await openDesk(browser, "bank1");
  });
  afterAll(() => browser?.close());

  it("lets the bank dispose without compensation once the fund's decision window has passed", async () => {
    const { graceDays, fundDecisionDays } = await platformParams();
    const termDays = 30;
    const { loanId } = await pledgedLoan(11, termDays);
    const bank1 = await apiAs("bank1");
    await bank1.post(`/loans/${loanId}/disburse`, { reference: `FK-${loanId}` });
    await advanceChainTime((termDays + graceDays + 1) * DAY);
    await bank1.post(`/loans/${loanId}/default`);

    // The fund may still decide: the button is there, disabled, with the window's end said in words.
    await openLoan(bank, loanId);
    await expectLoanStatus(bank, "defaulted");
    const dispose = bank.getByTestId("loan-action-dispose");
    await waitForVisible(dispose);
    expect(await dispose.isDisabled()).toBe(true);
    await waitForText(bank.getByTestId("loan-actions"), "风险补偿资金池可在");

    await advanceChainTime((fundDecisionDays + 1) * DAY);
    await actOnLoan(bank, loanId, "dispose", "disposed", async (form) => {
      await choose(bank, form.getByTestId("loan-input-buyer"), /./);
      await form.getByTestId("loan-input-recoveredAmount").fill("300000");
      await form.getByTestId("loan-input-reference").fill(`CZ-${loanId}`);
    });
    const loan = await bank1.get<{ compensated: string; recovered: string }>(`/loans/${loanId}`);
    expect(loan).toMatchObject({ compensated: "0", recovered: "30000000" });
  });

  it("refuses the disbursement, in words, when the IP office has put the patent under preservation", async () => {
    const { loanId, patent } = await pledgedLoan(12, 180);
    const ipoffice = await openDesk(browser, "ipoffice1");
    await ipoffice.goto(`/patents/${encodeURIComponent(patent)}`);
    await ipoffice.getByTestId("legal-preserved").click();
    await ipoffice.getByTestId("legal-status-button").click();
    await waitForVisible(ipoffice.getByTestId("ipoffice-confirmed"));
    expect(await ipoffice.getByTestId("legal-preserved").getAttribute("aria-checked")).toBe("true");

    await openLoan(bank, loanId);
    await bank.getByTestId("loan-action-disburse").click();
    const form = bank.getByTestId("loan-form-disburse");
    await form.getByTestId("loan-input-reference").fill(`FK-${loanId}`);
    await form.getByTestId("loan-submit-disburse").click();
    await waitForText(
      form.getByTestId("tx-error"),
      "该贷款的专利已不满足“未被财产保全”：知识产权局变更了它的法律状态，账本拒绝办理。",
    );
    // nothing changed, and the form keeps what was typed for when the status is restored
    expect(await form.getByTestId("loan-input-reference").inputValue()).toBe(`FK-${loanId}`);
    await expectLoanStatus(bank, "pledged");
    await ipoffice.context().close();
  });

  it("ran every page under the server's Content-Security-Policy without a violation", () => {
    expect(cspViolations).toEqual([]);
  });
});
