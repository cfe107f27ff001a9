/** The audit event as the API returns it (SPEC section 5). */
import type { Queryable } from "../../db/db.js";
import { z } from "../../http/schemas.js";

export const AuditEventOut = z
  .object({
    id: z.string(),
    kind: z.string().openapi({
      description:
        "The contract event's name: LoanApplied, RepaymentRecorded, PatentVerified, RoleGranted, ...; an organisation's key rotation is KeyRotationProposed (data: identity, proposer, newKey) then KeyRotated (data: identity, oldKey, newKey), both about the organisation (entity organisation, entityId its identity address) and visible to it and the regulators",
      example: "KeyRotated",
    }),
    entity: z.string(),
    entityId: z.string(),
    orgId: z.string().nullable(),
    actor: z.string().nullable(),
    blockNumber: z.number(),
    blockTime: z.string(),
    txHash: z.string(),
    logIndex: z.number(),
    contract: z.string(),
    data: z.record(z.string(), z.unknown()),
  })
  .openapi("AuditEvent");

export const EVENT_COLUMNS =
  "e.block_number, e.log_index, e.tx_hash, e.block_time, e.contract, e.kind, e.entity, e.entity_id, e.org_id, e.actor, e.data";

export function auditEventOut(row: Record<string, unknown>) {
  return {
    id: `${row.block_number}-${row.log_index}`,
    kind: row.kind as string,
    entity: row.entity as string,
    entityId: row.entity_id as string,
    orgId: (row.org_id as string | null) ?? null,
    actor: (row.actor as string | null) ?? null,
    blockNumber: Number(row.block_number),
    blockTime: (row.block_time as Date).toISOString(),
    txHash: row.tx_hash as string,
    logIndex: row.log_index as number,
    contract: row.contract as string,
    data: row.data as Record<string, unknown>,
  };
}

/**
 * The history of one entity the caller may see, oldest first. Another organisation's loan named in
 * a patent's event (a legal-status change while it was pledged elsewhere) is left out unless the
 * event concerns the caller (or the caller is the regulator).
 */
export async function historyOf(
  db: Queryable,
  entity: string,
  entityId: string,
  caller: { orgId: string; role: string },
) {
  const { rows } = await db.query(
    `select ${EVENT_COLUMNS},
            $3::text = 'regulator' or exists (select 1 from chain_event_orgs eo where eo.block_number = e.block_number
                                              and eo.log_index = e.log_index and eo.org_id = $4) as concerns_caller
       from chain_events e where e.entity = $1 and e.entity_id = $2 and e.kind not in ('Approval', 'ApprovalForAll')
      order by e.block_number, e.log_index`,
    [entity, entityId, caller.role, caller.orgId],
  );
  return rows.map((row) => {
    const event = auditEventOut(row);
    if (!row.concerns_caller && "loanId" in event.data) event.data = { ...event.data, loanId: null };
    return event;
  });
}
