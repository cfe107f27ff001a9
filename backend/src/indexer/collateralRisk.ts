/**
 * Collateral at risk (SPEC section 2, legal status): a loan whose patents are still at stake for
 * its bank is flagged while any of them is revoked, under court preservation, under invalidation,
 * or has its annual fee paid only to a day before the loan's maturity; the flag follows the
 * patents' current legal status both ways. Each change of the flag tells the bank and the
 * enterprise (collateral_at_risk, collateral_risk_cleared). A loan that has left those states
 * keeps the flag it had then.
 *
 * The rule runs after the handler of each event that can change it (apply.ts): a patent's legal
 * status or revocation, and a loan event that sets the loan's patents or its (estimated) maturity.
 * It reads only the projections, so a re-index and the integrity check's replay flag the same loans.
 */
import type { HandlerContext } from "./handlers.js";

/** Loan states in which the patents are held for the bank, from the application to the disposal. */
export const COLLATERAL_AT_STAKE = ["applied", "approved", "pledged", "disbursed", "defaulted"] as const;

/** The events after which a loan's flag is assessed again, and how each names that loan. */
const REASSESSED_AFTER: Record<string, (ctx: HandlerContext) => Promise<string | null>> = {
  "PatentRegistry:LegalStatusUpdated": async ({ event }) => loanIdText(event.args.loanId),
  "PatentRegistry:PatentRevoked": async (ctx) => {
    const id = await ctx.patentIdOf(ctx.event.args.patentId as bigint);
    const { rows } = await ctx.db.query("select loan_id from patents where id = $1", [id]);
    return rows[0]?.loan_id == null ? null : String(rows[0].loan_id);
  },
  "PledgeFinance:LoanApplied": async ({ event }) => loanIdText(event.args.loanId),
  "PledgeFinance:PledgeRegistered": async ({ event }) => loanIdText(event.args.loanId),
  "PledgeFinance:LoanDisbursed": async ({ event }) => loanIdText(event.args.loanId),
};

const loanIdText = (value: unknown) => ((value as bigint) === 0n ? null : (value as bigint).toString());

/**
 * Whether each patent of a loan is at risk, against the loan's maturity: the real one once
 * disbursed, the estimate from the pledge registration, and before that the earliest it can be
 * (the application's day plus the term), so a fee short of it is short of any later maturity too.
 */
const ASSESS = `
  with assessed as (
    select l.id, l.collateral_at_risk as was,
           coalesce(array_agg(p.id order by lp.position) filter (where p.status = 'revoked' or p.preserved
             or p.invalidation_pending or p.fee_paid_until < coalesce(l.maturity_at, l.estimated_maturity_at,
               l.applied_at + make_interval(days => l.term_days))), '{}') as patents_at_risk
      from loans l
      join loan_patents lp on lp.loan_id = l.id
      join patents p on p.id = lp.patent_id
     where l.id = $1 and l.status = any($2)
     group by l.id, l.collateral_at_risk)
  update loans l set collateral_at_risk = cardinality(a.patents_at_risk) > 0
    from assessed a
   where l.id = a.id and a.was <> (cardinality(a.patents_at_risk) > 0)
  returning l.collateral_at_risk as at_risk, a.patents_at_risk, l.bank_org_id, l.enterprise_org_id`;

/** Assesses the flag of the loan the event concerns, if it may have changed; notifies a change. */
export async function reassessCollateralRisk(ctx: HandlerContext): Promise<void> {
  const loanOf = REASSESSED_AFTER[`${ctx.event.contract}:${ctx.event.name}`];
  const loanId = loanOf ? await loanOf(ctx) : null;
  if (!loanId) return;
  const { rows } = await ctx.db.query(ASSESS, [loanId, COLLATERAL_AT_STAKE]);
  const changed = rows[0];
  if (!changed) return;
  const topic = changed.at_risk ? "collateral_at_risk" : "collateral_risk_cleared";
  const patentId =
    ctx.event.contract === "PatentRegistry" ? await ctx.patentIdOf(ctx.event.args.patentId as bigint) : null;
  const data = { patentId, patentsAtRisk: changed.patents_at_risk as string[] };
  const parties = [
    { id: changed.bank_org_id as string | null, kind: "bank" as const },
    { id: changed.enterprise_org_id as string | null, kind: "enterprise" as const },
  ];
  for (const org of parties) {
    if (org.id)
      ctx.notify({ org: { id: String(org.id), kind: org.kind }, topic, entity: "loan", entityId: loanId, data });
  }
}
