/**
 * Where a loan stands, as a step indicator (SPEC section 3). The happy path is
 * applied -> approved -> pledged -> disbursed -> repaid -> closed; a loan may end early (rejected,
 * withdrawn, cancelled) or go through default (defaulted -> disposed -> closed).
 */

import { LOAN_STATUSES } from "@/types/api.gen";

export { LOAN_STATUSES };
export type LoanStatus = (typeof LOAN_STATUSES)[number];

const HAPPY_PATH = ["applied", "approved", "pledged", "disbursed", "repaid", "closed"] as const;
const DEFAULT_PATH = ["applied", "approved", "pledged", "disbursed", "defaulted", "disposed", "closed"] as const;

/** The step a loan left the happy path from, for each early ending. */
const ENDED_AFTER = { rejected: "applied", withdrawn: "applied", cancelled: "approved" } as const;

export interface LoanSteps {
  steps: readonly LoanStatus[];
  /** index of the loan's status in `steps` */
  current: number;
  /** the loan left the happy path: ended early, or defaulted */
  error: boolean;
  /** nothing more will happen to the loan */
  finished: boolean;
}

export function loanSteps(loan: { status: LoanStatus; defaultedAt?: string | null }): LoanSteps {
  const { status } = loan;
  if (status === "rejected" || status === "withdrawn" || status === "cancelled") {
    const before = HAPPY_PATH.slice(0, HAPPY_PATH.indexOf(ENDED_AFTER[status]) + 1);
    return { steps: [...before, status], current: before.length, error: true, finished: true };
  }
  const defaulted = status === "defaulted" || status === "disposed" || (status === "closed" && !!loan.defaultedAt);
  const steps = defaulted ? DEFAULT_PATH : HAPPY_PATH;
  return {
    steps,
    current: (steps as readonly LoanStatus[]).indexOf(status),
    error: defaulted,
    finished: status === "closed",
  };
}
