/**
 * The regulator's integrity check: every hash the chain keeps is recomputed from the database, and
 * every projection row is compared with the contracts' getters, field by field. Each stored
 * record is checked once, by its own table, so a tampered row is reported exactly once.
 */
import type { AppContext } from "../../context.js";
import { sha256 } from "../../domain/canonical.js";
import { loanStatusName, patentKindName, patentStatusName } from "../../domain/ledger.js";
import { owedAt } from "../../domain/loanMath.js";

export interface Mismatch {
  entity: string;
  id: string;
  field: string;
  database: unknown;
  chain: unknown;
}

type Row = Record<string, unknown>;

const seconds = (date: unknown) => (date ? Math.floor((date as Date).getTime() / 1000) : 0);
const hex = (bytes: unknown) => (bytes ? `0x${(bytes as Buffer).toString("hex")}` : null);
const lower = (value: unknown) => String(value).toLowerCase();

export async function verifyIntegrity(ctx: AppContext) {
  const mismatches: Mismatch[] = [];
  const checked: Record<string, number> = {};
  const report = (entity: string, id: string, field: string, database: unknown, chain: unknown) => {
    const normal = (value: unknown) => (typeof value === "bigint" ? value.toString() : (value ?? null));
    if (String(normal(database)) !== String(normal(chain))) {
      mismatches.push({ entity, id, field, database: normal(database), chain: normal(chain) });
    }
  };
  const cursor = await ctx.db.query("select block_number from indexer_cursor");
  const blockTag = Number(cursor.rows[0]?.block_number ?? 0);
  const at = { blockTag };
  const chainTime = BigInt((await ctx.chain.call((provider) => provider.getBlock(blockTag)))?.timestamp ?? 0);

  checked.documents = await verifyDocuments(ctx, report);
  checked.records = await verifyRecords(ctx, report);
  checked.params = await verifyParams(ctx, report, at);
  checked.patents = await verifyPatents(ctx, report, at, blockTag);
  checked.appraisals = await verifyAppraisals(ctx, report, at);
  checked.products = await verifyProducts(ctx, report, at);
  checked.loans = await verifyLoans(ctx, report, at, chainTime);
  const total = Object.values(checked).reduce((sum, count) => sum + count, 0);
  return { ok: mismatches.length === 0, checked: total, checkedByKind: checked, atBlock: blockTag, mismatches };
}

type Report = (entity: string, id: string, field: string, database: unknown, chain: unknown) => void;
type At = { blockTag: number };

async function verifyDocuments(ctx: AppContext, report: Report): Promise<number> {
  const { rows } = await ctx.db.query("select sha256, content, size from documents");
  for (const row of rows) {
    const id = hex(row.sha256)!;
    report("document", id, "sha256(content)", hex(sha256(row.content as Buffer)), id);
    report("document", id, "size", (row.content as Buffer).length, row.size);
  }
  return rows.length;
}

async function verifyRecords(ctx: AppContext, report: Report): Promise<number> {
  const { rows } = await ctx.db.query("select sha256, canonical from records");
  for (const row of rows) {
    const id = hex(row.sha256)!;
    report("record", id, "sha256(canonical)", hex(sha256(row.canonical as string)), id);
  }
  return rows.length;
}

async function verifyParams(ctx: AppContext, report: Report, at: At): Promise<number> {
  const { rows } = await ctx.db.query("select * from platform_state");
  const row = rows[0] ?? {};
  const [params, fundPaid, paused] = await ctx.chain.call(() =>
    Promise.all([ctx.chain.finance.params(at), ctx.chain.finance.fundPaid(at), ctx.chain.finance.paused(at)]),
  );
  report("platform", "params", "ltvCapBps", row.ltv_cap_bps, params.ltvCapBps);
  report("platform", "params", "graceDays", row.grace_days, params.graceDays);
  report("platform", "params", "fundShareBps", row.fund_share_bps, params.fundShareBps);
  report("platform", "params", "fundCapacity", row.fund_capacity, params.fundCapacity);
  report("platform", "params", "fundPaid", row.fund_paid, fundPaid);
  report("platform", "params", "paused", row.paused, paused);
  return 1;
}

async function verifyPatents(ctx: AppContext, report: Report, at: At, blockTag: number): Promise<number> {
  const { rows } = await ctx.db.query(
    `select p.*, r.canonical, (select o.address from organisations o where o.id = p.owner_org_id) as owner_org_address,
            exists (select 1 from documents d where d.sha256 = p.certificate_sha256) as has_certificate
       from patents p left join records r on r.sha256 = p.metadata_hash order by p.id`,
  );
  const registry = ctx.chain.registry;
  const registered = await ctx.chain.call(() =>
    registry.queryFilter(registry.filters.PatentRegistered(), ctx.chain.deployment.startBlock, blockTag),
  );
  const certificates = new Map(registered.map((event) => [event.args.patentId.toString(), event.args.certificateHash]));
  const known = new Set(rows.map((row) => String(row.token_id)));
  for (const event of registered) {
    if (!known.has(event.args.patentId.toString())) report("patent", event.args.number, "exists", false, true);
  }
  await eachLimited(rows, async (row: Row) => {
    const id = row.id as string;
    const tokenId = String(row.token_id);
    const [patent, owner] = await ctx.chain.call(() =>
      Promise.all([registry.getPatent(tokenId, at), registry.ownerOf(tokenId, at)]),
    );
    report("patent", id, "status", row.status, patentStatusName(patent.status));
    report("patent", id, "kind", row.kind, patentKindName(patent.kind));
    report("patent", id, "owner", row.owner_address, lower(owner));
    if (row.owner_org_id) report("patent", id, "ownerOrg", row.owner_org_address, lower(owner));
    report("patent", id, "grantDate", seconds(row.grant_date), patent.grantDate);
    report("patent", id, "expiryDate", seconds(row.expiry_date), patent.expiryDate);
    report("patent", id, "feePaidUntil", seconds(row.fee_paid_until), patent.feePaidUntil);
    report("patent", id, "preserved", row.preserved, patent.preserved);
    report("patent", id, "invalidationPending", row.invalidation_pending, patent.invalidationPending);
    report("patent", id, "loanId", row.loan_id ?? 0, patent.loanId);
    report("patent", id, "metadataHash", hex(row.metadata_hash), patent.metadataHash);
    report("patent", id, "certificateSha256", hex(row.certificate_sha256), certificates.get(tokenId) ?? null);
    report("patent", id, "certificateStored", row.has_certificate, true);
    // The metadata record must hash to the chain's metadataHash and say what the projection says.
    if (!row.canonical) {
      report("patent", id, "metadataRecord", null, patent.metadataHash);
      return;
    }
    report("patent", id, "sha256(metadata)", hex(sha256(row.canonical as string)), patent.metadataHash);
    const metadata = JSON.parse(row.canonical as string);
    report("patent", id, "metadata.number", metadata.number, id);
    report("patent", id, "metadata.title", metadata.title, row.title);
    report("patent", id, "metadata.certificateSha256", metadata.certificateSha256, certificates.get(tokenId) ?? null);
  });
  return rows.length;
}

async function verifyAppraisals(ctx: AppContext, report: Report, at: At): Promise<number> {
  const { rows } = await ctx.db.query(
    `select a.*, p.token_id, exists (select 1 from documents d where d.sha256 = a.report_sha256) as has_report
       from appraisals a join patents p on p.id = a.patent_id order by a.patent_id, a.index`,
  );
  const counts = await ctx.db.query(
    "select p.id as patent_id, p.token_id, (select count(*) from appraisals a where a.patent_id = p.id) as n from patents p",
  );
  await eachLimited(counts.rows, async (row: Row) => {
    const patent = await ctx.chain.call(() => ctx.chain.registry.getPatent(String(row.token_id), at));
    report("patent", row.patent_id as string, "appraisalCount", row.n, patent.appraisalCount);
  });
  await eachLimited(rows, async (row: Row) => {
    const id = `${row.patent_id}:${row.index}`;
    const appraisal = await ctx.chain.call(() =>
      ctx.chain.registry.getAppraisal(String(row.token_id), row.index as number, at),
    );
    report("appraisal", id, "value", row.value, appraisal.value);
    report("appraisal", id, "validUntil", seconds(row.valid_until), appraisal.validUntil);
    report("appraisal", id, "recordedAt", seconds(row.recorded_at), appraisal.recordedAt);
    report("appraisal", id, "appraiser", row.appraiser_address, lower(appraisal.appraiser));
    report("appraisal", id, "reportSha256", hex(row.report_sha256), appraisal.reportHash);
    report("appraisal", id, "reportStored", row.has_report, true);
  });
  return rows.length;
}

async function verifyProducts(ctx: AppContext, report: Report, at: At): Promise<number> {
  const { rows } = await ctx.db.query(
    "select p.*, r.canonical from products p left join records r on r.sha256 = p.details_hash order by p.id",
  );
  const count = await ctx.chain.call(() => ctx.chain.finance.productCount(at));
  report("product", "*", "count", rows.length, count);
  await eachLimited(rows, async (row: Row) => {
    const id = String(row.id);
    const product = await ctx.chain.call(() => ctx.chain.finance.getProduct(id, at));
    report("product", id, "bank", row.bank_address, lower(product.bank));
    report("product", id, "maxAmount", row.max_amount, product.maxAmount);
    report("product", id, "minRateBps", row.min_rate_bps, product.minRateBps);
    report("product", id, "maxRateBps", row.max_rate_bps, product.maxRateBps);
    report("product", id, "maxTermDays", row.max_term_days, product.maxTermDays);
    report("product", id, "ltvBps", row.ltv_bps, product.ltvBps);
    report("product", id, "active", row.active, product.active);
    if (row.canonical) report("product", id, "details.name", JSON.parse(row.canonical as string).name, row.name);
  });
  return rows.length;
}

async function verifyLoans(ctx: AppContext, report: Report, at: At, chainTime: bigint): Promise<number> {
  const { rows } = await ctx.db.query(
    `select l.*, r.canonical,
            coalesce((select array_agg(p.token_id::text order by lp.position) from loan_patents lp join patents p on p.id = lp.patent_id
                       where lp.loan_id = l.id), '{}') as token_ids
       from loans l left join records r on r.sha256 = l.purpose_hash order by l.id`,
  );
  const count = await ctx.chain.call(() => ctx.chain.finance.loanCount(at));
  report("loan", "*", "count", rows.length, count);
  await eachLimited(rows, async (row: Row) => {
    const id = String(row.id);
    const [loan, owed] = await ctx.chain.call(() =>
      Promise.all([ctx.chain.finance.getLoan(id, at), ctx.chain.finance.owedAt(id, chainTime, at).catch(() => null)]),
    );
    const status = loanStatusName(loan.status);
    report("loan", id, "status", row.status, status);
    report("loan", id, "borrower", row.borrower_address, lower(loan.borrower));
    report("loan", id, "bank", row.bank_address, lower(loan.bank));
    report("loan", id, "productId", row.product_id, loan.productId);
    report("loan", id, "patentIds", (row.token_ids as string[]).join(","), loan.patentIds.map(String).join(","));
    report("loan", id, "requestedAmount", row.requested_amount, loan.requestedAmount);
    report("loan", id, "amount", row.amount ?? 0, loan.amount);
    report("loan", id, "rateBps", row.rate_bps ?? 0, loan.rateBps);
    report("loan", id, "termDays", row.term_days, loan.termDays);
    report("loan", id, "registrationNo", row.registration_no ?? "", loan.registrationNo);
    report("loan", id, "registeredAt", seconds(row.registered_at), loan.registeredAt);
    report("loan", id, "disbursedAt", seconds(row.disbursed_at), loan.disbursedAt);
    report("loan", id, "maturityAt", seconds(row.maturity_at), loan.maturityAt);
    report("loan", id, "graceDays", row.grace_days ?? 0, loan.graceDays);
    report("loan", id, "fundShareBps", row.fund_share_bps ?? 0, loan.fundShareBps);
    report("loan", id, "principalOutstanding", row.principal_outstanding, loan.principalOutstanding);
    report("loan", id, "interestDue", row.interest_due, loan.interestDue);
    report("loan", id, "penaltyDue", row.penalty_due, loan.penaltyDue);
    report("loan", id, "accruedAt", seconds(row.accrued_at), loan.accruedAt);
    report("loan", id, "repaid", row.repaid, loan.repaid);
    report("loan", id, "outstandingAtDefault", row.outstanding_at_default ?? 0, loan.outstandingAtDefault);
    report("loan", id, "defaultedAt", seconds(row.defaulted_at), loan.defaultedAt);
    report("loan", id, "compensated", row.compensated, loan.compensated);
    report("loan", id, "compensation", row.compensation, loan.compensation);
    report("loan", id, "recovered", row.recovered, loan.recovered);
    if (row.canonical)
      report("loan", id, "sha256(purpose)", hex(sha256(row.canonical as string)), hex(row.purpose_hash));
    else report("loan", id, "purposeRecord", null, hex(row.purpose_hash));
    if (owed && status === "disbursed") {
      const computed = owedAt(
        {
          status,
          principalOutstanding: BigInt(row.principal_outstanding as string),
          interestDue: BigInt(row.interest_due as string),
          penaltyDue: BigInt(row.penalty_due as string),
          rateBps: BigInt((row.rate_bps as number) ?? 0),
          accruedAt: BigInt(seconds(row.accrued_at)),
          maturityAt: BigInt(seconds(row.maturity_at)),
        },
        chainTime,
      );
      report("loan", id, "owed.total", computed.total, owed.total);
    }
  });
  return rows.length;
}

async function eachLimited<T>(items: T[], work: (item: T) => Promise<void>, limit = 8): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, async () => {
      while (next < items.length) await work(items[next++]);
    }),
  );
}
