import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "@/lib/apiClient";
import type { Page } from "@/types/api";
import type { CollateralPatent, LoanProduct, LoanWithTx } from "./types";

export interface NewLoan {
  productId: string;
  patentIds: string[];
  /** fen */
  amount: string;
  termDays: number;
  purpose: string;
}

/** The enterprise's verified patents: what it may pledge (each with its appraisals). */
export function usePledgeablePatents() {
  return useQuery({
    queryKey: ["patents", "list", { status: "verified", limit: 200 }],
    queryFn: ({ signal }) =>
      api.get<Page<CollateralPatent & { loanId: string | null }>>(
        "/patents",
        { status: "verified", limit: 200, offset: 0 },
        signal,
      ),
  });
}

export function useOpenProducts() {
  return useQuery({
    queryKey: ["products", "list", { active: true }],
    queryFn: ({ signal }) => api.get<Page<LoanProduct>>("/products", { active: true, limit: 200 }, signal),
  });
}

export function useApplyForLoan() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (loan: NewLoan) => api.post<LoanWithTx>("/loans", loan),
    onSuccess: async () => {
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: ["loans"] }),
        queryClient.invalidateQueries({ queryKey: ["patents"] }),
      ]);
    },
  });
}
