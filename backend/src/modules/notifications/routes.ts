/**
 * What needs this organisation's attention. A notification that asks for an action is open while
 * its loan or patent is still in the state the action needs.
 */
import { pageOf } from "../../db/db.js";
import type { AppContext } from "../../context.js";
import type { Api } from "../../http/route.js";
import { z } from "../../http/schemas.js";

const NotificationOut = z
  .object({
    id: z.string(),
    topic: z.string(),
    entity: z.string(),
    entityId: z.string(),
    actionRequired: z.boolean(),
    open: z.boolean(),
    data: z.record(z.string(), z.unknown()),
    createdAt: z.string(),
    blockNumber: z.number(),
  })
  .openapi("Notification");

/** Where a notice of the chain's clock sorts among its block's events: after them all. */
const TIME_NOTICE_LOG_INDEX = 2_147_483_647;

const NotificationQuery = z
  .object({
    open: z.enum(["true", "false"]).optional(),
    limit: z.coerce.number().int().min(1).max(200).default(50),
    offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
  })
  .strict();

/**
 * This organisation's notifications, each with whether it asks for an action and is still open:
 * those the ledger's events raised, and those the chain's clock made due (time_notices, after the
 * events of their block).
 */
const MINE = `
  select n.*, n.awaits_status is not null as action_required,
         not n.resolved and coalesce(n.awaits_status = case n.entity
           when 'loan' then (select l.status from loans l where l.id = n.entity_id::bigint)
           when 'patent' then (select p.status from patents p where p.id = n.entity_id) end, false) as is_open
    from (select id, topic, entity, entity_id, awaits_status, data, block_number, log_index, created_at, resolved
            from notifications where org_id = $1 or org_kind = $2
          union all
          select id, topic, entity, entity_id, awaits_status, data, block_number, ${TIME_NOTICE_LOG_INDEX},
                 created_at, false
            from time_notices where org_id = $1) n`;

export function notificationRoutes(api: Api, ctx: AppContext): void {
  api.add({
    method: "get",
    path: "/notifications",
    summary: "List what needs this organisation's attention",
    operationId: "listNotifications",
    tag: "notifications",
    access: "user",
    query: NotificationQuery,
    response: z.object({ items: z.array(NotificationOut), total: z.number(), open: z.number() }),
    handler: async ({ query, caller }) => {
      const { rows, total } = await pageOf(
        ctx.db,
        `with mine as (${MINE})
         select *, count(*) over () as total from mine
          where ($3::boolean is null or is_open = $3)
          order by block_number desc, log_index desc, id limit $4 offset $5`,
        [caller.orgId, caller.role, query.open === undefined ? null : query.open === "true", query.limit, query.offset],
      );
      const open = await ctx.db.query(`with mine as (${MINE}) select count(*) as n from mine where is_open`, [
        caller.orgId,
        caller.role,
      ]);
      return {
        items: rows.map((row) => ({
          id: row.id,
          topic: row.topic,
          entity: row.entity,
          entityId: row.entity_id,
          actionRequired: row.action_required,
          open: row.is_open,
          data: row.data,
          createdAt: (row.created_at as Date).toISOString(),
          blockNumber: Number(row.block_number),
        })),
        total,
        open: Number(open.rows[0].n),
      };
    },
  });
}
