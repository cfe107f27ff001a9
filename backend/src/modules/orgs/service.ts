/**
 * Onboarding: an organisation gets a fresh chain account whose key is sealed at rest, gas money on
 * a dev chain, and its role granted on chain by the operator. The key is stored before anything
 * is sent, so a failed grant can be retried (POST /api/orgs/:id/provision) without losing it.
 */
import { Wallet, formatEther, id as keccakId } from "ethers";
import type { AppContext } from "../../context.js";
import { ROLE_KINDS, type OrgKind, type RoleKind } from "../../domain/ledger.js";
import { notFound, unprocessable } from "../../errors.js";

export interface OrgRow {
  id: string;
  name: string;
  kind: OrgKind;
  address: string;
}

export const roleId = (kind: RoleKind) => keccakId(`${kind.toUpperCase()}_ROLE`);
export const ADMIN_ROLE = keccakId("ADMIN_ROLE");

export async function createOrganisation(ctx: AppContext, name: string, kind: OrgKind, privateKey?: string) {
  const wallet = privateKey ? new Wallet(privateKey) : Wallet.createRandom();
  const address = wallet.address.toLowerCase();
  const { rows } = await ctx.db.query<OrgRow>(
    `insert into organisations (name, kind, address, encrypted_key) values ($1, $2, $3, $4)
     returning id, name, kind, address`,
    [name, kind, address, ctx.vault.seal(wallet.privateKey, address)],
  );
  return rows[0];
}

export async function operator(ctx: AppContext): Promise<OrgRow> {
  const { rows } = await ctx.db.query<OrgRow>(
    "select id, name, kind, address from organisations where kind = 'admin' order by id limit 1",
  );
  if (!rows[0]) throw unprocessable("NO_OPERATOR", "the platform operator is not set up");
  return rows[0];
}

export async function findOrganisation(ctx: AppContext, id: string): Promise<OrgRow> {
  const { rows } = await ctx.db.query<OrgRow>("select id, name, kind, address from organisations where id = $1", [id]);
  if (!rows[0]) throw notFound("organisation", id);
  return rows[0];
}

/** Funds the account on a dev chain and grants the organisation's role; safe to repeat. */
export async function provision(ctx: AppContext, org: OrgRow) {
  if (org.kind === "admin") return null;
  const admin = await operator(ctx);
  if (ctx.chain.isDevChain) {
    const balance = await ctx.chain.call((provider) => provider.getBalance(org.address));
    if (balance < ctx.config.devFundingWei / 2n) {
      ctx.logger.info("funding a new organisation on the dev chain", {
        org: org.id,
        ether: formatEther(ctx.config.devFundingWei),
      });
      await ctx.ledger.send(admin.id, { to: org.address, data: "0x", value: ctx.config.devFundingWei });
    }
  }
  const role = roleId(org.kind as RoleKind);
  if (await ctx.chain.call(() => ctx.chain.finance.hasRole(role, org.address))) return null;
  return ctx.ledger.send(admin.id, ctx.ledger.finance("grantRole", [role, org.address]));
}

export const isRoleKind = (kind: string): kind is RoleKind => (ROLE_KINDS as readonly string[]).includes(kind);
