/**
 * Sessions in the browser (docs/api.md, Sessions), in a real Chromium against the real platform: the
 * page comes with the server's Content-Security-Policy and an injected inline script does not run;
 * the operator creates a clerk, whose password change ends the clerk's other session (that tab is
 * sent to the login page with the reason and, signed in again, back to its page); signing out
 * makes the token worthless; the operator's reset ends every session of the clerk.
 */
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cspViolations, launch, newPage, signIn } from "./support/browser";
import { choose, waitForText, waitForVisible } from "./support/desk";

const WAIT = { timeout: 30_000, interval: 200 };
const clerk = `e2e-clerk-${Date.now() % 1_000_000}`;
const PASSWORDS = ["first password 1", "second password 2", "third password 3"] as const;

/** The bearer token the page keeps. */
const tokenOf = (page: Page) =>
  page.evaluate(() => (JSON.parse(localStorage.getItem("ipledge.session") ?? "{}") as { token?: string }).token ?? "");

/** What the API answers GET /api/me with `token`, asked from `page` as any script there could. */
const meStatus = (page: Page, token: string) =>
  page.evaluate(async (bearer) => {
    const response = await fetch("/api/me", { headers: { Authorization: `Bearer ${bearer}` } });
    return `${response.status} ${response.status === 200 ? "" : ((await response.json()) as { error: { code: string } }).error.code}`.trim();
  }, token);

async function openUserMenu(page: Page, item: string): Promise<void> {
  await page.getByTestId("user-menu").click();
  await page.getByRole("menuitem", { name: item }).click();
}

describe("sessions in the browser", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(() => browser?.close());

  it("serves the pages under a Content-Security-Policy that refuses an injected inline script", async () => {
    const page = await newPage(browser);
    const response = await page.goto("/login");
    const headers = response!.headers();
    expect(headers["content-security-policy"]).toContain("script-src 'self';");
    expect(headers["content-security-policy"]).toContain("frame-ancestors 'none'");
    expect(headers["x-frame-options"]).toBe("DENY");
    await waitForVisible(page.locator("#username"));

    const ran = await page.evaluate(() => {
      const script = document.createElement("script");
      script.textContent = "window.__injected = true";
      document.body.append(script);
      return (window as unknown as { __injected?: boolean }).__injected === true;
    });
    expect(ran).toBe(false);
    // the watcher every test relies on does see a violation
    await expect.poll(() => cspViolations.some((line) => /inline script/i.test(line)), WAIT).toBe(true);
    await page.context().close();
    cspViolations.splice(0);

    // the API's own pages too: Swagger UI runs under the same policy
    const docs = await newPage(browser);
    await docs.goto("/api/docs/");
    await waitForText(docs.locator("body"), "iPledge API");
    await waitForVisible(docs.locator(".opblock").first());
    await docs.context().close();
  });

  it("a password change ends the clerk's other session: that tab signs in again and comes back to its page", async () => {
    const admin = await newPage(browser);
    await signIn(admin, "admin");
    await admin.goto("/admin/users");
    const form = admin.getByTestId("new-user-form");
    await admin.getByTestId("user-username").fill(clerk);
    await admin.getByTestId("user-password").fill(PASSWORDS[0]);
    await choose(admin, form.getByTestId("user-org"), /Xinghai/);
    await admin.getByTestId("create-user-button").click();
    await waitForVisible(admin.getByTestId("create-user-success"));

    const office = await newPage(browser);
    await signIn(office, clerk, PASSWORDS[0]);
    await office.goto("/loans");
    await waitForVisible(office.locator("main table"));
    const officeToken = await tokenOf(office);

    const home = await newPage(browser);
    await signIn(home, clerk, PASSWORDS[0]);
    await openUserMenu(home, "修改密码");
    await home.waitForURL((url) => url.pathname === "/account/password");
    await home.getByLabel("当前密码").fill(PASSWORDS[0]);
    await home.getByLabel("新密码", { exact: true }).fill(PASSWORDS[1]);
    await home.getByLabel("再次输入新密码").fill(PASSWORDS[1]);
    await home.getByTestId("change-password-submit").click();
    await waitForText(home.getByTestId("change-password-done"), "1 处登录已退出");
    const homeToken = await tokenOf(home);
    expect(await meStatus(home, homeToken)).toBe("200");

    // the office's token is refused, and the office tab, at its next request, says so
    expect(await meStatus(home, officeToken)).toBe("401 SESSION_REVOKED");
    await office.reload();
    await office.waitForURL((url) => url.pathname === "/login" && url.searchParams.get("redirectTo") === "/loans");
    await waitForText(office.getByTestId("session-ended"), "已在服务器端结束");
    await office.locator("#username").fill(clerk);
    await office.locator("#password").fill(PASSWORDS[1]);
    await office.locator("button[type=submit]").click();
    await office.waitForURL((url) => url.pathname === "/loans", WAIT);
    await waitForVisible(office.locator("main table"));

    // signing out at home ends that token on the server
    await openUserMenu(home, "退出登录");
    await home.waitForURL((url) => url.pathname === "/login");
    expect(await meStatus(home, homeToken)).toBe("401 SESSION_REVOKED");

    // the operator resets the clerk's password: the office is signed out too
    await admin.goto("/admin/users");
    await admin.getByTestId(`reset-password-${clerk}`).click();
    await admin.getByTestId("reset-password-new").fill(PASSWORDS[2]);
    await admin.getByTestId("reset-password-repeat").fill(PASSWORDS[2]);
    await admin.getByTestId("reset-password-submit").click();
    await waitForText(admin.getByTestId("reset-password-done"), "1 处登录已全部退出");
    expect(await meStatus(admin, await tokenOf(office))).toBe("401 SESSION_REVOKED");
    await signIn(home, clerk, PASSWORDS[2]);
    expect(await meStatus(home, await tokenOf(home))).toBe("200");

    for (const page of [admin, office, home]) await page.context().close();
  });

  it("ran every page under the server's Content-Security-Policy without a violation", () => {
    expect(cspViolations).toEqual([]);
  });
});
