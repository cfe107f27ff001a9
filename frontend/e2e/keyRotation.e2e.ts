/**
 * Key rotation in the browser (SPEC section 8, no party can freeze a loan): the operator rotates an
 * enterprise's ledger key from the organisations page, confirming with a reason in a dialog that
 * shows the identity address and the signing key; the enterprise then registers a patent, signed
 * with its new key, and the patent is its own.
 */
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launch } from "./support/browser";
import { openDesk, newPatentNumber, waitForVisible } from "./support/desk";
import { registerPatent } from "./support/financing";

const ENTERPRISE = "Qingsong Biopharma";

interface Org {
  id: string;
  name: string;
  address: string;
  signingAddress: string;
}

/** GET /api/orgs as the signed-in page sees it. */
const orgNamed = (page: Page, name: string) =>
  page.evaluate(async (wanted) => {
    const { token } = JSON.parse(localStorage.getItem("ipledge.session") ?? "{}") as { token?: string };
    const response = await fetch("/api/orgs?limit=200", { headers: { Authorization: `Bearer ${token}` } });
    const { items } = (await response.json()) as { items: Org[] };
    return items.find((org) => org.name.includes(wanted))!;
  }, name);

describe("key rotation in the browser", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(() => browser?.close());

  it("the operator rotates an enterprise's key from the page, and the enterprise then registers a patent", async () => {
    const admin = await openDesk(browser, "admin");
    const before = await orgNamed(admin, ENTERPRISE);
    expect(before.signingAddress).toBe(before.address);

    await admin.goto("/admin/orgs");
    const row = admin.locator("[data-testid=orgs-table] tr", { hasText: ENTERPRISE });
    await waitForVisible(row);
    await row.getByTestId(`rotate-key-${before.id}`).click();
    const dialog = admin.locator(".ant-modal", { hasText: "轮换" });
    await waitForVisible(dialog);
    // The dialog names the identity address, which stays, and the key that signs now.
    expect(await dialog.innerText()).toContain("身份地址");
    expect(await dialog.getByTestId("rotate-key-current").innerText()).not.toBe("");
    // No reason, no rotation.
    await admin.getByTestId("rotate-key-submit").click();
    await waitForVisible(dialog.locator(".ant-form-item-explain-error"));
    await admin.getByTestId("rotate-key-reason").fill("人员变动 staff change");
    await admin.getByTestId("rotate-key-submit").click();
    await waitForVisible(admin.getByTestId("rotate-key-done"));

    const after = await orgNamed(admin, ENTERPRISE);
    expect(after.address).toBe(before.address);
    expect(after.signingAddress).not.toBe(before.address);
    expect(await admin.getByTestId("rotate-key-done").innerText()).toContain(after.signingAddress);
    await admin.getByTestId("rotate-key-submit").click(); // close
    await admin.context().close();

    const enterprise = await openDesk(browser, "ent2");
    const patent = { number: newPatentNumber(41), title: "轮换密钥后登记的专利 Registered after a key rotation" };
    await registerPatent(enterprise, patent);
    const registered = await enterprise.evaluate(async (number) => {
      const { token } = JSON.parse(localStorage.getItem("ipledge.session") ?? "{}") as { token?: string };
      const response = await fetch(`/api/patents/${encodeURIComponent(number)}`, {
        headers: { Authorization: `Bearer ${token}` },
      });
      return (await response.json()) as { ownerOrgId: string; txHash: string };
    }, patent.number);
    expect(registered.ownerOrgId).toBe(before.id);
    await enterprise.context().close();
  });
});
