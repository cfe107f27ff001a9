import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "@/lib/apiClient";

/** GET /api/params: the platform parameters, and whether the regulator has paused it. */
export interface PlatformParams {
  ltvCapBps: number;
  graceDays: number;
  fundShareBps: number;
  fundCapacity: string;
  fundPaid: string;
  fundRemaining: string;
  paused: boolean;
  txHash: string | null;
  blockNumber: number | null;
}

export const platformParamsQueryKey = ["params"] as const;

export function usePlatformParams() {
  return useQuery({
    queryKey: platformParamsQueryKey,
    queryFn: ({ signal }) => api.get<PlatformParams>("/params", undefined, signal),
  });
}

/** POST /api/platform/pause | unpause (regulator). */
export function useSetPlatformPaused() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (pause: boolean) => api.post<PlatformParams>(`/platform/${pause ? "pause" : "unpause"}`),
    onSuccess: (params) => queryClient.setQueryData(platformParamsQueryKey, params),
  });
}
