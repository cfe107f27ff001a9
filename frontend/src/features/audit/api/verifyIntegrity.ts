import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api, isApiError } from "@/lib/apiClient";

/** One difference between the database and what the chain implies. */
export interface Mismatch {
  /** The database table, e.g. "loans" or "chain_events". */
  table: string;
  /** The row's key columns joined with "/". */
  key: string;
  /** The column, or "row" when only one side has the row. */
  field: string;
  /** What the ledger implies ("present" / "absent" for a whole row). */
  expected: unknown;
  /** What the database holds. */
  found: unknown;
}

/** The report of an integrity check: the database proved against the chain, cell by cell. */
export interface IntegrityReport {
  ok: boolean;
  checked: number;
  checkedByKind: Record<string, number>;
  atBlock: number;
  /** The first 1,000 mismatches. */
  mismatches: Mismatch[];
  mismatchCount: number;
}

export interface IntegrityProgress {
  phase?: "replaying" | "comparing" | "hashing";
  fromBlock?: number;
  block?: number;
  toBlock?: number;
  events?: number;
}

/** GET /api/audit/integrity-checks/latest (regulator). */
export interface IntegrityCheckRun {
  id: string;
  state: "running" | "done" | "failed" | "interrupted";
  startedAt: string;
  finishedAt: string | null;
  progress: IntegrityProgress;
  report: IntegrityReport | null;
  error: string | null;
}

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
