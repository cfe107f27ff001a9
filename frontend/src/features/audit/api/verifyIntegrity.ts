import { useMutation } from "@tanstack/react-query";
import { api } from "@/lib/apiClient";

export interface Mismatch {
  entity: string;
  id: string;
  field: string;
  database: unknown;
  chain: unknown;
}

/** GET /api/audit/verify (regulator): the database against the chain, record by record. */
export interface IntegrityReport {
  ok: boolean;
  checked: number;
  checkedByKind: Record<string, number>;
  atBlock: number;
  mismatches: Mismatch[];
}

/** Run on demand (a button), not on page load: the check reads every record. */
export function useIntegrityCheck() {
  return useMutation({ mutationFn: () => api.get<IntegrityReport>("/audit/verify") });
}
