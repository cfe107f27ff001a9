/**
 * What the pages show beyond the flow's steps, in a real Chromium against the real platform:
 * documents open (a PDF or an image in the page, other files, SVG included, only to save) with
 * their ledger check, and an upload
 * shows its SHA-256 before anything is sent; a disposed loan shows how the proceeds were split
 * between the bank, the fund and the borrower; the patents, loans and products tables search; two
 * products are compared side by side.
 *
 * Loans are made ready through the API as the demo's roles (support/api.ts); what is under test is
 * done and read on the pages.
 */
import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import type { Browser, Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { advanceChainTime, apiAs, chainNow, platformParams, pledgedLoan } from "./support/api";
import { cspViolations, launch } from "./support/browser";
import { choose, dayFromToday, newPatentNumber, openDesk, pickDay, waitForText, waitForVisible } from "./support/desk";
import { expectLoanStatus, openLoan } from "./support/financing";

const WAIT = { timeout: 30_000, interval: 200 };
const DAY = 86_400;

/** A small but well-formed PDF: the server shows a document inline only if its bytes are one. */
const PDF = Buffer.from(
  [
    "%PDF-1.4",
    "1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj",
    "2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj",
    "3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >> endobj",
    "trailer << /Root 1 0 R >>",
    "%%EOF",
  ].join("\n"),
);
/** A 1 × 1 PNG, and an SVG that would run a script if it were ever rendered as a document. */
const PNG = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==",
  "base64",
);
const SVG = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>document.title = "owned"</script></svg>');
const sha256Hex = (bytes: Buffer) => `0x${createHash("sha256").update(bytes).digest("hex")}`;

/** `123456789` fen as the pages write it: ¥1,234,567.89 (lib/money.ts). */
const yuan = (fen: string) =>
  `¥${(BigInt(fen) / 100n).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ",")}.${(BigInt(fen) % 100n).toString().padStart(2, "0")}`;

/** The text of every row of the table in `scope` (antd's measure row left out). */
const rowsOf = (scope: Locator) => scope.locator("tbody tr.ant-table-row").allInnerTexts();

async function search(box: Locator, text: string): Promise<void> {
  await box.locator("input").fill(text);
  await box.locator("input").press("Enter");
}

describe("documents, the recovery split, search and comparison on the pages", () => {
  let browser: Browser;
  let enterprise: Page;
  let bank: Page;
  beforeAll(async () => {
    browser = await launch();
    [enterprise, bank] = await Promise.all([openDesk(browser, "ent1"), openDesk(browser, "bank1")]);
  });
  afterAll(() => browser?.close());

  it("shows a certificate's SHA-256 before it is sent, then opens the PDF in the page with its ledger check", async () => {
    const number = newPatentNumber(31);
    const posted: string[] = [];
    enterprise.on("request", (request) => {
      if (request.method() === "POST" && new URL(request.url()).pathname === "/api/patents") posted.push(request.url());
    });
    await enterprise.goto("/patents/new");
    const form = enterprise.getByTestId("register-patent-form");
    await enterprise.getByTestId("patent-number").fill(number);
    await enterprise.getByTestId("patent-title").fill(`文件查看 Document viewer ${number}`);
    await choose(enterprise, form.getByTestId("patent-kind"), "发明");
    await pickDay(form.getByTestId("patent-grant-date"), dayFromToday(-3 * 365));
    await pickDay(form.getByTestId("patent-expiry-date"), dayFromToday(15 * 365));
    await form.locator("input[type=file]").setInputFiles({
      name: `证书 certificate ${number}.pdf`,
      mimeType: "application/pdf",
      buffer: PDF,
    });
    // the hash the ledger will record, computed in the browser; nothing sent yet
    const hash = enterprise.getByTestId("certificate-upload-sha256");
    await expect.poll(() => hash.getAttribute("data-sha256"), WAIT).toBe(sha256Hex(PDF));
    await waitForText(hash, sha256Hex(PDF));
    expect(posted).toEqual([]);

    await enterprise.getByTestId("register-patent-submit").click();
    const link = enterprise.locator(`a[href="/patents/${encodeURIComponent(number)}"]`);
    await waitForVisible(link);
    await link.first().click();
    await enterprise.getByTestId("certificate-open").click();
    const viewer = enterprise.getByTestId("document-viewer");
    const check = viewer.getByTestId("document-ledger-check");
    await waitForText(check, "与账本一致");
    expect(await check.getAttribute("data-ok")).toBe("true");
    // the PDF in a frame of the page, from the bytes fetched with the session's token
    const frame = viewer.getByTestId("document-pdf");
    await waitForVisible(frame);
    expect(await frame.getAttribute("src")).toMatch(/^blob:/);
    // the frame holds the PDF itself (not an empty frame or a download)
    await expect
      .poll(async () => (await frame.elementHandle())?.contentFrame().then((inner) => inner?.url()), WAIT)
      .toMatch(/^blob:/);
    // and saved, it is the very file that was uploaded
    // Chromium 156's PDF viewer takes the focus once the PDF is drawn, and headless it then drops
    // the first click that brings the focus back to the page; the button is focused first, as a
    // keyboard user's Tab would (docs/web.md, Documents)
    const save = enterprise.getByTestId("document-download");
    await save.focus();
    const [download] = await Promise.all([enterprise.waitForEvent("download"), save.click()]);
    expect(download.suggestedFilename()).toBe(`证书 certificate ${number}.pdf`);
    expect((await readFile((await download.path())!)).equals(PDF)).toBe(true);
  });

  it("shows an image in the page, and offers an SVG only to save, never rendered", async () => {
    const ent1 = await apiAs("ent1");
    const now = await chainNow();
    const iso = (seconds: number) => new Date(seconds * 1000).toISOString();
    const register = async (serial: number, filename: string, content: Buffer, contentType: string) => {
      const number = newPatentNumber(serial);
      await ent1.post("/patents", {
        number,
        title: `文件类型 ${filename}`,
        kind: "invention",
        grantDate: iso(now - 3 * 365 * DAY),
        expiryDate: iso(now + 15 * 365 * DAY),
        certificate: { filename, contentBase64: content.toString("base64"), contentType },
      });
      return number;
    };
    const png = await register(36, "scan.png", PNG, "image/png");
    const svg = await register(37, "drawing.svg", SVG, "image/svg+xml");

    await enterprise.goto(`/patents/${encodeURIComponent(png)}`);
    await enterprise.getByTestId("certificate-open").click();
    const image = enterprise.getByTestId("document-viewer").getByTestId("document-image");
    await waitForVisible(image);
    await expect.poll(() => image.evaluate((node: HTMLImageElement) => node.naturalWidth), WAIT).toBe(1);
    await enterprise.keyboard.press("Escape");

    await enterprise.goto(`/patents/${encodeURIComponent(svg)}`);
    await enterprise.getByTestId("certificate-open").click();
    const viewer = enterprise.getByTestId("document-viewer");
    await waitForText(viewer.getByTestId("document-ledger-check"), "与账本一致");
    await waitForVisible(viewer.getByTestId("document-file"));
    expect(await viewer.locator("img, iframe, svg[xmlns]").count()).toBe(0);
    await enterprise.keyboard.press("Escape");
  });

  it("opens the collateral's certificate and valuation report from the loan's page, for the bank", async () => {
    const { loanId, patent } = await pledgedLoan(32, 180);
    await openLoan(bank, loanId);
    const documents = bank.getByTestId("loan-documents");
    await waitForText(documents, patent);
    for (const which of ["certificate", "report"]) {
      await documents.getByTestId(`loan-${which}-open-${patent}`).click();
      const viewer = bank.getByTestId("document-viewer");
      await waitForText(viewer.getByTestId("document-ledger-check"), "与账本一致");
      // a text file is not shown in the page: it is offered to save
      await waitForVisible(viewer.getByTestId("document-file"));
      await waitForVisible(bank.getByTestId("document-download"));
      await bank.keyboard.press("Escape");
      await expect.poll(() => viewer.isVisible(), WAIT).toBe(false);
    }
  });

  it("shows a disposed loan's proceeds split between the bank, the fund and the borrower", async () => {
    const { graceDays } = await platformParams();
    const termDays = 30;
    const { loanId } = await pledgedLoan(33, termDays);
    const [bank1, fund1, admin] = await Promise.all([apiAs("bank1"), apiAs("fund1"), apiAs("admin")]);
    await bank1.post(`/loans/${loanId}/disburse`, { reference: `FK-${loanId}` });
    await advanceChainTime((termDays + graceDays + 1) * DAY);
    await bank1.post(`/loans/${loanId}/default`);
    await fund1.post(`/loans/${loanId}/compensate`);
    const orgs = await admin.get<{ items: { id: string; name: string }[] }>("/orgs?kind=enterprise&limit=200");
    const buyer = orgs.items.find((org) => org.name.startsWith("青松"))!;
    await bank1.post(`/loans/${loanId}/dispose`, {
      buyerOrgId: buyer.id,
      recoveredAmount: "30000000",
      reference: `CZ-${loanId}`,
    });
    const loan = await bank1.get<{
      outstandingAtDefault: string;
      compensated: string;
      bankRecovery: string;
      fundRecovery: string;
      borrowerSurplus: string;
    }>(`/loans/${loanId}`);
    const outstanding = BigInt(loan.outstandingAtDefault);
    const compensated = BigInt(loan.compensated);
    expect(compensated).toBeGreaterThan(0n);

    await openLoan(bank, loanId);
    await expectLoanStatus(bank, "disposed");
    const split = bank.getByTestId("recovery-split");
    await waitForText(split, yuan("30000000"));
    const bankRow = split.getByTestId("recovery-bank");
    const fundRow = split.getByTestId("recovery-fund");
    const borrowerRow = split.getByTestId("recovery-borrower");
    await waitForText(bankRow, yuan(String(outstanding - compensated)));
    await waitForText(bankRow, yuan(loan.bankRecovery));
    await waitForText(bankRow, yuan(String(outstanding - compensated - BigInt(loan.bankRecovery))));
    await waitForText(fundRow, yuan(loan.compensated));
    await waitForText(fundRow, yuan(loan.fundRecovery));
    await waitForText(fundRow, yuan(String(compensated - BigInt(loan.fundRecovery))));
    await waitForText(borrowerRow, yuan(loan.borrowerSurplus));
    await waitForText(borrowerRow, "星海智能科技");
    // the three shares are the whole of what the disposal fetched
    expect(BigInt(loan.bankRecovery) + BigInt(loan.fundRecovery) + BigInt(loan.borrowerSurplus)).toBe(30_000_000n);
  });

  it("searches the patents table by number and by title", async () => {
    const { patent } = await pledgedLoan(34, 180);
    await enterprise.goto("/patents");
    const box = enterprise.getByTestId("patents-search");
    await search(box, patent);
    await expect.poll(() => rowsOf(enterprise.locator("main")), WAIT).toHaveLength(1);
    expect((await rowsOf(enterprise.locator("main")))[0]).toContain(patent);
    await search(box, "E2E patent 34");
    await expect.poll(() => rowsOf(enterprise.locator("main")), WAIT).toHaveLength(1);
    expect((await rowsOf(enterprise.locator("main")))[0]).toContain(patent);
    expect(new URL(enterprise.url()).searchParams.get("q")).toBe("E2E patent 34");
  });

  it("searches the loans table by id, registration number and enterprise", async () => {
    const { loanId } = await pledgedLoan(35, 180);
    await bank.goto("/loans");
    const box = bank.getByTestId("loans-search");
    const table = bank.getByTestId("loans-table");
    await search(box, `#${loanId}`);
    await expect.poll(() => rowsOf(table), WAIT).toHaveLength(1);
    await waitForVisible(table.getByTestId(`loan-link-${loanId}`));

    await search(box, `ZX-E2E-${loanId}`);
    await expect.poll(() => rowsOf(table), WAIT).toHaveLength(1);
    await waitForVisible(table.getByTestId(`loan-link-${loanId}`));

    await search(box, "星海智能");
    await waitForVisible(table.getByTestId(`loan-link-${loanId}`));
    expect((await rowsOf(table)).every((row) => row.includes("星海智能科技"))).toBe(true);

    await search(box, "没有这样的企业");
    await expect.poll(() => rowsOf(table), WAIT).toHaveLength(0);
  });

  it("searches the products market by name and by bank, then compares two products side by side", async () => {
    await enterprise.goto("/products");
    const box = enterprise.getByTestId("products-search");
    const main = enterprise.locator("main");
    await search(box, "Tech IP Loan");
    await expect.poll(() => rowsOf(main), WAIT).toHaveLength(1);
    await enterprise.getByRole("checkbox", { name: /Tech IP Loan/ }).check();

    await search(box, "长江商业银行");
    await waitForText(main.locator("tbody"), "IP Pledge Financing");
    expect((await rowsOf(main)).every((row) => row.includes("长江商业银行"))).toBe(true);
    await enterprise.getByRole("checkbox", { name: /IP Pledge Financing/ }).check();

    await enterprise.getByTestId("product-compare").click();
    await enterprise.waitForURL(/\/products\/compare\?ids=/, WAIT);
    const view = enterprise.getByTestId("product-compare-view");
    await waitForText(view.locator("thead"), "科创知识产权贷 Tech IP Loan");
    await waitForText(view.locator("thead"), "知识产权质押融资 IP Pledge Financing");
    const row = (label: string) => view.locator("tbody tr", { hasText: label });
    await waitForText(row("最高额度"), "¥10,000,000.00");
    await waitForText(row("最高额度"), "¥20,000,000.00");
    // the better value of each row is marked: the larger amount, the lower rate, the longer term
    await waitForText(row("最高额度").locator(".ant-tag"), "¥20,000,000.00");
    await waitForText(row("年利率").locator(".ant-tag"), "3%");
    await waitForText(row("最长期限").locator(".ant-tag"), "1095");
  });

  it("ran every page under the server's Content-Security-Policy without a violation", () => {
    expect(cspViolations).toEqual([]);
  });
});
