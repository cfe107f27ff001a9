/** Platform parameters (operator) and the regulator's pause. */
import type { AppContext } from "../../context.js";
import { conflict, unavailable } from "../../errors.js";
import type { Api } from "../../http/route.js";
import { Bps, Money, MoneyOut, TxInfo, z } from "../../http/schemas.js";
import { operator } from "../orgs/service.js";

const ParamsIn = z
  .object({
    ltvCapBps: Bps().refine((value) => value > 0, { message: "the LTV cap must be positive" }),
    graceDays: z.number().int().min(0).max(3650),
    fundShareBps: Bps(),
    fundCapacity: Money,
    /** Days after a default the fund has to compensate; afterwards the bank may dispose without. Kept when absent. */
    fundDecisionDays: z.number().int().min(0).max(3650).optional(),
  })
  .strict()
  .openapi("ParamsUpdate");

export const ParamsOut = z
  .object({
    ltvCapBps: z.number(),
    graceDays: z.number(),
    fundShareBps: z.number(),
    fundCapacity: MoneyOut,
    fundDecisionDays: z.number(),
    fundPaid: MoneyOut,
    fundRemaining: MoneyOut,
    paused: z.boolean(),
    ...TxInfo,
  })
  .openapi("Params");

export async function readParams(ctx: AppContext) {
  const { rows } = await ctx.db.query(
    `select ltv_cap_bps, grace_days, fund_share_bps, fund_capacity, fund_decision_days, fund_paid, paused, tx_hash,
            block_number
       from platform_state`,
  );
  const row = rows[0];
  if (!row) throw unavailable("NOT_INDEXED", "the platform's parameters are not indexed yet; try again shortly");
  const capacity = BigInt(row.fund_capacity);
  const paid = BigInt(row.fund_paid);
  return {
    ltvCapBps: row.ltv_cap_bps as number,
    graceDays: row.grace_days as number,
    fundShareBps: row.fund_share_bps as number,
    fundCapacity: capacity.toString(),
    fundDecisionDays: row.fund_decision_days as number,
    fundPaid: paid.toString(),
    fundRemaining: (capacity > paid ? capacity - paid : 0n).toString(),
    paused: row.paused as boolean,
    txHash: row.tx_hash as string,
    blockNumber: Number(row.block_number),
  };
}

export function platformRoutes(api: Api, ctx: AppContext): void {
  api.add({
    method: "get",
    path: "/params",
    summary: "Read the platform parameters",
    operationId: "getPlatformParams",
    tag: "platform",
    access: "user",
    response: ParamsOut,
    handler: () => readParams(ctx),
  });

  api.add({
    method: "put",
    path: "/params",
    summary: "Set the platform parameters",
    operationId: "setPlatformParams",
    tag: "platform",
    access: ["admin"],
    body: ParamsIn,
    errors: [409, 422, 503],
    response: ParamsOut,
    handler: async ({ body }) => {
      const admin = await operator(ctx);
      const fundDecisionDays = body.fundDecisionDays ?? (await readParams(ctx)).fundDecisionDays;
      const params = [body.ltvCapBps, body.graceDays, body.fundShareBps, body.fundCapacity, fundDecisionDays];
      const tx = await ctx.ledger.send(admin.id, ctx.ledger.finance("setParams", [params]));
      return { ...(await readParams(ctx)), ...tx };
    },
  });

  for (const action of ["pause", "unpause"] as const) {
    api.add({
      method: "post",
      path: `/platform/${action}`,
      summary: action === "pause" ? "Pause every state change" : "Resume the platform",
      operationId: action === "pause" ? "pausePlatform" : "unpausePlatform",
      tag: "platform",
      access: ["regulator"],
      errors: [409, 503],
      response: ParamsOut,
      handler: async ({ caller }) => {
        const { paused } = await readParams(ctx);
        if (paused === (action === "pause")) {
          throw conflict(
            paused ? "PLATFORM_PAUSED" : "PLATFORM_NOT_PAUSED",
            `the platform is already ${paused ? "paused" : "running"}`,
          );
        }
        const tx = await ctx.ledger.send(caller.orgId, ctx.ledger.finance(action, []));
        return { ...(await readParams(ctx)), ...tx };
      },
    });
  }
}
