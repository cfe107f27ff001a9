import { useMutation, useQueryClient } from "@tanstack/react-query";
import { api } from "@/lib/apiClient";
import { platformParamsQueryKey, type PlatformParams } from "@/lib/platform";

export { usePlatformParams, type PlatformParams } from "@/lib/platform";

/** POST /api/platform/pause | unpause (regulator): the answer is the parameters, now (un)paused. */
export function useSetPlatformPaused() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (pause: boolean) => api.post<PlatformParams>(`/platform/${pause ? "pause" : "unpause"}`),
    onSuccess: (params) => queryClient.setQueryData(platformParamsQueryKey, params),
  });
}
