import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import { setSession } from "@/lib/session";
import { jsonResponse, renderWithApp } from "@/test/render";
import { ApplyForm, applicationMaximum } from "./ApplyForm";

const NOW = "2027-01-01T00:00:00.000Z";
const patent = (id: string, value: string, validUntil: string, extra: object = {}) => ({
  id,
  number: id,
  title: `title ${id}`,
  status: "verified" as const,
  expiryDate: "2035-01-01T00:00:00.000Z",
  currentValue: value,
  loanId: null,
  certificateSha256: `0x${"c".repeat(64)}`,
  appraisals: [{ index: 0, value, validUntil, reportSha256: `0x${"r".repeat(64)}`, current: true }],
  ...extra,
});
const product = {
  id: "1",
  bankOrgId: "4",
  bankName: "Bank A",
  name: "IP loan",
  maxAmount: "1000000000",
  minRateBps: 350,
  maxRateBps: 800,
  maxTermDays: 365,
  ltvBps: 6000,
  active: true,
};

function api(overrides: Record<string, (init?: RequestInit) => Response> = {}) {
  const fetch = vi.fn(async (url: string, init?: RequestInit) => {
    const path = url.split("?")[0]!;
    if (overrides[path]) return overrides[path](init);
    if (path === "/api/products") return jsonResponse(200, { items: [product], total: 1 });
    if (path === "/api/params") return jsonResponse(200, { ltvCapBps: 5000, fundCapacity: "0", fundPaid: "0" });
    if (path === "/api/health") return jsonResponse(200, { status: "ok", chain: { ok: true, time: NOW } });
    if (path === "/api/patents")
      return jsonResponse(200, {
        items: [
          patent("CN1", "200000000", "2027-06-01T00:00:00.000Z"),
          // expired at chain time, though valid by a browser clock set earlier: counts for nothing
          patent("CN2", "500000000", "2026-12-31T00:00:00.000Z"),
          patent("CN3", "100000000", "2027-06-01T00:00:00.000Z", { loanId: "9" }),
        ],
        total: 3,
      });
    return jsonResponse(404, { error: { code: "NOT_FOUND", message: path } });
  });
  vi.stubGlobal("fetch", fetch);
  return fetch;
}

const tick = (name: string) => fireEvent.click(screen.getByRole("checkbox", { name }));

describe("applicationMaximum", () => {
  it("is the LTV share of valid appraisals, at most the platform cap and the product's maximum", () => {
    const now = Date.parse(NOW) / 1000;
    const patents = [patent("CN1", "200000000", "2027-06-01T00:00:00.000Z")];
    expect(applicationMaximum({ product, patents, ltvCapBps: 5000, now })).toBe(100000000n);
    expect(applicationMaximum({ product, patents, ltvCapBps: 7000, now })).toBe(120000000n);
    expect(applicationMaximum({ product: { ...product, maxAmount: "1000" }, patents, ltvCapBps: 5000, now })).toBe(
      1000n,
    );
    expect(applicationMaximum({ product: undefined, patents, ltvCapBps: 5000, now })).toBeUndefined();
  });
});

// antd forms in jsdom are slow to validate and re-render
describe("ApplyForm", { timeout: 20_000 }, () => {
  it("shows the maximum live as patents are picked, judged at chain time, and refuses more", async () => {
    setSession({ token: "t", user: { id: "1", username: "ent1", orgId: "2", role: "enterprise" } });
    const fetch = api();
    renderWithApp(<ApplyForm initialProductId="1" />);

    await screen.findByRole("checkbox", { name: "CN1" });
    // a patent already in a loan is not offered
    expect(screen.queryByRole("checkbox", { name: "CN3" })).not.toBeInTheDocument();
    expect(within(screen.getByTestId("apply-patents")).getByText("无有效评估")).toBeInTheDocument();

    tick("CN1");
    await waitFor(() => expect(screen.getByTestId("apply-maximum")).toHaveTextContent("¥1,000,000.00"));
    tick("CN2");
    await waitFor(() => expect(screen.getByTestId("apply-maximum")).toHaveTextContent("¥1,000,000.00"));

    fireEvent.change(screen.getByTestId("apply-amount"), { target: { value: "1,000,000.01" } });
    fireEvent.change(screen.getByTestId("apply-term"), { target: { value: "180" } });
    fireEvent.change(screen.getByTestId("apply-purpose"), { target: { value: "R&D" } });
    fireEvent.click(screen.getByTestId("apply-submit"));
    expect(await screen.findByText("超过可申请上限 ¥1,000,000.00")).toBeInTheDocument();
    expect(fetch.mock.calls.some(([, init]) => init?.method === "POST")).toBe(false);
  });

  it("keeps what was typed and says why when the ledger refuses", async () => {
    setSession({ token: "t", user: { id: "1", username: "ent1", orgId: "2", role: "enterprise" } });
    const fetch = api({
      "/api/loans": () =>
        jsonResponse(409, { error: { code: "PATENT_IN_ACTIVE_LOAN", message: "patent CN1 is already in loan 7" } }),
    });
    renderWithApp(<ApplyForm initialProductId="1" />);
    await screen.findByRole("checkbox", { name: "CN1" });
    tick("CN1");
    fireEvent.change(screen.getByTestId("apply-amount"), { target: { value: "500000" } });
    fireEvent.change(screen.getByTestId("apply-term"), { target: { value: "180" } });
    fireEvent.change(screen.getByTestId("apply-purpose"), { target: { value: "R&D" } });
    fireEvent.click(screen.getByTestId("apply-submit"));

    expect(
      await screen.findByText("专利正用于另一笔进行中的贷款，暂不能办理此业务，也不能重复质押。", undefined, {
        timeout: 5000,
      }),
    ).toBeInTheDocument();
    expect(screen.getByTestId("apply-amount")).toHaveValue("500000");
    expect(screen.getByTestId("apply-purpose")).toHaveValue("R&D");
    const post = fetch.mock.calls.find(([, init]) => init?.method === "POST")!;
    expect(JSON.parse(String(post[1]!.body))).toEqual({
      productId: "1",
      patentIds: ["CN1"],
      amount: "50000000",
      termDays: 180,
      purpose: "R&D",
    });
  });
});
