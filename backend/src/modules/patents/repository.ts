/** Patents as the API returns them, read from the projections within the caller's scope. */
import { pageOf } from "../../db/db.js";
import { containing, SqlFilter } from "../../db/sqlFilter.js";
import type { AppContext } from "../../context.js";
import { notFound } from "../../errors.js";
import type { Caller } from "../../http/auth.js";
import { DateOut, MoneyOut, z } from "../../http/schemas.js";
import { normalisePatentNumber } from "../../domain/patentNumber.js";
import { isoOrNull } from "../../domain/time.js";
import { APPRAISAL_WINDOW, inAppraisalWindow, PATENT_KINDS, PATENT_STATUSES } from "../../domain/ledger.js";
import { AuditEventOut, historyOf } from "../audit/events.js";
import { chainNow } from "../chainTime.js";
import { patentScope, visibleLastChange, visibleLoanId } from "../scope.js";

export const AppraisalOut = z
  .object({
    id: z.string(),
    index: z.number(),
    appraiserOrgId: z.string().nullable(),
    value: MoneyOut,
    validUntil: z.string(),
    recordedAt: z.string(),
    reportSha256: z.string(),
    current: z.boolean(),
    txHash: z.string(),
    blockNumber: z.number(),
  })
  .openapi("Appraisal");

export const PatentOut = z
  .object({
    id: z.string(),
    number: z.string(),
    title: z.string().nullable(),
    kind: z.enum(PATENT_KINDS),
    // the ledger's zero state names no patent on record
    status: z.enum(PATENT_STATUSES).exclude(["none"]),
    ownerOrgId: z.string().nullable(),
    ownerAddress: z.string(),
    grantDate: z.string(),
    expiryDate: z.string(),
    legalStatus: z.object({ feePaidUntil: DateOut, preserved: z.boolean(), invalidationPending: z.boolean() }),
    appraisals: z.array(AppraisalOut),
    currentValue: MoneyOut.nullable(),
    loanId: z.string().nullable(),
    certificateSha256: z.string(),
    metadataHash: z.string(),
    tokenId: z.string(),
    registeredAt: z.string(),
    /** The last change's transaction; null when it names another bank's loan. */
    txHash: z.string().nullable(),
    blockNumber: z.number().nullable(),
  })
  .openapi("Patent");

export const PatentDetailOut = PatentOut.extend({ history: z.array(AuditEventOut) }).openapi("PatentDetail");

export const PatentQuery = z
  .object({
    status: z.enum(PATENT_STATUSES).optional(),
    kind: z.enum(PATENT_KINDS).optional(),
    ownerOrgId: z
      .string()
      .regex(/^[1-9]\d{0,17}$/)
      .optional(),
    q: z.string().max(100).optional(),
    /** Only patents an appraiser has no valid appraisal for. */
    needsAppraisal: z.enum(["true", "false"]).optional(),
    limit: z.coerce.number().int().min(1).max(200).default(50),
    offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
    sort: z
      .enum(["registeredAt", "-registeredAt", "expiryDate", "-expiryDate", "number", "-number"])
      .default("-registeredAt"),
  })
  .strict();

const SORTS: Record<string, string> = {
  registeredAt: "p.registered_at, p.id",
  "-registeredAt": "p.registered_at desc, p.id desc",
  expiryDate: "p.expiry_date, p.id",
  "-expiryDate": "p.expiry_date desc, p.id desc",
  number: "p.id",
  "-number": "p.id desc",
};

const hex = (bytes: Buffer) => `0x${bytes.toString("hex")}`;

type Row = Record<string, unknown>;

function patentOut(row: Row, appraisals: Row[], now: bigint) {
  const list = appraisals.map((appraisal) => ({
    id: `${row.id}:${appraisal.index}`,
    index: appraisal.index as number,
    appraiserOrgId: (appraisal.appraiser_org_id as string | null) ?? null,
    value: String(appraisal.value),
    validUntil: (appraisal.valid_until as Date).toISOString(),
    recordedAt: (appraisal.recorded_at as Date).toISOString(),
    reportSha256: hex(appraisal.report_sha256 as Buffer),
    current: false,
    txHash: appraisal.tx_hash as string,
    blockNumber: Number(appraisal.block_number),
  }));
  // The newest unexpired appraisal counts (SPEC section 2), among the newest APPRAISAL_WINDOW.
  const nowMs = Number(now) * 1000;
  const current = [...list]
    .sort((a, b) => b.index - a.index)
    .slice(0, APPRAISAL_WINDOW)
    .find((appraisal) => Date.parse(appraisal.validUntil) >= nowMs);
  if (current) current.current = true;
  return {
    id: row.id as string,
    number: row.id as string,
    title: (row.title as string | null) ?? null,
    kind: row.kind as (typeof PATENT_KINDS)[number],
    status: row.status as (typeof PATENT_STATUSES)[number],
    ownerOrgId: (row.owner_org_id as string | null) ?? null,
    ownerAddress: row.owner_address as string,
    grantDate: (row.grant_date as Date).toISOString(),
    expiryDate: (row.expiry_date as Date).toISOString(),
    legalStatus: {
      feePaidUntil: isoOrNull(row.fee_paid_until as Date | null),
      preserved: row.preserved as boolean,
      invalidationPending: row.invalidation_pending as boolean,
    },
    appraisals: list,
    currentValue: current?.value ?? null,
    // The holding loan only when the caller may see it (scope.ts, visibleLoanId).
    loanId: (row.visible_loan_id as string | null) ?? null,
    certificateSha256: hex(row.certificate_sha256 as Buffer),
    metadataHash: hex(row.metadata_hash as Buffer),
    tokenId: String(row.token_id),
    registeredAt: (row.registered_at as Date).toISOString(),
    // The last change's transaction only when it names no loan outside the caller's (scope.ts).
    txHash: (row.visible_tx_hash as string | null) ?? null,
    blockNumber: row.visible_tx_hash ? Number(row.block_number) : null,
  };
}

async function appraisalsOf(ctx: AppContext, ids: string[]) {
  if (ids.length === 0) return new Map<string, Row[]>();
  const { rows } = await ctx.db.query("select * from appraisals where patent_id = any($1) order by patent_id, index", [
    ids,
  ]);
  const byPatent = new Map<string, Row[]>();
  for (const row of rows) byPatent.set(row.patent_id, [...(byPatent.get(row.patent_id) ?? []), row]);
  return byPatent;
}

export async function listPatents(ctx: AppContext, caller: Caller, query: z.infer<typeof PatentQuery>) {
  const filter = new SqlFilter();
  const loan = filter.fragment((next) => visibleLoanId(caller, "p", next));
  const change = filter.fragment((next) => visibleLastChange(caller, "p", next));
  filter.where((next) => patentScope(caller, "p", next));
  if (query.status) filter.where(`p.status = ${filter.bind(query.status)}`);
  if (query.kind) filter.where(`p.kind = ${filter.bind(query.kind)}`);
  if (query.ownerOrgId) filter.where(`p.owner_org_id = ${filter.bind(query.ownerOrgId)}`);
  if (query.q) {
    const q = filter.bind(containing(query.q));
    filter.where(`(p.id ilike ${q} or p.title ilike ${q})`);
  }
  const now = await chainNow(ctx);
  if (query.needsAppraisal === "true") {
    filter.where(
      `p.status in ('verified', 'pledged') and not exists (select 1 from appraisals a where a.patent_id = p.id
         and a.valid_until >= to_timestamp(${filter.bind(Number(now))}) and ${inAppraisalWindow("a")})`,
    );
  }
  const { rows, total } = await pageOf(
    ctx.db,
    `select p.*, ${loan} as visible_loan_id, ${change} as visible_tx_hash, count(*) over () as total
       from patents p where ${filter.conditions}
      order by ${SORTS[query.sort]} limit ${filter.bind(query.limit)} offset ${filter.bind(query.offset)}`,
    filter.params,
  );
  const appraisals = await appraisalsOf(
    ctx,
    rows.map((row) => row.id),
  );
  return {
    items: rows.map((row) => patentOut(row, appraisals.get(row.id) ?? [], now)),
    total,
  };
}

/** One patent in the caller's scope, or a 404; `id` may be written in any accepted form. */
export async function getPatent(ctx: AppContext, caller: Caller | null, written: string) {
  const id = normalisePatentNumber(written);
  const filter = new SqlFilter();
  filter.where(`p.id = ${filter.bind(id)}`);
  if (caller) filter.where((next) => patentScope(caller, "p", next));
  const loan = caller ? filter.fragment((next) => visibleLoanId(caller, "p", next)) : "p.loan_id";
  const change = caller ? filter.fragment((next) => visibleLastChange(caller, "p", next)) : "p.tx_hash";
  const { rows } = await ctx.db.query(
    `select p.*, ${loan} as visible_loan_id, ${change} as visible_tx_hash from patents p where ${filter.conditions}`,
    filter.params,
  );
  if (!rows[0]) throw notFound("patent", written);
  const now = await chainNow(ctx);
  const appraisals = await appraisalsOf(ctx, [id]);
  return patentOut(rows[0], appraisals.get(id) ?? [], now);
}

export async function getPatentDetail(ctx: AppContext, caller: Caller, written: string) {
  const patent = await getPatent(ctx, caller, written);
  return { ...patent, history: await historyOf(ctx.db, "patent", patent.id, caller) };
}

export const EncumbranceOut = z
  .object({
    number: z.string(),
    pledged: z.boolean().describe("pledged under a loan (质押), whichever bank's"),
    inApplication: z.boolean().describe("named in a loan application not yet pledged, whichever bank's"),
  })
  .openapi("Encumbrance");

/**
 * The one bit every bank needs against 一权多押: whether a patent is pledged or in an application,
 * never to whom, for which loan or for how much. A number not on the ledger is a 404.
 */
export async function encumbranceOf(ctx: AppContext, number: string) {
  const { rows } = await ctx.db.query<{ status: string; loan_id: string | null }>(
    "select status, loan_id from patents where id = $1 and status <> 'rejected'",
    [number],
  );
  const patent = rows[0];
  if (!patent) throw notFound("patent", number);
  return {
    number,
    pledged: patent.status === "pledged",
    inApplication: patent.loan_id !== null && patent.status !== "pledged",
  };
}
