/**
 * Sign-in and sign-out, the signed-in user, passwords (a user's own change, the operator's reset)
 * and the account audit log.
 */
import { pageOf } from "../../db/db.js";
import type { AppContext } from "../../context.js";
import { unauthorized } from "../../errors.js";
import { checkPassword, revokeSessions } from "../../http/auth.js";
import type { Api } from "../../http/route.js";
import { IdParams, NewPassword, NumericId, Page, z } from "../../http/schemas.js";
import { OrgOut } from "../orgs/routes.js";
import { ACCOUNT_ACTIONS, changePassword, resetPassword } from "./accounts.js";

export const UserOut = z
  .object({ id: z.string(), username: z.string(), orgId: z.string(), role: z.string() })
  .openapi("User");

const Login = z
  .object({ username: z.string().min(1).max(100), password: z.string().min(1).max(200) })
  .strict()
  .openapi("Login");

const PasswordChange = z
  .object({ currentPassword: z.string().min(1).max(200), newPassword: NewPassword })
  .strict()
  .openapi("PasswordChange");

const PasswordReset = z.object({ newPassword: NewPassword }).strict().openapi("PasswordReset");

const AccountAuditEntry = z
  .object({
    id: z.string(),
    at: z.string().openapi({ description: "ISO 8601" }),
    action: z.enum(ACCOUNT_ACTIONS),
    actorUserId: z.string(),
    actorUsername: z.string(),
    actorOrgId: z.string(),
    targetUserId: z.string(),
    targetUsername: z.string(),
    ip: z.string().nullable(),
  })
  .openapi("AccountAuditEntry");

const AccountAuditQuery = Page.extend({
  userId: NumericId.optional(),
  action: z.enum(ACCOUNT_ACTIONS).optional(),
}).strict();

// A real hash of a random password, compared when the user does not exist, so a wrong username
// takes as long as a wrong password.
const DUMMY_HASH = "$2b$10$VJL3GMx/p3YwLO7i5lUKqOHQSmeSaMlfPleJ7nL0.cnWtQ0S3PzAC";

export function authRoutes(api: Api, ctx: AppContext): void {
  api.add({
    method: "post",
    path: "/auth/login",
    summary: "Sign in",
    operationId: "signIn",
    tag: "auth",
    access: "public",
    body: Login,
    errors: [401, 429],
    response: z.object({ token: z.string(), user: UserOut }),
    handler: async ({ body, req }) => {
      const ip = req.ip ?? "unknown";
      ctx.loginLimiter.check(ip, body.username);
      const { rows } = await ctx.db.query<{
        id: string;
        username: string;
        password_hash: string;
        org_id: string;
        kind: string;
      }>(
        `select u.id, u.username, u.password_hash, u.org_id, o.kind
           from users u join organisations o on o.id = u.org_id where lower(u.username) = lower($1)`,
        [body.username],
      );
      const user = rows[0];
      const ok = await checkPassword(body.password, user?.password_hash ?? DUMMY_HASH);
      if (!user || !ok) throw unauthorized("the username or password is wrong", "BAD_CREDENTIALS");
      ctx.loginLimiter.reset(ip, body.username);
      // This user's sessions whose tokens have expired are of no more use: cleared here, so the
      // table holds about one row per session in use.
      await ctx.db.query("delete from sessions where user_id = $1 and expires_at < now()", [user.id]);
      return {
        token: await ctx.tokens.issue(user.id),
        user: { id: user.id, username: user.username, orgId: user.org_id, role: user.kind },
      };
    },
  });

  api.add({
    method: "get",
    path: "/me",
    summary: "Read the signed-in user and organisation",
    operationId: "getCurrentUser",
    tag: "auth",
    access: "user",
    response: z.object({ user: UserOut, organisation: OrgOut }),
    handler: async ({ caller }) => ({
      user: { id: caller.userId, username: caller.username, orgId: caller.orgId, role: caller.role },
      organisation: { id: caller.orgId, name: caller.orgName, kind: caller.role, address: caller.address },
    }),
  });

  api.add({
    method: "post",
    path: "/auth/logout",
    summary: "Sign out: the token's session ends on every instance",
    operationId: "signOut",
    tag: "auth",
    access: "user",
    response: z.object({ signedOut: z.literal(true) }),
    handler: async ({ caller }) => {
      await revokeSessions(ctx.db, { sessionId: caller.sessionId }, "signed_out");
      ctx.db.noteAccountsChanged();
      return { signedOut: true as const };
    },
  });

  api.add({
    method: "post",
    path: "/auth/password",
    summary: "Change your own password: your other sessions end, this one goes on",
    operationId: "changePassword",
    tag: "auth",
    access: "user",
    body: PasswordChange,
    idempotencyKey: false,
    errors: [429],
    response: z.object({ user: UserOut, revokedSessions: z.number() }),
    handler: async ({ body, caller, req }) => {
      const { revokedSessions } = await changePassword(ctx, caller, body, req.ip);
      return {
        user: { id: caller.userId, username: caller.username, orgId: caller.orgId, role: caller.role },
        revokedSessions,
      };
    },
  });

  api.add({
    method: "post",
    path: "/users/:id/password",
    summary: "Reset a user's password (by whoever manages its organisation's users): every session of that user ends",
    operationId: "resetUserPassword",
    tag: "users",
    access: ["admin", "regulator"],
    params: IdParams,
    body: PasswordReset,
    idempotencyKey: false,
    errors: [409],
    response: UserOut.extend({ revokedSessions: z.number() }),
    handler: async ({ params, body, caller, req }) => resetPassword(ctx, caller, params.id, body.newPassword, req.ip),
  });

  api.add({
    method: "get",
    path: "/account-audit",
    summary: "Read the account audit log: users created and deleted, passwords changed and reset",
    operationId: "listAccountAuditEntries",
    tag: "users",
    access: ["admin", "regulator"],
    query: AccountAuditQuery,
    response: z.object({ items: z.array(AccountAuditEntry), total: z.number() }),
    handler: async ({ query }) => {
      const { rows, total } = await pageOf(
        ctx.db,
        `select id, at, action,
                actor_user_id as "actorUserId", actor_username as "actorUsername", actor_org_id as "actorOrgId",
                target_user_id as "targetUserId", target_username as "targetUsername", ip, count(*) over () as total
           from account_audit
          where ($1::bigint is null or target_user_id = $1 or actor_user_id = $1) and ($2::text is null or action = $2)
          order by id desc limit $3 offset $4`,
        [query.userId ?? null, query.action ?? null, query.limit, query.offset],
      );
      return { items: rows.map(({ total: _total, ...entry }) => entry), total };
    },
  });
}
