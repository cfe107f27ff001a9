/**
 * Nobody above the regulator (SPEC section 8), in a real Chromium against the real platform: the
 * operator onboards an appraiser, which gets its ledger role only when a regulator approves it on
 * the regulator's workbench; the regulator's Users page creates a user of an organisation it seats
 * (the IP office) and resets that user's password, and offers none of the operator's.
 */
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cspViolations, launch, newPage, signIn } from "./support/browser";
import { choose, openDesk, waitForText, waitForVisible } from "./support/desk";

const WAIT = { timeout: 30_000, interval: 200 };
const stamp = Date.now() % 1_000_000;

describe("the regulator seats the authorities and manages their users", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(() => browser?.close());

  it("approves, on its workbench, an appraiser the operator onboarded", async () => {
    const appraiser = `E2E 评估机构 ${stamp}`;
    const admin = await openDesk(browser, "admin");
    await admin.goto("/admin/orgs");
    const form = admin.getByTestId("new-org-form");
    await admin.getByTestId("org-name").fill(appraiser);
    await choose(admin, form.getByTestId("org-kind"), "评估机构");
    await admin.getByTestId("create-org-button").click();
    await waitForText(admin.getByTestId("create-org-status-success"), `已创建 ${appraiser}`);
    const onboarded = admin.getByTestId("orgs-table").locator("tr", { hasText: appraiser });
    await waitForText(onboarded, "待监管机构批准");

    const regulator = await openDesk(browser, "regulator1");
    const card = regulator.getByTestId("pending-approvals");
    const row = card.locator("tr[data-testid^=approval-]", { hasText: appraiser });
    await waitForText(row, "评估机构");
    await row.getByRole("button", { name: /批\s?准/ }).click();
    await waitForText(card.getByTestId("approve-status-success"), `${appraiser} 已获得账本角色。`);
    await expect.poll(() => row.count(), WAIT).toBe(0);

    // the operator's page now shows the role granted
    await admin.reload();
    await waitForText(onboarded, "已授予");
    for (const page of [admin, regulator]) await page.context().close();
  });

  it("creates a user of the IP office on its Users page and resets the user's password", async () => {
    const clerk = `e2e-office-${stamp}`;
    const regulator = await openDesk(browser, "regulator1");
    await regulator.goto("/admin/users");
    const form = regulator.getByTestId("new-user-form");
    await regulator.getByTestId("user-username").fill(clerk);
    await regulator.getByTestId("user-password").fill("first password 1");
    // the organisations it may choose are those the regulators seat, none of the operator's
    await form.getByTestId("user-org").click();
    const options = regulator.locator(".ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option");
    await waitForText(options.first(), /./);
    const offered = await options.allInnerTexts();
    expect(offered.join("\n")).toContain("市知识产权局");
    expect(offered.filter((label) => /\((企业|银行|平台运营方)\)$/.test(label))).toEqual([]);
    await options.filter({ hasText: "市知识产权局" }).first().click();
    await regulator.getByTestId("create-user-button").click();
    await waitForText(regulator.getByTestId("create-user-success"), clerk);

    const office = await newPage(browser);
    await signIn(office, clerk, "first password 1");

    await regulator.getByTestId(`reset-password-${clerk}`).click();
    await regulator.getByTestId("reset-password-new").fill("second password 2");
    await regulator.getByTestId("reset-password-repeat").fill("second password 2");
    await regulator.getByTestId("reset-password-submit").click();
    await waitForText(regulator.getByTestId("reset-password-done"), `${clerk} 的密码已重置，其 1 处登录已全部退出`);

    // the clerk's session ended; the new password signs in, to the IP office's workbench
    await office.reload();
    await office.waitForURL((url) => url.pathname === "/login", WAIT);
    await signIn(office, clerk, "second password 2");
    await waitForVisible(office.locator("main"));
    await waitForText(office.getByTestId("user-menu"), clerk);
    for (const page of [regulator, office]) await page.context().close();
  });

  it("ran every page under the server's Content-Security-Policy without a violation", () => {
    expect(cspViolations).toEqual([]);
  });
});
