/**
 * Who got what from a disposal (the ledger's CollateralDisposed: PledgeFinance.dispose). At default
 * the bank is owed `outstandingAtDefault`; the fund's compensation takes part of that loss off the
 * bank. The disposal's proceeds, up to what was outstanding, go to the two creditors in proportion
 * to the loss each bore; anything above it is the borrower's surplus. Amounts are fen as strings.
 */
import type { Loan } from "../api/types";

export interface RecoveryShare {
  party: "bank" | "fund" | "borrower";
  /** The loss this party bore before the disposal: the bank's uncompensated part, the fund's compensation. */
  bore: string | null;
  /** Its share of the disposal's proceeds. */
  recovered: string;
  /** What it is still out of pocket after the disposal. */
  lossLeft: string | null;
}

/** The three shares of a disposed loan's proceeds, or null when the loan was never disposed of. */
export function recoverySplit(loan: Loan): RecoveryShare[] | null {
  if (loan.buyerOrgId === null || loan.outstandingAtDefault === null) return null;
  const outstanding = BigInt(loan.outstandingAtDefault);
  const compensation = BigInt(loan.compensated);
  const bankBore = outstanding - compensation;
  const bankRecovery = BigInt(loan.bankRecovery);
  const fundRecovery = BigInt(loan.fundRecovery);
  return [
    {
      party: "bank",
      bore: String(bankBore),
      recovered: String(bankRecovery),
      lossLeft: String(bankBore - bankRecovery),
    },
    {
      party: "fund",
      bore: String(compensation),
      recovered: String(fundRecovery),
      lossLeft: String(compensation - fundRecovery),
    },
    { party: "borrower", bore: null, recovered: loan.borrowerSurplus, lossLeft: null },
  ];
}
