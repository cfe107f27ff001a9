/**
 * TypeScript mirrors of the contracts' enums (append-only on chain, so the order matters) and the
 * names SPEC gives them in JSON.
 */
export const PATENT_STATUSES = ["none", "registered", "verified", "rejected", "pledged", "revoked"] as const;
export type PatentStatus = (typeof PATENT_STATUSES)[number];

export const PATENT_KINDS = ["invention", "utility_model", "design"] as const;
export type PatentKind = (typeof PATENT_KINDS)[number];

export const LOAN_STATUSES = [
  "none",
  "applied",
  "approved",
  "rejected",
  "withdrawn",
  "pledged",
  "cancelled",
  "disbursed",
  "repaid",
  "defaulted",
  "disposed",
  "closed",
] as const;
export type LoanStatus = (typeof LOAN_STATUSES)[number];

export const ORG_KINDS = ["enterprise", "appraiser", "ipoffice", "bank", "fund", "regulator", "admin"] as const;
export type OrgKind = (typeof ORG_KINDS)[number];

/** Organisation kinds that hold a role on chain (the operator holds the admin roles instead). */
export const ROLE_KINDS = ["enterprise", "appraiser", "ipoffice", "bank", "fund", "regulator"] as const;
export type RoleKind = (typeof ROLE_KINDS)[number];

export const patentStatusName = (index: number | bigint): PatentStatus => PATENT_STATUSES[Number(index)];
export const patentKindName = (index: number | bigint): PatentKind => PATENT_KINDS[Number(index)];
export const loanStatusName = (index: number | bigint): LoanStatus => LOAN_STATUSES[Number(index)];

export const UINT32_MAX = 2 ** 32 - 1;
export const UINT96_MAX = 2n ** 96n - 1n;
export const MAX_PATENTS_PER_LOAN = 10;
export const DAY_SECONDS = 86_400;

/**
 * PatentRegistry.APPRAISAL_WINDOW: only a patent's newest appraisals count (the newest unexpired of
 * them), so no call on chain costs more the more appraisals were ever recorded.
 */
export const APPRAISAL_WINDOW = 8;

/** SQL: appraisal `alias` is among its patent's APPRAISAL_WINDOW newest. */
export const inAppraisalWindow = (alias: string) =>
  `${alias}.index > (select max(w.index) from appraisals w where w.patent_id = ${alias}.patent_id) - ${APPRAISAL_WINDOW}`;
