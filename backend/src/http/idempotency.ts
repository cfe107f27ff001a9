/**
 * The `Idempotency-Key` header on every signed-in write, so a client can retry a write whose
 * answer it never saw. Keys belong to the user who sends them. A retry with the same key and the
 * same request (method, path and body) has no second effect and gets the first result again, the
 * same status and body, marked `Idempotent-Replayed: true`; the same key on another request is a
 * 422 IDEMPOTENCY_KEY_REUSED; while the first request runs, the same key is a 409
 * IDEMPOTENCY_KEY_IN_PROGRESS (nothing is run; retry it in a moment).
 *
 * What is kept as the first result: a success, and a failure after a transaction went to the node
 * (say the receipt timed out: the transaction may still be mined, so a retry must not send a
 * second one; the kept 5xx names the transaction). A failure before that changed nothing (every
 * 4xx, including a transaction the ledger reverted, and an outage before sending) and releases
 * the key, so a corrected or later retry may use it. Kept in PostgreSQL, so every instance and a
 * restarted one replay the same; keys expire a day after their first use.
 *
 * A claim whose request never finished is taken over by a retry of the same request: at once when
 * the instance that ran it is gone (killed, crashed: its presence connection is no longer in
 * pg_stat_activity), else after a lease longer than any write can take. Every transaction is
 * recorded on the claim, and committed, before it goes to the node, and only while the run still
 * holds the claim, so a retry that takes over never sends a second one: when the first run
 * recorded anything, the outcome kept is a 503 WRITE_INTERRUPTED naming its transactions (a run
 * killed between recording and sending names one the node never received; it is not run again
 * either, because a server that only lost its database connection could still send it); only a
 * run that recorded nothing runs again. A resumable write (a key rotation: it reads from the chain
 * what is already done and sends only what is missing) is run again instead, told the
 * transactions the first run recorded. The record is written on the connection that holds the
 * organisation's turn in the signer, never a second one from the pool.
 */
import { createHmac, randomUUID } from "node:crypto";
import type { Request } from "express";
import { watchingSends } from "../chain/sendWatch.js";
import type { Database, Queryable } from "../db/db.js";
import { canonicalJson, type Json } from "../domain/canonical.js";
import { ApiError, badRequest, conflict, errorBody, internalError, unprocessable } from "../errors.js";
import { z } from "./schemas.js";

export const IDEMPOTENCY_KEY_HEADER = "Idempotency-Key";
export const REPLAYED_HEADER = "Idempotent-Replayed";
/** A UUID or any other token of up to 128 letters, digits and `.` `_` `:` `-`. */
export const IDEMPOTENCY_KEY_PATTERN = /^[A-Za-z0-9._:-]{1,128}$/;
export const KEY_LIFETIME_HOURS = 24;
/** Longer than a write can take (120 s for the receipt, 60 s for the indexer, the queue before them). */
const CLAIM_LEASE_SECONDS = 600;

/** The header as the OpenAPI document describes it on every signed-in write. */
export const IdempotencyKeyHeader = z.object({
  [IDEMPOTENCY_KEY_HEADER]: z
    .string()
    .regex(IDEMPOTENCY_KEY_PATTERN)
    .optional()
    .openapi({
      description:
        `Makes a retry safe: the same key (per user) with the same method, path and body replays the first result (marked ${REPLAYED_HEADER}: true) and changes nothing; ` +
        `with another request it is a 422 IDEMPOTENCY_KEY_REUSED; while the first runs, a 409 IDEMPOTENCY_KEY_IN_PROGRESS. ` +
        `Successes are kept, and failures after a transaction was sent; any other failure frees the key for a corrected retry. Keys expire ${KEY_LIFETIME_HOURS} h after first use.`,
      example: "5f0c6f5e-8d1a-4d36-9a57-2c1b0e7f3a10",
    }),
});

/** A response as sent: the status and the JSON text of the body. */
export interface Outcome {
  status: number;
  body: string;
}

export interface KeyedWrite {
  userId: string;
  key: string;
  fingerprint: Buffer;
}

/** The request's key, if it sent one; a key that breaks the pattern is a 400. */
export function idempotencyKeyOf(req: Request): string | undefined {
  const key = req.get(IDEMPOTENCY_KEY_HEADER);
  if (key === undefined) return undefined;
  if (!IDEMPOTENCY_KEY_PATTERN.test(key)) {
    throw badRequest(
      "INVALID_IDEMPOTENCY_KEY",
      `the ${IDEMPOTENCY_KEY_HEADER} header is 1 to 128 letters, digits, '.', '_', ':' or '-' (a UUID fits)`,
      { header: IDEMPOTENCY_KEY_HEADER },
    );
  }
  return key;
}

/**
 * What makes two requests the same request: the method, the path and the body (its keys in any
 * order), as an HMAC under the platform's secret. A plain hash of a body that holds a password (a
 * new user's) would be a fast hash of that password, kept for a day.
 */
export function fingerprintOf(req: Request, secret: Buffer): Buffer {
  return createHmac("sha256", secret)
    .update(canonicalJson([req.method, req.originalUrl, (req.body ?? {}) as Json]))
    .digest();
}

const keyReused = (key: string) =>
  unprocessable(
    "IDEMPOTENCY_KEY_REUSED",
    `${IDEMPOTENCY_KEY_HEADER} ${key} was first sent with another request (method, path or body); use a new key for a new request`,
    { idempotencyKey: key },
  );

const keyInProgress = (key: string) =>
  conflict(
    "IDEMPOTENCY_KEY_IN_PROGRESS",
    `the first request with ${IDEMPOTENCY_KEY_HEADER} ${key} is still running; retry in a moment for its result`,
    { idempotencyKey: key },
  );

const writeInterrupted = (txHashes: string[]) =>
  new ApiError(
    503,
    "WRITE_INTERRUPTED",
    "the server running this request stopped while sending its transaction, which may or may not have reached the ledger; it was not sent again. Read the resource (or the transaction) to see whether it took effect",
    { txHashes },
  );

export class IdempotencyKeys {
  constructor(
    private readonly db: Database,
    private readonly fingerprintSecret: Buffer,
  ) {}

  fingerprintOf(req: Request): Buffer {
    return fingerprintOf(req, this.fingerprintSecret);
  }

  /**
   * Runs `write` once for its key, or answers with the outcome its first run kept. A `resumable`
   * write whose first run was interrupted after recording transactions runs again, given them.
   */
  async once(
    request: KeyedWrite,
    write: (resumedTxHashes: string[]) => Promise<Outcome>,
    resumable = false,
  ): Promise<Outcome & { replayed: boolean }> {
    const claim = await this.claim(request, resumable);
    if ("status" in claim) return { ...claim, replayed: true };
    const watch = {
      sent: false,
      beforeSend: (txHash: string, db: Queryable) => this.recordTransaction(request, claim.token, txHash, db),
    };
    let outcome: Outcome;
    try {
      outcome = await watchingSends(watch, () => write(claim.resumedTxHashes));
    } catch (error) {
      await this.settleFailure(request, claim.token, error, watch.sent);
      throw error;
    }
    await this.keep(request, claim.token, outcome);
    return { ...outcome, replayed: false };
  }

  /** The key for this request (a token naming this run), or the first run's kept outcome. */
  private async claim(
    request: KeyedWrite,
    resumable: boolean,
  ): Promise<{ token: string; resumedTxHashes: string[] } | Outcome> {
    await this.forgetExpired(request.userId);
    // A released key vanishes between the two statements at most once per competing request.
    for (let attempt = 0; attempt < 3; attempt++) {
      const token = randomUUID();
      // Taken over: a claim past its lease, or one whose instance is gone (no session of its name).
      const claimed = await this.db.query<{ claim: string; tx_hashes: string[] }>(
        `insert into idempotency_keys (user_id, key, fingerprint, claim, instance) values ($1, $2, $3, $4, $6)
         on conflict (user_id, key) do update set claim = excluded.claim, instance = excluded.instance, created_at = now()
           where idempotency_keys.status is null and idempotency_keys.fingerprint = excluded.fingerprint
             and (idempotency_keys.created_at < now() - make_interval(secs => $5)
               or (idempotency_keys.instance is not null and not exists (
                 select 1 from pg_stat_activity a where a.application_name = idempotency_keys.instance)))
         returning claim, tx_hashes`,
        [request.userId, request.key, request.fingerprint, token, CLAIM_LEASE_SECONDS, this.db.instance],
      );
      if (claimed.rows[0]?.claim === token) {
        const sent = claimed.rows[0].tx_hashes;
        if (sent.length === 0 || resumable) return { token, resumedTxHashes: sent };
        // The first run died after recording its transactions: they may be on the ledger, so none is sent again.
        const outcome = { status: 503, body: JSON.stringify(errorBody(writeInterrupted(sent))) };
        await this.keep(request, token, outcome);
        return outcome;
      }
      const { rows } = await this.db.query<{ fingerprint: Buffer; status: number | null; response: string | null }>(
        "select fingerprint, status, response from idempotency_keys where user_id = $1 and key = $2",
        [request.userId, request.key],
      );
      const first = rows[0];
      if (!first) continue;
      if (!first.fingerprint.equals(request.fingerprint)) throw keyReused(request.key);
      if (first.status === null) throw keyInProgress(request.key);
      return { status: first.status, body: first.response! };
    }
    throw keyInProgress(request.key);
  }

  /** A failure is kept only when a transaction went out before it; otherwise the key is free again. */
  private async settleFailure(request: KeyedWrite, token: string, error: unknown, sent: boolean): Promise<void> {
    const failure = error instanceof ApiError ? error : internalError();
    try {
      if (sent && failure.status >= 500) {
        await this.keep(request, token, { status: failure.status, body: JSON.stringify(errorBody(failure)) });
      } else {
        await this.release(request, token);
      }
    } catch {
      // The database failed too: the claim stays until its lease ends; the request's own error is the answer.
    }
  }

  /**
   * Notes a transaction on the claim before it is sent, committed at once (`db` is the signer's
   * connection, outside any transaction); a run that lost its claim sends nothing.
   */
  private async recordTransaction(request: KeyedWrite, token: string, txHash: string, db: Queryable) {
    const recorded = await db.query(
      `update idempotency_keys set tx_hashes = array_append(tx_hashes, $4)
        where user_id = $1 and key = $2 and claim = $3 and status is null`,
      [request.userId, request.key, token, txHash],
    );
    if (recorded.rowCount !== 1) throw keyInProgress(request.key);
  }

  private async keep(request: KeyedWrite, token: string, outcome: Outcome): Promise<void> {
    await this.db.query(
      `update idempotency_keys set status = $4, response = $5, completed_at = now()
        where user_id = $1 and key = $2 and claim = $3`,
      [request.userId, request.key, token, outcome.status, outcome.body],
    );
  }

  private async release(request: KeyedWrite, token: string): Promise<void> {
    await this.db.query("delete from idempotency_keys where user_id = $1 and key = $2 and claim = $3", [
      request.userId,
      request.key,
      token,
    ]);
  }

  private async forgetExpired(userId: string): Promise<void> {
    await this.db.query(
      "delete from idempotency_keys where user_id = $1 and created_at < now() - make_interval(hours => $2)",
      [userId, KEY_LIFETIME_HOURS],
    );
  }
}
