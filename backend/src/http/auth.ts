/**
 * Bearer JWTs: HS256 only (the algorithm is pinned when verifying, so `none` or RS256 tokens are
 * refused), a secret of at least 32 bytes, expiry, issuer and audience checked. The caller (user
 * and organisation) is read from the database and kept for at most CALLER_CACHE_SECONDS, but only
 * while the database can tell this instance that users or organisations changed (LISTEN/NOTIFY,
 * Database.accountsVersion): any change forgets every kept caller, so a deleted user's token stops
 * working as soon as the notification arrives (at once on the instance that deleted it).
 */
import { createSecretKey, type KeyObject } from "node:crypto";
import bcrypt from "bcryptjs";
import type { Request } from "express";
import jwt from "jsonwebtoken";
import type { Database } from "../db/db.js";
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
}

export interface TokenSettings {
  secret: Buffer;
  ttlSeconds: number;
  issuer: string;
  audience: string;
  /** How long a caller read from the database is reused; 0 reads it on every request. */
  callerCacheSeconds: number;
}

/** Past this many kept callers the cache starts again empty (a bound, not an eviction policy). */
const CALLER_CACHE_MAX = 10_000;

interface KeptCaller {
  caller: Caller;
  accountsVersion: number;
  until: number;
}

const ALGORITHM = "HS256" as const;
const BCRYPT_COST = 10;

export const hashPassword = (password: string) => bcrypt.hash(password, BCRYPT_COST);
export const checkPassword = (password: string, hash: string) => bcrypt.compare(password, hash);

export class Tokens implements Authenticator {
  /**
   * The secret as a KeyObject, made once: given bytes, jsonwebtoken first tries to parse them as a
   * public key on every verify, and that failed attempt cost more than the rest of a read.
   */
  private readonly key: KeyObject;
  private readonly kept = new Map<string, KeptCaller>();

  constructor(
    private readonly db: Database,
    private readonly settings: TokenSettings,
  ) {
    if (settings.secret.length < 32) throw new Error("the JWT secret must be at least 32 bytes");
    this.key = createSecretKey(settings.secret);
  }

  issue(userId: string): string {
    return jwt.sign({}, this.key, {
      algorithm: ALGORITHM,
      subject: userId,
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
    // The scheme name is case-insensitive (RFC 9110); the token is a compact JWS.
    const match = /^Bearer ([A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*)$/i.exec(req.headers.authorization ?? "");
    if (!match) throw unauthorized();
    let subject: string | undefined;
    try {
      const claims = jwt.verify(match[1], this.key, {
        algorithms: [ALGORITHM],
        issuer: this.settings.issuer,
        audience: this.settings.audience,
      });
      // Every token this server issues expires: one without `exp` was not made here.
      subject = typeof claims === "object" && typeof claims.exp === "number" ? claims.sub : undefined;
    } catch (error) {
      const expired = (error as Error).name === "TokenExpiredError";
      throw unauthorized(
        expired ? "the token has expired; sign in again" : "the token is not valid",
        expired ? "TOKEN_EXPIRED" : "UNAUTHORIZED",
      );
    }
    if (!subject || !/^\d{1,18}$/.test(subject)) throw unauthorized("the token is not valid");
    const caller = await this.caller(subject);
    if (!caller) throw unauthorized("the token's user no longer exists");
    return caller;
  }

  async caller(userId: string): Promise<Caller | undefined> {
    const version = this.db.accountsVersion;
    const now = Date.now();
    const kept = this.kept.get(userId);
    if (kept && kept.accountsVersion === version && kept.until > now) return kept.caller;
    const caller = await this.readCaller(userId);
    // Kept only if nothing changed while it was read: a change during the read may be this very user.
    if (
      caller &&
      version !== undefined &&
      version === this.db.accountsVersion &&
      this.settings.callerCacheSeconds > 0
    ) {
      if (this.kept.size >= CALLER_CACHE_MAX) this.kept.clear();
      this.kept.set(userId, { caller, accountsVersion: version, until: now + this.settings.callerCacheSeconds * 1000 });
    }
    return caller;
  }

  private async readCaller(userId: string): Promise<Caller | undefined> {
    const { rows } = await this.db.query<Caller>(
      `select u.id as "userId", u.username, o.id as "orgId", o.name as "orgName", o.kind as role, o.address
         from users u join organisations o on o.id = u.org_id where u.id = $1`,
      [userId],
    );
    return rows[0];
  }
}

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
