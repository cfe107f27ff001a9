/** Loans as the API returns them; what is owed "now" is computed at the chain's latest block time. */
import { pageOf } from "../../db/db.js";
import { SqlFilter } from "../../db/sqlFilter.js";
import type { AppContext } from "../../context.js";
import { DAY_SECONDS, LOAN_STATUSES } from "../../domain/ledger.js";
import { owedAt } from "../../domain/loanMath.js";
import { dateOfSeconds, isoOrNull, secondsOf } from "../../domain/time.js";
import { notFound } from "../../errors.js";
import type { Caller } from "../../http/auth.js";
import { DateOut, MoneyOut, z } from "../../http/schemas.js";
import { AuditEventOut, historyOf } from "../audit/events.js";
import { chainNow } from "../chainTime.js";
import { loanScope } from "../scope.js";
import { loanSearch, SearchText } from "./search.js";

const Owed = z.object({ principal: MoneyOut, interest: MoneyOut, penalty: MoneyOut, total: MoneyOut });

export const LoanOut = z
  .object({
    id: z.string(),
    // the ledger's zero state names no loan on record
    status: z.enum(LOAN_STATUSES).exclude(["none"]),
    enterpriseOrgId: z.string().nullable(),
    bankOrgId: z.string().nullable(),
    productId: z.string(),
    patentIds: z.array(z.string()),
    requestedAmount: MoneyOut,
    amount: MoneyOut.nullable(),
    rateBps: z.number().nullable(),
    termDays: z.number(),
    purpose: z.string().nullable(),
    appraisedTotal: MoneyOut.nullable(),
    registrationNo: z.string().nullable(),
    registeredAt: DateOut,
    disbursedAt: DateOut,
    maturityAt: DateOut,
    estimatedMaturityAt: DateOut,
    graceDays: z.number().nullable(),
    fundShareBps: z.number().nullable(),
    defaultableAt: DateOut,
    overdue: z.boolean(),
    owed: Owed,
    repaid: MoneyOut,
    outstandingAtDefault: MoneyOut.nullable(),
    defaultedAt: DateOut,
    /** Until then the fund decides on its compensation; afterwards the bank may dispose without it. */
    fundDecisionBy: DateOut,
    compensated: MoneyOut,
    compensationPaid: z.boolean(),
    recovered: MoneyOut,
    bankRecovery: MoneyOut,
    fundRecovery: MoneyOut,
    borrowerSurplus: MoneyOut,
    buyerOrgId: z.string().nullable(),
    collateralAtRisk: z.boolean(),
    appliedAt: z.string(),
    updatedAt: z.string(),
    chainTime: z.string(),
    txHash: z.string(),
    blockNumber: z.number(),
  })
  .openapi("Loan");

export const LoanDetailOut = LoanOut.extend({ history: z.array(AuditEventOut) }).openapi("LoanDetail");

export const LoanQuery = z
  .object({
    status: z.enum(LOAN_STATUSES).optional(),
    bankOrgId: z
      .string()
      .regex(/^[1-9]\d{0,17}$/)
      .optional(),
    enterpriseOrgId: z
      .string()
      .regex(/^[1-9]\d{0,17}$/)
      .optional(),
    productId: z
      .string()
      .regex(/^[1-9]\d{0,17}$/)
      .optional(),
    /** Disbursed loans past maturity. */
    overdue: z.enum(["true", "false"]).optional(),
    collateralAtRisk: z.enum(["true", "false"]).optional(),
    /** Free text: a loan id, part of a registration number or of the borrower's name. */
    q: SearchText.optional(),
    limit: z.coerce.number().int().min(1).max(200).default(50),
    offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
    sort: z.enum(["id", "-id", "updatedAt", "-updatedAt", "maturityAt", "-maturityAt"]).default("-id"),
  })
  .strict();

const SORTS: Record<string, string> = {
  id: "l.id",
  "-id": "l.id desc",
  updatedAt: "l.updated_at, l.id",
  "-updatedAt": "l.updated_at desc, l.id desc",
  maturityAt: "l.maturity_at nulls last, l.id",
  "-maturityAt": "l.maturity_at desc nulls last, l.id desc",
};

const SELECT = `select l.*, coalesce((select array_agg(lp.patent_id order by lp.position) from loan_patents lp where lp.loan_id = l.id), '{}') as patent_ids
  from loans l`;

export function loanOut(row: Record<string, unknown>, now: bigint) {
  const status = row.status as (typeof LOAN_STATUSES)[number];
  const owed = owedAt(
    {
      status,
      principalOutstanding: BigInt(row.principal_outstanding as string),
      interestDue: BigInt(row.interest_due as string),
      penaltyDue: BigInt(row.penalty_due as string),
      rateBps: BigInt((row.rate_bps as number | null) ?? 0),
      accruedAt: row.accrued_at ? secondsOf(row.accrued_at as Date) : 0n,
      maturityAt: row.maturity_at ? secondsOf(row.maturity_at as Date) : 0n,
    },
    now,
  );
  const maturity = row.maturity_at ? secondsOf(row.maturity_at as Date) : null;
  const defaultableAt =
    maturity !== null && row.grace_days !== null
      ? dateOfSeconds(maturity + BigInt(row.grace_days as number) * BigInt(DAY_SECONDS))
      : null;
  return {
    id: String(row.id),
    status,
    enterpriseOrgId: (row.enterprise_org_id as string | null) ?? null,
    bankOrgId: (row.bank_org_id as string | null) ?? null,
    productId: String(row.product_id),
    patentIds: row.patent_ids as string[],
    requestedAmount: String(row.requested_amount),
    amount: row.amount === null ? null : String(row.amount),
    rateBps: (row.rate_bps as number | null) ?? null,
    termDays: row.term_days as number,
    purpose: (row.purpose as string | null) ?? null,
    appraisedTotal: row.appraised_total === null ? null : String(row.appraised_total),
    registrationNo: (row.registration_no as string | null) ?? null,
    registeredAt: isoOrNull(row.registered_at as Date | null),
    disbursedAt: isoOrNull(row.disbursed_at as Date | null),
    maturityAt: isoOrNull(row.maturity_at as Date | null),
    estimatedMaturityAt: isoOrNull(row.estimated_maturity_at as Date | null),
    graceDays: (row.grace_days as number | null) ?? null,
    fundShareBps: (row.fund_share_bps as number | null) ?? null,
    defaultableAt: defaultableAt?.toISOString() ?? null,
    overdue: status === "disbursed" && maturity !== null && now > maturity,
    owed: {
      principal: owed.principal.toString(),
      interest: owed.interest.toString(),
      penalty: owed.penalty.toString(),
      total: owed.total.toString(),
    },
    repaid: String(row.repaid),
    outstandingAtDefault: row.outstanding_at_default === null ? null : String(row.outstanding_at_default),
    defaultedAt: isoOrNull(row.defaulted_at as Date | null),
    fundDecisionBy: isoOrNull(row.fund_decision_by as Date | null),
    compensated: String(row.compensation),
    compensationPaid: row.compensated as boolean,
    recovered: String(row.recovered),
    bankRecovery: String(row.bank_recovery),
    fundRecovery: String(row.fund_recovery),
    borrowerSurplus: String(row.borrower_surplus),
    buyerOrgId: (row.buyer_org_id as string | null) ?? null,
    collateralAtRisk: row.collateral_at_risk as boolean,
    appliedAt: (row.applied_at as Date).toISOString(),
    updatedAt: (row.updated_at as Date).toISOString(),
    chainTime: dateOfSeconds(now).toISOString(),
    txHash: row.tx_hash as string,
    blockNumber: Number(row.block_number),
  };
}

export type Loan = ReturnType<typeof loanOut>;

export async function listLoans(ctx: AppContext, caller: Caller, query: z.infer<typeof LoanQuery>) {
  const filter = new SqlFilter();
  filter.where((next) => loanScope(caller, "l", next));
  const now = await chainNow(ctx);
  if (query.status) filter.where(`l.status = ${filter.bind(query.status)}`);
  if (query.bankOrgId) filter.where(`l.bank_org_id = ${filter.bind(query.bankOrgId)}`);
  if (query.enterpriseOrgId) filter.where(`l.enterprise_org_id = ${filter.bind(query.enterpriseOrgId)}`);
  if (query.productId) filter.where(`l.product_id = ${filter.bind(query.productId)}`);
  if (query.collateralAtRisk) filter.where(`l.collateral_at_risk = ${filter.bind(query.collateralAtRisk === "true")}`);
  if (query.overdue) {
    const overdue = `l.status = 'disbursed' and l.maturity_at < to_timestamp(${filter.bind(Number(now))})`;
    filter.where(query.overdue === "true" ? overdue : `not (${overdue})`);
  }
  if (query.q) filter.where(loanSearch(query.q, filter));
  // The page's ids and the filter's total first, over the loans alone; then only the page's rows
  // and their patents (the patents' subquery for every matching loan cost more than the page).
  const { rows, total } = await pageOf(
    ctx.db,
    `${SELECT.replace("select l.*,", "select l.*, page.total,")}
       join (select l.id, count(*) over () as total from loans l where ${filter.conditions}
              order by ${SORTS[query.sort]} limit ${filter.bind(query.limit)} offset ${filter.bind(query.offset)}) page
         on page.id = l.id
      order by ${SORTS[query.sort]}`,
    filter.params,
  );
  return { items: rows.map((row) => loanOut(row, now)), total };
}

export async function getLoan(ctx: AppContext, caller: Caller, id: string): Promise<Loan> {
  const scope = loanScope(caller, "l", 2);
  const { rows } = await ctx.db.query(`${SELECT} where l.id = $1 and ${scope.sql}`, [id, ...scope.params]);
  if (!rows[0]) throw notFound("loan", id);
  return loanOut(rows[0], await chainNow(ctx));
}

export async function getLoanDetail(ctx: AppContext, caller: Caller, id: string) {
  const loan = await getLoan(ctx, caller, id);
  return { ...loan, history: await historyOf(ctx.db, "loan", loan.id, caller) };
}
