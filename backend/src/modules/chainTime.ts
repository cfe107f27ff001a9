import type { AppContext } from "../context.js";

/**
 * "Now" for a read, in unix seconds: the ledger's time (the last known head while the node is
 * away), or the wall clock when the node has not answered once since the start, so that lists keep
 * working through an outage of the chain.
 */
export async function chainNow(ctx: AppContext): Promise<bigint> {
  return ctx.chain.now().catch(() => BigInt(Math.floor(Date.now() / 1000)));
}
