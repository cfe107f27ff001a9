import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api, isApiError } from "@/lib/apiClient";
import type { Schemas } from "@/types/api";

/**
 * One difference between the database and what the chain implies: `table` and `key` (the row's key
 * columns joined with "/") name the row, `field` the column, or "row" when only one side has the row.
 */
export type Mismatch = Schemas["Mismatch"];

/** The report of an integrity check: the database proved against the chain, cell by cell (the first 1,000 mismatches). */
export type IntegrityReport = Schemas["IntegrityReport"];

export type IntegrityProgress = Schemas["IntegrityCheck"]["progress"];

/**
 * GET /api/audit/integrity-checks/latest (regulator). openapi-typescript reads the document's
 * nullable report (allOf with nullable, as OpenAPI 3.0 writes it) as never null, so it is restated.
 */
export type IntegrityCheckRun = Omit<Schemas["IntegrityCheck"], "report"> & { report: IntegrityReport | null };

const latestKey = ["audit", "integrity-checks", "latest"] as const;
/** How often a running check's progress is read. */
const POLL_MS = 1_000;

/** The newest check (null before the first), polled while it runs. */
export function useLatestIntegrityCheck() {
  return useQuery({
    queryKey: latestKey,
    queryFn: ({ signal }) =>
      api.get<IntegrityCheckRun>("/audit/integrity-checks/latest", undefined, signal).catch((error: unknown) => {
        if (isApiError(error) && error.status === 404) return null;
        throw error;
      }),
    refetchInterval: (query) => (query.state.data?.state === "running" ? POLL_MS : false),
  });
}

/** Starts a check in the background (or joins the running one); progress then comes from useLatestIntegrityCheck. */
export function useStartIntegrityCheck() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<IntegrityCheckRun>("/audit/integrity-checks"),
    onSuccess: (run) => queryClient.setQueryData(latestKey, run),
  });
}
