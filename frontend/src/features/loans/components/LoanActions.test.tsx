import { fireEvent, screen } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import type { Role } from "@/config/roles";
import { jsonResponse, renderWithApp } from "@/test/render";
import type { Loan } from "../api/types";
import { LoanActions } from "./LoanActions";

const CHAIN_TIME = "2027-01-01T00:00:00.000Z";
const loan = (overrides: Partial<Loan> = {}): Loan =>
  ({
    id: "7",
    status: "applied",
    enterpriseOrgId: "2",
    bankOrgId: "4",
    productId: "1",
    patentIds: ["CN1"],
    requestedAmount: "100000000",
    amount: null,
    rateBps: null,
    termDays: 180,
    owed: { principal: "0", interest: "0", penalty: "0", total: "0" },
    defaultableAt: null,
    compensationPaid: false,
    outstandingAtDefault: null,
    fundShareBps: 5000,
    chainTime: CHAIN_TIME,
    ...overrides,
  }) as Loan;

function stubApi(post?: (path: string, body: unknown) => Response) {
  const fetch = vi.fn(async (url: string, init?: RequestInit) => {
    const path = url.split("?")[0]!;
    if (init?.method === "POST" && post) return post(path, JSON.parse(String(init.body)));
    if (path === "/api/health") return jsonResponse(200, { status: "ok", chain: { ok: true, time: CHAIN_TIME } });
    if (path === "/api/params")
      return jsonResponse(200, {
        ltvCapBps: 5000,
        fundShareBps: 5000,
        fundCapacity: "1000000000",
        fundPaid: "250000000",
        fundRemaining: "750000000",
      });
    return jsonResponse(404, { error: { code: "NOT_FOUND", message: path } });
  });
  vi.stubGlobal("fetch", fetch);
  return fetch;
}

const buttons = () => screen.queryAllByTestId(/^loan-action-/).map((el) => el.dataset.testid);

describe("LoanActions", { timeout: 20_000 }, () => {
  it.each<[Role, Partial<Loan>, string[]]>([
    ["enterprise", {}, ["loan-action-withdraw"]],
    ["bank", {}, ["loan-action-approve", "loan-action-reject"]],
    ["bank", { status: "pledged" }, ["loan-action-cancel", "loan-action-disburse"]],
    ["ipoffice", { status: "approved" }, ["loan-action-pledge"]],
    ["fund", { status: "defaulted" }, ["loan-action-compensate"]],
    ["regulator", { status: "defaulted" }, []],
  ])("gives the %s the buttons for the loan's state", (role, overrides, expected) => {
    stubApi();
    renderWithApp(<LoanActions loan={loan(overrides)} role={role} />);
    expect(buttons()).toEqual(expected);
  });

  it("keeps a default button disabled until maturity plus grace, saying from when", () => {
    stubApi();
    renderWithApp(
      <LoanActions loan={loan({ status: "disbursed", defaultableAt: "2027-03-01T00:00:00.000Z" })} role="bank" />,
    );
    expect(screen.getByTestId("loan-action-default")).toBeDisabled();
    expect(screen.getByText(/2027-03-01/)).toBeInTheDocument();
  });

  it("shows the fund its capacity used and left before it compensates", async () => {
    stubApi();
    renderWithApp(<LoanActions loan={loan({ status: "defaulted", outstandingAtDefault: "200000000" })} role="fund" />);
    fireEvent.click(screen.getByTestId("loan-action-compensate"));
    expect(await screen.findByText("¥2,500,000.00")).toBeInTheDocument();
    expect(screen.getByTestId("fund-remaining")).toHaveTextContent("¥7,500,000.00");
    // half of the ¥2,000,000 outstanding at default
    expect(screen.getByText("¥1,000,000.00")).toBeInTheDocument();
  });

  it("says why a refused action failed and keeps what was typed", async () => {
    const fetch = stubApi(() =>
      jsonResponse(409, {
        error: { code: "INVALID_LOAN_STATE", message: "loan 7 is withdrawn", details: { current: "withdrawn" } },
      }),
    );
    renderWithApp(<LoanActions loan={loan()} role="bank" />);
    fireEvent.click(screen.getByTestId("loan-action-reject"));
    fireEvent.change(screen.getByTestId("loan-input-reason"), { target: { value: "资料不全" } });
    fireEvent.click(screen.getByTestId("loan-submit-reject"));

    expect(await screen.findByTestId("tx-error", undefined, { timeout: 5000 })).toHaveTextContent("已撤回");
    expect(screen.getByTestId("loan-input-reason")).toHaveValue("资料不全");
    const post = fetch.mock.calls.find(([, init]) => init?.method === "POST")!;
    expect(post[0]).toBe("/api/loans/7/reject");
    expect(JSON.parse(String(post[1]!.body))).toEqual({ reason: "资料不全" });
  });

  it("shows the transaction hash once the ledger confirms", async () => {
    stubApi(() => jsonResponse(200, { ...loan({ status: "withdrawn" }), txHash: "0xabc123", blockNumber: 42 }));
    renderWithApp(<LoanActions loan={loan()} role="enterprise" />);
    fireEvent.click(screen.getByTestId("loan-action-withdraw"));
    fireEvent.click(screen.getByTestId("loan-submit-withdraw"));
    expect(await screen.findByTestId("tx-success", undefined, { timeout: 5000 })).toHaveTextContent("0xabc123");
    expect(screen.getByText("申请已撤回。")).toBeInTheDocument();
  });
});
