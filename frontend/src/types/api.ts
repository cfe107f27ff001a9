/** Resource shapes shared by several features (SPEC section 5). Money is fen as a decimal string. */
import type { Role } from "@/config/roles";

export interface Page<T> {
  items: T[];
  total: number;
}

export interface Organisation {
  id: string;
  name: string;
  kind: Role;
  /** Its identity on the ledger: the first key's address, which its patents, products and loans name for good. */
  address: string;
  /** The key that signs for it now (its identity address until rotated). */
  signingAddress?: string | null;
}

/** One contract event from the audit trail, as the indexer mirrored it. */
export interface AuditEvent {
  id: string;
  kind: string;
  entity: string;
  entityId: string;
  orgId: string | null;
  actor: string | null;
  blockNumber: number;
  blockTime: string;
  txHash: string;
  logIndex: number;
  contract: string;
  data: Record<string, unknown>;
}
