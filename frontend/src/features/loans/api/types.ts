/** Loans as GET /api/loans returns them, as the API's OpenAPI document describes them. Money is fen as a decimal string. */
import type { Schemas } from "@/types/api";

export type Loan = Schemas["Loan"];
export type Owed = Loan["owed"];
export type LoanDetail = Schemas["LoanDetail"];

export type LoanWithTx = Loan & { txHash: string; blockNumber: number };

/** The transaction that made a loan action, kept on screen after its form has gone. */
export type LoanTx = Pick<LoanWithTx, "txHash" | "blockNumber">;

/** The IP office's refusal rules for registering a pledge, one result per patent and rule. */
export type PledgeChecks = Schemas["PledgeChecks"];
export type PledgeCheck = PledgeChecks["checks"][number];

/** The parts of a product and a patent that the loan pages read (the products and patents features own the rest). */
export type LoanProduct = Pick<
  Schemas["Product"],
  | "id"
  | "bankOrgId"
  | "bankName"
  | "name"
  | "maxAmount"
  | "minRateBps"
  | "maxRateBps"
  | "maxTermDays"
  | "ltvBps"
  | "active"
>;

export type CollateralPatent = Pick<
  Schemas["Patent"],
  "id" | "number" | "title" | "status" | "expiryDate" | "currentValue" | "certificateSha256"
> & {
  appraisals: Pick<Schemas["Appraisal"], "index" | "value" | "validUntil" | "reportSha256" | "current">[];
};
