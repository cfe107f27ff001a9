/**
 * Bearer JWTs: HS256 only (the algorithm is pinned when verifying, so `none` or RS256 tokens are
 * refused), a secret of at least 32 bytes, expiry, issuer and audience checked. Every token names
 * its session (`jti`, a row of `sessions`, migration 014): a request is let in only while that
 * session exists (deleting the user deletes it), is not revoked (signed out, password changed or
 * reset) and was used within SESSION_IDLE_SECONDS. Each use extends it; the database hears of it at
 * most once a minute (TOUCH_MAX_MS).
 *
 * The session with its caller (user and organisation) is read from the database and kept for at
 * most CALLER_CACHE_SECONDS, but only while the database can tell this instance that accounts
 * changed (LISTEN/NOTIFY, Database.accountsVersion): a change to users or organisations, or a
 * session revoked or deleted, forgets every kept session, so a revoked token stops working as soon
 * as the notification arrives (at once on the instance that revoked it).
 */
import { createSecretKey, randomUUID, type KeyObject } from "node:crypto";
import bcrypt from "bcryptjs";
import type { Request } from "express";
import jwt from "jsonwebtoken";
import type { Database, Queryable } from "../db/db.js";
import type { OrgKind } from "../domain/ledger.js";
import { tooManyRequests, unauthorized } from "../errors.js";
import type { Authenticator } from "./route.js";

export interface Caller {
  userId: string;
  username: string;
  orgId: string;
  orgName: string;
  role: OrgKind;
  address: string;
  /** The session the request's token names. */
  sessionId: string;
}

export interface TokenSettings {
  secret: Buffer;
  ttlSeconds: number;
  issuer: string;
  audience: string;
  /** How long a session read from the database is reused; 0 reads it on every request. */
  callerCacheSeconds: number;
  /** A session unused for longer is refused (SESSION_IDLE). */
  idleSeconds: number;
}

export type RevokedReason = "signed_out" | "password_changed" | "password_reset";

/** Past this many kept sessions the cache starts again empty (a bound, not an eviction policy). */
const CALLER_CACHE_MAX = 10_000;
/**
 * How stale the database's last_seen_at may grow while a session is in use. A session may so be
 * refused this much before SESSION_IDLE_SECONDS of real idleness (a tenth of it when that is less).
 */
const TOUCH_MAX_MS = 60_000;

interface KeptSession {
  caller: Caller;
  revokedReason: RevokedReason | null;
  /** When the database last heard of a use, on this instance's clock. */
  lastSeenAt: number;
  accountsVersion: number | undefined;
  until: number;
}

const REVOKED_MESSAGES: Record<RevokedReason, string> = {
  signed_out: "this session was signed out; sign in again",
  password_changed: "the password was changed since this session began; sign in again",
  password_reset: "the password was reset by the operator; sign in again",
};

const ALGORITHM = "HS256" as const;
const BCRYPT_COST = 10;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export const hashPassword = (password: string) => bcrypt.hash(password, BCRYPT_COST);
export const checkPassword = (password: string, hash: string) => bcrypt.compare(password, hash);

export class Tokens implements Authenticator {
  /**
   * The secret as a KeyObject, made once: given bytes, jsonwebtoken first tries to parse them as a
   * public key on every verify, and that failed attempt cost more than the rest of a read.
   */
  private readonly key: KeyObject;
  private readonly kept = new Map<string, KeptSession>();
  private readonly idleMs: number;
  private readonly touchMs: number;

  constructor(
    private readonly db: Database,
    private readonly settings: TokenSettings,
  ) {
    if (settings.secret.length < 32) throw new Error("the JWT secret must be at least 32 bytes");
    this.key = createSecretKey(settings.secret);
    this.idleMs = settings.idleSeconds * 1000;
    this.touchMs = Math.min(TOUCH_MAX_MS, this.idleMs / 10);
  }

  /** Opens a session for the user and returns its token. */
  async issue(userId: string): Promise<string> {
    const sessionId = randomUUID();
    await this.db.query(
      "insert into sessions (id, user_id, expires_at) values ($1, $2, now() + make_interval(secs => $3))",
      [sessionId, userId, this.settings.ttlSeconds],
    );
    return jwt.sign({}, this.key, {
      algorithm: ALGORITHM,
      subject: userId,
      jwtid: sessionId,
      issuer: this.settings.issuer,
      audience: this.settings.audience,
      expiresIn: this.settings.ttlSeconds,
    });
  }

  /** For public routes: a missing or unusable token just means an anonymous caller (so an expired token never blocks signing in again). */
  async optional(req: Request): Promise<Caller | undefined> {
    if (!req.headers.authorization) return undefined;
    return this.required(req).catch(() => undefined);
  }

  async required(req: Request): Promise<Caller> {
    const { subject, sessionId } = this.verify(req.headers.authorization);
    const now = Date.now();
    let session = await this.session(sessionId, now);
    if (!session || session.caller.userId !== subject)
      throw unauthorized("the token's user or session no longer exists");
    if (session.revokedReason) throw unauthorized(REVOKED_MESSAGES[session.revokedReason], "SESSION_REVOKED");
    if (now - session.lastSeenAt > this.idleMs) throw idle();
    if (now - session.lastSeenAt >= this.touchMs) {
      const seen = session.lastSeenAt;
      session.lastSeenAt = now; // concurrent requests of this session do not touch it again
      const { rowCount } = await this.db.query(
        `update sessions set last_seen_at = now()
          where id = $1 and revoked_at is null and last_seen_at >= now() - make_interval(secs => $2)`,
        [sessionId, this.settings.idleSeconds],
      );
      if (rowCount === 0) {
        // Revoked, or idle by the database's clock, since it was read: ask again, and keep nothing.
        session.lastSeenAt = seen;
        this.kept.delete(sessionId);
        session = await this.readSession(sessionId);
        if (session?.revokedReason) throw unauthorized(REVOKED_MESSAGES[session.revokedReason], "SESSION_REVOKED");
        throw session ? idle() : unauthorized("the token's user or session no longer exists");
      }
    }
    return session.caller;
  }

  /** The token's subject and session, or a 401 saying why not. */
  private verify(authorization: string | undefined): { subject: string; sessionId: string } {
    // The scheme name is case-insensitive (RFC 9110); the token is a compact JWS.
    const match = /^Bearer ([A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*)$/i.exec(authorization ?? "");
    if (!match) throw unauthorized();
    let claims: string | jwt.JwtPayload;
    try {
      claims = jwt.verify(match[1], this.key, {
        algorithms: [ALGORITHM],
        issuer: this.settings.issuer,
        audience: this.settings.audience,
      });
    } catch (error) {
      const expired = (error as Error).name === "TokenExpiredError";
      throw unauthorized(
        expired ? "the token has expired; sign in again" : "the token is not valid",
        expired ? "TOKEN_EXPIRED" : "UNAUTHORIZED",
      );
    }
    // Every token this server issues expires and names its session: one without was not made here.
    if (typeof claims !== "object" || typeof claims.exp !== "number") throw unauthorized("the token is not valid");
    const { sub: subject, jti: sessionId } = claims;
    if (!subject || !/^\d{1,18}$/.test(subject) || !sessionId || !UUID.test(sessionId)) {
      throw unauthorized("the token is not valid");
    }
    return { subject, sessionId };
  }

  /** The session, kept or read; a kept one that looks idle is read again (another instance may have seen it since). */
  private async session(sessionId: string, now: number): Promise<KeptSession | undefined> {
    const version = this.db.accountsVersion;
    const kept = this.kept.get(sessionId);
    if (kept && kept.accountsVersion === version && kept.until > now && now - kept.lastSeenAt <= this.idleMs) {
      return kept;
    }
    const session = await this.readSession(sessionId);
    // Kept only if nothing changed while it was read: a change during the read may be this very session.
    if (
      session &&
      !session.revokedReason &&
      version !== undefined &&
      version === this.db.accountsVersion &&
      this.settings.callerCacheSeconds > 0
    ) {
      if (this.kept.size >= CALLER_CACHE_MAX) this.kept.clear();
      session.accountsVersion = version;
      session.until = now + this.settings.callerCacheSeconds * 1000;
      this.kept.set(sessionId, session);
    } else {
      this.kept.delete(sessionId);
    }
    return session;
  }

  private async readSession(sessionId: string): Promise<KeptSession | undefined> {
    const { rows } = await this.db.query<
      Omit<Caller, "sessionId"> & { revokedReason: RevokedReason | null; idleMs: string }
    >(
      `select u.id as "userId", u.username, o.id as "orgId", o.name as "orgName", o.kind as role, o.address,
              s.revoked_reason as "revokedReason", extract(epoch from now() - s.last_seen_at) * 1000 as "idleMs"
         from sessions s join users u on u.id = s.user_id join organisations o on o.id = u.org_id
        where s.id = $1`,
      [sessionId],
    );
    const row = rows[0];
    if (!row) return undefined;
    const { revokedReason, idleMs, ...caller } = row;
    return {
      caller: { ...caller, sessionId },
      revokedReason,
      // The database's clock measures the idle time; this instance's clock takes it from here.
      lastSeenAt: Date.now() - Math.max(0, Number(idleMs)),
      accountsVersion: undefined,
      until: 0,
    };
  }
}

/**
 * Revokes one session, or every session of a user but `except` (the one making the change), and
 * returns how many. Run it in the transaction that makes the change; afterwards call
 * Database.noteAccountsChanged so this instance forgets at once (the others hear migration 014's
 * notification).
 */
export async function revokeSessions(
  db: Queryable,
  target: { sessionId: string } | { userId: string; except?: string },
  reason: RevokedReason,
): Promise<number> {
  const { rowCount } =
    "sessionId" in target
      ? await db.query(
          "update sessions set revoked_at = now(), revoked_reason = $2 where id = $1 and revoked_at is null",
          [target.sessionId, reason],
        )
      : await db.query(
          `update sessions set revoked_at = now(), revoked_reason = $3
            where user_id = $1 and id is distinct from $2 and revoked_at is null`,
          [target.userId, target.except ?? null, reason],
        );
  return rowCount ?? 0;
}

const idle = () => unauthorized("the session was idle for too long; sign in again", "SESSION_IDLE");

/** Fixed-window login limiter per client address and username, in this instance's memory. */
export class LoginLimiter {
  private readonly windows = new Map<string, { startedAt: number; attempts: number }>();

  constructor(
    private readonly max: number,
    private readonly windowSeconds: number,
  ) {}

  check(ip: string, username: string): void {
    const now = Date.now();
    const key = `${ip}\u0000${username.toLowerCase()}`;
    let window = this.windows.get(key);
    if (!window || now - window.startedAt >= this.windowSeconds * 1000) {
      window = { startedAt: now, attempts: 0 };
      this.windows.set(key, window);
    }
    window.attempts += 1;
    if (window.attempts > this.max) {
      const retryAfter = Math.ceil((window.startedAt + this.windowSeconds * 1000 - now) / 1000);
      throw tooManyRequests(`too many sign-in attempts; try again in ${retryAfter} s`, retryAfter);
    }
    if (this.windows.size > 100_000) this.prune(now);
  }

  reset(ip: string, username: string): void {
    this.windows.delete(`${ip}\u0000${username.toLowerCase()}`);
  }

  private prune(now: number): void {
    for (const [key, window] of this.windows) {
      if (now - window.startedAt >= this.windowSeconds * 1000) this.windows.delete(key);
    }
  }
}
