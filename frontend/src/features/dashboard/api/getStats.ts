import { useQuery } from "@tanstack/react-query";
import { api } from "@/lib/apiClient";

/** GET /api/stats (regulator): totals now, monthly series from the audit trail, a per-bank view. Money is fen. */
export interface Stats {
  totals: {
    organisations: Record<string, number>;
    patents: Record<string, number>;
    loans: Record<string, number>;
    financed: string;
    outstandingPrincipal: string;
    repaid: string;
    defaultedAmount: string;
    fundPaid: string;
    recovered: string;
    /** 0..1 */
    defaultRate: number;
  };
  series: MonthStats[];
  byBank: BankStats[];
}

export interface MonthStats {
  /** YYYY-MM */
  month: string;
  applications: number;
  disbursements: number;
  financed: string;
  repaid: string;
  defaults: number;
  /** cumulative defaults / cumulative disbursements, 0..1 */
  defaultRate: number;
  loansByStatus: Record<string, number>;
}

export interface BankStats {
  bankOrgId: string | null;
  bankName: string | null;
  loans: number;
  financed: string;
  defaulted: number;
}

export const statsQueryKey = ["stats"] as const;

export function useStats() {
  return useQuery({
    queryKey: statsQueryKey,
    queryFn: ({ signal }) => api.get<Stats>("/stats", undefined, signal),
    refetchInterval: 60_000,
  });
}
