import { useQuery } from "@tanstack/react-query";
import { api } from "@/lib/apiClient";
import type { SessionUser } from "@/lib/session";
import type { Organisation } from "@/types/api";

export interface Me {
  user: SessionUser;
  organisation: Organisation;
}

export const meQueryKey = ["me"] as const;

export function useMe() {
  return useQuery({
    queryKey: meQueryKey,
    queryFn: ({ signal }) => api.get<Me>("/me", undefined, signal),
    staleTime: 5 * 60_000,
  });
}
