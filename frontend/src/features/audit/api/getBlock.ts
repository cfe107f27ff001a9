import { useQuery } from "@tanstack/react-query";
import { api } from "@/lib/apiClient";
import type { AuditEvent } from "@/types/api";

/** GET /api/audit/blocks/:number: the block and the ledger events in it the caller may see. */
export interface LedgerBlock {
  number: number;
  hash: string;
  time: string;
  events: AuditEvent[];
}

export function useLedgerBlock(number: string) {
  return useQuery({
    queryKey: ["audit", "block", number],
    queryFn: ({ signal }) => api.get<LedgerBlock>(`/audit/blocks/${encodeURIComponent(number)}`, undefined, signal),
    staleTime: Infinity,
  });
}
