/**
 * What a browser test checks on any page once its data is in: axe-core's WCAG 2.0/2.1 A and AA
 * rules, the layout at an office screen's width, and, on an English page, that no Chinese is left in
 * the page's own words. Each check answers with readable problems ("rule: target"), not booleans,
 * so a failing test says what to fix.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import type { AxeResults, RunOptions } from "axe-core";
import type { Page } from "playwright-core";
import { expect } from "vitest";

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");
const WCAG_A_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

/** Waits until the page has stopped loading: no spinner or skeleton, no request in flight. */
export async function settle(page: Page): Promise<void> {
  await page.waitForLoadState("networkidle");
  await expect
    .poll(() => page.locator(".ant-spin-spinning, .ant-skeleton, .ant-card-loading-content").count(), {
      timeout: 30_000,
      interval: 200,
    })
    .toBe(0);
}

/** axe-core's serious and critical violations of WCAG 2 A and AA, one line per rule: `rule ×count: targets`. */
export async function seriousAxeViolations(page: Page): Promise<string[]> {
  if (!(await page.evaluate(() => "axe" in window))) await page.addScriptTag({ content: AXE_SOURCE });
  const violations = await page.evaluate(async (tags) => {
    const axe = (window as unknown as { axe: { run(context: Document, options: RunOptions): Promise<AxeResults> } })
      .axe;
    const results = await axe.run(document, { runOnly: { type: "tag", values: tags }, resultTypes: ["violations"] });
    return results.violations.map((violation) => ({
      id: violation.id,
      impact: violation.impact ?? "",
      help: violation.help,
      targets: violation.nodes.map((node) => node.target.join(" ")),
    }));
  }, WCAG_A_AA);
  return violations
    .filter((violation) => violation.impact === "serious" || violation.impact === "critical")
    .map(
      (violation) =>
        `${violation.id} (${violation.impact}, ${violation.help}) ×${violation.targets.length}: ${violation.targets.slice(0, 5).join(" | ")}`,
    );
}

/**
 * At the page's width nothing is cut off: the document does not scroll sideways, and every table is
 * no wider than its container unless that container scrolls it. The dark side menu reaches the
 * bottom of the page.
 */
export async function layoutProblems(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const problems: string[] = [];
    const root = document.documentElement;
    if (root.scrollWidth > root.clientWidth + 1)
      problems.push(`the page scrolls sideways: ${root.scrollWidth}px wide in a ${root.clientWidth}px window`);
    for (const table of document.querySelectorAll<HTMLElement>("main table")) {
      const scroller = table.closest<HTMLElement>(".ant-table-content, .ant-table-body, .ant-table-container");
      const container = scroller ?? table.parentElement!;
      const scrolls = ["auto", "scroll"].includes(getComputedStyle(container).overflowX);
      const main = document.querySelector("main")!.getBoundingClientRect();
      const box = table.getBoundingClientRect();
      if (!scrolls && table.scrollWidth > container.clientWidth + 1)
        problems.push(
          `a table is ${table.scrollWidth}px wide in a ${container.clientWidth}px container that does not scroll`,
        );
      const visible = scroller ? scroller.getBoundingClientRect() : box;
      if (visible.right > main.right + 1)
        problems.push(`a table ends at ${visible.right}px, past the page's ${main.right}px`);
    }
    const menu = document.querySelector<HTMLElement>("aside.ant-layout-sider");
    if (menu && menu.getBoundingClientRect().height + 1 < root.scrollHeight)
      problems.push(`the side menu is ${menu.getBoundingClientRect().height}px tall on a ${root.scrollHeight}px page`);
    return problems;
  });
}

/**
 * Chinese left on an English page: in the text a person reads (outside the data's own values), in
 * titles, aria-labels, placeholders and the document's title. Data is what users typed (names of
 * companies, patents, products; a loan's purpose): table cells, description values and options
 * show it, and `translate="no"` marks it anywhere else. Status tags and buttons inside those are
 * the app's words and are checked.
 */
export async function chineseOnEnglishPage(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const CHINESE = /[\u4e00-\u9fff]/;
    const DATA = ".ant-table-tbody td, .ant-descriptions-item-content, .ant-select-selection-item, [translate=no]";
    const WORDS = ".ant-tag, button, .ant-badge-status-text";
    const isData = (element: Element) => {
      const data = element.closest(DATA);
      if (!data) return false;
      const words = element.closest(WORDS);
      return !words || !data.contains(words) || words.closest("[translate=no]") !== null;
    };
    const where = (element: Element) => {
      const id = element.getAttribute("data-testid") ?? element.id;
      return `${element.tagName.toLowerCase()}${id ? `#${id}` : ""}`;
    };
    const problems: string[] = [];
    if (CHINESE.test(document.title)) problems.push(`title: ${document.title}`);
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const parent = node.parentElement;
      const text = node.textContent ?? "";
      if (!parent || !CHINESE.test(text) || isData(parent) || parent.closest("[lang^=zh]")) continue;
      if (parent.closest("script, style, [hidden], [aria-hidden=true]") || !parent.checkVisibility()) continue;
      problems.push(`text in ${where(parent)}: ${text.trim().slice(0, 80)}`);
    }
    for (const element of document.querySelectorAll("[title], [aria-label], [placeholder], [alt]")) {
      if (isData(element) || element.closest("[lang^=zh]")) continue;
      for (const name of ["title", "aria-label", "placeholder", "alt"]) {
        const value = element.getAttribute(name);
        if (value && CHINESE.test(value)) problems.push(`${name} of ${where(element)}: ${value.slice(0, 80)}`);
      }
    }
    return problems;
  });
}
