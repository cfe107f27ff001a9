/**
 * Key rotation events (SPEC section 8, no party can freeze a loan). The chain's KeyRotated is what
 * switches the organisation's signing key in the database: the new key becomes current and the old
 * one retired, its private material deleted (a retired key can do nothing on chain), so a re-index
 * reproduces the switch. Both events are about the organisation (its identity address) and concern
 * it and, for a proposal, the proposer; the organisation's users are told when its key changed.
 *
 * organisation_keys and key_rotations are not projections (they hold the platform's sealed keys
 * and the requests' reasons): these handlers only move their state, idempotently, so applying an
 * event again changes nothing and a rotation never makes a retired key current again.
 */
import type { AuditSubject, HandlerContext } from "./handlers.js";

const lower = (address: unknown) => (address as string).toLowerCase();

export const KEY_HANDLERS: Record<string, (ctx: HandlerContext) => Promise<AuditSubject>> = {
  "PledgeFinance:KeyRotationProposed": async ({ db, event }) => {
    const { identity, proposer, newKey } = event.args;
    await db.query("update key_rotations set proposal_tx_hash = $2 where new_key = $1 and completed_at is null", [
      lower(newKey),
      event.txHash,
    ]);
    return {
      entity: "organisation",
      entityId: lower(identity),
      actor: proposer as string,
      parties: [identity as string],
    };
  },
  "PledgeFinance:KeyRotated": async (ctx) => {
    const { db, event } = ctx;
    const { identity, oldKey, newKey } = event.args;
    const org = await ctx.orgOf(identity as string);
    if (org) {
      await db.query(
        `update organisation_keys set state = 'retired', encrypted_key = null, retired_at = $2
          where address = $1 and state <> 'retired'`,
        [lower(oldKey), event.blockTime],
      );
      // A key the platform never held (rotated outside it) is recorded without material.
      await db.query(
        `insert into organisation_keys (address, org_id, state, activated_at) values ($1, $2, 'current', $3)
         on conflict (address) do update set state = 'current', activated_at = excluded.activated_at
          where organisation_keys.state = 'pending' and organisation_keys.org_id = excluded.org_id`,
        [lower(newKey), org.id, event.blockTime],
      );
      await db.query(
        `update key_rotations set accept_tx_hash = $2, completed_at = $3 where new_key = $1 and completed_at is null`,
        [lower(newKey), event.txHash, event.blockTime],
      );
      ctx.notify({
        org,
        topic: "key_rotated",
        entity: "organisation",
        entityId: lower(identity),
        data: { oldKey: lower(oldKey), newKey: lower(newKey) },
      });
    }
    return { entity: "organisation", entityId: lower(identity), actor: identity as string };
  },
};
