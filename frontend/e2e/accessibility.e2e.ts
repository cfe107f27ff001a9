/**
 * Every page of every role, in Chinese and in English, on a 1366 x 768 office screen, once its data
 * is in: axe-core finds no serious or critical violation of WCAG 2.0/2.1 A and AA; nothing is cut
 * off on the right and the side menu reaches the bottom; an English page has no Chinese left in the
 * app's own words. The pages are the role's menu plus a loan's and a patent's page where the role
 * may read them, the sign-in page and the password page. Also: the main flow's first step (an
 * enterprise applies for a loan) done with the keyboard alone, with a visible focus ring.
 */
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { launch, newPage, signIn, type Language } from "./support/browser";
import { appraisedPatent } from "./support/api";
import { waitForText } from "./support/desk";
import { expectLoanStatus } from "./support/financing";
import { tabTo } from "./support/keyboard";
import { chineseOnEnglishPage, layoutProblems, seriousAxeViolations, settle } from "./support/pageChecks";

const OFFICE_SCREEN = { width: 1366, height: 768 };
const ROLES = [
  ["enterprise", "ent1"],
  ["bank", "bank1"],
  ["appraiser", "appraiser1"],
  ["ipoffice", "ipoffice1"],
  ["fund", "fund1"],
  ["regulator", "regulator1"],
  ["admin", "admin"],
] as const;
const LANGUAGES: readonly Language[] = ["zh-CN", "en"];

/** Every check on the page as it stands, each problem prefixed with the page's language and path. */
async function checkPage(page: Page, language: Language): Promise<string[]> {
  await settle(page);
  const found = [
    ...(await seriousAxeViolations(page)),
    ...(await layoutProblems(page)),
    ...(language === "en" ? await chineseOnEnglishPage(page) : []),
  ];
  const where = `[${language}] ${new URL(page.url()).pathname}`;
  return found.map((problem) => `${where}: ${problem}`);
}

/** The role's menu, and one loan's and one patent's page (and the application form) found through it. */
async function pagesOf(page: Page): Promise<string[]> {
  await settle(page);
  const menu = await page
    .locator("aside.ant-layout-sider a[href]")
    .evaluateAll((links) => links.map((link) => link.getAttribute("href")!));
  const details: string[] = [];
  for (const [list, detail] of [
    ["/loans", /^\/loans\/\d+$/],
    ["/patents", /^\/patents\/CN[^/]+$/],
    ["/products", /^\/loans\/apply\?productId=/],
  ] as const) {
    if (!menu.includes(list)) continue;
    await page.goto(list);
    await settle(page);
    const hrefs = await page.locator("main a[href]").evaluateAll((links) => links.map((a) => a.getAttribute("href")!));
    const first = hrefs.find((href) => detail.test(href));
    if (first) details.push(first);
  }
  return [...menu, ...details, "/account/password"];
}

describe("every page, for every role and in both languages", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(() => browser?.close());

  it("the sign-in page", async () => {
    const problems: string[] = [];
    for (const language of LANGUAGES) {
      const page = await newPage(browser, OFFICE_SCREEN, { language, bypassCSP: true });
      await page.goto("/login");
      await page.locator("#username").waitFor();
      problems.push(...(await checkPage(page, language)));
      await page.context().close();
    }
    expect(problems).toEqual([]);
  });

  for (const [role, username] of ROLES) {
    it(`the ${role}'s pages`, async () => {
      const problems: string[] = [];
      for (const language of LANGUAGES) {
        const page = await newPage(browser, OFFICE_SCREEN, { language, bypassCSP: true });
        await signIn(page, username);
        for (const path of await pagesOf(page)) {
          await page.goto(path);
          await page.locator("main").waitFor();
          problems.push(...(await checkPage(page, language)));
        }
        await page.context().close();
      }
      expect(problems).toEqual([]);
    });
  }

  it("an enterprise signs in and applies for a loan with the keyboard alone, always seeing where the focus is", async () => {
    const patent = await appraisedPatent(1);
    const page = await newPage(browser, OFFICE_SCREEN, { bypassCSP: true });
    await page.goto("/login");
    await tabTo(page, "#username");
    await page.keyboard.type("ent1");
    await tabTo(page, "#password");
    await page.keyboard.type(inject("password"));
    await page.keyboard.press("Enter");
    await page.waitForURL((url) => !url.pathname.startsWith("/login"));

    await tabTo(page, 'aside a[href="/products"]');
    await page.keyboard.press("Enter");
    await page.waitForURL(/\/products$/);
    await settle(page);
    await tabTo(page, "a[data-testid^=product-apply-]");
    await page.keyboard.press("Enter");
    await page.waitForURL(/\/loans\/apply/);
    await settle(page);
    await tabTo(page, `form[data-testid=apply-form] input[type=checkbox][aria-label="${patent}"]`);
    await page.keyboard.press("Space");
    await waitForText(page.getByTestId("apply-maximum"), /¥/);
    await tabTo(page, "[data-testid=apply-amount]");
    await page.keyboard.type("10000");
    await tabTo(page, "[data-testid=apply-term]");
    await page.keyboard.type("90");
    await tabTo(page, "[data-testid=apply-purpose]");
    await page.keyboard.type("keyboard only");
    await tabTo(page, "[data-testid=apply-submit]");
    await page.keyboard.press("Enter");
    await page.waitForURL(/\/loans\/\d+$/, { timeout: 30_000 }).catch(async (error: Error) => {
      const said = await page.locator(".ant-form-item-explain-error, .ant-alert").allInnerTexts();
      throw new Error(`${error.message}\nthe form says: ${said.join(" | ")}`);
    });
    await expectLoanStatus(page, "applied");
    await page.context().close();
  });
});
