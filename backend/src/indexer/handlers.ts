/**
 * "Contract:Event" -> handler. A handler applies one event to the projections and says what the
 * event is about (for the audit trail) and whom it concerns (who may read it, whom to notify).
 * Handlers only read the event, the projections and the off-chain records: never the chain, so a
 * re-index from the stored events reproduces the database exactly.
 */
import type { Queryable } from "../db/db.js";
import { fromBytes32 } from "../domain/canonical.js";
import { loanStatusName, patentKindName, type OrgKind } from "../domain/ledger.js";
import { dateOfSeconds } from "../domain/time.js";
import type { LedgerEvent } from "./events.js";
import { KEY_HANDLERS } from "./keyHandlers.js";

export interface Org {
  id: string;
  kind: OrgKind;
}

export interface Notification {
  org?: Org | null;
  orgKind?: OrgKind;
  topic: string;
  entity: string;
  entityId: string;
  awaitsStatus?: string;
  data?: Record<string, unknown>;
}

export interface HandlerContext {
  db: Queryable;
  event: LedgerEvent;
  orgOf(address: string): Promise<Org | null>;
  patentIdOf(tokenId: bigint): Promise<string>;
  recordText(hash: string): Promise<Record<string, unknown> | null>;
  notify(notification: Notification): void;
  /** Marks the notifications of `topic` about `entityId` done (the event did what they asked). */
  resolveNotifications(topic: string, entityId: string): Promise<void>;
}

export interface AuditSubject {
  entity: string;
  entityId: string;
  actor?: string;
  /** Addresses of the other organisations the event concerns (the actor's is added by the indexer). */
  parties?: string[];
  /** Organisation ids the event concerns beyond `parties` (say the bank of a loan holding a patent). */
  orgIds?: (string | null | undefined)[];
}

type Handler = (ctx: HandlerContext) => Promise<AuditSubject>;

/**
 * The arguments under which events carry an off-chain record's hash (ctx.recordText reads them);
 * the indexer reads these records ahead, one query a batch.
 */
export const RECORD_HASH_ARGUMENTS = ["metadataHash", "detailsHash", "purposeHash"];
type Args = Record<string, unknown>;

const seconds = (value: unknown) => dateOfSeconds(value as bigint);
const text = (value: unknown) => (value as bigint).toString();
const lower = (address: unknown) => (address as string).toLowerCase();

async function patentIds(ctx: HandlerContext, ids: unknown): Promise<string[]> {
  return Promise.all((ids as bigint[]).map((id) => ctx.patentIdOf(id)));
}

interface LoanRow {
  id: string;
  status: string;
  enterprise_org_id: string | null;
  bank_org_id: string | null;
}

/** One read per loan and event: notifying its parties and naming the audit subject share it. */
const loanRows = new WeakMap<HandlerContext, Map<string, LoanRow | undefined>>();

async function loanRow(ctx: HandlerContext, loanId: unknown): Promise<LoanRow | undefined> {
  const rows = loanRows.get(ctx) ?? new Map<string, LoanRow | undefined>();
  loanRows.set(ctx, rows);
  const id = text(loanId);
  if (!rows.has(id)) {
    const result = await ctx.db.query<LoanRow>(
      "select id, status, enterprise_org_id, bank_org_id from loans where id = $1",
      [id],
    );
    rows.set(id, result.rows[0]);
  }
  return rows.get(id);
}

async function setLoan(ctx: HandlerContext, loanId: unknown, fields: Record<string, unknown>) {
  loanRows.get(ctx)?.delete(text(loanId));
  const entries = Object.entries(fields);
  const assignments = entries.map(([column], i) => `${column} = $${i + 2}`);
  const { event } = ctx;
  await ctx.db.query(
    `update loans set ${assignments.join(", ")}, updated_at = $${entries.length + 2},
       tx_hash = $${entries.length + 3}, block_number = $${entries.length + 4} where id = $1`,
    [text(loanId), ...entries.map(([, value]) => value), event.blockTime, event.txHash, event.blockNumber],
  );
}

async function setPatents(ctx: HandlerContext, ids: string[], fields: Record<string, unknown>) {
  const entries = Object.entries(fields);
  const assignments = entries.map(([column], i) => `${column} = $${i + 2}`);
  assignments.push(`tx_hash = $${entries.length + 2}`, `block_number = $${entries.length + 3}`);
  await ctx.db.query(`update patents set ${assignments.join(", ")} where id = any($1)`, [
    ids,
    ...entries.map(([, value]) => value),
    ctx.event.txHash,
    ctx.event.blockNumber,
  ]);
}

/** Tells the loan's enterprise or bank; with `awaitsStatus`, an action it must take while the loan is in that state. */
async function notifyLoanParty(
  ctx: HandlerContext,
  loanId: unknown,
  party: "enterprise" | "bank",
  topic: string,
  awaitsStatus?: string,
) {
  const loan = await loanRow(ctx, loanId);
  const orgId = party === "enterprise" ? loan?.enterprise_org_id : loan?.bank_org_id;
  if (orgId)
    ctx.notify({ org: { id: orgId, kind: party }, topic, entity: "loan", entityId: text(loanId), awaitsStatus });
}

const platform: Record<string, Handler> = {
  "PledgeFinance:RoleGranted": async ({ event }) => roleSubject(event.args),
  "PledgeFinance:RoleRevoked": async ({ event }) => roleSubject(event.args),
  "PledgeFinance:RoleAdminChanged": async () => ({ entity: "platform", entityId: "roles" }),
  "PledgeFinance:RegistrySet": async () => ({ entity: "platform", entityId: "registry" }),
  // The operator role's two-step handover (OpenZeppelin AccessControlDefaultAdminRules).
  "PledgeFinance:DefaultAdminTransferScheduled": async ({ event }) => ({
    entity: "platform",
    entityId: "operator",
    parties: [event.args.newAdmin as string],
  }),
  "PledgeFinance:DefaultAdminTransferCanceled": async () => ({ entity: "platform", entityId: "operator" }),
  "PledgeFinance:DefaultAdminDelayChangeScheduled": async () => ({ entity: "platform", entityId: "operator" }),
  "PledgeFinance:DefaultAdminDelayChangeCanceled": async () => ({ entity: "platform", entityId: "operator" }),
  "PledgeFinance:Paused": async (ctx) => setPaused(ctx, true),
  "PledgeFinance:Unpaused": async (ctx) => setPaused(ctx, false),
  "PledgeFinance:ParamsUpdated": async (ctx) => {
    const { event } = ctx;
    const params = event.args.params as Args;
    await ctx.db.query(
      `insert into platform_state (ltv_cap_bps, grace_days, fund_share_bps, fund_capacity, fund_decision_days,
         tx_hash, block_number)
         values ($1, $2, $3, $4, $7, $5, $6)
       on conflict (id) do update set ltv_cap_bps = $1, grace_days = $2, fund_share_bps = $3, fund_capacity = $4,
         fund_decision_days = $7, tx_hash = $5, block_number = $6`,
      [
        Number(params.ltvCapBps),
        Number(params.graceDays),
        Number(params.fundShareBps),
        text(params.fundCapacity),
        event.txHash,
        event.blockNumber,
        Number(params.fundDecisionDays),
      ],
    );
    return { entity: "platform", entityId: "params", actor: event.args.actor as string };
  },
};

function roleSubject(args: Args): AuditSubject {
  return {
    entity: "organisation",
    entityId: lower(args.account),
    actor: args.sender as string,
    parties: [args.account as string],
  };
}

async function setPaused(ctx: HandlerContext, paused: boolean): Promise<AuditSubject> {
  await ctx.db.query("update platform_state set paused = $1, tx_hash = $2, block_number = $3", [
    paused,
    ctx.event.txHash,
    ctx.event.blockNumber,
  ]);
  return { entity: "platform", entityId: "pause", actor: ctx.event.args.account as string };
}

const products: Record<string, Handler> = {
  "PledgeFinance:ProductCreated": async (ctx) => {
    const { event } = ctx;
    const terms = event.args.terms as Args;
    const details = await ctx.recordText(event.args.detailsHash as string);
    const bank = await ctx.orgOf(event.args.bank as string);
    await ctx.db.query(
      `insert into products (id, bank_address, bank_org_id, name, description, max_amount, min_rate_bps, max_rate_bps,
         max_term_days, ltv_bps, active, details_hash, created_at, tx_hash, block_number)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, true, $11, $12, $13, $14)`,
      [
        text(event.args.productId),
        lower(event.args.bank),
        bank?.id ?? null,
        (details?.name as string) ?? null,
        (details?.description as string) ?? null,
        text(terms.maxAmount),
        Number(terms.minRateBps),
        Number(terms.maxRateBps),
        Number(terms.maxTermDays),
        Number(terms.ltvBps),
        fromBytes32(event.args.detailsHash as string),
        event.blockTime,
        event.txHash,
        event.blockNumber,
      ],
    );
    return { entity: "product", entityId: text(event.args.productId), actor: event.args.bank as string };
  },
  "PledgeFinance:ProductStatusChanged": async (ctx) => {
    const { event } = ctx;
    await ctx.db.query("update products set active = $2, tx_hash = $3, block_number = $4 where id = $1", [
      text(event.args.productId),
      event.args.active,
      event.txHash,
      event.blockNumber,
    ]);
    return { entity: "product", entityId: text(event.args.productId), actor: event.args.bank as string };
  },
};

const loans: Record<string, Handler> = {
  "PledgeFinance:LoanApplied": async (ctx) => {
    const { event } = ctx;
    const { loanId, borrower, bank } = event.args;
    const [enterprise, bankOrg] = await Promise.all([ctx.orgOf(borrower as string), ctx.orgOf(bank as string)]);
    const purpose = await ctx.recordText(event.args.purposeHash as string);
    const ids = await patentIds(ctx, event.args.patentIds);
    await ctx.db.query(
      `insert into loans (id, status, borrower_address, enterprise_org_id, bank_address, bank_org_id, product_id,
         requested_amount, term_days, purpose, purpose_hash, applied_at, updated_at, tx_hash, block_number)
       values ($1, 'applied', $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $11, $12, $13)`,
      [
        text(loanId),
        lower(borrower),
        enterprise?.id ?? null,
        lower(bank),
        bankOrg?.id ?? null,
        text(event.args.productId),
        text(event.args.requestedAmount),
        Number(event.args.termDays),
        (purpose?.purpose as string) ?? null,
        fromBytes32(event.args.purposeHash as string),
        event.blockTime,
        event.txHash,
        event.blockNumber,
      ],
    );
    await ctx.db.query(
      "insert into loan_patents (loan_id, position, patent_id) select $1, ordinality - 1, id from unnest($2::text[]) with ordinality as t(id)",
      [text(loanId), ids],
    );
    await setPatents(ctx, ids, { loan_id: text(loanId) });
    ctx.notify({
      org: bankOrg,
      topic: "loan_applied",
      entity: "loan",
      entityId: text(loanId),
      awaitsStatus: "applied",
    });
    return { entity: "loan", entityId: text(loanId), actor: borrower as string, parties: [bank as string] };
  },
  "PledgeFinance:LoanWithdrawn": async (ctx) => {
    const { loanId, borrower } = ctx.event.args;
    await setLoan(ctx, loanId, { status: "withdrawn" });
    await setPatents(ctx, await patentIds(ctx, ctx.event.args.patentIds), { loan_id: null });
    await notifyLoanParty(ctx, loanId, "bank", "loan_withdrawn");
    return loanSubject(ctx, loanId, borrower);
  },
  "PledgeFinance:LoanApproved": async (ctx) => {
    const { loanId, bank, amount, rateBps, termDays, appraisedTotal } = ctx.event.args;
    await setLoan(ctx, loanId, {
      status: "approved",
      amount: text(amount),
      rate_bps: Number(rateBps),
      term_days: Number(termDays),
      appraised_total: text(appraisedTotal),
    });
    ctx.notify({
      orgKind: "ipoffice",
      topic: "pledge_to_register",
      entity: "loan",
      entityId: text(loanId),
      awaitsStatus: "approved",
    });
    await notifyLoanParty(ctx, loanId, "enterprise", "loan_approved");
    return loanSubject(ctx, loanId, bank);
  },
  "PledgeFinance:LoanRejected": async (ctx) => {
    const { loanId, bank } = ctx.event.args;
    await setLoan(ctx, loanId, { status: "rejected" });
    await setPatents(ctx, await patentIds(ctx, ctx.event.args.patentIds), { loan_id: null });
    await notifyLoanParty(ctx, loanId, "enterprise", "loan_rejected");
    return loanSubject(ctx, loanId, bank);
  },
  "PledgeFinance:LoanCancelled": async (ctx) => {
    const { loanId, bank, fromStatus } = ctx.event.args;
    await setLoan(ctx, loanId, { status: "cancelled" });
    const ids = await patentIds(ctx, ctx.event.args.patentIds);
    const lifted = loanStatusName(fromStatus as bigint) === "pledged";
    await setPatents(ctx, ids, lifted ? { loan_id: null, status: "verified" } : { loan_id: null });
    await notifyLoanParty(ctx, loanId, "enterprise", "loan_cancelled");
    return loanSubject(ctx, loanId, bank);
  },
  "PledgeFinance:PledgeRegistered": async (ctx) => {
    const { loanId, ipoffice, registrationNo, registeredAt, estimatedMaturity } = ctx.event.args;
    const ids = await patentIds(ctx, ctx.event.args.patentIds);
    await setLoan(ctx, loanId, {
      status: "pledged",
      registration_no: registrationNo,
      registered_at: seconds(registeredAt),
      estimated_maturity_at: seconds(estimatedMaturity),
    });
    await setPatents(ctx, ids, { status: "pledged" });
    await notifyLoanParty(ctx, loanId, "bank", "ready_to_disburse", "pledged");
    return loanSubject(ctx, loanId, ipoffice);
  },
  "PledgeFinance:LoanDisbursed": async (ctx) => {
    const { loanId, bank, amount, disbursedAt, maturityAt, graceDays, fundShareBps } = ctx.event.args;
    await setLoan(ctx, loanId, {
      status: "disbursed",
      disbursed_at: seconds(disbursedAt),
      maturity_at: seconds(maturityAt),
      accrued_at: seconds(disbursedAt),
      principal_outstanding: text(amount),
      grace_days: Number(graceDays),
      fund_share_bps: Number(fundShareBps),
    });
    await notifyLoanParty(ctx, loanId, "enterprise", "loan_disbursed");
    return loanSubject(ctx, loanId, bank);
  },
  "PledgeFinance:RepaymentRecorded": async (ctx) => {
    const { loanId, bank, status } = ctx.event.args;
    const paid = ctx.event.args.paid as Args;
    const remaining = ctx.event.args.remaining as Args;
    const statusName = loanStatusName(status as bigint);
    await ctx.db.query("update loans set repaid = repaid + $2 where id = $1", [text(loanId), text(paid.amount)]);
    await setLoan(ctx, loanId, {
      status: statusName,
      principal_outstanding: text(remaining.principal),
      interest_due: text(remaining.interest),
      penalty_due: text(remaining.penalty),
      accrued_at: ctx.event.blockTime,
    });
    if (statusName === "repaid") {
      ctx.notify({
        orgKind: "ipoffice",
        topic: "pledge_to_release",
        entity: "loan",
        entityId: text(loanId),
        awaitsStatus: "repaid",
      });
      await notifyLoanParty(ctx, loanId, "enterprise", "loan_repaid");
    }
    return loanSubject(ctx, loanId, bank);
  },
  "PledgeFinance:LoanDefaulted": async (ctx) => {
    const { loanId, bank, principalOutstanding, interestDue, penaltyDue, outstandingAtDefault, fundDecisionBy } =
      ctx.event.args;
    await setLoan(ctx, loanId, {
      status: "defaulted",
      fund_decision_by: seconds(fundDecisionBy),
      principal_outstanding: text(principalOutstanding),
      interest_due: text(interestDue),
      penalty_due: text(penaltyDue),
      outstanding_at_default: text(outstandingAtDefault),
      accrued_at: ctx.event.blockTime,
      defaulted_at: ctx.event.blockTime,
    });
    ctx.notify({
      orgKind: "fund",
      topic: "loss_to_compensate",
      entity: "loan",
      entityId: text(loanId),
      awaitsStatus: "defaulted",
    });
    await notifyLoanParty(ctx, loanId, "enterprise", "loan_defaulted");
    return loanSubject(ctx, loanId, bank);
  },
  "PledgeFinance:LossCompensated": async (ctx) => {
    const { loanId, fund, compensation, fundPaidTotal } = ctx.event.args;
    await setLoan(ctx, loanId, { compensated: true, compensation: text(compensation) });
    await ctx.resolveNotifications("loss_to_compensate", text(loanId));
    await ctx.db.query("update platform_state set fund_paid = $1", [text(fundPaidTotal)]);
    await notifyLoanParty(ctx, loanId, "bank", "ready_to_dispose", "defaulted");
    return loanSubject(ctx, loanId, fund);
  },
  "PledgeFinance:CollateralDisposed": async (ctx) => {
    const { loanId, bank, buyer, recovered, bankRecovery, fundRecovery, borrowerSurplus } = ctx.event.args;
    const buyerOrg = await ctx.orgOf(buyer as string);
    await setLoan(ctx, loanId, {
      status: "disposed",
      recovered: text(recovered),
      bank_recovery: text(bankRecovery),
      fund_recovery: text(fundRecovery),
      borrower_surplus: text(borrowerSurplus),
      buyer_address: lower(buyer),
      buyer_org_id: buyerOrg?.id ?? null,
    });
    // The registry's Transfer events, right after this one in the transaction, move the owners.
    await setPatents(ctx, await patentIds(ctx, ctx.event.args.patentIds), { status: "verified" });
    ctx.notify({
      orgKind: "ipoffice",
      topic: "pledge_to_release",
      entity: "loan",
      entityId: text(loanId),
      awaitsStatus: "disposed",
    });
    await notifyLoanParty(ctx, loanId, "enterprise", "collateral_disposed");
    return loanSubject(ctx, loanId, bank, [buyer as string]);
  },
  "PledgeFinance:PledgeReleased": async (ctx) => {
    const { loanId, ipoffice, fromStatus } = ctx.event.args;
    await setLoan(ctx, loanId, { status: "closed" });
    // From Repaid the pledge is lifted (pledged -> verified); from Disposed the patents were handed
    // over already and are only let go, whatever the IP office has done to them since.
    const repaid = loanStatusName(fromStatus as bigint) === "repaid";
    await setPatents(
      ctx,
      await patentIds(ctx, ctx.event.args.patentIds),
      repaid ? { status: "verified", loan_id: null } : { loan_id: null },
    );
    await notifyLoanParty(ctx, loanId, "enterprise", "pledge_released");
    await notifyLoanParty(ctx, loanId, "bank", "pledge_released");
    return loanSubject(ctx, loanId, ipoffice);
  },
};

async function loanSubject(
  ctx: HandlerContext,
  loanId: unknown,
  actor: unknown,
  parties: string[] = [],
): Promise<AuditSubject> {
  const loan = await loanRow(ctx, loanId);
  return {
    entity: "loan",
    entityId: text(loanId),
    actor: actor as string,
    parties,
    orgIds: [loan?.enterprise_org_id, loan?.bank_org_id],
  };
}

const patents: Record<string, Handler> = {
  "PatentRegistry:PatentRegistered": async (ctx) => {
    const { event } = ctx;
    const { patentId, owner, number } = event.args;
    const ownerOrg = await ctx.orgOf(owner as string);
    const metadata = await ctx.recordText(event.args.metadataHash as string);
    await ctx.db.query(
      // A number whose registration was rejected is registered afresh: the new record replaces the old.
      `insert into patents (id, token_id, kind, status, owner_address, owner_org_id, title, grant_date, expiry_date,
         metadata_hash, certificate_sha256, registered_at, tx_hash, block_number)
       values ($1, $2, $3, 'registered', $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)
       on conflict (id) do update set kind = excluded.kind, status = 'registered',
         owner_address = excluded.owner_address, owner_org_id = excluded.owner_org_id, title = excluded.title,
         grant_date = excluded.grant_date, expiry_date = excluded.expiry_date, fee_paid_until = null,
         preserved = false, invalidation_pending = false, loan_id = null, metadata_hash = excluded.metadata_hash,
         certificate_sha256 = excluded.certificate_sha256, registered_at = excluded.registered_at,
         tx_hash = excluded.tx_hash, block_number = excluded.block_number
       where patents.status = 'rejected'`,
      [
        number,
        text(patentId),
        patentKindName(event.args.kind as bigint),
        lower(owner),
        ownerOrg?.id ?? null,
        (metadata?.title as string) ?? null,
        seconds(event.args.grantDate),
        seconds(event.args.expiryDate),
        fromBytes32(event.args.metadataHash as string),
        fromBytes32(event.args.certificateHash as string),
        event.blockTime,
        event.txHash,
        event.blockNumber,
      ],
    );
    ctx.notify({
      orgKind: "ipoffice",
      topic: "patent_to_verify",
      entity: "patent",
      entityId: number as string,
      awaitsStatus: "registered",
    });
    return { entity: "patent", entityId: number as string, actor: owner as string };
  },
  "PatentRegistry:PatentVerified": async (ctx) => {
    const { patentId, actor, feePaidUntil } = ctx.event.args;
    const id = await ctx.patentIdOf(patentId as bigint);
    await setPatents(ctx, [id], { status: "verified", fee_paid_until: seconds(feePaidUntil) });
    ctx.notify({
      orgKind: "appraiser",
      topic: "patent_to_appraise",
      entity: "patent",
      entityId: id,
      awaitsStatus: "verified",
    });
    return patentSubject(ctx, id, actor, "patent_verified");
  },
  "PatentRegistry:PatentRejected": async (ctx) => {
    const id = await ctx.patentIdOf(ctx.event.args.patentId as bigint);
    await setPatents(ctx, [id], { status: "rejected" });
    return patentSubject(ctx, id, ctx.event.args.actor, "patent_rejected");
  },
  "PatentRegistry:PatentRevoked": async (ctx) => {
    const id = await ctx.patentIdOf(ctx.event.args.patentId as bigint);
    await setPatents(ctx, [id], { status: "revoked" });
    return patentSubject(ctx, id, ctx.event.args.actor, "patent_revoked");
  },
  // The Transfer before it moved the owner; the new owner's record awaits verification again.
  "PatentRegistry:PatentTransferRecorded": async (ctx) => {
    const { patentId, actor, from, to } = ctx.event.args;
    const id = await ctx.patentIdOf(patentId as bigint);
    await setPatents(ctx, [id], { status: "registered" });
    const previous = await ctx.orgOf(from as string);
    if (previous) {
      ctx.notify({ org: previous, topic: "patent_transferred_out", entity: "patent", entityId: id });
    }
    ctx.notify({
      orgKind: "ipoffice",
      topic: "patent_to_verify",
      entity: "patent",
      entityId: id,
      awaitsStatus: "registered",
    });
    const subject = await patentSubject(ctx, id, actor, "patent_transferred_in");
    return { ...subject, parties: [from as string, to as string] };
  },
  "PatentRegistry:LegalStatusUpdated": async (ctx) => {
    const { patentId, actor, loanId, feePaidUntil, preserved, invalidationPending } = ctx.event.args;
    const id = await ctx.patentIdOf(patentId as bigint);
    await setPatents(ctx, [id], {
      fee_paid_until: seconds(feePaidUntil),
      preserved,
      invalidation_pending: invalidationPending,
    });
    const subject = await patentSubject(ctx, id, actor, "legal_status_updated");
    if ((loanId as bigint) === 0n) return subject;
    // The loan's bank may read the change too; whether it puts the collateral at risk: collateralRisk.ts.
    const loan = await loanRow(ctx, loanId);
    return { ...subject, orgIds: [...(subject.orgIds ?? []), loan?.bank_org_id] };
  },
  "PatentRegistry:AppraisalRecorded": async (ctx) => {
    const { event } = ctx;
    const { patentId, appraiser, appraisalIndex, value, validUntil, reportHash } = event.args;
    const id = await ctx.patentIdOf(patentId as bigint);
    const appraiserOrg = await ctx.orgOf(appraiser as string);
    await ctx.db.query(
      `insert into appraisals (patent_id, index, appraiser_address, appraiser_org_id, value, valid_until, recorded_at,
         report_sha256, tx_hash, block_number) values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
      [
        id,
        Number(appraisalIndex),
        lower(appraiser),
        appraiserOrg?.id ?? null,
        text(value),
        seconds(validUntil),
        event.blockTime,
        fromBytes32(reportHash as string),
        event.txHash,
        event.blockNumber,
      ],
    );
    await setPatents(ctx, [id], {});
    await ctx.resolveNotifications("patent_to_appraise", id);
    return patentSubject(ctx, id, appraiser, "patent_appraised");
  },
  "PatentRegistry:Transfer": async (ctx) => {
    const { from, to, tokenId } = ctx.event.args;
    const id = await ctx.patentIdOf(tokenId as bigint);
    const minted = BigInt(from as string) === 0n;
    // Burnt with a rejected registration: the record keeps who registered it.
    const burnt = BigInt(to as string) === 0n;
    if (!minted && !burnt) {
      const owner = await ctx.orgOf(to as string);
      await setPatents(ctx, [id], { owner_address: lower(to), owner_org_id: owner?.id ?? null });
    }
    return {
      entity: "patent",
      entityId: id,
      actor: minted ? (to as string) : (from as string),
      parties: [to as string],
    };
  },
  "PatentRegistry:Approval": async (ctx) => {
    const id = await ctx.patentIdOf(ctx.event.args.tokenId as bigint);
    return {
      entity: "patent",
      entityId: id,
      actor: ctx.event.args.owner as string,
      parties: [ctx.event.args.approved as string],
    };
  },
  "PatentRegistry:ApprovalForAll": async ({ event }) => ({
    entity: "organisation",
    entityId: lower(event.args.owner),
    actor: event.args.owner as string,
  }),
};

async function patentSubject(
  ctx: HandlerContext,
  id: string,
  actor: unknown,
  ownerTopic: string,
): Promise<AuditSubject> {
  const { rows } = await ctx.db.query("select owner_org_id from patents where id = $1", [id]);
  const ownerOrgId = rows[0]?.owner_org_id as string | null | undefined;
  if (ownerOrgId) {
    ctx.notify({ org: { id: ownerOrgId, kind: "enterprise" }, topic: ownerTopic, entity: "patent", entityId: id });
  }
  return { entity: "patent", entityId: id, actor: actor as string, orgIds: [ownerOrgId] };
}

export const HANDLERS: Record<string, Handler> = { ...platform, ...KEY_HANDLERS, ...products, ...loans, ...patents };
