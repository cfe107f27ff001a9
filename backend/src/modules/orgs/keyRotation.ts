/**
 * Rotating an organisation's chain key (SPEC section 8, no party can freeze a loan): the platform,
 * which holds every organisation's key, generates a new one, has the rotation proposed on chain and
 * accepted by the new key. The organisation keeps its identity (its first address), so its patents,
 * products and loans stay its own; the old key can do nothing afterwards.
 *
 * Who may ask: the platform operator for the organisations whose users it manages (enterprises and
 * banks), a routine rotation proposed with the organisation's own current key; a regulator for any
 * organisation (a lost or stolen key), proposed with the regulator's key. The operator's own key is
 * not rotated but handed over (the operator role's two-step transfer).
 *
 * Crash safety: the new key is generated, sealed and committed as pending, with the request's
 * reason, before any transaction is sent. Every run then does only what the chain still lacks, read
 * from the chain: fund the key (dev chain), propose it unless `proposedKeyOf` already names it,
 * accept unless `keyOf` already is it. A retry of the request, or any later request for the same
 * organisation, resumes the open rotation; the indexer, not this code, makes the new key current
 * from the KeyRotated event.
 */
import { Wallet } from "ethers";
import type { AppContext } from "../../context.js";
import { crashPoint } from "../../crashPoints.js";
import type { Caller } from "../../http/auth.js";
import { conflict, forbidden, unprocessable } from "../../errors.js";
import { fundOnDevChain, seatedBy, type OrgRow } from "./service.js";

export interface KeyRotation {
  id: string;
  reason: string;
  newKey: string;
  requestedBy: string | null;
  requestedAt: string;
  proposalTxHash: string | null;
  acceptTxHash: string | null;
  completedAt: string | null;
}

interface RotationRow {
  id: string;
  reason: string;
  new_key: string;
  requested_by: string | null;
  requested_at: Date;
  proposal_tx_hash: string | null;
  accept_tx_hash: string | null;
  completed_at: Date | null;
}

const ROTATION_COLUMNS =
  "id, reason, new_key, requested_by, requested_at, proposal_tx_hash, accept_tx_hash, completed_at";

/**
 * Whose key proposes the rotation of `org` when `caller` asks: the organisation's own (the
 * operator's routine rotation) or the regulator's. Refuses everyone else before anything is stored.
 */
export function proposerOf(caller: Pick<Caller, "role" | "orgId">, org: OrgRow): string {
  if (org.kind === "admin") {
    throw unprocessable(
      "OPERATOR_KEY_NOT_ROTATED",
      "the platform operator's key is not rotated: the operator role is handed over to a new key (a two-step transfer with a delay)",
      { orgId: org.id },
    );
  }
  if (caller.role === "regulator") return caller.orgId;
  if (caller.role === "admin" && seatedBy(org.kind) === "operator") return org.id;
  throw forbidden(
    caller.role === "admin"
      ? `the platform operator rotates the keys of enterprises and banks; a ${org.kind}'s key is rotated by a regulator`
      : "a key is rotated by the platform operator (enterprises, banks) or a regulator (any organisation)",
    { orgId: org.id, kind: org.kind },
  );
}

/**
 * Rotates `org`'s key, or resumes its open rotation; returns the rotation once the indexer has made
 * the new key current. `resumedTxHashes` are the transactions an interrupted first run of this very
 * request recorded: if one of them completed a rotation, that rotation is the answer.
 */
export async function rotateKey(
  ctx: AppContext,
  caller: Pick<Caller, "role" | "orgId" | "userId">,
  org: OrgRow,
  reason: string,
  resumedTxHashes: string[] = [],
): Promise<{ rotation: KeyRotation; proposal: string | null; accept: { txHash: string; blockNumber: number } | null }> {
  const proposer = proposerOf(caller, org);
  if (resumedTxHashes.length > 0) {
    const done = await rotationWhere(ctx, "org_id = $1 and accept_tx_hash = any($2)", [org.id, resumedTxHashes]);
    if (done) return { rotation: done, proposal: done.proposalTxHash, accept: null };
  }
  const identity = org.address;
  await ctx.chain.ensureReachable();
  const rotation =
    (await rotationWhere(ctx, "org_id = $1 and completed_at is null", [org.id])) ??
    (await startRotation(ctx, caller, org, proposer, reason));
  const newKey = rotation.newKey;

  const [current, proposed] = await ctx.chain.call(() =>
    Promise.all([ctx.chain.finance.keyOf(identity), ctx.chain.finance.proposedKeyOf(identity)]),
  );
  let proposal: string | null = null;
  let accept: { txHash: string; blockNumber: number } | null = null;
  if (current.toLowerCase() === newKey) {
    // Accepted before a crash: only the record is left, which the indexer writes from KeyRotated.
    await ctx.indexer.waitFor((await ctx.chain.head(0, true)).number);
  } else {
    await fundOnDevChain(ctx, newKey, { org: org.id, rotation: rotation.id });
    if (proposed.toLowerCase() !== newKey) {
      proposal = (await ctx.ledger.send(proposer, ctx.ledger.finance("proposeKeyRotation", [identity, newKey]))).txHash;
    }
    crashPoint("rotation-proposed");
    accept = await ctx.ledger.sendWithKey(newKey, ctx.ledger.finance("acceptKeyRotation", [identity]));
  }
  const completed = await rotationWhere(ctx, "id = $1", [rotation.id]);
  if (!completed?.completedAt) {
    throw conflict("ROTATION_NOT_RECORDED", "the key rotation is on the ledger but not indexed yet; retry shortly", {
      rotationId: rotation.id,
    });
  }
  return { rotation: completed, proposal: proposal ?? completed.proposalTxHash, accept };
}

/**
 * A new key for `org`, sealed and committed as pending with the rotation's record before anything
 * is sent. The proposal is simulated first, so a request the ledger would refuse stores nothing.
 */
async function startRotation(
  ctx: AppContext,
  caller: Pick<Caller, "userId">,
  org: OrgRow,
  proposer: string,
  reason: string,
): Promise<KeyRotation> {
  const wallet = Wallet.createRandom();
  const address = wallet.address.toLowerCase();
  await ctx.ledger.simulate(proposer, ctx.ledger.finance("proposeKeyRotation", [org.address, address]));
  try {
    return await ctx.db.withTransaction(async (client) => {
      await client.query(
        "insert into organisation_keys (address, org_id, state, encrypted_key) values ($1, $2, 'pending', $3)",
        [address, org.id, ctx.vault.seal(wallet.privateKey, address)],
      );
      const { rows } = await client.query<RotationRow>(
        `insert into key_rotations (org_id, new_key, reason, requested_by) values ($1, $2, $3, $4)
         returning ${ROTATION_COLUMNS}`,
        [org.id, address, reason, caller.userId],
      );
      return rotationOut(rows[0]);
    });
  } catch (error) {
    // Another request started one meanwhile (one pending key, one open rotation per organisation).
    if ((error as { status?: number }).status !== 409) throw error;
    const open = await rotationWhere(ctx, "org_id = $1 and completed_at is null", [org.id]);
    if (!open) throw error;
    return open;
  }
}

/** The organisation's rotations, newest first. */
export async function rotationsOf(ctx: AppContext, orgId: string): Promise<KeyRotation[]> {
  const { rows } = await ctx.db.query<RotationRow>(
    `select ${ROTATION_COLUMNS} from key_rotations where org_id = $1 order by id desc limit 100`,
    [orgId],
  );
  return rows.map(rotationOut);
}

async function rotationWhere(ctx: AppContext, where: string, params: unknown[]): Promise<KeyRotation | null> {
  const { rows } = await ctx.db.query<RotationRow>(
    `select ${ROTATION_COLUMNS} from key_rotations where ${where} order by id desc limit 1`,
    params,
  );
  return rows[0] ? rotationOut(rows[0]) : null;
}

function rotationOut(row: RotationRow): KeyRotation {
  return {
    id: String(row.id),
    reason: row.reason,
    newKey: row.new_key,
    requestedBy: row.requested_by === null ? null : String(row.requested_by),
    requestedAt: row.requested_at.toISOString(),
    proposalTxHash: row.proposal_tx_hash,
    acceptTxHash: row.accept_tx_hash,
    completedAt: row.completed_at?.toISOString() ?? null,
  };
}
