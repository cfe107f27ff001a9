/**
 * Notices the chain's clock makes due ("now" is the latest block's time, SPEC section 3), so they
 * appear when time passes on the ledger, also when POST /api/dev/advance-time moves it:
 * - a bank: a loan matures within 30 or within 7 days, is overdue, can now be declared in default;
 * - an enterprise: a repayment falls due within 30 or 7 days, is overdue; a patent's annual fee runs
 *   out within 30 days and before the maturity of the loan it is pledged for; a patent's current
 *   appraisal ends within 30 days (or ended in the last 30).
 * Each notice names the page where the next step is taken: the loan's, or the patent's.
 *
 * One set-wise statement per kind inserts every notice due and not sent yet; each is sent once
 * (time_notices is unique per organisation, topic, subject and threshold), whichever instance or
 * restart finds it first. The indexer runs them in its batch's transaction when it reaches the
 * chain's head, so a notice is there as soon as the block that made it due is indexed.
 */
import type { Queryable } from "../../db/db.js";
import { COLLATERAL_AT_STAKE } from "../../indexer/collateralRisk.js";

/** Days before maturity at which the bank and the enterprise hear of it, largest first. */
export const MATURITY_NOTICE_DAYS = [30, 7] as const;
/** Days ahead that a fee or an appraisal running out is told. */
export const EXPIRY_NOTICE_DAYS = 30;

const INSERT = `insert into time_notices
  (id, org_id, topic, entity, entity_id, threshold, awaits_status, data, block_number, created_at)`;

/**
 * Each kind: a select of (org_id, topic, entity, entity_id, threshold, awaits_status, data) due at
 * $1 (the head's time; $2 is its block number), with its own parameters from $3 on.
 */
const KINDS: { select: string; params: unknown[] }[] = [
  {
    // maturing: within `days` of maturity but not yet within the next, smaller threshold (that one follows)
    select: `
    select o.org_id, o.topic, 'loan', l.id::text, t.days::text, null::text,
           jsonb_build_object('days', t.days, 'maturityAt', l.maturity_at)
      from loans l
      cross join (select days, coalesce(lead(days) over (order by days desc), 0) as next
                    from unnest($3::int[]) as d(days)) t
      cross join lateral (values (l.bank_org_id, 'loan_maturing'), (l.enterprise_org_id, 'repayment_due')) o(org_id, topic)
     where l.status = 'disbursed' and o.org_id is not null
       and l.maturity_at > $1::timestamptz + make_interval(days => t.next)
       and l.maturity_at <= $1::timestamptz + make_interval(days => t.days)`,
    params: [MATURITY_NOTICE_DAYS],
  },
  {
    // overdue: past maturity with something owed (the bank and the enterprise)
    select: `
    select o.org_id, 'loan_overdue', 'loan', l.id::text, extract(epoch from l.maturity_at)::bigint::text, null,
           jsonb_build_object('maturityAt', l.maturity_at)
      from loans l
      cross join lateral (values (l.bank_org_id), (l.enterprise_org_id)) o(org_id)
     where l.status = 'disbursed' and o.org_id is not null and l.maturity_at < $1::timestamptz`,
    params: [],
  },
  {
    // defaultable: maturity plus the grace days reached; open until the bank declares it (or it is repaid)
    select: `
    select l.bank_org_id, 'default_declarable', 'loan', l.id::text,
           extract(epoch from l.maturity_at)::bigint::text, 'disbursed',
           jsonb_build_object('defaultableAt', l.maturity_at + make_interval(days => l.grace_days))
      from loans l
     where l.status = 'disbursed' and l.bank_org_id is not null
       and l.maturity_at + make_interval(days => l.grace_days) <= $1::timestamptz`,
    params: [],
  },
  {
    // fee due: a patent of an active loan whose fee runs out within the window and before the loan's maturity
    select: `
    select p.owner_org_id, 'fee_due', 'patent', p.id, l.id || '@' || extract(epoch from p.fee_paid_until)::bigint, null,
           jsonb_build_object('loanId', l.id::text, 'feePaidUntil', p.fee_paid_until, 'maturityAt', m.maturity)
      from loans l
      join loan_patents lp on lp.loan_id = l.id
      join patents p on p.id = lp.patent_id
      cross join lateral (select coalesce(l.maturity_at, l.estimated_maturity_at,
                                          l.applied_at + make_interval(days => l.term_days)) as maturity) m
     where l.status = any($4) and p.owner_org_id is not null
       and p.fee_paid_until < m.maturity and p.fee_paid_until <= $1::timestamptz + make_interval(days => $3)`,
    params: [EXPIRY_NOTICE_DAYS, COLLATERAL_AT_STAKE],
  },
  {
    // appraisal ending: a live patent's newest appraisal ends within the window (or ended within it)
    select: `
    select p.owner_org_id, 'appraisal_expiring', 'patent', p.id, a.index::text, null,
           jsonb_build_object('validUntil', a.valid_until, 'appraisalIndex', a.index)
      from appraisals a
      join patents p on p.id = a.patent_id
     where a.valid_until > $1::timestamptz - make_interval(days => $3)
       and a.valid_until <= $1::timestamptz + make_interval(days => $3)
       and p.status in ('verified', 'pledged') and p.owner_org_id is not null
       and not exists (select 1 from appraisals newer where newer.patent_id = a.patent_id and newer.index > a.index)`,
    params: [EXPIRY_NOTICE_DAYS],
  },
];

/** Inserts every notice due at the head block (`number`, `time`); returns how many were new. */
export async function sendDueNotices(db: Queryable, head: { number: number; time: Date }): Promise<number> {
  let sent = 0;
  for (const { select, params } of KINDS) {
    const { rowCount } = await db.query(
      `${INSERT}
       select concat_ws(':', due.topic, due.entity_id, due.threshold, due.org_id), due.org_id, due.topic, due.entity,
              due.entity_id, due.threshold, due.awaits_status, due.data, $2, $1
         from (${select}) as due(org_id, topic, entity, entity_id, threshold, awaits_status, data)
       on conflict do nothing`,
      [head.time, head.number, ...params],
    );
    sent += rowCount ?? 0;
  }
  return sent;
}
