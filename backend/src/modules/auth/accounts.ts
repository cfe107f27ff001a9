/**
 * Changes to accounts that are not on the ledger: passwords, and the account audit log
 * (account_audit, migration 014) that records who changed which user, when and from where. Each
 * change and its record commit together, with the sessions it revokes.
 */
import type { AppContext } from "../../context.js";
import type { Queryable } from "../../db/db.js";
import { badRequest, conflict, notFound } from "../../errors.js";
import { checkPassword, hashPassword, revokeSessions, type Caller } from "../../http/auth.js";
import { organisationOfUser, requireUserManager } from "../orgs/service.js";

export const ACCOUNT_ACTIONS = ["user_created", "user_deleted", "password_changed", "password_reset"] as const;
export type AccountAction = (typeof ACCOUNT_ACTIONS)[number];

export interface AccountUser {
  id: string;
  username: string;
  orgId: string;
  role: string;
}

export async function recordAccountEvent(
  db: Queryable,
  event: { action: AccountAction; actor: Caller; target: { id: string; username: string }; ip: string | undefined },
): Promise<void> {
  await db.query(
    `insert into account_audit (action, actor_user_id, actor_username, actor_org_id, target_user_id, target_username, ip)
     values ($1, $2, $3, $4, $5, $6, $7)`,
    [
      event.action,
      event.actor.userId,
      event.actor.username,
      event.actor.orgId,
      event.target.id,
      event.target.username,
      event.ip ?? null,
    ],
  );
}

/**
 * The signed-in user sets a new password, proving the current one. Their other sessions end; the
 * one making the change goes on. Wrong attempts count against the sign-in limit, so a stolen token
 * cannot be used to guess the password.
 */
export async function changePassword(
  ctx: AppContext,
  caller: Caller,
  passwords: { currentPassword: string; newPassword: string },
  ip: string | undefined,
): Promise<{ revokedSessions: number }> {
  const limiterKey = ip ?? "unknown";
  ctx.loginLimiter.check(limiterKey, caller.username);
  const { rows } = await ctx.db.query<{ password_hash: string }>("select password_hash from users where id = $1", [
    caller.userId,
  ]);
  if (!rows[0] || !(await checkPassword(passwords.currentPassword, rows[0].password_hash))) {
    throw badRequest("WRONG_CURRENT_PASSWORD", "the current password is wrong; nothing was changed");
  }
  ctx.loginLimiter.reset(limiterKey, caller.username);
  if (passwords.newPassword === passwords.currentPassword) {
    throw badRequest("PASSWORD_UNCHANGED", "the new password is the current one");
  }
  const passwordHash = await hashPassword(passwords.newPassword);
  const revoked = await ctx.db.withTransaction(async (client) => {
    await client.query("update users set password_hash = $2 where id = $1", [caller.userId, passwordHash]);
    const count = await revokeSessions(client, { userId: caller.userId, except: caller.sessionId }, "password_changed");
    await recordAccountEvent(client, {
      action: "password_changed",
      actor: caller,
      target: { id: caller.userId, username: caller.username },
      ip,
    });
    return count;
  });
  ctx.db.noteAccountsChanged();
  return { revokedSessions: revoked };
}

/**
 * The operator sets a user's password (one who forgot it, or whose password may be known to
 * someone else) and every session of that user ends. Not their own: that is a change, which asks
 * for the current password.
 */
export async function resetPassword(
  ctx: AppContext,
  caller: Caller,
  userId: string,
  newPassword: string,
  ip: string | undefined,
): Promise<AccountUser & { revokedSessions: number }> {
  if (userId === caller.userId) {
    throw conflict(
      "SELF_RESET",
      "change your own password with POST /api/auth/password, which asks for the current one",
    );
  }
  await requireUserManager(ctx, caller, await organisationOfUser(ctx, userId));
  const passwordHash = await hashPassword(newPassword);
  const result = await ctx.db.withTransaction(async (client) => {
    const { rows } = await client.query<AccountUser>(
      `update users u set password_hash = $2 from organisations o where u.id = $1 and o.id = u.org_id
       returning u.id, u.username, u.org_id as "orgId", o.kind as role`,
      [userId, passwordHash],
    );
    const user = rows[0];
    if (!user) throw notFound("user", userId);
    const revokedSessions = await revokeSessions(client, { userId }, "password_reset");
    await recordAccountEvent(client, { action: "password_reset", actor: caller, target: user, ip });
    return { ...user, revokedSessions };
  });
  ctx.db.noteAccountsChanged();
  return result;
}
