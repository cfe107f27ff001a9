/** Debian's Chromium driven by playwright-core (no browser download), one page per test. */
import { mkdirSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { chromium, type Browser, type Page } from "playwright-core";
import { inject } from "vitest";

export const SCREENSHOTS = fileURLToPath(new URL("../../../docs/screenshots", import.meta.url));

export async function launch(): Promise<Browser> {
  const executablePath = process.env.CHROME_PATH;
  if (!executablePath) throw new Error("CHROME_PATH is not set: run the browser tests with npm run test:e2e");
  return chromium.launch({
    executablePath,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
}

/**
 * Every Content-Security-Policy violation any page of this test file reported in its console
 * (Chromium says "Refused to execute inline script because it violates the following Content
 * Security Policy directive ..."). The app must run whole under the server's policy: a file ends by
 * expecting this to be empty.
 */
export const cspViolations: string[] = [];

export async function newPage(browser: Browser, viewport = { width: 1280, height: 800 }): Promise<Page> {
  const context = await browser.newContext({ viewport, baseURL: inject("baseUrl"), locale: "zh-CN" });
  const page = await context.newPage();
  page.on("console", (message) => {
    if (/Content.Security.Policy/i.test(message.text())) cspViolations.push(`${page.url()}: ${message.text()}`);
  });
  return page;
}

/** Signs in through the login form, as a person would. */
export async function signIn(page: Page, username: string, password = inject("password")): Promise<void> {
  await page.goto("/login");
  await page.locator("#username").fill(username);
  await page.locator("#password").fill(password);
  await page.locator("button[type=submit]").click();
  await page.waitForURL((url) => !url.pathname.startsWith("/login"));
}

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage: true });
}
