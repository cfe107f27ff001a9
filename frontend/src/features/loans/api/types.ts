/** Loans as GET /api/loans returns them (SPEC section 5). Money is fen as a decimal string. */
import type { LoanStatus } from "@/lib/loanSteps";
import type { AuditEvent } from "@/types/api";

export interface Owed {
  principal: string;
  interest: string;
  penalty: string;
  total: string;
}

export interface Loan {
  id: string;
  status: LoanStatus;
  enterpriseOrgId: string | null;
  bankOrgId: string | null;
  productId: string;
  patentIds: string[];
  requestedAmount: string;
  amount: string | null;
  rateBps: number | null;
  termDays: number;
  purpose: string | null;
  appraisedTotal: string | null;
  registrationNo: string | null;
  registeredAt: string | null;
  disbursedAt: string | null;
  maturityAt: string | null;
  estimatedMaturityAt: string | null;
  graceDays: number | null;
  fundShareBps: number | null;
  defaultableAt: string | null;
  overdue: boolean;
  owed: Owed;
  repaid: string;
  outstandingAtDefault: string | null;
  defaultedAt: string | null;
  compensated: string;
  compensationPaid: boolean;
  /** Until then the fund decides on its compensation; afterwards the bank may dispose without it. */
  fundDecisionBy: string | null;
  recovered: string;
  bankRecovery: string;
  fundRecovery: string;
  borrowerSurplus: string;
  buyerOrgId: string | null;
  collateralAtRisk: boolean;
  appliedAt: string;
  updatedAt: string;
  chainTime: string;
  txHash: string;
  blockNumber: number;
}

export interface LoanDetail extends Loan {
  history: AuditEvent[];
}

export type LoanWithTx = Loan & { txHash: string; blockNumber: number };

/** The transaction that made a loan action, kept on screen after its form has gone. */
export type LoanTx = Pick<LoanWithTx, "txHash" | "blockNumber">;

export interface PledgeCheck {
  patentId: string;
  check: "owner" | "verified" | "fee_paid" | "not_preserved" | "no_invalidation" | "outlives_maturity" | "not_pledged";
  ok: boolean;
  detail: string;
}

export interface PledgeChecks {
  loanId: string;
  estimatedMaturityAt: string;
  ok: boolean;
  checks: PledgeCheck[];
}

/** The parts of a product and a patent that the loan pages read (the products and patents features own the rest). */
export interface LoanProduct {
  id: string;
  bankOrgId: string | null;
  bankName: string | null;
  name: string | null;
  maxAmount: string;
  minRateBps: number;
  maxRateBps: number;
  maxTermDays: number;
  ltvBps: number;
  active: boolean;
}

export interface CollateralPatent {
  id: string;
  number: string;
  title: string | null;
  status: string;
  expiryDate: string;
  currentValue: string | null;
  certificateSha256: string;
  appraisals: { index: number; value: string; validUntil: string; reportSha256: string; current: boolean }[];
}
