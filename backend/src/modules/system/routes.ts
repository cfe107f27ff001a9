/** Health (database, chain, indexer lag) and, on a local dev chain only, moving chain time. */
import type { AppContext } from "../../context.js";
import type { Api } from "../../http/route.js";
import { z } from "../../http/schemas.js";
import { dateOfSeconds } from "../../domain/time.js";

export async function health(ctx: AppContext) {
  const database = await ctx.db
    .query("select 1")
    .then(() => ({ ok: true as const }))
    .catch((error: Error) => ({ ok: false as const, error: error.message }));
  const chain = await ctx.chain
    .head(0, true)
    .then((head) => ({
      ok: true as const,
      chainId: ctx.chain.chainId.toString(),
      head: head.number,
      time: dateOfSeconds(head.time).toISOString(),
    }))
    .catch(() => ({
      ok: false as const,
      chainId: ctx.chain.chainId.toString(),
      error: "the ledger node is unavailable",
    }));
  const cursor = database.ok ? await ctx.indexer.cursor().catch(() => null) : null;
  const head = chain.ok ? chain.head : null;
  return {
    status: database.ok && chain.ok ? "ok" : "degraded",
    database,
    chain,
    indexer: {
      activeHere: ctx.indexer.active,
      cursor: cursor?.blockNumber ?? null,
      lag: head !== null && cursor ? Math.max(head - cursor.blockNumber, 0) : null,
      lastError: ctx.indexer.lastError ?? null,
    },
  };
}

export function systemRoutes(api: Api, ctx: AppContext): void {
  api.add({
    method: "get",
    path: "/health",
    summary: "Database, chain and indexer lag",
    operationId: "getHealth",
    tag: "system",
    access: "public",
    errors: [503],
    handler: async ({ res }) => {
      const result = await health(ctx);
      res.status(result.status === "ok" ? 200 : 503).json(result);
    },
  });

  if (!ctx.chain.isDevChain) return;
  api.add({
    method: "post",
    path: "/dev/advance-time",
    summary: "Move the dev chain's time forward and mine a block",
    operationId: "advanceChainTime",
    tag: "system",
    access: ["admin"],
    body: z
      .object({
        seconds: z
          .number()
          .int()
          .min(1)
          .max(20 * 365 * 86_400),
      })
      .strict(),
    response: z.object({ chainTime: z.string(), blockNumber: z.number() }),
    handler: async ({ body }) => {
      await ctx.chain.call(() => ctx.chain.provider.send("evm_increaseTime", [body.seconds]));
      await ctx.chain.call(() => ctx.chain.provider.send("evm_mine", []));
      ctx.chain.forgetHead();
      const head = await ctx.chain.head(0);
      await ctx.indexer.waitFor(head.number);
      return { chainTime: dateOfSeconds(head.time).toISOString(), blockNumber: head.number };
    },
  });
}
