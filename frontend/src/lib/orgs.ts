/**
 * Organisations by id, for showing names where the API gives ids (owners, appraisers, banks). A
 * platform has tens of organisations, so the first 200 are all of them.
 */
import { useQuery } from "@tanstack/react-query";
import type { Organisation } from "@/types/api";
import { api } from "./apiClient";

export const orgsQueryKey = ["orgs"] as const;

export function useOrgs() {
  return useQuery({
    queryKey: orgsQueryKey,
    queryFn: ({ signal }) => api.get<{ items: Organisation[] }>("/orgs", { limit: 200 }, signal),
    staleTime: 5 * 60_000,
    select: (page) => new Map(page.items.map((org) => [org.id, org])),
  });
}
