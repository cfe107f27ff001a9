/**
 * The regulator's integrity check: the database against the chain, record by record.
 *
 * - The audit trail: every stored event against the chain's logs (same block, hash, transaction,
 *   topics and data), none missing and none extra.
 * - Every projection row against the contracts' getters, field by field, at the indexed block,
 *   including which organisation each address belongs to (the ids that drive authorization).
 * - Every stored document and record rehashed; every hash the chain keeps (in its state or only in
 *   its events) found in the database.
 *
 * All database reads come from one REPEATABLE READ snapshot taken with the cursor, so the indexer
 * committing meanwhile cannot make a row look wrong. Each table's own check reports its rows, and
 * a projection compares the text of a record only when the record is intact, so one tampered row
 * is reported once.
 */
import { isCallException, type Log } from "ethers";
import type { AppContext } from "../../context.js";
import type { Queryable } from "../../db/db.js";
import { loanStatusName, patentKindName, patentStatusName } from "../../domain/ledger.js";
import { owedAt } from "../../domain/loanMath.js";
import { decodeLog, type Contract } from "../../indexer/events.js";

export interface Mismatch {
  entity: string;
  id: string;
  field: string;
  database: unknown;
  chain: unknown;
}

type Row = Record<string, unknown>;
type Report = (entity: string, id: string, field: string, database: unknown, chain: unknown) => void;
interface Snapshot {
  db: Queryable;
  at: { blockTag: number };
  chainTime: bigint;
  /** The chain's decoded logs of both contracts up to the indexed block. */
  logs: { log: Log; name: string; args: Record<string, unknown> }[];
  /** organisation id -> address, and address -> organisation id. */
  orgAddress: Map<string, string>;
  orgOfAddress: Map<string, string>;
}

const seconds = (date: unknown) => (date ? Math.floor((date as Date).getTime() / 1000) : 0);
const hex = (bytes: unknown) => (bytes ? `0x${(bytes as Buffer).toString("hex")}` : null);
const lower = (value: unknown) => String(value).toLowerCase();
const normal = (value: unknown) => (typeof value === "bigint" ? value.toString() : (value ?? null));

export async function verifyIntegrity(ctx: AppContext) {
  return ctx.db.withTransaction(async (client) => {
    await client.query("set transaction isolation level repeatable read, read only");
    const mismatches: Mismatch[] = [];
    const report: Report = (entity, id, field, database, chain) => {
      if (String(normal(database)) !== String(normal(chain))) {
        mismatches.push({ entity, id, field, database: normal(database), chain: normal(chain) });
      }
    };
    const cursor = await client.query("select block_number from indexer_cursor");
    const blockTag = Number(cursor.rows[0]?.block_number ?? ctx.chain.deployment.startBlock);
    const block = await ctx.chain.call((provider) => provider.getBlock(blockTag));
    const snapshot: Snapshot = {
      db: client,
      at: { blockTag },
      chainTime: BigInt(block?.timestamp ?? 0),
      logs: await chainLogs(ctx, blockTag),
      ...(await organisations(client)),
    };
    const checked: Record<string, number> = {
      events: await verifyEvents(snapshot, report),
      documents: await verifyDocuments(snapshot, report),
      records: await verifyRecords(snapshot, report),
      params: await verifyParams(ctx, snapshot, report),
      patents: await verifyPatents(ctx, snapshot, report),
      appraisals: await verifyAppraisals(ctx, snapshot, report),
      products: await verifyProducts(ctx, snapshot, report),
      loans: await verifyLoans(ctx, snapshot, report),
    };
    const total = Object.values(checked).reduce((sum, count) => sum + count, 0);
    return { ok: mismatches.length === 0, checked: total, checkedByKind: checked, atBlock: blockTag, mismatches };
  });
}

async function chainLogs(ctx: AppContext, toBlock: number) {
  const { finance, registry } = ctx.chain.addresses;
  const logs = await ctx.chain.call((provider) =>
    provider.getLogs({ address: [finance, registry], fromBlock: ctx.chain.deployment.startBlock, toBlock }),
  );
  return logs.flatMap((log) => {
    const contract: Contract = log.address.toLowerCase() === finance.toLowerCase() ? "PledgeFinance" : "PatentRegistry";
    const decoded = decodeLog(contract, log);
    return decoded ? [{ log, ...decoded }] : [];
  });
}

async function organisations(db: Queryable) {
  const { rows } = await db.query<{ id: string; address: string }>("select id, address from organisations");
  return {
    orgAddress: new Map(rows.map((row) => [row.id, row.address])),
    orgOfAddress: new Map(rows.map((row) => [row.address, row.id])),
  };
}

/** The organisation id a projection gives an address must be the organisation holding that address. */
function reportOrg(
  snapshot: Snapshot,
  report: Report,
  entity: string,
  id: string,
  field: string,
  orgId: unknown,
  address: unknown,
) {
  report(entity, id, field, orgId ?? null, snapshot.orgOfAddress.get(lower(address)) ?? null);
}

async function verifyEvents(snapshot: Snapshot, report: Report): Promise<number> {
  const { rows } = await snapshot.db.query(
    "select block_number, log_index, tx_hash, block_hash, topics, log_data from chain_events order by block_number, log_index",
  );
  const stored = new Map(rows.map((row) => [`${row.block_number}-${row.log_index}`, row]));
  for (const { log } of snapshot.logs) {
    const id = `${log.blockNumber}-${log.index}`;
    const row = stored.get(id);
    stored.delete(id);
    if (!row) {
      report("event", id, "exists", false, true);
      continue;
    }
    report("event", id, "txHash", row.tx_hash, log.transactionHash);
    report("event", id, "blockHash", row.block_hash, log.blockHash);
    report("event", id, "topics", (row.topics as string[]).join(","), log.topics.join(","));
    report("event", id, "data", row.log_data, log.data);
  }
  for (const id of stored.keys()) report("event", id, "exists", true, false);
  return rows.length;
}

async function verifyDocuments(snapshot: Snapshot, report: Report): Promise<number> {
  const { rows } = await snapshot.db.query(
    "select sha256, sha256(content) as digest, length(content) as length, size from documents",
  );
  for (const row of rows) {
    const id = hex(row.sha256)!;
    report("document", id, "sha256(content)", hex(row.digest), id);
    report("document", id, "size", row.length, row.size);
  }
  // Every document hash the chain keeps is stored.
  const have = new Set(rows.map((row) => hex(row.sha256)));
  for (const { log, name, args } of snapshot.logs) {
    const hash =
      name === "PatentRegistered" ? args.certificateHash : name === "AppraisalRecorded" ? args.reportHash : null;
    if (hash && !have.has(lower(hash)))
      report("document", lower(hash), "stored", false, `${name} ${log.transactionHash}`);
  }
  return rows.length;
}

const RECORD_HASHES: Record<string, string> = {
  PatentRegistered: "metadataHash",
  ProductCreated: "detailsHash",
  LoanApplied: "purposeHash",
  LoanRejected: "reasonHash",
  LoanCancelled: "reasonHash",
  PatentRejected: "reasonHash",
  PatentRevoked: "reasonHash",
  LoanDisbursed: "referenceHash",
  RepaymentRecorded: "referenceHash",
  CollateralDisposed: "referenceHash",
};

async function verifyRecords(snapshot: Snapshot, report: Report): Promise<number> {
  const { rows } = await snapshot.db.query(
    "select sha256, encode(sha256(convert_to(canonical, 'UTF8')), 'hex') as digest from records",
  );
  const have = new Set<string>();
  for (const row of rows) {
    const id = hex(row.sha256)!;
    have.add(id);
    report("record", id, "sha256(canonical)", `0x${row.digest}`, id);
  }
  // Every record hash the chain keeps (purposes, reasons, references live only in events) is stored.
  for (const { log, name, args } of snapshot.logs) {
    const field = RECORD_HASHES[name];
    if (field && !have.has(lower(args[field])))
      report("record", lower(args[field]), "stored", false, `${name} ${log.transactionHash}`);
  }
  return rows.length;
}

async function verifyParams(ctx: AppContext, snapshot: Snapshot, report: Report): Promise<number> {
  const { rows } = await snapshot.db.query("select * from platform_state");
  const row = rows[0] ?? {};
  const finance = ctx.chain.finance;
  const [params, fundPaid, paused] = await ctx.chain.call(() =>
    Promise.all([finance.params(snapshot.at), finance.fundPaid(snapshot.at), finance.paused(snapshot.at)]),
  );
  report("platform", "params", "ltvCapBps", row.ltv_cap_bps, params.ltvCapBps);
  report("platform", "params", "graceDays", row.grace_days, params.graceDays);
  report("platform", "params", "fundShareBps", row.fund_share_bps, params.fundShareBps);
  report("platform", "params", "fundCapacity", row.fund_capacity, params.fundCapacity);
  report("platform", "params", "fundPaid", row.fund_paid, fundPaid);
  report("platform", "params", "paused", row.paused, paused);
  return 1;
}

/** A record's text, when it is there and still hashes to its key; otherwise null (the record check reports it). */
function intactRecord(row: Row, hashColumn: string): Record<string, unknown> | null {
  if (!row.canonical || row.canonical_digest !== hex(row[hashColumn])?.slice(2)) return null;
  return JSON.parse(row.canonical as string) as Record<string, unknown>;
}

const RECORD_JOIN = (alias: string, column: string) => `left join records r on r.sha256 = ${alias}.${column}`;
const RECORD_COLUMNS = "r.canonical, encode(sha256(convert_to(r.canonical, 'UTF8')), 'hex') as canonical_digest";

async function verifyPatents(ctx: AppContext, snapshot: Snapshot, report: Report): Promise<number> {
  const { rows } = await snapshot.db.query(
    `select p.*, ${RECORD_COLUMNS} from patents p ${RECORD_JOIN("p", "metadata_hash")} order by p.id`,
  );
  const registered = new Map(
    snapshot.logs
      .filter((entry) => entry.name === "PatentRegistered")
      .map((entry) => [String(entry.args.patentId), entry.args]),
  );
  const known = new Set(rows.map((row) => String(row.token_id)));
  for (const [tokenId, args] of registered)
    if (!known.has(tokenId)) report("patent", args.number as string, "exists", false, true);
  const registry = ctx.chain.registry;
  await eachLimited(rows, async (row) => {
    const id = row.id as string;
    const tokenId = String(row.token_id);
    const onChain = await ctx.chain
      .call(() => Promise.all([registry.getPatent(tokenId, snapshot.at), registry.ownerOf(tokenId, snapshot.at)]))
      .catch((error) => {
        if (isCallException(error)) return null; // ownerOf reverts for a token that does not exist
        throw error;
      });
    if (!onChain) return report("patent", id, "exists", true, false);
    const [patent, owner] = onChain;
    report("patent", id, "number", id, registered.get(tokenId)?.number ?? null);
    report("patent", id, "status", row.status, patentStatusName(patent.status));
    report("patent", id, "kind", row.kind, patentKindName(patent.kind));
    report("patent", id, "owner", row.owner_address, lower(owner));
    reportOrg(snapshot, report, "patent", id, "ownerOrgId", row.owner_org_id, owner);
    report("patent", id, "grantDate", seconds(row.grant_date), patent.grantDate);
    report("patent", id, "expiryDate", seconds(row.expiry_date), patent.expiryDate);
    report("patent", id, "feePaidUntil", seconds(row.fee_paid_until), patent.feePaidUntil);
    report("patent", id, "preserved", row.preserved, patent.preserved);
    report("patent", id, "invalidationPending", row.invalidation_pending, patent.invalidationPending);
    report("patent", id, "loanId", row.loan_id ?? 0, patent.loanId);
    report("patent", id, "metadataHash", hex(row.metadata_hash), patent.metadataHash);
    report(
      "patent",
      id,
      "certificateSha256",
      hex(row.certificate_sha256),
      registered.get(tokenId)?.certificateHash ?? null,
    );
    const metadata = intactRecord(row, "metadata_hash");
    if (metadata) {
      report("patent", id, "title", row.title, metadata.title);
      report(
        "patent",
        id,
        "metadata.certificateSha256",
        metadata.certificateSha256,
        registered.get(tokenId)?.certificateHash ?? null,
      );
    }
  });
  return rows.length;
}

async function verifyAppraisals(ctx: AppContext, snapshot: Snapshot, report: Report): Promise<number> {
  const { rows } = await snapshot.db.query(
    "select a.*, p.token_id from appraisals a join patents p on p.id = a.patent_id order by a.patent_id, a.index",
  );
  const counts = await snapshot.db.query(
    "select p.id, p.token_id, (select count(*) from appraisals a where a.patent_id = p.id) as n from patents p",
  );
  const registry = ctx.chain.registry;
  await eachLimited(counts.rows, async (row) => {
    const patent = await ctx.chain.call(() => registry.getPatent(String(row.token_id), snapshot.at));
    report("patent", row.id as string, "appraisalCount", row.n, patent.appraisalCount);
  });
  await eachLimited(rows, async (row) => {
    const id = `${row.patent_id}:${row.index}`;
    const appraisal = await ctx.chain.call(() =>
      registry.getAppraisal(String(row.token_id), row.index as number, snapshot.at),
    );
    report("appraisal", id, "value", row.value, appraisal.value);
    report("appraisal", id, "validUntil", seconds(row.valid_until), appraisal.validUntil);
    report("appraisal", id, "recordedAt", seconds(row.recorded_at), appraisal.recordedAt);
    report("appraisal", id, "appraiser", row.appraiser_address, lower(appraisal.appraiser));
    reportOrg(snapshot, report, "appraisal", id, "appraiserOrgId", row.appraiser_org_id, appraisal.appraiser);
    report("appraisal", id, "reportSha256", hex(row.report_sha256), appraisal.reportHash);
  });
  return rows.length;
}

async function verifyProducts(ctx: AppContext, snapshot: Snapshot, report: Report): Promise<number> {
  const { rows } = await snapshot.db.query(
    `select p.*, ${RECORD_COLUMNS} from products p ${RECORD_JOIN("p", "details_hash")} order by p.id`,
  );
  const finance = ctx.chain.finance;
  report("product", "*", "count", rows.length, await ctx.chain.call(() => finance.productCount(snapshot.at)));
  const created = new Map(
    snapshot.logs
      .filter((entry) => entry.name === "ProductCreated")
      .map((entry) => [String(entry.args.productId), entry.args]),
  );
  await eachLimited(rows, async (row) => {
    const id = String(row.id);
    const product = await ctx.chain.call(() => finance.getProduct(id, snapshot.at));
    report("product", id, "bank", row.bank_address, lower(product.bank));
    reportOrg(snapshot, report, "product", id, "bankOrgId", row.bank_org_id, product.bank);
    report("product", id, "maxAmount", row.max_amount, product.maxAmount);
    report("product", id, "minRateBps", row.min_rate_bps, product.minRateBps);
    report("product", id, "maxRateBps", row.max_rate_bps, product.maxRateBps);
    report("product", id, "maxTermDays", row.max_term_days, product.maxTermDays);
    report("product", id, "ltvBps", row.ltv_bps, product.ltvBps);
    report("product", id, "active", row.active, product.active);
    report("product", id, "detailsHash", hex(row.details_hash), created.get(id)?.detailsHash ?? null);
    const details = intactRecord(row, "details_hash");
    if (details) {
      report("product", id, "name", row.name, details.name);
      report("product", id, "description", row.description, details.description);
    }
  });
  return rows.length;
}

async function verifyLoans(ctx: AppContext, snapshot: Snapshot, report: Report): Promise<number> {
  const { rows } = await snapshot.db.query(
    `select l.*, ${RECORD_COLUMNS},
            coalesce((select array_agg(p.token_id::text order by lp.position) from loan_patents lp join patents p on p.id = lp.patent_id
                       where lp.loan_id = l.id), '{}') as token_ids
       from loans l ${RECORD_JOIN("l", "purpose_hash")} order by l.id`,
  );
  const finance = ctx.chain.finance;
  report("loan", "*", "count", rows.length, await ctx.chain.call(() => finance.loanCount(snapshot.at)));
  const applied = new Map(
    snapshot.logs
      .filter((entry) => entry.name === "LoanApplied")
      .map((entry) => [String(entry.args.loanId), entry.args]),
  );
  await eachLimited(rows, async (row) => {
    const id = String(row.id);
    const loan = await ctx.chain.call(() => finance.getLoan(id, snapshot.at));
    const status = loanStatusName(loan.status);
    report("loan", id, "status", row.status, status);
    report("loan", id, "borrower", row.borrower_address, lower(loan.borrower));
    reportOrg(snapshot, report, "loan", id, "enterpriseOrgId", row.enterprise_org_id, loan.borrower);
    report("loan", id, "bank", row.bank_address, lower(loan.bank));
    reportOrg(snapshot, report, "loan", id, "bankOrgId", row.bank_org_id, loan.bank);
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
    report("loan", id, "purposeHash", hex(row.purpose_hash), applied.get(id)?.purposeHash ?? null);
    const purpose = intactRecord(row, "purpose_hash");
    if (purpose) report("loan", id, "purpose", row.purpose, purpose.purpose);
    if (status === "disbursed") {
      const owed = await ctx.chain.call(() => finance.owedAt(id, snapshot.chainTime, snapshot.at));
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
        snapshot.chainTime,
      );
      report("loan", id, "owed.total", computed.total, owed.total);
    }
  });
  return rows.length;
}

async function eachLimited(items: Row[], work: (item: Row) => Promise<void>, limit = 8): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, async () => {
      while (next < items.length) await work(items[next++]);
    }),
  );
}
