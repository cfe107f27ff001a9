import { useInfiniteQuery } from "@tanstack/react-query";
import { api } from "@/lib/apiClient";
import type { AuditEvent } from "@/types/api";
import { auditEventsQuery, type AuditFilters } from "./auditFilters";

export interface AuditPage {
  items: AuditEvent[];
  /** where the next page starts; null on the last page */
  nextCursor: string | null;
}

const PAGE_SIZE = 50;

/** GET /api/audit/events, newest first, a page at a time by keyset ("load more"). */
export function useAuditEvents(filters: AuditFilters) {
  return useInfiniteQuery({
    queryKey: ["audit", "events", filters],
    queryFn: ({ pageParam, signal }) =>
      api.get<AuditPage>("/audit/events", auditEventsQuery(filters, pageParam, PAGE_SIZE), signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });
}
