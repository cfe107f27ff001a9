import { useQueries, useQuery } from "@tanstack/react-query";
import { api } from "@/lib/apiClient";
import type { CollateralPatent, LoanDetail, LoanProduct, PledgeChecks } from "./types";

export const loanQueryKey = (id: string) => ["loans", "detail", id] as const;

export function useLoan(id: string) {
  return useQuery({
    queryKey: loanQueryKey(id),
    queryFn: ({ signal }) => api.get<LoanDetail>(`/loans/${encodeURIComponent(id)}`, undefined, signal),
  });
}

export function usePledgeChecks(id: string, enabled: boolean) {
  return useQuery({
    queryKey: ["loans", "pledge-checks", id],
    queryFn: ({ signal }) => api.get<PledgeChecks>(`/loans/${encodeURIComponent(id)}/pledge-checks`, undefined, signal),
    enabled,
  });
}

export function useLoanProduct(id: string | undefined) {
  return useQuery({
    queryKey: ["products", "detail", id],
    queryFn: ({ signal }) => api.get<LoanProduct>(`/products/${encodeURIComponent(id!)}`, undefined, signal),
    enabled: id !== undefined,
  });
}

/** The loan's patents with their appraisals, for the LTV maximum at approval. */
export function useCollateral(patentIds: readonly string[]) {
  return useQueries({
    queries: patentIds.map((id) => ({
      queryKey: ["patents", "detail", id],
      queryFn: ({ signal }: { signal: AbortSignal }) =>
        api.get<CollateralPatent>(`/patents/${encodeURIComponent(id)}`, undefined, signal),
    })),
  });
}
