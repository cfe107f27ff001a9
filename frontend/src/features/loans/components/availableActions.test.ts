import { describe, expect, it } from "vitest";
import type { Role } from "@/config/roles";
import { LOAN_STATUSES, type LoanStatus } from "@/lib/loanSteps";
import { availableActions } from "./availableActions";

const NOW = Date.parse("2027-06-01T00:00:00Z") / 1000;
const loan = (
  status: LoanStatus,
  extra: { compensationPaid?: boolean; defaultableAt?: string | null; fundDecisionBy?: string | null } = {},
) => ({
  status,
  compensationPaid: extra.compensationPaid ?? false,
  defaultableAt: extra.defaultableAt ?? null,
  fundDecisionBy: extra.fundDecisionBy ?? null,
});
const names = (role: Role, status: LoanStatus, extra?: Parameters<typeof loan>[1]) =>
  availableActions(role, loan(status, extra), NOW).map((a) => a.action);

describe("availableActions", () => {
  it("lets the enterprise withdraw only an application", () => {
    expect(names("enterprise", "applied")).toEqual(["withdraw"]);
    for (const status of LOAN_STATUSES.filter((s) => s !== "applied")) expect(names("enterprise", status)).toEqual([]);
  });

  it("gives the bank the step each state waits for", () => {
    expect(names("bank", "applied")).toEqual(["approve", "reject"]);
    expect(names("bank", "approved")).toEqual(["cancel"]);
    expect(names("bank", "pledged")).toEqual(["cancel", "disburse"]);
    expect(names("bank", "disbursed")).toEqual(["repay", "default"]);
    expect(names("bank", "defaulted", { compensationPaid: true })).toEqual(["dispose"]);
    expect(names("bank", "repaid")).toEqual([]);
    expect(names("bank", "closed")).toEqual([]);
  });

  it("shows a default as not yet possible before maturity plus grace, by the chain's clock", () => {
    const before = availableActions("bank", loan("disbursed", { defaultableAt: "2027-06-02T00:00:00Z" }), NOW);
    expect(before.find((a) => a.action === "default")).toEqual({
      action: "default",
      disabledReason: "notYetDefaultable",
    });
    const after = availableActions("bank", loan("disbursed", { defaultableAt: "2027-05-31T00:00:00Z" }), NOW);
    expect(after.find((a) => a.action === "default")).toEqual({ action: "default" });
  });

  it("shows a disposal as not yet possible while the fund's window is open, then possible without compensation", () => {
    const open = availableActions("bank", loan("defaulted", { fundDecisionBy: "2027-06-30T00:00:00Z" }), NOW);
    expect(open).toEqual([{ action: "dispose", disabledReason: "fundDeciding" }]);
    const compensated = { compensationPaid: true, fundDecisionBy: "2027-06-30T00:00:00Z" };
    expect(availableActions("bank", loan("defaulted", compensated), NOW)).toEqual([{ action: "dispose" }]);
    const passed = availableActions("bank", loan("defaulted", { fundDecisionBy: "2027-05-31T00:00:00Z" }), NOW);
    expect(passed).toEqual([{ action: "dispose" }]);
  });

  it("lets the IP office register an approved loan's pledge and release a settled one", () => {
    expect(names("ipoffice", "approved")).toEqual(["pledge"]);
    expect(names("ipoffice", "repaid")).toEqual(["release"]);
    expect(names("ipoffice", "disposed")).toEqual(["release"]);
    expect(names("ipoffice", "disbursed")).toEqual([]);
  });

  it("lets the fund compensate a defaulted loan once", () => {
    expect(names("fund", "defaulted")).toEqual(["compensate"]);
    expect(names("fund", "defaulted", { compensationPaid: true })).toEqual([]);
  });

  it("gives the regulator, the appraiser and the operator no loan actions", () => {
    for (const role of ["regulator", "appraiser", "admin"] as const)
      for (const status of LOAN_STATUSES) expect(names(role, status)).toEqual([]);
  });
});
