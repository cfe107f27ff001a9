import { useMutation, useQueryClient } from "@tanstack/react-query";
import { api } from "@/lib/apiClient";
import { platformParamsQueryKey } from "@/lib/platform";
import type { LoanWithTx } from "./types";

/** Every action on a loan: POST /api/loans/:id/<path> (SPEC section 5), by the role the ledger allows. */
export const LOAN_ACTIONS = [
  "withdraw",
  "approve",
  "reject",
  "cancel",
  "pledge",
  "disburse",
  "repay",
  "default",
  "compensate",
  "dispose",
  "release",
] as const;
export type LoanAction = (typeof LOAN_ACTIONS)[number];

const PATH: Record<LoanAction, string> = {
  withdraw: "withdraw",
  approve: "approve",
  reject: "reject",
  cancel: "cancel",
  pledge: "pledge",
  disburse: "disburse",
  repay: "repayments",
  default: "default",
  compensate: "compensate",
  dispose: "dispose",
  release: "release",
};

export function useLoanAction(loanId: string, action: LoanAction) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: Record<string, unknown> = {}) =>
      api.post<LoanWithTx>(`/loans/${encodeURIComponent(loanId)}/${PATH[action]}`, body),
    onSuccess: async () => {
      // The loan, the lists, its patents' status and (for compensation) the fund's capacity all moved.
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: ["loans"] }),
        queryClient.invalidateQueries({ queryKey: ["patents"] }),
        queryClient.invalidateQueries({ queryKey: ["notifications"] }),
        queryClient.invalidateQueries({ queryKey: platformParamsQueryKey }),
        queryClient.invalidateQueries({ queryKey: ["health"] }),
      ]);
    },
  });
}
