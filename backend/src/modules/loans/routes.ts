/** The financing flow (SPEC section 3) over HTTP: each action by the role the ledger allows. */
import type { AppContext } from "../../context.js";
import { normalisePatentNumber } from "../../domain/patentNumber.js";
import { recordOf, saveRecord, type StoredRecord } from "../../domain/records.js";
import { badRequest, conflict, notFound, unprocessable } from "../../errors.js";
import type { Caller } from "../../http/auth.js";
import type { Api } from "../../http/route.js";
import {
  Bps,
  IdParams,
  Money,
  MoneyOut,
  NumericId,
  PositiveMoney,
  Reason,
  Text,
  withTx,
  z,
} from "../../http/schemas.js";
import type { PreparedCall, TxRef } from "../../chain/ledgerWriter.js";
import { getProduct } from "../products/routes.js";
import { LOAN_READERS } from "../scope.js";
import { chainNow } from "../chainTime.js";
import { getLoan, getLoanDetail, listLoans, LoanDetailOut, LoanOut, LoanQuery, type Loan } from "./repository.js";
import { appraisedTotal, PLEDGE_CHECKS, pledgeChecks, requireStatus } from "./rules.js";

const MAX_PATENTS_PER_LOAN = 10;

const NewLoan = z
  .object({
    productId: NumericId,
    patentIds: z.array(z.string().min(1).max(40)).min(1).max(MAX_PATENTS_PER_LOAN),
    amount: PositiveMoney,
    termDays: z.number().int().min(1).max(7300),
    purpose: Text(2000),
  })
  .strict()
  .openapi("NewLoan");
const Approve = z
  .object({ amount: PositiveMoney, rateBps: Bps(), termDays: z.number().int().min(1).max(7300) })
  .strict()
  .openapi("Approval");
const Pledge = z.object({ registrationNo: Text(100) }).strict();
const Reference = z.object({ reference: Text(200) }).strict();
const Repayment = z
  .union([
    z.object({ amount: PositiveMoney, reference: Text(200) }).strict(),
    z.object({ payoff: z.literal(true), reference: Text(200) }).strict(),
  ])
  .openapi("Repayment");
const Dispose = z
  .object({ buyerOrgId: NumericId, recoveredAmount: Money, reference: Text(200) })
  .strict()
  .openapi("Disposal");

const LoanWithTx = withTx(LoanOut.shape);
const Allocation = z.object({ amount: MoneyOut, penalty: MoneyOut, interest: MoneyOut, principal: MoneyOut });

export function loanRoutes(api: Api, ctx: AppContext): void {
  const reference = (loan: Loan, action: string, text: string) => ({
    kind: "reference",
    record: recordOf("reference", { loanId: loan.id, action, reference: text }),
  });
  const reason = (loan: Loan, action: string, text: string) => ({
    kind: "reason",
    record: recordOf("reason", { action, subject: `loan:${loan.id}`, reason: text }),
  });
  /** A finance call anchoring one record (a reason or a payment reference). */
  const anchoring = (
    method: string,
    args: unknown[],
    anchored: { kind: string; record: StoredRecord },
  ): PreparedCall => ({
    ...ctx.ledger.finance(method, [...args, anchored.record.hash]),
    records: [anchored],
  });
  const finish = async (caller: Caller, id: string, tx: TxRef) => ({ ...(await getLoan(ctx, caller, id)), ...tx });

  api.add({
    method: "post",
    path: "/loans",
    summary: "Apply for a loan",
    operationId: "applyForLoan",
    tag: "loans",
    access: ["enterprise"],
    body: NewLoan,
    status: 201,
    errors: [409, 422, 503],
    response: LoanWithTx,
    handler: async ({ body, caller }) => {
      const product = await getProduct(ctx, body.productId);
      if (!product.active) throw unprocessable("PRODUCT_INACTIVE", `product ${product.id} takes no new applications`);
      if (body.amount > BigInt(product.maxAmount)) {
        throw unprocessable("AMOUNT_OUT_OF_RANGE", `the product lends at most ${product.maxAmount} fen`, {
          max: product.maxAmount,
        });
      }
      if (body.termDays > product.maxTermDays) {
        throw unprocessable("TERM_OUT_OF_RANGE", `the product's term is at most ${product.maxTermDays} days`, {
          max: product.maxTermDays,
        });
      }
      const ids = body.patentIds.map(normalisePatentNumber);
      if (new Set(ids).size !== ids.length)
        throw badRequest("DUPLICATE_PATENT", "a patent is named twice", { patentIds: ids });
      const { rows } = await ctx.db.query(
        "select id, token_id, status, loan_id from patents where id = any($1) and owner_org_id = $2",
        [ids, caller.orgId],
      );
      const patents = new Map(rows.map((row) => [row.id as string, row]));
      for (const id of ids) {
        const patent = patents.get(id);
        if (!patent) throw notFound("patent", id);
        // Before the status: a pledged patent is refused for being in a loan, as the ledger refuses it.
        if (patent.loan_id) {
          throw conflict("PATENT_IN_ACTIVE_LOAN", `patent ${id} is already in loan ${patent.loan_id}`, {
            patentId: id,
            loanId: patent.loan_id,
          });
        }
        if (patent.status !== "verified") {
          throw conflict(
            "INVALID_PATENT_STATE",
            `patent ${id} is ${patent.status}; only a verified patent can be pledged`,
            { patentId: id },
          );
        }
      }
      const purpose = recordOf("purpose", { borrower: caller.address, purpose: body.purpose });
      const tokenIds = ids.map((id) => BigInt(patents.get(id)!.token_id));
      const call = ctx.ledger.finance("applyForLoan", [
        body.productId,
        tokenIds,
        body.amount,
        body.termDays,
        purpose.hash,
      ]);
      await ctx.ledger.simulate(caller.orgId, call);
      await saveRecord(ctx.db, "purpose", purpose);
      const tx = await ctx.ledger.send(caller.orgId, call);
      const created = await ctx.db.query(
        "select entity_id as id from chain_events where tx_hash = $1 and kind = 'LoanApplied'",
        [tx.txHash],
      );
      return finish(caller, created.rows[0].id, tx);
    },
  });

  api.add({
    method: "get",
    path: "/loans",
    summary: "List loans",
    operationId: "listLoans",
    tag: "loans",
    access: LOAN_READERS,
    query: LoanQuery,
    response: z.object({ items: z.array(LoanOut), total: z.number() }),
    handler: ({ query, caller }) => listLoans(ctx, caller, query),
  });

  api.add({
    method: "get",
    path: "/loans/:id",
    summary: "Read a loan with what it owes now and its history",
    operationId: "getLoan",
    tag: "loans",
    access: LOAN_READERS,
    params: IdParams,
    response: LoanDetailOut,
    handler: ({ params, caller }) => getLoanDetail(ctx, caller, params.id),
  });

  api.add({
    method: "get",
    path: "/loans/:id/pledge-checks",
    summary: "Run the IP office's pledge refusal checks",
    operationId: "getPledgeChecks",
    tag: "loans",
    access: ["ipoffice", "bank", "enterprise", "regulator"],
    params: IdParams,
    response: z
      .object({
        loanId: z.string(),
        estimatedMaturityAt: z.string(),
        ok: z.boolean(),
        checks: z.array(
          z.object({ patentId: z.string(), check: z.enum(PLEDGE_CHECKS), ok: z.boolean(), detail: z.string() }),
        ),
      })
      .openapi("PledgeChecks"),
    handler: async ({ params, caller }) =>
      pledgeChecks(ctx, await getLoan(ctx, caller, params.id), await chainNow(ctx)),
  });

  /** A loan action: load the loan in scope, check, build the call, send, return the loan. */
  const action = <B extends z.ZodType | undefined>(spec: {
    path: string;
    summary: string;
    operationId: string;
    roles: readonly ("bank" | "enterprise" | "ipoffice" | "fund")[];
    body?: B;
    from: readonly string[];
    verb: string;
    call: (loan: Loan, body: B extends z.ZodType ? z.output<B> : undefined, caller: Caller) => Promise<PreparedCall>;
  }) =>
    api.add({
      method: "post",
      path: `/loans/:id/${spec.path}`,
      summary: spec.summary,
      operationId: spec.operationId,
      tag: "loans",
      access: spec.roles,
      params: IdParams,
      body: spec.body,
      errors: [409, 422, 503],
      response: LoanWithTx,
      handler: async ({ params, body, caller }) => {
        const loan = await getLoan(ctx, caller, params.id);
        requireStatus(loan, spec.from, spec.verb);
        const call = await spec.call(loan, body as never, caller);
        return finish(caller, loan.id, await ctx.ledger.send(caller.orgId, call));
      },
    });

  action({
    path: "withdraw",
    summary: "Withdraw an application",
    operationId: "withdrawApplication",
    roles: ["enterprise"],
    from: ["applied"],
    verb: "withdrawn",
    call: async (loan) => ctx.ledger.finance("withdrawApplication", [loan.id]),
  });

  action({
    path: "approve",
    summary: "Approve an application with its terms",
    operationId: "approveLoan",
    roles: ["bank"],
    body: Approve,
    from: ["applied"],
    verb: "approved",
    call: async (loan, body) => {
      const product = await getProduct(ctx, loan.productId);
      if (body.amount > BigInt(loan.requestedAmount)) {
        throw unprocessable(
          "AMOUNT_OUT_OF_RANGE",
          `the approved amount may not exceed the ${loan.requestedAmount} fen requested`,
          {
            amount: body.amount.toString(),
            max: loan.requestedAmount,
          },
        );
      }
      if (body.rateBps < product.minRateBps || body.rateBps > product.maxRateBps) {
        throw unprocessable(
          "RATE_OUT_OF_RANGE",
          `the product's rate is ${product.minRateBps}-${product.maxRateBps} bps`,
          {
            rateBps: body.rateBps,
            min: product.minRateBps,
            max: product.maxRateBps,
          },
        );
      }
      if (body.termDays > product.maxTermDays) {
        throw unprocessable("TERM_OUT_OF_RANGE", `the product's term is at most ${product.maxTermDays} days`, {
          termDays: body.termDays,
          max: product.maxTermDays,
        });
      }
      const { rows } = await ctx.db.query("select ltv_cap_bps from platform_state");
      const ltvBps = Math.min(product.ltvBps, rows[0]?.ltv_cap_bps ?? product.ltvBps);
      const appraised = await appraisedTotal(ctx, loan.patentIds, await chainNow(ctx));
      const maxAmount = (appraised * BigInt(ltvBps)) / 10_000n;
      if (body.amount > maxAmount) {
        throw unprocessable(
          "LTV_EXCEEDED",
          `at ${ltvBps / 100}% of the appraised ${appraised} fen the loan may be at most ${maxAmount} fen`,
          {
            amount: body.amount.toString(),
            maxAmount: maxAmount.toString(),
            appraisedTotal: appraised.toString(),
            ltvBps,
          },
        );
      }
      return ctx.ledger.finance("approveLoan", [loan.id, body.amount, body.rateBps, body.termDays]);
    },
  });

  action({
    path: "reject",
    summary: "Reject an application",
    operationId: "rejectLoan",
    roles: ["bank"],
    body: Reason,
    from: ["applied"],
    verb: "rejected",
    call: async (loan, body) => anchoring("rejectApplication", [loan.id], reason(loan, "reject", body.reason)),
  });

  action({
    path: "cancel",
    summary: "Cancel an approved loan before disbursement (lifts a registered pledge)",
    operationId: "cancelLoan",
    roles: ["bank"],
    body: Reason,
    from: ["approved", "pledged"],
    verb: "cancelled",
    call: async (loan, body) => anchoring("cancelLoan", [loan.id], reason(loan, "cancel", body.reason)),
  });

  action({
    path: "pledge",
    summary: "Register the pledge (质押登记)",
    operationId: "registerPledge",
    roles: ["ipoffice"],
    body: Pledge,
    from: ["approved"],
    verb: "pledged",
    call: async (loan, body) => {
      const result = await pledgeChecks(ctx, loan, await chainNow(ctx));
      if (!result.ok) {
        const failed = result.checks.filter((check) => !check.ok);
        throw unprocessable(
          "PLEDGE_REFUSED",
          `the pledge cannot be registered: ${failed.map((check) => `${check.patentId} ${check.detail}`).join("; ")}`,
          {
            failed,
          },
        );
      }
      return ctx.ledger.finance("registerPledge", [loan.id, body.registrationNo]);
    },
  });

  action({
    path: "disburse",
    summary: "Disburse the loan",
    operationId: "disburseLoan",
    roles: ["bank"],
    body: Reference,
    from: ["pledged"],
    verb: "disbursed",
    call: async (loan, body) => anchoring("disburse", [loan.id], reference(loan, "disburse", body.reference)),
  });

  api.add({
    method: "post",
    path: "/loans/:id/repayments",
    summary: "Record a repayment (or the payoff)",
    operationId: "recordRepayment",
    tag: "loans",
    access: ["bank"],
    params: IdParams,
    body: Repayment,
    status: 201,
    errors: [409, 422, 503],
    response: LoanWithTx.extend({ repayment: Allocation.nullable() }),
    handler: async ({ params, body, caller }) => {
      const loan = await getLoan(ctx, caller, params.id);
      requireStatus(loan, ["disbursed"], "repaid");
      if (!("payoff" in body) && body.amount > BigInt(loan.owed.total)) {
        throw unprocessable("OVERPAYMENT", `the loan owes ${loan.owed.total} fen now; ${body.amount} is more`, {
          amount: body.amount.toString(),
          owed: loan.owed.total,
        });
      }
      const ref = reference(loan, "repay", body.reference);
      const call =
        "payoff" in body ? anchoring("repayInFull", [loan.id], ref) : anchoring("repay", [loan.id, body.amount], ref);
      const tx = await ctx.ledger.send(caller.orgId, call);
      const { rows } = await ctx.db.query(
        "select data from chain_events where tx_hash = $1 and kind = 'RepaymentRecorded' limit 1",
        [tx.txHash],
      );
      return { ...(await finish(caller, loan.id, tx)), repayment: rows[0]?.data.paid ?? null };
    },
  });

  action({
    path: "default",
    summary: "Declare the loan in default",
    operationId: "declareDefault",
    roles: ["bank"],
    from: ["disbursed"],
    verb: "declared in default",
    call: async (loan) => {
      const now = await chainNow(ctx);
      if (loan.defaultableAt && Number(now) * 1000 < Date.parse(loan.defaultableAt)) {
        throw unprocessable(
          "NOT_YET_DEFAULTABLE",
          `a default can be declared from ${loan.defaultableAt} (maturity plus ${loan.graceDays} days' grace)`,
          {
            defaultableAt: loan.defaultableAt,
          },
        );
      }
      return ctx.ledger.finance("declareDefault", [loan.id]);
    },
  });

  action({
    path: "compensate",
    summary: "Pay the fund's share of the loss",
    operationId: "payCompensation",
    roles: ["fund"],
    from: ["defaulted"],
    verb: "compensated",
    call: async (loan) => {
      if (loan.compensationPaid) throw conflict("ALREADY_COMPENSATED", `loan ${loan.id} has been compensated`);
      return ctx.ledger.finance("compensate", [loan.id]);
    },
  });

  action({
    path: "dispose",
    summary: "Dispose of the collateral to a buyer",
    operationId: "disposeCollateral",
    roles: ["bank"],
    body: Dispose,
    from: ["defaulted"],
    verb: "disposed of",
    call: async (loan, body) => {
      const decideBy = loan.fundDecisionBy === null ? 0n : BigInt(Date.parse(loan.fundDecisionBy) / 1000);
      const windowOpen = (await chainNow(ctx)) < decideBy;
      if (!loan.compensationPaid && windowOpen) {
        throw conflict(
          "NOT_COMPENSATED",
          `the fund decides on its share until ${loan.fundDecisionBy}; after that the collateral may be disposed of without it`,
          { fundDecisionBy: loan.fundDecisionBy },
        );
      }
      const { rows } = await ctx.db.query("select id, kind, address from organisations where id = $1", [
        body.buyerOrgId,
      ]);
      const buyer = rows[0];
      if (!buyer || buyer.kind !== "enterprise" || buyer.id === loan.enterpriseOrgId) {
        throw unprocessable("INVALID_BUYER", "the buyer must be another enterprise on the platform", {
          buyerOrgId: body.buyerOrgId,
        });
      }
      return anchoring(
        "dispose",
        [loan.id, buyer.address, body.recoveredAmount],
        reference(loan, "dispose", body.reference),
      );
    },
  });

  action({
    path: "release",
    summary: "Cancel the pledge registration (注销)",
    operationId: "releasePledge",
    roles: ["ipoffice"],
    from: ["repaid", "disposed"],
    verb: "released",
    call: async (loan) => ctx.ledger.finance("releasePledge", [loan.id]),
  });
}
