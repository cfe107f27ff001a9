import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { api } from "@/lib/apiClient";
import type { Page } from "@/types/api";
import type { Patent, PatentKind, PatentStatus } from "./types";

export const PATENT_SORTS = [
  "registeredAt",
  "-registeredAt",
  "expiryDate",
  "-expiryDate",
  "number",
  "-number",
] as const;
export type PatentSort = (typeof PATENT_SORTS)[number];

/** GET /api/patents filters; the API scopes the list to what the caller may see. */
export interface PatentQuery {
  q?: string;
  status?: PatentStatus;
  kind?: PatentKind;
  ownerOrgId?: string;
  needsAppraisal?: boolean;
  sort?: PatentSort;
  limit: number;
  offset: number;
}

/** The offices' work queues: new records to verify (the IP office), patents without a current valuation (an appraiser). */
export const PATENT_QUEUES = {
  verification: { status: "registered" },
  appraisal: { needsAppraisal: true },
} as const satisfies Record<string, Omit<PatentQuery, "limit" | "offset">>;
export type PatentQueueKind = keyof typeof PATENT_QUEUES;

export const patentsQueryKey = (query?: PatentQuery) => (query ? (["patents", "list", query] as const) : ["patents"]);

export const getPatents = (query: PatentQuery, signal?: AbortSignal) =>
  api.get<Page<Patent>>("/patents", { ...query }, signal);

export function usePatents(query: PatentQuery) {
  return useQuery({
    queryKey: patentsQueryKey(query),
    queryFn: ({ signal }) => getPatents(query, signal),
    placeholderData: keepPreviousData,
  });
}
