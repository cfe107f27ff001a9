/**
 * The web app's basics in a real Chromium against the real platform: signing in, the language
 * switch (zh-CN by default, English on demand, kept across a reload), a failed submit that keeps
 * what was typed, and the forbidden page for a role that may not open a page.
 */
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cspViolations, launch, newPage, screenshot, signIn } from "./support/browser";

describe("the web app's basics", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(() => browser?.close());

  it("signs in in Chinese by default and switches to English, which a reload keeps", async () => {
    const page = await newPage(browser);
    await page.goto("/login");
    await expect.poll(() => page.locator("button[type=submit]").innerText(), { timeout: 30_000 }).toMatch(/登\s*录/);
    await screenshot(page, "login");
    await signIn(page, "ent1");
    await expect.poll(() => page.locator("body").innerText(), { timeout: 30_000 }).toContain("欢迎");

    await page.getByRole("button", { name: "语言" }).click();
    await page.getByText("English", { exact: true }).click();
    await expect.poll(() => page.locator("body").innerText(), { timeout: 30_000 }).toContain("Welcome");
    await page.reload();
    await expect.poll(() => page.locator("body").innerText(), { timeout: 30_000 }).toContain("Welcome");
    await page.context().close();
  });

  it("keeps what was typed when a sign-in fails", async () => {
    const page = await newPage(browser);
    await page.goto("/login");
    await page.locator("#username").fill("bank1");
    await page.locator("#password").fill("not the password");
    await page.locator("button[type=submit]").click();
    await expect.poll(() => page.locator(".ant-alert").innerText(), { timeout: 30_000 }).toContain("用户名或密码错误");
    expect(await page.locator("#username").inputValue()).toBe("bank1");
    expect(await page.locator("#password").inputValue()).toBe("not the password");
    expect(new URL(page.url()).pathname).toBe("/login");
    await page.context().close();
  });

  it("shows the forbidden page, at the same URL, to a role that may not open it", async () => {
    const page = await newPage(browser);
    await signIn(page, "admin");
    await page.goto("/patents");
    await expect.poll(() => page.locator("body").innerText(), { timeout: 30_000 }).toContain("无权访问");
    expect(new URL(page.url()).pathname).toBe("/patents");
    await page.context().close();
  });

  it("works on a phone-width screen: the menu folds away", async () => {
    const page = await newPage(browser, { width: 390, height: 844 });
    await signIn(page, "ent1");
    await page.goto("/patents");
    await expect.poll(() => page.locator("body").innerText(), { timeout: 30_000 }).toContain("CN");
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(1);
    await screenshot(page, "enterprise-phone");
    await page.context().close();
  });

  it("ran every page under the server's Content-Security-Policy without a violation", () => {
    expect(cspViolations).toEqual([]);
  });
});
