/**
 * Onboarding: an organisation gets a fresh chain account whose key is sealed at rest, gas money on
 * a dev chain, and its role granted on chain. The key is stored before anything is sent, so a
 * failed grant can be retried (POST /api/orgs/:id/provision) without losing it.
 *
 * Who grants the role follows the contract's governance (SPEC section 8): the operator seats
 * enterprises, banks and the first regulator; a regulator seats the authorities (IP office,
 * appraisers, the fund) and further regulators, by approving them (POST /api/orgs/:id/approve), so
 * the operator cannot seat a puppet authority.
 */
import { Wallet, formatEther, id as keccakId } from "ethers";
import type { AppContext } from "../../context.js";
import type { OrgKind, RoleKind } from "../../domain/ledger.js";
import { conflict, forbidden, notFound, unprocessable } from "../../errors.js";

export interface OrgRow {
  id: string;
  name: string;
  kind: OrgKind;
  address: string;
}

export const roleId = (kind: RoleKind) => keccakId(`${kind.toUpperCase()}_ROLE`);

/** The kinds whose role a regulator grants (their role admin on chain is REGULATOR_ROLE). */
export const REGULATOR_SEATED: readonly OrgKind[] = ["ipoffice", "appraiser", "fund", "regulator"];
export const seatedBy = (kind: OrgKind): "operator" | "regulator" =>
  REGULATOR_SEATED.includes(kind) ? "regulator" : "operator";

export async function createOrganisation(ctx: AppContext, name: string, kind: OrgKind, privateKey?: string) {
  const wallet = privateKey ? new Wallet(privateKey) : Wallet.createRandom();
  const address = wallet.address.toLowerCase();
  return ctx.db.withTransaction(async (client) => {
    const { rows } = await client.query<OrgRow>(
      "insert into organisations (name, kind, address) values ($1, $2, $3) returning id, name, kind, address",
      [name, kind, address],
    );
    // Its first key is its identity, and signs for it until rotated.
    await client.query(
      "insert into organisation_keys (address, org_id, state, encrypted_key) values ($1, $2, 'current', $3)",
      [address, rows[0].id, ctx.vault.seal(wallet.privateKey, address)],
    );
    return rows[0];
  });
}

/** The address of the key that signs for the organisation now (its identity until rotated). */
export async function signingAddressOf(ctx: AppContext, orgId: string): Promise<string | null> {
  const { rows } = await ctx.db.query<{ address: string }>(
    "select address from organisation_keys where org_id = $1 and state = 'current'",
    [orgId],
  );
  return rows[0]?.address ?? null;
}

/** Gas money for an account the platform signs with, on a dev chain only (as onboarding gives it); safe to repeat. */
export async function fundOnDevChain(ctx: AppContext, address: string, purpose: Record<string, unknown>) {
  if (!ctx.chain.isDevChain) return;
  const balance = await ctx.chain.call((provider) => provider.getBalance(address));
  if (balance >= ctx.config.devFundingWei / 2n) return;
  ctx.logger.info("funding an account on the dev chain", { ...purpose, ether: formatEther(ctx.config.devFundingWei) });
  await ctx.ledger.send((await operator(ctx)).id, { to: address, data: "0x", value: ctx.config.devFundingWei });
}

export async function operator(ctx: AppContext): Promise<OrgRow> {
  const { rows } = await ctx.db.query<OrgRow>(
    "select id, name, kind, address from organisations where kind = 'admin' order by id limit 1",
  );
  if (!rows[0]) throw unprocessable("NO_OPERATOR", "the platform operator is not set up");
  return rows[0];
}

/** The organisation of user `userId`; 404 when there is no such user. */
export async function organisationOfUser(ctx: AppContext, userId: string): Promise<OrgRow> {
  const { rows } = await ctx.db.query<OrgRow>(
    `select o.id, o.name, o.kind, o.address from users u join organisations o on o.id = u.org_id where u.id = $1`,
    [userId],
  );
  if (!rows[0]) throw notFound("user", userId);
  return rows[0];
}

export async function findOrganisation(ctx: AppContext, id: string): Promise<OrgRow> {
  const { rows } = await ctx.db.query<OrgRow>("select id, name, kind, address from organisations where id = $1", [id]);
  if (!rows[0]) throw notFound("organisation", id);
  return rows[0];
}

/**
 * Funds the account on a dev chain and, where the operator seats the kind, grants the organisation's
 * role; safe to repeat. A kind a regulator seats waits for its approval.
 */
export async function provision(ctx: AppContext, org: OrgRow) {
  if (org.kind === "admin") return null;
  const admin = await operator(ctx);
  await fundOnDevChain(ctx, (await signingAddressOf(ctx, org.id)) ?? org.address, { org: org.id });
  if (!(await operatorSeats(ctx, org.kind))) return null;
  return grantRole(ctx, org, admin.id);
}

/** A regulator's approval of an organisation it seats: its own organisation signs the grant. */
export async function approve(ctx: AppContext, org: OrgRow, regulatorOrgId: string) {
  if (seatedBy(org.kind) !== "regulator") {
    throw conflict("SEATED_BY_OPERATOR", `a ${org.kind}'s role is granted by the platform operator, not approved`);
  }
  return grantRole(ctx, org, regulatorOrgId);
}

/** The operator seats its kinds, and the first regulator while the chain has none. */
async function operatorSeats(ctx: AppContext, kind: OrgKind): Promise<boolean> {
  if (seatedBy(kind) === "operator") return true;
  if (kind !== "regulator") return false;
  return (await ctx.chain.call(() => ctx.chain.finance.regulatorCount())) === 0n;
}

async function grantRole(ctx: AppContext, org: OrgRow, signerOrgId: string) {
  const role = roleId(org.kind as RoleKind);
  if (await ctx.chain.call(() => ctx.chain.finance.hasRole(role, org.address))) return null;
  return ctx.ledger.send(signerOrgId, ctx.ledger.finance("grantRole", [role, org.address]));
}

/**
 * Who manages an organisation's users (SPEC section 8, nobody above the regulator): the operator
 * those of the organisations it seats (enterprises, banks) and its own; the regulators those of the
 * organisations they seat (regulators, the IP office, appraisers, the fund), so the operator can
 * neither sign in as a regulator or an authority nor lock one out. The operator creates the first
 * user of any organisation it onboards.
 */
export async function requireUserManager(
  ctx: AppContext,
  caller: { role: OrgKind },
  org: { id: string; kind: OrgKind },
): Promise<void> {
  const managedBy = org.kind === "admin" ? "operator" : seatedBy(org.kind);
  const callerIs = caller.role === "admin" ? "operator" : "regulator";
  if (managedBy === callerIs) return;
  if (callerIs === "operator") {
    const { rows } = await ctx.db.query("select 1 from users where org_id = $1 limit 1", [org.id]);
    if (rows.length === 0) return;
  }
  throw forbidden(
    managedBy === "regulator"
      ? `the users of a ${org.kind} are managed by the regulators, once its first user exists`
      : `the users of a ${org.kind} are managed by the platform operator`,
    { orgId: org.id, managedBy },
  );
}
