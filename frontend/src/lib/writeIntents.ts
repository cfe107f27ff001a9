/**
 * An Idempotency-Key for each write a person means to make once. The same write (method, path
 * and body) sent again after an answer that leaves its outcome open — the network failed, the
 * server or the ledger did not answer in time, or the first attempt is still running — carries the
 * same key, so the API replays the first result instead of writing twice. A definite answer (a
 * success, or a refusal that changed nothing) ends the intent: the next identical write is a new
 * one, as when a bank closes a product, opens it and closes it again.
 */
const open = new Map<string, string>();

const intentOf = (method: string, path: string, body: unknown) => `${method} ${path} ${JSON.stringify(body ?? null)}`;

export function idempotencyKeyFor(method: string, path: string, body: unknown): string {
  const intent = intentOf(method, path, body);
  let key = open.get(intent);
  if (!key) {
    key = crypto.randomUUID();
    open.set(intent, key);
  }
  return key;
}

/** Statuses after which the write's outcome is still open: retrying it must reuse its key. */
export function outcomeIsOpen(status: number, code?: string): boolean {
  return status === 0 || status >= 500 || code === "IDEMPOTENCY_KEY_IN_PROGRESS";
}

export function settleIntent(method: string, path: string, body: unknown): void {
  open.delete(intentOf(method, path, body));
}
