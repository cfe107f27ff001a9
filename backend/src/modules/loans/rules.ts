/**
 * The ledger's rules, checked against the projections before a transaction is sent, so the caller
 * gets a clear 409 or 422 that names the rule. The contracts check them again: these are for the
 * message, never the guard.
 */
import type { AppContext } from "../../context.js";
import { DAY_SECONDS, inAppraisalWindow } from "../../domain/ledger.js";
import { conflict } from "../../errors.js";
import type { Loan } from "./repository.js";
import { dateOfSeconds } from "../../domain/time.js";

export function requireStatus(loan: Loan, allowed: readonly string[], action: string): void {
  if (!allowed.includes(loan.status)) {
    throw conflict(
      "INVALID_LOAN_STATE",
      `loan ${loan.id} is ${loan.status}; it can be ${action} only when ${allowed.join(" or ")}`,
      {
        loanId: loan.id,
        current: loan.status,
        expected: allowed,
      },
    );
  }
}

/** The sum of the patents' current appraisals, counting only verified or pledged, unexpired patents. */
export async function appraisedTotal(ctx: AppContext, patentIds: string[], now: bigint): Promise<bigint> {
  const { rows } = await ctx.db.query<{ total: string | null }>(
    `select sum(current.value)::text as total from patents p
       cross join lateral (select a.value from appraisals a where a.patent_id = p.id and a.valid_until >= to_timestamp($2)
                              and ${inAppraisalWindow("a")}
                            order by a.index desc limit 1) current
      where p.id = any($1) and p.status in ('verified', 'pledged') and p.expiry_date >= to_timestamp($2)`,
    [patentIds, Number(now)],
  );
  return BigInt(rows[0]?.total ?? 0);
}

/** The IP office's refusal rules, by name. */
export const PLEDGE_CHECKS = [
  "owner",
  "verified",
  "fee_paid",
  "not_preserved",
  "no_invalidation",
  "outlives_maturity",
  "not_pledged",
] as const;

export interface PledgeCheck {
  patentId: string;
  check: (typeof PLEDGE_CHECKS)[number];
  ok: boolean;
  detail: string;
}

/**
 * The IP office's refusal rules for registering a pledge (SPEC section 3), one result per patent
 * and rule. Maturity before disbursement is estimated as now + term.
 */
export async function pledgeChecks(ctx: AppContext, loan: Loan, now: bigint) {
  const maturity = dateOfSeconds(Number(now) + (loan.termDays ?? 0) * DAY_SECONDS);
  const { rows } = await ctx.db.query(
    `select p.id, p.status, p.owner_address, p.fee_paid_until, p.preserved, p.invalidation_pending, p.expiry_date, l.borrower_address
       from loan_patents lp join patents p on p.id = lp.patent_id join loans l on l.id = lp.loan_id
      where lp.loan_id = $1 order by lp.position`,
    [loan.id],
  );
  const checks: PledgeCheck[] = [];
  for (const patent of rows) {
    const fee = patent.fee_paid_until as Date | null;
    const iso = (date: Date | null) => date?.toISOString().slice(0, 10) ?? "none";
    checks.push(
      {
        patentId: patent.id,
        check: "owner",
        ok: patent.owner_address === patent.borrower_address,
        detail: "the borrower is the registered owner",
      },
      { patentId: patent.id, check: "verified", ok: patent.status === "verified", detail: `status ${patent.status}` },
      {
        patentId: patent.id,
        check: "fee_paid",
        ok: fee !== null && fee >= maturity,
        detail: `annual fee paid until ${iso(fee)}, maturity ${iso(maturity)}`,
      },
      {
        patentId: patent.id,
        check: "not_preserved",
        ok: !patent.preserved,
        detail: patent.preserved ? "under court preservation" : "no preservation",
      },
      {
        patentId: patent.id,
        check: "no_invalidation",
        ok: !patent.invalidation_pending,
        detail: patent.invalidation_pending ? "an invalidation request is pending" : "no invalidation request",
      },
      {
        patentId: patent.id,
        check: "outlives_maturity",
        ok: (patent.expiry_date as Date) >= maturity,
        detail: `expires ${iso(patent.expiry_date)}, maturity ${iso(maturity)}`,
      },
      { patentId: patent.id, check: "not_pledged", ok: patent.status !== "pledged", detail: `status ${patent.status}` },
    );
  }
  return {
    loanId: loan.id,
    estimatedMaturityAt: maturity.toISOString(),
    ok: checks.every((check) => check.ok),
    checks,
  };
}
