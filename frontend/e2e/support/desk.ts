/**
 * A person at their desk: one signed-in browser page per role, and the few gestures the forms need
 * (antd's selects, date pickers and uploads). Every step of the financing flow goes through these
 * pages as a person would click it; nothing calls the API behind the page's back.
 */
import type { Browser, Locator, Page } from "playwright-core";
import { expect } from "vitest";
import { checkDigit } from "../../../backend/src/domain/patentNumber.js";
import { newPage, signIn } from "./browser";

const WAIT = { timeout: 30_000, interval: 200 };

export async function openDesk(browser: Browser, username: string): Promise<Page> {
  const page = await newPage(browser);
  await signIn(page, username);
  return page;
}

/** Waits until the text of `locator` satisfies `check` (the page refreshes itself after a write). */
export async function waitForText(locator: Locator, expected: string | RegExp): Promise<void> {
  await expect
    .poll(() => locator.innerText().catch(() => ""), WAIT)
    .toMatch(typeof expected === "string" ? new RegExp(escapeRegExp(expected)) : expected);
}

export async function waitForVisible(locator: Locator): Promise<void> {
  await expect.poll(() => locator.isVisible(), WAIT).toBe(true);
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** Opens an antd select and clicks the option whose text is `label`. */
export async function choose(page: Page, select: Locator, label: string | RegExp): Promise<void> {
  await select.click();
  const option = page.locator(".ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option", {
    hasText: label,
  });
  await option.first().click();
}

/**
 * Types a day into an antd date picker, as a clerk who knows the date would, and moves on with Tab
 * (Enter would also submit the form the picker is in).
 */
export async function pickDay(picker: Locator, day: string): Promise<void> {
  const input = (await picker.evaluate((node) => node.tagName)) === "INPUT" ? picker : picker.locator("input");
  await input.click();
  await input.fill(day);
  await input.press("Tab");
}

/** Attaches a small document to the file input inside `scope`. */
export async function attach(scope: Locator, name: string, text: string): Promise<void> {
  await scope.locator("input[type=file]").setInputFiles({
    name,
    mimeType: "text/plain",
    buffer: Buffer.from(text, "utf8"),
  });
}

/** YYYY-MM-DD, `days` from today (the chain's clock follows the wall clock after the demo year). */
export function dayFromToday(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}

/** A fresh, well-formed invention patent number (12 digits, a dot, the check digit). */
export function newPatentNumber(serial: number): string {
  const digits = `2026${"1"}${String((Date.now() * 10 + serial) % 10_000_000).padStart(7, "0")}`;
  return `CN${digits}.${checkDigit(digits)}`;
}
