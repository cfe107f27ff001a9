/**
 * Whether some work handed a transaction to the chain node. A write that fails after that may
 * still have changed the ledger (the transaction can be mined after a timeout, or after the
 * instance died), so an idempotent request records each transaction before it goes out and keeps
 * such a failure as its outcome rather than letting a retry send a second one.
 */
import { AsyncLocalStorage } from "node:async_hooks";
import type { Queryable } from "../db/db.js";

export interface SendWatch {
  sent: boolean;
  /**
   * Runs before a transaction goes to the node; when it throws, the transaction is not sent. Its
   * statements run on `db`, the connection the sender holds.
   */
  beforeSend?: (txHash: string, db: Queryable) => Promise<void>;
}

const watches = new AsyncLocalStorage<SendWatch>();

/** Runs `work`; `watch.sent` becomes true once anything it calls hands a transaction to the node. */
export function watchingSends<T>(watch: SendWatch, work: () => Promise<T>): Promise<T> {
  return watches.run(watch, work);
}

/**
 * Called by the signer just before a signed transaction goes to the node. `db` is the connection
 * the caller holds (the signer's turn): waiting on the pool for a second connection while holding
 * one can wait forever once every connection is held so.
 */
export async function noteTransactionToSend(txHash: string, db: Queryable): Promise<void> {
  const watch = watches.getStore();
  if (!watch) return;
  await watch.beforeSend?.(txHash, db);
  watch.sent = true;
}
