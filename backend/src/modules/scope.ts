/**
 * Who may read what (SPEC section 1): an enterprise its own patents and loans; a bank its own loans
 * and the patents in them; the fund the loans that defaulted; the IP office and the regulator
 * everything; appraisers every patent. Each function returns an SQL condition on the given alias
 * and its parameter, so lists and details share one rule. Anything outside it is a 404.
 */
import type { Condition } from "../db/sqlFilter.js";
import type { Caller } from "../http/auth.js";

/** `p` is a patents row; `$n` placeholders start at `next`. */
export function patentScope(caller: Caller, alias: string, next: number): Condition {
  switch (caller.role) {
    case "regulator":
    case "ipoffice":
    case "appraiser":
      return { sql: "true", params: [] };
    case "enterprise":
      return { sql: `${alias}.owner_org_id = $${next}`, params: [caller.orgId] };
    case "bank":
      return {
        sql: `exists (select 1 from loan_patents lp join loans l on l.id = lp.loan_id
                       where lp.patent_id = ${alias}.id and l.bank_org_id = $${next})`,
        params: [caller.orgId],
      };
    case "fund":
      return {
        sql: `exists (select 1 from loan_patents lp join loans l on l.id = lp.loan_id
                       where lp.patent_id = ${alias}.id and l.defaulted_at is not null)`,
        params: [],
      };
    default:
      return { sql: "false", params: [] };
  }
}

/**
 * SQL: the id of the loan holding patent `alias`, as the caller may see it; null when that loan is
 * outside the caller's loans (a bank never learns another bank's loan id from a patent it saw in
 * its own application before).
 */
export function visibleLoanId(caller: Caller, alias: string, next: number): Condition {
  const held = loanScope(caller, "vl", next);
  if (held.sql === "true") return { sql: `${alias}.loan_id`, params: [] };
  return {
    sql: `(select vl.id from loans vl where vl.id = ${alias}.loan_id and ${held.sql})`,
    params: held.params,
  };
}

/**
 * The transaction that last changed a patent (`alias` is a patents row), or null when it carries
 * events of a loan outside the caller's loans: a reservation for another bank's application would
 * otherwise name that application's transaction.
 */
export function visibleLastChange(caller: Caller, alias: string, next: number): Condition {
  const held = loanScope(caller, "tl", next);
  if (held.sql === "true") return { sql: `${alias}.tx_hash`, params: [] };
  return {
    sql: `case when exists (select 1 from chain_events te join loans tl on tl.id::text = te.entity_id
             where te.tx_hash = ${alias}.tx_hash and te.entity = 'loan' and not (${held.sql}))
           then null else ${alias}.tx_hash end`,
    params: held.params,
  };
}

/** `l` is a loans row. */
export function loanScope(caller: Caller, alias: string, next: number): Condition {
  switch (caller.role) {
    case "regulator":
    case "ipoffice":
      return { sql: "true", params: [] };
    case "enterprise":
      return { sql: `${alias}.enterprise_org_id = $${next}`, params: [caller.orgId] };
    case "bank":
      return { sql: `${alias}.bank_org_id = $${next}`, params: [caller.orgId] };
    case "fund":
      return { sql: `${alias}.defaulted_at is not null`, params: [] };
    default:
      return { sql: "false", params: [] };
  }
}

/** The roles that may read loans at all (others get 403, not an empty list). */
export const LOAN_READERS = ["enterprise", "bank", "ipoffice", "fund", "regulator"] as const;
export const PATENT_READERS = ["enterprise", "bank", "ipoffice", "appraiser", "fund", "regulator"] as const;
