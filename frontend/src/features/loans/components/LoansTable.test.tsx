import { screen, waitFor } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import { jsonResponse, renderWithApp } from "@/test/render";
import { LoansTable } from "./LoansTable";

function stubLoans() {
  const fetch = vi.fn(async (url: string) => {
    const { pathname } = new URL(url, "http://localhost");
    if (pathname === "/api/loans") return jsonResponse(200, { items: [], total: 0 });
    if (pathname === "/api/orgs") return jsonResponse(200, { items: [], total: 0 });
    return jsonResponse(404, { error: { code: "NOT_FOUND", message: pathname } });
  });
  vi.stubGlobal("fetch", fetch);
  const loanQueries = () =>
    fetch.mock.calls
      .map(([url]) => new URL(String(url), "http://localhost"))
      .filter((url) => url.pathname === "/api/loans")
      .map((url) => url.searchParams);
  return loanQueries;
}

describe("LoansTable", { timeout: 20_000 }, () => {
  it("opens the view named in the URL, as the start page links to it", async () => {
    const loanQueries = stubLoans();
    renderWithApp(<LoansTable role="ipoffice" />, { url: "/loans?view=toRelease" });
    await waitFor(() => expect(loanQueries()).toHaveLength(2));
    expect(loanQueries().map((query) => query.get("status"))).toEqual(["repaid", "disposed"]);
    expect(screen.getByTestId("loan-views")).toHaveTextContent("待注销质押");
  });

  it("gives an enterprise a view of its loans in progress", async () => {
    const loanQueries = stubLoans();
    renderWithApp(<LoansTable role="enterprise" />, { url: "/loans?view=active" });
    await waitFor(() => expect(loanQueries()).toHaveLength(5));
    expect(loanQueries().map((query) => query.get("status"))).toEqual([
      "applied",
      "approved",
      "pledged",
      "disbursed",
      "defaulted",
    ]);
  });

  it("filters the full list by the status in the URL", async () => {
    const loanQueries = stubLoans();
    renderWithApp(<LoansTable role="enterprise" />, { url: "/loans?status=disbursed" });
    await waitFor(() => expect(loanQueries()).toHaveLength(1));
    expect(loanQueries()[0]!.get("status")).toBe("disbursed");
  });
});
