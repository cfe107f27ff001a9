/**
 * Whether some work handed a transaction to the chain node. A write that fails after that may
 * still have changed the ledger (the transaction can be mined after a timeout), so an idempotent
 * request keeps such a failure as its outcome rather than letting a retry send a second one.
 */
import { AsyncLocalStorage } from "node:async_hooks";

export interface SendWatch {
  sent: boolean;
}

const watches = new AsyncLocalStorage<SendWatch>();

/** Runs `work`; `watch.sent` becomes true once anything it calls hands a transaction to the node. */
export function watchingSends<T>(watch: SendWatch, work: () => Promise<T>): Promise<T> {
  return watches.run(watch, work);
}

/** Called by the signer just before a signed transaction goes to the node. */
export function noteTransactionSent(): void {
  const watch = watches.getStore();
  if (watch) watch.sent = true;
}
