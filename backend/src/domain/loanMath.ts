/**
 * The contracts' money maths (contracts/libraries/LoanMath.sol) for reads: simple ACT/365 interest
 * on outstanding principal, 150% penalty rate after maturity, rounded down to the fen. The API
 * computes what a loan owes now from the projection and the chain's latest block time, so reads
 * keep working while the chain is away; /api/audit/verify compares the result with `owedAt`.
 */
const BPS = 10_000n;
const YEAR = 365n * 86_400n;
const PENALTY_RATE_BPS = 15_000n;

export interface Owed {
  principal: bigint;
  interest: bigint;
  penalty: bigint;
  total: bigint;
}

export function accrue(principal: bigint, rateBps: bigint, from: bigint, to: bigint, maturityAt: bigint) {
  const normalEnd = to < maturityAt ? to : maturityAt;
  const interest = normalEnd > from ? (principal * rateBps * (normalEnd - from)) / (BPS * YEAR) : 0n;
  const penaltyStart = from > maturityAt ? from : maturityAt;
  const penalty =
    to > penaltyStart ? (principal * rateBps * PENALTY_RATE_BPS * (to - penaltyStart)) / (BPS * BPS * YEAR) : 0n;
  return { interest, penalty };
}

export interface AccruingLoan {
  status: string;
  principalOutstanding: bigint;
  interestDue: bigint;
  penaltyDue: bigint;
  rateBps: bigint;
  accruedAt: bigint; // unix seconds
  maturityAt: bigint; // unix seconds
}

/** What the loan owes at `now` (unix seconds of chain time); only a disbursed loan accrues. */
export function owedAt(loan: AccruingLoan, now: bigint): Owed {
  let { interestDue: interest, penaltyDue: penalty } = loan;
  const principal = loan.principalOutstanding;
  if (loan.status === "disbursed" && now > loan.accruedAt) {
    const accrued = accrue(principal, loan.rateBps, loan.accruedAt, now, loan.maturityAt);
    interest += accrued.interest;
    penalty += accrued.penalty;
  }
  return { principal, interest, penalty, total: principal + interest + penalty };
}
