import { describe, expect, it } from "vitest";
import type { MonthStats } from "../api/getStats";
import { byBank, defaultRatePercent, fenToYuanNumber, financedPerMonth, loansByState, months } from "./chartSeries";

const month = (m: string, changes: Partial<MonthStats>): MonthStats => ({
  month: m,
  applications: 0,
  disbursements: 0,
  financed: "0",
  repaid: "0",
  defaults: 0,
  defaultRate: 0,
  loansByStatus: {},
  ...changes,
});

const series = [
  month("2026-01", { financed: "150000000", loansByStatus: { applied: 2 } }),
  month("2026-02", { financed: "0", loansByStatus: { applied: 1, disbursed: 2 }, defaultRate: 0 }),
  month("2026-03", { financed: "1234567", loansByStatus: { disbursed: 2, defaulted: 1 }, defaultRate: 1 / 3 }),
];

describe("chart series", () => {
  it("reads fen as yuan", () => {
    expect(fenToYuanNumber("123456789")).toBe(1234567.89);
    expect(fenToYuanNumber("0")).toBe(0);
  });

  it("gives the months and the amount financed in each, in yuan", () => {
    expect(months(series)).toEqual(["2026-01", "2026-02", "2026-03"]);
    expect(financedPerMonth(series)).toEqual([1500000, 0, 12345.67]);
  });

  it("stacks loans by state: only states that occur, in lifecycle order, zero where absent", () => {
    expect(loansByState(series)).toEqual([
      { state: "applied", counts: [2, 1, 0] },
      { state: "disbursed", counts: [0, 2, 2] },
      { state: "defaulted", counts: [0, 0, 1] },
    ]);
  });

  it("gives the default rate in percent with two decimals", () => {
    expect(defaultRatePercent(series)).toEqual([0, 0, 33.33]);
  });

  it("draws banks by name, leaving out loans without a bank", () => {
    expect(
      byBank([
        { bankOrgId: "3", bankName: "Bank A", loans: 4, financed: "500000", defaulted: 1 },
        { bankOrgId: null, bankName: null, loans: 1, financed: "0", defaulted: 0 },
        { bankOrgId: "4", bankName: null, loans: 2, financed: "100", defaulted: 0 },
      ]),
    ).toEqual({ names: ["Bank A", "#4"], financed: [5000, 1], loans: [4, 2], defaulted: [1, 0] });
  });

  it("handles an empty platform", () => {
    expect(loansByState([])).toEqual([]);
    expect(byBank([])).toEqual({ names: [], financed: [], loans: [], defaulted: [] });
  });
});
