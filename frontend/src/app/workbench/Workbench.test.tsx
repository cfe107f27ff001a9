import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import type { Role } from "@/config/roles";
import { jsonResponse, renderWithApp } from "@/test/render";
import { Workbench } from "./Workbench";

/** Loans in each state, as the stubbed GET /api/loans counts them. */
const LOANS: Record<string, number> = {
  applied: 3,
  approved: 2,
  pledged: 1,
  disbursed: 2,
  repaid: 4,
  defaulted: 3,
  disposed: 1,
};
const PATENTS: Record<string, number> = { registered: 5, verified: 7, pledged: 2, rejected: 0, revoked: 1 };

const loan = (id: number, status: string, extra: object = {}) => ({
  id: String(id),
  status,
  owed: { principal: "0", interest: "0", penalty: "0", total: "0" },
  compensationPaid: false,
  ...extra,
});

function stubApi() {
  const fetch = vi.fn(async (url: string) => {
    const { pathname, searchParams } = new URL(url, "http://localhost");
    const status = searchParams.get("status");
    switch (pathname) {
      case "/api/loans": {
        if (searchParams.get("overdue") === "true") return jsonResponse(200, { items: [], total: 6 });
        if (searchParams.get("limit") === "1") return jsonResponse(200, { items: [], total: LOANS[status!] ?? 0 });
        if (status === "disbursed") {
          const items = [
            loan(11, "disbursed", { owed: { principal: "100000", interest: "2345", penalty: "0", total: "102345" } }),
            loan(12, "disbursed", { owed: { principal: "50000", interest: "0", penalty: "10", total: "50010" } }),
          ];
          return jsonResponse(200, { items, total: items.length });
        }
        if (status === "defaulted") {
          const items = [
            loan(21, "defaulted"),
            loan(22, "defaulted", { compensationPaid: true }),
            loan(23, "defaulted"),
          ];
          return jsonResponse(200, { items, total: items.length });
        }
        return jsonResponse(200, { items: [], total: 0 });
      }
      case "/api/patents":
        if (searchParams.get("needsAppraisal") === "true") return jsonResponse(200, { items: [], total: 9 });
        return jsonResponse(200, { items: [], total: PATENTS[status!] ?? 0 });
      case "/api/products":
        return jsonResponse(200, { items: [{ id: "1" }, { id: "2" }], total: 2 });
      case "/api/params":
        return jsonResponse(200, {
          ltvCapBps: 5000,
          graceDays: 90,
          fundShareBps: 5000,
          fundCapacity: "1000000000",
          fundPaid: "250000000",
          fundRemaining: "750000000",
          paused: false,
        });
      case "/api/stats":
        return jsonResponse(200, {
          totals: {
            organisations: {},
            patents: {},
            loans: { applied: 1, disbursed: 2, closed: 3 },
            financed: "1700000000",
            outstandingPrincipal: "550609587",
            repaid: "0",
            defaultedAmount: "0",
            fundPaid: "0",
            recovered: "0",
            defaultRate: 0.125,
          },
          series: [],
          byBank: [],
        });
      case "/api/users":
        return jsonResponse(200, { items: [{ id: "1" }], total: 9 });
      case "/api/orgs":
        return jsonResponse(200, {
          items: [1, 2, 3, 4].map((id) => ({ id: String(id), name: `org ${id}`, kind: "bank", address: "0x" })),
          total: 4,
        });
      default:
        return jsonResponse(404, { error: { code: "NOT_FOUND", message: pathname } });
    }
  });
  vi.stubGlobal("fetch", fetch);
  return fetch;
}

/** The figure cards shown, by test id (not their links or the shortcut buttons). */
const cards = () =>
  within(screen.getByTestId("workbench"))
    .queryAllByTestId(/^workbench-[a-z-]+$/)
    .map((el) => el.dataset.testid!)
    .filter((id) => !id.endsWith("-link") && !id.startsWith("workbench-go-") && !id.startsWith("workbench-patents-"));

const figure = (key: string) => screen.getByTestId(`workbench-${key}-link`);

describe("Workbench", { timeout: 20_000 }, () => {
  it.each<[Role, string[]]>([
    ["enterprise", ["workbench-patents", "workbench-active-loans", "workbench-owed"]],
    ["appraiser", ["workbench-to-appraise"]],
    ["ipoffice", ["workbench-to-verify", "workbench-to-register", "workbench-to-release"]],
    [
      "bank",
      [
        "workbench-applications",
        "workbench-to-disburse",
        "workbench-overdue",
        "workbench-defaulted",
        "workbench-my-products",
      ],
    ],
    ["fund", ["workbench-fund-capacity", "workbench-to-compensate"]],
    ["regulator", ["workbench-loans", "workbench-financed", "workbench-outstanding", "workbench-default-rate"]],
    ["admin", ["workbench-orgs", "workbench-users"]],
  ])("gives the %s its own figures", (role, expected) => {
    stubApi();
    renderWithApp(<Workbench role={role} orgId="4" />);
    expect(cards()).toEqual(expected);
  });

  it("counts the bank's loan views and opens each one on the loans page", async () => {
    const fetch = stubApi();
    renderWithApp(<Workbench role="bank" orgId="4" />);
    await waitFor(() => expect(figure("applications")).toHaveTextContent("3"));
    expect(figure("applications")).toHaveAttribute("href", "/loans?view=applications");
    expect(figure("to-disburse")).toHaveTextContent("1");
    expect(figure("to-disburse")).toHaveAttribute("href", "/loans?view=toDisburse");
    expect(figure("overdue")).toHaveTextContent("6");
    expect(figure("overdue")).toHaveAttribute("href", "/loans?view=overdue");
    expect(figure("defaulted")).toHaveAttribute("href", "/loans?view=defaulted");
    expect(figure("my-products")).toHaveTextContent("2");
    expect(figure("my-products")).toHaveAttribute("href", "/products/mine");
    // counts are read as a list's total, one row per request
    const loanCalls = fetch.mock.calls.map(([url]) => String(url)).filter((url) => url.startsWith("/api/loans"));
    expect(loanCalls.every((url) => url.includes("limit=1"))).toBe(true);
    expect(fetch.mock.calls.some(([url]) => String(url).includes("bankOrgId=4"))).toBe(true);
  });

  it("adds the IP office's pledges to release across repaid and disposed loans", async () => {
    stubApi();
    renderWithApp(<Workbench role="ipoffice" orgId="5" />);
    await waitFor(() => expect(figure("to-release")).toHaveTextContent("5"));
    expect(figure("to-release")).toHaveAttribute("href", "/loans?view=toRelease");
    expect(figure("to-register")).toHaveTextContent("2");
    expect(figure("to-verify")).toHaveTextContent("5");
    expect(figure("to-verify")).toHaveAttribute("href", "/patents/to-verify");
  });

  it("shows the appraiser its valuation queue", async () => {
    stubApi();
    renderWithApp(<Workbench role="appraiser" orgId="6" />);
    await waitFor(() => expect(figure("to-appraise")).toHaveTextContent("9"));
    expect(figure("to-appraise")).toHaveAttribute("href", "/patents/to-appraise");
  });

  it("shows an enterprise its patents by state, its loans in progress and what it owes now", async () => {
    stubApi();
    renderWithApp(<Workbench role="enterprise" orgId="2" />);
    await waitFor(() => expect(figure("patents")).toHaveTextContent("15"));
    expect(screen.getByTestId("workbench-patents-verified")).toHaveAttribute("href", "/patents?status=verified");
    expect(screen.getByTestId("workbench-patents-verified")).toHaveTextContent("已核验 7");
    expect(screen.queryByTestId("workbench-patents-rejected")).not.toBeInTheDocument();
    // applied 3 + approved 2 + pledged 1 + disbursed 2 + defaulted 3
    await waitFor(() => expect(figure("active-loans")).toHaveTextContent("11"));
    expect(figure("active-loans")).toHaveAttribute("href", "/loans?view=active");
    // 1,023.45 + 500.10
    await waitFor(() => expect(figure("owed")).toHaveTextContent("¥1,523.55"));
    expect(figure("owed")).toHaveAttribute("href", "/loans?status=disbursed");
    expect(screen.getByTestId("workbench-go-register-patent").closest("a")).toHaveAttribute("href", "/patents/new");
    expect(screen.getByTestId("workbench-go-products").closest("a")).toHaveAttribute("href", "/products");
    expect(screen.getByTestId("workbench-go-apply").closest("a")).toHaveAttribute("href", "/loans/apply");
  });

  it("shows the fund its capacity and the defaulted loans it has not compensated yet", async () => {
    stubApi();
    renderWithApp(<Workbench role="fund" orgId="7" />);
    expect(await screen.findByTestId("fund-capacity-remaining")).toHaveTextContent("¥7,500,000.00");
    expect(screen.getByTestId("fund-capacity-paid")).toHaveTextContent("¥2,500,000.00");
    expect(screen.getByTestId("workbench-fund-capacity")).toHaveTextContent("¥10,000,000.00");
    expect(screen.getByRole("progressbar")).toHaveAttribute("aria-valuenow", "25");
    await waitFor(() => expect(figure("to-compensate")).toHaveTextContent("2"));
    expect(screen.getByTestId("workbench-to-compensate")).toHaveTextContent("已违约共 3 笔");
    expect(figure("to-compensate")).toHaveAttribute("href", "/loans?view=defaulted");
  });

  it("gives the regulator the headline totals and its pages", async () => {
    stubApi();
    renderWithApp(<Workbench role="regulator" orgId="8" />);
    await waitFor(() => expect(figure("loans")).toHaveTextContent("6"));
    expect(figure("financed")).toHaveTextContent("¥17,000,000.00");
    expect(figure("outstanding")).toHaveTextContent("¥5,506,095.87");
    expect(screen.getByTestId("workbench-default-rate")).toHaveTextContent("12.5%");
    expect(figure("loans")).toHaveAttribute("href", "/dashboard");
    for (const [key, href] of [
      ["dashboard", "/dashboard"],
      ["audit", "/audit"],
      ["integrity", "/integrity"],
    ])
      expect(screen.getByTestId(`workbench-go-${key}`).closest("a")).toHaveAttribute("href", href);
  });

  it("counts the operator's organisations and users", async () => {
    stubApi();
    renderWithApp(<Workbench role="admin" orgId="1" />);
    await waitFor(() => expect(figure("users")).toHaveTextContent("9"));
    expect(figure("users")).toHaveAttribute("href", "/admin/users");
    expect(figure("orgs")).toHaveTextContent("4");
    expect(figure("orgs")).toHaveAttribute("href", "/admin/orgs");
  });

  it("shows a dash, not a zero, when a count cannot be loaded", async () => {
    vi.stubGlobal(
      "fetch",
      vi.fn(async () => jsonResponse(503, { error: { code: "UNAVAILABLE", message: "down" } })),
    );
    renderWithApp(<Workbench role="appraiser" orgId="6" />);
    await waitFor(() => expect(figure("to-appraise")).toHaveTextContent("—"));
    expect(screen.getByTestId("workbench-to-appraise")).toHaveTextContent("加载失败");
  });
});
