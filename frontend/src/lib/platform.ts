/**
 * Platform facts several pages read: the parameters (LTV cap, grace, the fund's capacity) and the
 * chain's clock, which decides what "now" is for appraisals, maturity and default (SPEC section 3).
 */
import { useQuery } from "@tanstack/react-query";
import { api } from "./apiClient";
import { unixSeconds } from "./dates";

export interface PlatformParams {
  ltvCapBps: number;
  graceDays: number;
  fundShareBps: number;
  /** fen */
  fundCapacity: string;
  /** Days after a default the fund has to compensate before the bank may dispose without. */
  fundDecisionDays: number;
  fundPaid: string;
  fundRemaining: string;
  paused: boolean;
  /** The transaction that last changed them (a pause, say). */
  txHash: string | null;
  blockNumber: number | null;
}

export interface Health {
  status: "ok" | "degraded";
  chain: { ok: boolean; chainId: string; head?: number; time?: string };
}

export const platformParamsQueryKey = ["params"] as const;

export function usePlatformParams() {
  return useQuery({
    queryKey: platformParamsQueryKey,
    queryFn: ({ signal }) => api.get<PlatformParams>("/params", undefined, signal),
    staleTime: 30_000,
  });
}

/**
 * The chain's latest block time in seconds. A degraded node answers 503 with the same shape, so the
 * browser's clock stands in only when the ledger cannot be asked.
 */
export function useChainTime() {
  return useQuery({
    queryKey: ["health"],
    queryFn: async ({ signal }) => {
      const health = await api.get<Health>("/health", undefined, signal).catch(() => null);
      const time = health?.chain.time;
      return unixSeconds(time ?? new Date().toISOString());
    },
    staleTime: 15_000,
  });
}
