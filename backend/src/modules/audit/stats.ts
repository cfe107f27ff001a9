/** The regulator's dashboard: totals now, monthly series from the audit trail, and a per-bank view. */
import type { AppContext } from "../../context.js";
import { MoneyOut, z } from "../../http/schemas.js";

export const StatsOut = z
  .object({
    totals: z.object({
      organisations: z.record(z.string(), z.number()),
      patents: z.record(z.string(), z.number()),
      loans: z.record(z.string(), z.number()),
      financed: MoneyOut,
      outstandingPrincipal: MoneyOut,
      repaid: MoneyOut,
      defaultedAmount: MoneyOut,
      fundPaid: MoneyOut,
      recovered: MoneyOut,
      defaultRate: z.number(),
    }),
    series: z.array(
      z.object({
        month: z.string(),
        applications: z.number(),
        disbursements: z.number(),
        financed: MoneyOut,
        repaid: MoneyOut,
        defaults: z.number(),
        defaultRate: z.number(),
        loansByStatus: z.record(z.string(), z.number()),
      }),
    ),
    byBank: z.array(
      z.object({
        bankOrgId: z.string().nullable(),
        bankName: z.string().nullable(),
        loans: z.number(),
        financed: MoneyOut,
        defaulted: z.number(),
      }),
    ),
  })
  .openapi("Stats");

const counts = (rows: Record<string, unknown>[]) => Object.fromEntries(rows.map((row) => [row.key, Number(row.n)]));

export async function dashboardStats(ctx: AppContext) {
  const [orgs, patents, loans, money, fund, monthly, byStatus, banks] = await Promise.all([
    ctx.db.query("select kind as key, count(*) as n from organisations group by kind"),
    ctx.db.query("select status as key, count(*) as n from patents group by status"),
    ctx.db.query("select status as key, count(*) as n from loans group by status"),
    ctx.db.query(
      `select coalesce(sum(amount) filter (where disbursed_at is not null), 0)::text as financed,
              coalesce(sum(principal_outstanding) filter (where status in ('disbursed', 'defaulted')), 0)::text as outstanding,
              coalesce(sum(repaid), 0)::text as repaid,
              coalesce(sum(outstanding_at_default), 0)::text as defaulted_amount,
              coalesce(sum(recovered), 0)::text as recovered,
              count(*) filter (where disbursed_at is not null) as disbursed,
              count(*) filter (where defaulted_at is not null) as defaulted
         from loans`,
    ),
    ctx.db.query("select fund_paid::text from platform_state"),
    ctx.db.query(
      // Every month from the first loan event to the last, a quiet month included (as zeros).
      `with months as (
         select generate_series(date_trunc('month', min(block_time)), date_trunc('month', max(block_time)), interval '1 month') as month
           from chain_events where contract = 'PledgeFinance')
       select to_char(m.month, 'YYYY-MM') as month,
              count(e.*) filter (where e.kind = 'LoanApplied') as applications,
              count(e.*) filter (where e.kind = 'LoanDisbursed') as disbursements,
              coalesce(sum((e.data->>'amount')::numeric) filter (where e.kind = 'LoanDisbursed'), 0)::text as financed,
              coalesce(sum((e.data->'paid'->>'amount')::numeric) filter (where e.kind = 'RepaymentRecorded'), 0)::text as repaid,
              count(e.*) filter (where e.kind = 'LoanDefaulted') as defaults
         from months m
         left join chain_events e on e.contract = 'PledgeFinance'
              and e.block_time >= m.month and e.block_time < m.month + interval '1 month'
        group by m.month order by m.month`,
    ),
    // The state each loan was in at the end of each month, from its transitions.
    ctx.db.query(
      `with months as (
         select generate_series(date_trunc('month', min(block_time)), date_trunc('month', max(block_time)), interval '1 month') as month
           from chain_events),
       transitions as (
         select e.entity_id, e.block_time, e.block_number, e.log_index,
                case e.kind when 'LoanApplied' then 'applied' when 'LoanApproved' then 'approved' when 'LoanRejected' then 'rejected'
                  when 'LoanWithdrawn' then 'withdrawn' when 'PledgeRegistered' then 'pledged' when 'LoanCancelled' then 'cancelled'
                  when 'LoanDisbursed' then 'disbursed' when 'LoanDefaulted' then 'defaulted' when 'CollateralDisposed' then 'disposed'
                  when 'PledgeReleased' then 'closed'
                  when 'RepaymentRecorded' then case when (e.data->>'status') = '8' then 'repaid' else 'disbursed' end end as status
           from chain_events e where e.entity = 'loan' and e.contract = 'PledgeFinance' and e.kind <> 'LossCompensated')
       select to_char(m.month, 'YYYY-MM') as month, s.status as key, count(*) as n
         from months m
         cross join lateral (
           select distinct on (t.entity_id) t.entity_id, t.status from transitions t
            where t.block_time < m.month + interval '1 month'
            order by t.entity_id, t.block_number desc, t.log_index desc) s
        group by 1, 2 order by 1, 2`,
    ),
    ctx.db.query(
      `select l.bank_org_id, o.name as bank_name, count(*) as loans,
              coalesce(sum(l.amount) filter (where l.disbursed_at is not null), 0)::text as financed,
              count(*) filter (where l.defaulted_at is not null) as defaulted
         from loans l left join organisations o on o.id = l.bank_org_id group by 1, 2 order by 1`,
    ),
  ]);
  const totals = money.rows[0];
  const disbursed = Number(totals.disbursed);
  const statusByMonth = new Map<string, Record<string, number>>();
  for (const row of byStatus.rows) {
    statusByMonth.set(row.month, { ...(statusByMonth.get(row.month) ?? {}), [row.key]: Number(row.n) });
  }
  let cumulativeDisbursed = 0;
  let cumulativeDefaults = 0;
  return {
    totals: {
      organisations: counts(orgs.rows),
      patents: counts(patents.rows),
      loans: counts(loans.rows),
      financed: totals.financed,
      outstandingPrincipal: totals.outstanding,
      repaid: totals.repaid,
      defaultedAmount: totals.defaulted_amount,
      fundPaid: fund.rows[0]?.fund_paid ?? "0",
      recovered: totals.recovered,
      defaultRate: disbursed === 0 ? 0 : Number(totals.defaulted) / disbursed,
    },
    series: monthly.rows.map((row) => {
      cumulativeDisbursed += Number(row.disbursements);
      cumulativeDefaults += Number(row.defaults);
      return {
        month: row.month,
        applications: Number(row.applications),
        disbursements: Number(row.disbursements),
        financed: row.financed,
        repaid: row.repaid,
        defaults: Number(row.defaults),
        defaultRate: cumulativeDisbursed === 0 ? 0 : cumulativeDefaults / cumulativeDisbursed,
        loansByStatus: statusByMonth.get(row.month) ?? {},
      };
    }),
    byBank: banks.rows.map((row) => ({
      bankOrgId: row.bank_org_id,
      bankName: row.bank_name,
      loans: Number(row.loans),
      financed: row.financed,
      defaulted: Number(row.defaulted),
    })),
  };
}
