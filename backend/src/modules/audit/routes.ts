/**
 * The audit trail: every contract event as the indexer mirrored it, filtered and paged by keyset;
 * a transaction view and a block view for the explorer; the integrity check; the dashboard's stats.
 */
import type { AppContext } from "../../context.js";
import { SqlFilter } from "../../db/sqlFilter.js";
import { badRequest, notFound } from "../../errors.js";
import type { Caller } from "../../http/auth.js";
import type { Api } from "../../http/route.js";
import { IsoDate, z } from "../../http/schemas.js";
import { AuditEventOut, auditEventOut, EVENT_COLUMNS } from "./events.js";
import { dashboardStats, StatsOut } from "./stats.js";
import { checkOrJoin, latestCheck, startCheck } from "./integrityChecks.js";

const AuditQuery = z
  .object({
    entity: z.enum(["patent", "loan", "product", "platform", "organisation", "contract"]).optional(),
    entityId: z.string().max(80).optional(),
    orgId: z
      .string()
      .regex(/^[1-9]\d{0,17}$/)
      .optional(),
    kind: z
      .string()
      .regex(/^[A-Za-z]{1,64}$/)
      .optional(),
    txHash: z
      .string()
      .regex(/^0x[0-9a-fA-F]{64}$/)
      .optional(),
    fromBlock: z.coerce.number().int().min(0).max(Number.MAX_SAFE_INTEGER).optional(),
    toBlock: z.coerce.number().int().min(0).max(Number.MAX_SAFE_INTEGER).optional(),
    from: IsoDate.optional(),
    to: IsoDate.optional(),
    cursor: z
      .string()
      .regex(/^\d{1,15}-\d{1,9}$/, { message: "a cursor is the nextCursor of the previous page" })
      .optional(),
    limit: z.coerce.number().int().min(1).max(500).default(50),
  })
  .strict();

const TxHashParams = z.object({
  hash: z.string().regex(/^0x[0-9a-fA-F]{64}$/, { message: "a transaction hash is 0x and 64 hex digits" }),
});
const BlockParams = z.object({
  number: z.string().regex(/^\d{1,15}$/, { message: "a block number is a decimal number" }),
});

const Mismatch = z
  .object({
    table: z.string(),
    key: z.string(),
    field: z.string(),
    expected: z.unknown().describe("what the chain implies"),
    found: z.unknown().describe("what the database holds"),
  })
  .openapi("Mismatch");

const IntegrityReport = z
  .object({
    ok: z.boolean(),
    checked: z.number(),
    checkedByKind: z.record(z.string(), z.number()),
    atBlock: z.number(),
    mismatches: z.array(Mismatch).describe("the first 1,000 mismatches"),
    mismatchCount: z.number(),
  })
  .openapi("IntegrityReport");

const IntegrityCheck = z
  .object({
    id: z.string(),
    state: z.enum(["running", "done", "failed", "interrupted"]),
    startedAt: z.string(),
    finishedAt: z.string().nullable(),
    progress: z.object({
      phase: z.enum(["replaying", "comparing", "hashing"]).optional(),
      fromBlock: z.number().optional(),
      block: z.number().optional(),
      toBlock: z.number().optional(),
      events: z.number().optional(),
    }),
    report: IntegrityReport.nullable(),
    error: z.string().nullable(),
  })
  .openapi("IntegrityCheck");

export function auditRoutes(api: Api, ctx: AppContext): void {
  api.add({
    method: "get",
    path: "/audit/events",
    summary: "Read the audit trail",
    operationId: "listAuditEvents",
    tag: "audit",
    access: "user",
    query: AuditQuery,
    response: z.object({ items: z.array(AuditEventOut), nextCursor: z.string().nullable() }),
    handler: async ({ query, caller }) => auditEvents(ctx, caller, query),
  });

  api.add({
    method: "get",
    path: "/audit/transactions/:hash",
    summary: "Read a transaction: its block, receipt and decoded events",
    operationId: "getTransaction",
    tag: "audit",
    access: "user",
    params: TxHashParams,
    errors: [503],
    response: z.object({
      hash: z.string(),
      block: z.object({ number: z.number(), hash: z.string(), time: z.string() }),
      from: z.string(),
      to: z.string().nullable(),
      status: z.string(),
      gasUsed: z.string(),
      nonce: z.number(),
      events: z.array(AuditEventOut),
    }),
    handler: async ({ params, caller }) => {
      const hash = params.hash.toLowerCase();
      const visible = await auditEvents(ctx, caller, { txHash: hash, limit: 500 });
      if (visible.items.length === 0) throw notFound("transaction", params.hash);
      const [tx, receipt] = await ctx.chain.call((provider) =>
        Promise.all([provider.getTransaction(hash), provider.getTransactionReceipt(hash)]),
      );
      const first = visible.items[0];
      return {
        hash,
        block: { number: first.blockNumber, hash: receipt?.blockHash ?? "", time: first.blockTime },
        from: (tx?.from ?? "").toLowerCase(),
        to: tx?.to?.toLowerCase() ?? null,
        status: receipt?.status === 1 ? "success" : "reverted",
        gasUsed: (receipt?.gasUsed ?? 0n).toString(),
        nonce: tx?.nonce ?? 0,
        events: [...visible.items].reverse(),
      };
    },
  });

  api.add({
    method: "get",
    path: "/audit/blocks/:number",
    summary: "Read a block and the ledger events in it",
    operationId: "getBlock",
    tag: "audit",
    access: "user",
    params: BlockParams,
    response: z.object({ number: z.number(), hash: z.string(), time: z.string(), events: z.array(AuditEventOut) }),
    handler: async ({ params, caller }) => {
      const number = Number(params.number);
      const { rows } = await ctx.db.query("select hash, time from indexed_blocks where number = $1", [number]);
      const events = await auditEvents(ctx, caller, { fromBlock: number, toBlock: number, limit: 500 });
      if (!rows[0] || (caller.role !== "regulator" && events.items.length === 0))
        throw notFound("block", params.number);
      return {
        number,
        hash: rows[0].hash,
        time: (rows[0].time as Date).toISOString(),
        events: [...events.items].reverse(),
      };
    },
  });

  api.add({
    method: "get",
    path: "/audit/verify",
    summary: "Prove the database against the chain: runs an integrity check, or waits for the running one",
    operationId: "verifyIntegrity",
    tag: "audit",
    access: ["regulator"],
    errors: [503],
    response: IntegrityReport,
    handler: () => checkOrJoin(ctx),
  });

  api.add({
    method: "post",
    path: "/audit/integrity-checks",
    summary: "Start an integrity check in the background (or join the running one)",
    operationId: "startIntegrityCheck",
    tag: "audit",
    access: ["regulator"],
    status: 202,
    errors: [503],
    response: IntegrityCheck,
    handler: () => startCheck(ctx),
  });

  api.add({
    method: "get",
    path: "/audit/integrity-checks/latest",
    summary: "The newest integrity check: its progress while it runs, its report once done",
    operationId: "getLatestIntegrityCheck",
    tag: "audit",
    access: ["regulator"],
    errors: [404],
    response: IntegrityCheck,
    handler: async () => (await latestCheck(ctx.db)) ?? notFoundCheck(),
  });

  api.add({
    method: "get",
    path: "/stats",
    summary: "Totals and time series for the dashboard",
    operationId: "getStats",
    tag: "audit",
    access: ["regulator"],
    response: StatsOut,
    handler: () => dashboardStats(ctx),
  });
}

/** Past any block number: a window after the last indexed block holds no event. */
const NO_BLOCK = "9223372036854775807";

export async function auditEvents(
  ctx: AppContext,
  caller: Caller,
  query: Partial<z.infer<typeof AuditQuery>> & { limit: number },
) {
  if (query.fromBlock !== undefined && query.toBlock !== undefined && query.fromBlock > query.toBlock) {
    throw badRequest("VALIDATION_FAILED", "fromBlock is after toBlock", {
      issues: [{ path: "query.fromBlock", message: "after toBlock" }],
    });
  }
  const filter = new SqlFilter();
  // Non-regulators read the events that concern their own organisation.
  const scopedOrg = caller.role === "regulator" ? query.orgId : caller.orgId;
  let from = "chain_events e";
  if (scopedOrg) {
    from = "chain_event_orgs eo join chain_events e on e.block_number = eo.block_number and e.log_index = eo.log_index";
    filter.where(`eo.org_id = ${filter.bind(scopedOrg)}`);
    if (caller.role !== "regulator" && query.orgId && query.orgId !== caller.orgId) filter.where("false");
  }
  const column = scopedOrg ? "eo" : "e";
  if (query.entity) filter.where(`e.entity = ${filter.bind(query.entity)}`);
  if (query.entityId) filter.where(`e.entity_id = ${filter.bind(query.entityId)}`);
  if (query.kind) filter.where(`e.kind = ${filter.bind(query.kind)}`);
  if (query.txHash) filter.where(`e.tx_hash = ${filter.bind(query.txHash.toLowerCase())}`);
  if (query.fromBlock !== undefined) filter.where(`${column}.block_number >= ${filter.bind(query.fromBlock)}`);
  if (query.toBlock !== undefined) filter.where(`${column}.block_number <= ${filter.bind(query.toBlock)}`);
  // A time window is also a range of blocks, since block times never decrease along a chain and
  // every block with an event is in indexed_blocks: from the first block at or after `from` to the
  // last at or before `to`. The bounds let the (organisation, block) key seek the window instead of
  // visiting every event of the organisation, or of the window (migration 008).
  if (query.from !== undefined) {
    const since = filter.bind(query.from);
    filter.where(`e.block_time >= to_timestamp(${since})`);
    filter.where(
      `${column}.block_number >= coalesce((select b.number from indexed_blocks b where b.time >= to_timestamp(${since})
         order by b.time, b.number limit 1), ${NO_BLOCK})`,
    );
  }
  if (query.to !== undefined) {
    const until = filter.bind(query.to);
    filter.where(`e.block_time <= to_timestamp(${until})`);
    filter.where(
      `${column}.block_number <= coalesce((select b.number from indexed_blocks b where b.time <= to_timestamp(${until})
         order by b.time desc, b.number desc limit 1), -1)`,
    );
  }
  if (query.cursor) {
    const [block, log] = query.cursor.split("-").map(Number);
    filter.where(`(${column}.block_number, ${column}.log_index) < (${filter.bind(block)}, ${filter.bind(log)})`);
  }
  const { rows } = await ctx.db.query(
    `select ${EVENT_COLUMNS} from ${from} where ${filter.conditions}
      order by ${column}.block_number desc, ${column}.log_index desc limit ${filter.bind(query.limit + 1)}`,
    filter.params,
  );
  const items = rows.slice(0, query.limit).map(auditEventOut);
  const nextCursor = rows.length > query.limit ? items[items.length - 1].id : null;
  return { items, nextCursor };
}

function notFoundCheck(): never {
  throw notFound("integrity check", "latest");
}
