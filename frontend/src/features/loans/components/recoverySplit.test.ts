import { describe, expect, it } from "vitest";
import type { Loan } from "../api/types";
import { recoverySplit } from "./recoverySplit";

const disposed = (fields: Partial<Loan>) =>
  ({
    buyerOrgId: "9",
    outstandingAtDefault: "40000000",
    compensated: "0",
    bankRecovery: "0",
    fundRecovery: "0",
    borrowerSurplus: "0",
    ...fields,
  }) as Loan;

describe("recoverySplit", () => {
  it("is nothing for a loan that was never disposed of", () => {
    expect(recoverySplit(disposed({ buyerOrgId: null }))).toBeNull();
  });

  it("splits a shortfall between the bank and the fund in proportion to the loss each bore", () => {
    // ¥400,000 outstanding, the fund compensated ¥160,000 (40 %); the collateral fetched ¥300,000
    const split = recoverySplit(
      disposed({ compensated: "16000000", bankRecovery: "18000000", fundRecovery: "12000000" }),
    );
    expect(split).toEqual([
      { party: "bank", bore: "24000000", recovered: "18000000", lossLeft: "6000000" },
      { party: "fund", bore: "16000000", recovered: "12000000", lossLeft: "4000000" },
      { party: "borrower", bore: null, recovered: "0", lossLeft: null },
    ]);
  });

  it("gives the borrower what the disposal fetched above what was outstanding", () => {
    const split = recoverySplit(disposed({ bankRecovery: "40000000", borrowerSurplus: "5000000" }));
    expect(split?.map((share) => [share.party, share.recovered, share.lossLeft])).toEqual([
      ["bank", "40000000", "0"],
      ["fund", "0", "0"],
      ["borrower", "5000000", null],
    ]);
  });
});
