/** Organisations (admin onboards; every user may list them, to pick a bank or a buyer) and users. */
import { pageOf } from "../../db/db.js";
import type { AppContext } from "../../context.js";
import { ORG_KINDS, ROLE_KINDS } from "../../domain/ledger.js";
import { conflict, notFound, badRequest } from "../../errors.js";
import { hashPassword } from "../../http/auth.js";
import type { Api } from "../../http/route.js";
import { IdParams, NewPassword, Page, Text, TxInfo, z } from "../../http/schemas.js";
import { recordAccountEvent } from "../auth/accounts.js";
import { UserOut } from "../auth/routes.js";
import { rotateKey, rotationsOf } from "./keyRotation.js";
import {
  REGULATOR_SEATED,
  approve,
  organisationOfUser,
  requireUserManager,
  createOrganisation,
  findOrganisation,
  provision,
  seatedBy,
  type OrgRow,
} from "./service.js";

export const OrgOut = z
  .object({
    id: z.string(),
    name: z.string(),
    kind: z.enum(ORG_KINDS),
    /** The organisation's identity on chain: its first key's address, named by its roles, patents, products and loans for good. */
    address: z.string(),
    signingAddress: z.string().nullable().openapi({
      description:
        "The address of the key that signs for the organisation now: its identity address until the key is rotated (POST /api/orgs/{id}/rotate-key)",
    }),
  })
  .openapi("Organisation");

const KeyRotationOut = z
  .object({
    id: z.string(),
    reason: z.string(),
    newKey: z.string(),
    requestedBy: z.string().nullable(),
    requestedAt: z.string(),
    proposalTxHash: z.string().nullable(),
    acceptTxHash: z.string().nullable(),
    completedAt: z.string().nullable(),
  })
  .openapi("KeyRotation");

const RotateKey = z
  .object({ reason: Text(500) })
  .strict()
  .openapi("RotateKey");

const OrgWithRole = OrgOut.extend({
  roleGranted: z.boolean(),
  /** Who grants the role on chain: a regulator approves the authorities and further regulators. */
  seatedBy: z.enum(["operator", "regulator"]),
}).openapi("OrganisationWithRole");

const NewOrg = z
  .object({ name: Text(200), kind: z.enum(ROLE_KINDS) })
  .strict()
  .openapi("NewOrganisation");

const NewUser = z
  .object({
    username: z
      .string()
      .regex(/^[A-Za-z0-9_.-]{3,64}$/, { message: "a username is 3-64 letters, digits, '_', '.' or '-'" }),
    password: NewPassword,
    orgId: z.string().regex(/^[1-9]\d{0,17}$/),
  })
  .strict()
  .openapi("NewUser");

const OrgQuery = Page.extend({
  kind: z.enum(ORG_KINDS).optional(),
  /** Only organisations a regulator seats whose role is not granted yet. */
  awaitingApproval: z.enum(["true", "false"]).optional(),
}).strict();

/** The key that signs for the organisation now (organisation_keys). */
const SIGNING_ADDRESS = `(select k.address from organisation_keys k where k.org_id = o.id and k.state = 'current') as "signingAddress"`;

/** The role was granted once: the operator's organisation has it from deployment. */
const ROLE_GRANTED = `(o.kind = 'admin' or exists (select 1 from chain_events e where e.kind = 'RoleGranted' and e.entity_id = o.address))`;

export function orgRoutes(api: Api, ctx: AppContext): void {
  const withRole = async (id: string) => {
    const { rows } = await ctx.db.query<OrgRow & { roleGranted: boolean }>(
      `select o.id, o.name, o.kind, o.address, ${SIGNING_ADDRESS}, ${ROLE_GRANTED} as "roleGranted"
         from organisations o where o.id = $1`,
      [id],
    );
    return rows[0] && { ...rows[0], seatedBy: seatedBy(rows[0].kind) };
  };

  api.add({
    method: "post",
    path: "/orgs",
    summary: "Onboard an organisation (an authority or a further regulator then awaits a regulator's approval)",
    operationId: "onboardOrganisation",
    tag: "organisations",
    access: ["admin"],
    body: NewOrg,
    status: 201,
    errors: [409, 503],
    response: OrgWithRole.extend(TxInfo),
    handler: async ({ body }) => {
      // Onboarding keeps the new key even if the grant then fails (provision retries it), so a
      // node that is already away refuses it before anything is stored.
      await ctx.chain.ensureReachable();
      const org = await createOrganisation(ctx, body.name, body.kind).catch((error) => {
        if ((error as { status?: number }).status === 409) {
          throw conflict("ORGANISATION_EXISTS", `an organisation named "${body.name}" already exists`);
        }
        throw error;
      });
      const tx = await provision(ctx, org);
      return { ...(await withRole(org.id)), txHash: tx?.txHash ?? null, blockNumber: tx?.blockNumber ?? null };
    },
  });

  api.add({
    method: "post",
    path: "/orgs/:id/provision",
    summary: "Retry funding and granting an organisation's role",
    operationId: "provisionOrganisation",
    tag: "organisations",
    access: ["admin"],
    params: IdParams,
    errors: [503],
    response: OrgWithRole.extend(TxInfo),
    handler: async ({ params }) => {
      const org = await findOrganisation(ctx, params.id);
      const tx = await provision(ctx, org);
      return { ...(await withRole(org.id)), txHash: tx?.txHash ?? null, blockNumber: tx?.blockNumber ?? null };
    },
  });

  api.add({
    method: "post",
    path: "/orgs/:id/approve",
    summary: "Approve an authority or a further regulator: the regulator's organisation grants its role",
    operationId: "approveOrganisation",
    tag: "organisations",
    access: ["regulator"],
    params: IdParams,
    errors: [404, 409, 503],
    response: OrgWithRole.extend(TxInfo),
    handler: async ({ params, caller }) => {
      const org = await findOrganisation(ctx, params.id);
      const tx = await approve(ctx, org, caller.orgId);
      return { ...(await withRole(org.id)), txHash: tx?.txHash ?? null, blockNumber: tx?.blockNumber ?? null };
    },
  });

  api.add({
    method: "post",
    path: "/orgs/:id/rotate-key",
    summary:
      "Rotate an organisation's chain key: the operator for enterprises and banks (proposed with their own key), a regulator for any organisation (proposed with the regulator's key); the new key accepts and the old one is retired",
    operationId: "rotateOrganisationKey",
    tag: "organisations",
    access: ["admin", "regulator"],
    params: IdParams,
    body: RotateKey,
    errors: [409, 422, 503],
    resumable: true,
    response: OrgWithRole.extend({ rotation: KeyRotationOut, proposalTxHash: z.string().nullable(), ...TxInfo }),
    handler: async ({ params, body, caller, resumedTxHashes }) => {
      const org = await findOrganisation(ctx, params.id);
      const { rotation, proposal, accept } = await rotateKey(ctx, caller, org, body.reason, resumedTxHashes);
      return {
        ...(await withRole(org.id)),
        rotation,
        proposalTxHash: proposal,
        txHash: accept?.txHash ?? rotation.acceptTxHash,
        blockNumber: accept?.blockNumber ?? null,
      };
    },
  });

  api.add({
    method: "get",
    path: "/orgs/:id/key-rotations",
    summary: "List an organisation's key rotations (why, by whom, the transactions)",
    operationId: "listKeyRotations",
    tag: "organisations",
    access: ["admin", "regulator"],
    params: IdParams,
    response: z.object({ items: z.array(KeyRotationOut) }),
    handler: async ({ params }) => {
      await findOrganisation(ctx, params.id);
      return { items: await rotationsOf(ctx, params.id) };
    },
  });

  api.add({
    method: "get",
    path: "/orgs",
    summary: "List organisations",
    operationId: "listOrganisations",
    tag: "organisations",
    access: "user",
    query: OrgQuery,
    response: z.object({ items: z.array(OrgOut), total: z.number() }),
    handler: async ({ query }) => {
      const { rows, total } = await pageOf(
        ctx.db,
        `select o.id, o.name, o.kind, o.address, ${SIGNING_ADDRESS}, count(*) over () as total from organisations o
          where ($1::text is null or o.kind = $1)
            and ($2::boolean is null or (o.kind = any($3) and not ${ROLE_GRANTED}) = $2)
          order by o.id limit $4 offset $5`,
        [
          query.kind ?? null,
          query.awaitingApproval === undefined ? null : query.awaitingApproval === "true",
          REGULATOR_SEATED,
          query.limit,
          query.offset,
        ],
      );
      return { items: rows.map(({ total: _total, ...org }) => org), total };
    },
  });

  api.add({
    method: "get",
    path: "/orgs/:id",
    summary: "Read an organisation",
    operationId: "getOrganisation",
    tag: "organisations",
    access: "user",
    params: IdParams,
    response: OrgWithRole,
    handler: async ({ params }) => (await withRole(params.id)) ?? Promise.reject(notFound("organisation", params.id)),
  });

  api.add({
    method: "post",
    path: "/users",
    summary:
      "Create a user (the operator for enterprises, banks and any organisation's first user; a regulator for its own and the authorities')",
    operationId: "createUser",
    tag: "users",
    access: ["admin", "regulator"],
    body: NewUser,
    status: 201,
    errors: [409],
    response: UserOut,
    handler: async ({ body, caller, req }) => {
      const org = await findOrganisation(ctx, body.orgId).catch(() => {
        throw badRequest("UNKNOWN_ORGANISATION", `organisation ${body.orgId} does not exist`, { orgId: body.orgId });
      });
      await requireUserManager(ctx, caller, org);
      const passwordHash = await hashPassword(body.password);
      const user = await ctx.db
        .withTransaction(async (client) => {
          const { rows } = await client.query<{ id: string; username: string }>(
            "insert into users (username, password_hash, org_id) values ($1, $2, $3) returning id, username",
            [body.username, passwordHash, org.id],
          );
          await recordAccountEvent(client, { action: "user_created", actor: caller, target: rows[0], ip: req.ip });
          return rows[0];
        })
        .catch((error) => {
          if ((error as { status?: number }).status === 409) {
            throw conflict("USERNAME_TAKEN", `the username "${body.username}" is taken`);
          }
          throw error;
        });
      return { id: user.id, username: user.username, orgId: org.id, role: org.kind };
    },
  });

  api.add({
    method: "get",
    path: "/users",
    summary: "List users",
    operationId: "listUsers",
    tag: "users",
    access: ["admin", "regulator"],
    query: Page.extend({
      orgId: z
        .string()
        .regex(/^[1-9]\d{0,17}$/)
        .optional(),
    }).strict(),
    response: z.object({ items: z.array(UserOut), total: z.number() }),
    handler: async ({ query }) => {
      const { rows, total } = await pageOf(
        ctx.db,
        `select u.id, u.username, u.org_id as "orgId", o.kind as role, count(*) over () as total
           from users u join organisations o on o.id = u.org_id
          where ($1::bigint is null or u.org_id = $1) order by u.id limit $2 offset $3`,
        [query.orgId ?? null, query.limit, query.offset],
      );
      return { items: rows.map(({ total: _total, ...user }) => user), total };
    },
  });

  api.add({
    method: "delete",
    path: "/users/:id",
    summary: "Delete a user (by whoever manages its organisation's users)",
    operationId: "deleteUser",
    tag: "users",
    access: ["admin", "regulator"],
    params: IdParams,
    errors: [409],
    response: UserOut,
    handler: async ({ params, caller, req }) => {
      if (params.id === caller.userId) throw conflict("SELF_DELETE", "you cannot delete your own user");
      await requireUserManager(ctx, caller, await organisationOfUser(ctx, params.id));
      // The user's sessions go with it (on delete cascade), and with them every token it held.
      const user = await ctx.db.withTransaction(async (client) => {
        const { rows } = await client.query(
          `delete from users u using organisations o where u.id = $1 and o.id = u.org_id
           returning u.id, u.username, u.org_id as "orgId", o.kind as role`,
          [params.id],
        );
        if (!rows[0]) throw notFound("user", params.id);
        await recordAccountEvent(client, { action: "user_deleted", actor: caller, target: rows[0], ip: req.ip });
        return rows[0];
      });
      ctx.db.noteAccountsChanged();
      return user;
    },
  });
}
