/** Sign-in and the signed-in user. */
import type { AppContext } from "../../context.js";
import { unauthorized } from "../../errors.js";
import { checkPassword } from "../../http/auth.js";
import type { Api } from "../../http/route.js";
import { z } from "../../http/schemas.js";
import { OrgOut } from "../orgs/routes.js";

export const UserOut = z
  .object({ id: z.string(), username: z.string(), orgId: z.string(), role: z.string() })
  .openapi("User");

const Login = z
  .object({ username: z.string().min(1).max(100), password: z.string().min(1).max(200) })
  .strict()
  .openapi("Login");

// A real hash of a random password, compared when the user does not exist, so a wrong username
// takes as long as a wrong password.
const DUMMY_HASH = "$2b$10$VJL3GMx/p3YwLO7i5lUKqOHQSmeSaMlfPleJ7nL0.cnWtQ0S3PzAC";

export function authRoutes(api: Api, ctx: AppContext): void {
  api.add({
    method: "post",
    path: "/auth/login",
    summary: "Sign in",
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
      return {
        token: ctx.tokens.issue(user.id),
        user: { id: user.id, username: user.username, orgId: user.org_id, role: user.kind },
      };
    },
  });

  api.add({
    method: "get",
    path: "/me",
    summary: "Read the signed-in user and organisation",
    tag: "auth",
    access: "user",
    response: z.object({ user: UserOut, organisation: OrgOut }),
    handler: async ({ caller }) => ({
      user: { id: caller.userId, username: caller.username, orgId: caller.orgId, role: caller.role },
      organisation: { id: caller.orgId, name: caller.orgName, kind: caller.role, address: caller.address },
    }),
  });
}
