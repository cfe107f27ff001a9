/** Patents as the API returns them, read from the projections within the caller's scope. */
import { pageOf } from "../../db/db.js";
import type { AppContext } from "../../context.js";
import { notFound } from "../../errors.js";
import type { Caller } from "../../http/auth.js";
import { DateOut, MoneyOut, z } from "../../http/schemas.js";
import { normalisePatentNumber } from "../../domain/patentNumber.js";
import { APPRAISAL_WINDOW, inAppraisalWindow, PATENT_KINDS, PATENT_STATUSES } from "../../domain/ledger.js";
import { AuditEventOut, historyOf } from "../audit/events.js";
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
const iso = (date: Date | null) => (date ? date.toISOString() : null);

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
      feePaidUntil: iso(row.fee_paid_until as Date | null),
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
  const scope = patentScope(caller, "p", 1);
  const loan = visibleLoanId(caller, "p", scope.params.length + 1);
  const change = visibleLastChange(caller, "p", scope.params.length + loan.params.length + 1);
  const params: unknown[] = [...scope.params, ...loan.params, ...change.params];
  const where = [scope.sql];
  const add = (sql: (n: number) => string, value: unknown) => {
    params.push(value);
    where.push(sql(params.length));
  };
  if (query.status) add((n) => `p.status = $${n}`, query.status);
  if (query.kind) add((n) => `p.kind = $${n}`, query.kind);
  if (query.ownerOrgId) add((n) => `p.owner_org_id = $${n}`, query.ownerOrgId);
  if (query.q) add((n) => `(p.id ilike $${n} or p.title ilike $${n})`, `%${query.q.replace(/[\\%_]/g, "\\$&")}%`);
  const now = await ctx.chain.now().catch(() => BigInt(Math.floor(Date.now() / 1000)));
  if (query.needsAppraisal === "true") {
    add(
      (n) =>
        `p.status in ('verified', 'pledged') and not exists (select 1 from appraisals a where a.patent_id = p.id
           and a.valid_until >= to_timestamp($${n}) and ${inAppraisalWindow("a")})`,
      Number(now),
    );
  }
  params.push(query.limit, query.offset);
  const { rows, total } = await pageOf(
    ctx.db,
    `select p.*, ${loan.sql} as visible_loan_id, ${change.sql} as visible_tx_hash, count(*) over () as total
       from patents p where ${where.join(" and ")}
      order by ${SORTS[query.sort]} limit $${params.length - 1} offset $${params.length}`,
    params,
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
  const scope = caller ? patentScope(caller, "p", 2) : { sql: "true", params: [] };
  const loan = caller ? visibleLoanId(caller, "p", 2 + scope.params.length) : { sql: "p.loan_id", params: [] };
  const next = 2 + scope.params.length + loan.params.length;
  const change = caller ? visibleLastChange(caller, "p", next) : { sql: "p.tx_hash", params: [] };
  const { rows } = await ctx.db.query(
    `select p.*, ${loan.sql} as visible_loan_id, ${change.sql} as visible_tx_hash
       from patents p where p.id = $1 and ${scope.sql}`,
    [id, ...scope.params, ...loan.params, ...change.params],
  );
  if (!rows[0]) throw notFound("patent", written);
  const now = await ctx.chain.now().catch(() => BigInt(Math.floor(Date.now() / 1000)));
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
