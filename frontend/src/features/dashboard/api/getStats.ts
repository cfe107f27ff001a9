import { useQuery } from "@tanstack/react-query";
import { api } from "@/lib/apiClient";
import type { Schemas } from "@/types/api";

/** GET /api/stats (regulator): totals now, monthly series from the audit trail, a per-bank view. Money is fen. */
export type Stats = Schemas["Stats"];
/** One month (YYYY-MM); defaultRate is cumulative defaults / cumulative disbursements, 0..1. */
export type MonthStats = Stats["series"][number];
export type BankStats = Stats["byBank"][number];

export const statsQueryKey = ["stats"] as const;

export function useStats() {
  return useQuery({
    queryKey: statsQueryKey,
    queryFn: ({ signal }) => api.get<Stats>("/stats", undefined, signal),
    refetchInterval: 60_000,
  });
}
