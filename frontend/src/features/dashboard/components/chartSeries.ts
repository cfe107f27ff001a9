/**
 * The dashboard's stats -> the series its charts draw. Amounts arrive as fen strings; a chart
 * draws yuan as numbers (display only: nothing is computed from them).
 */
import type { LoanStatus } from "@/lib/loanSteps";
import { everyValueOf } from "@/types/api";
import type { BankStats, MonthStats } from "../api/getStats";

/** Every loan status, in the order the charts stack them. */
export const LOAN_STATES = everyValueOf<LoanStatus>()([
  "applied",
  "approved",
  "pledged",
  "disbursed",
  "repaid",
  "defaulted",
  "disposed",
  "closed",
  "rejected",
  "withdrawn",
  "cancelled",
]);
export type LoanState = (typeof LOAN_STATES)[number];

/** fen (decimal string) -> yuan as a number, for drawing only. */
export const fenToYuanNumber = (fen: string): number => Number(BigInt(fen)) / 100;

export const months = (series: readonly MonthStats[]) => series.map((month) => month.month);

export const financedPerMonth = (series: readonly MonthStats[]) =>
  series.map((month) => fenToYuanNumber(month.financed));

/**
 * Loans by state at each month's end, one stacked series per state that ever occurs, in the order
 * a loan moves through them; a month without a state counts 0 there.
 */
export function loansByState(series: readonly MonthStats[]): { state: LoanState; counts: number[] }[] {
  return LOAN_STATES.filter((state) => series.some((month) => (month.loansByStatus[state] ?? 0) > 0)).map((state) => ({
    state,
    counts: series.map((month) => month.loansByStatus[state] ?? 0),
  }));
}

/** 0..1 -> percent, two decimals. */
export const toPercent = (rate: number) => Math.round(rate * 10_000) / 100;

export const defaultRatePercent = (series: readonly MonthStats[]) =>
  series.map((month) => toPercent(month.defaultRate));

export function byBank(banks: readonly BankStats[]) {
  const named = banks.filter((bank) => bank.bankOrgId !== null);
  return {
    names: named.map((bank) => bank.bankName ?? `#${bank.bankOrgId}`),
    financed: named.map((bank) => fenToYuanNumber(bank.financed)),
    loans: named.map((bank) => bank.loans),
    defaulted: named.map((bank) => bank.defaulted),
  };
}
