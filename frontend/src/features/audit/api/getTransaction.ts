import { useQuery } from "@tanstack/react-query";
import { api } from "@/lib/apiClient";
import type { AuditEvent } from "@/types/api";

/** GET /api/audit/transactions/:hash: the block, receipt and the decoded events the caller may see. */
export interface LedgerTransaction {
  hash: string;
  block: { number: number; hash: string; time: string };
  from: string;
  to: string | null;
  status: "success" | "reverted" | string;
  gasUsed: string;
  nonce: number;
  events: AuditEvent[];
}

export function useLedgerTransaction(hash: string) {
  return useQuery({
    queryKey: ["audit", "transaction", hash.toLowerCase()],
    queryFn: ({ signal }) =>
      api.get<LedgerTransaction>(`/audit/transactions/${encodeURIComponent(hash)}`, undefined, signal),
    staleTime: Infinity,
  });
}
