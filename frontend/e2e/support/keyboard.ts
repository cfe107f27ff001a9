/**
 * A person without a mouse: Tab moves the focus on, one element at a time, and wherever it lands
 * the page shows it (an outline or a focus shadow on the element or the control it belongs to).
 */
import type { Page } from "playwright-core";

const MAX_TABS = 120;

/** Presses Tab until the focus is on an element matching `selector`; fails if it never gets there or is not shown. */
export async function tabTo(page: Page, selector: string): Promise<void> {
  for (let presses = 0; presses < MAX_TABS; presses += 1) {
    await page.keyboard.press("Tab");
    const focus = await page.evaluate((wanted) => {
      const active = document.activeElement;
      if (!active || active === document.body) return { arrived: false, shown: true, what: "body" };
      // the focus ring may be drawn by the control around the element (antd's inputs, checkboxes)
      const candidates = [active, active.nextElementSibling, active.parentElement, active.parentElement?.parentElement];
      const shown = candidates.some((element) => {
        if (!element) return false;
        const style = getComputedStyle(element);
        const outline = style.outlineStyle !== "none" && parseFloat(style.outlineWidth) > 0;
        return outline || style.boxShadow !== "none";
      });
      const what = `${active.tagName.toLowerCase()}${active.id ? `#${active.id}` : ""} ${active.textContent?.trim().slice(0, 30) ?? ""}`;
      return { arrived: active.matches(wanted), shown, what };
    }, selector);
    if (!focus.shown) throw new Error(`the focus on ${focus.what} is not visible (no outline, no focus shadow)`);
    if (focus.arrived) return;
  }
  throw new Error(`${MAX_TABS} presses of Tab never reached ${selector}`);
}
