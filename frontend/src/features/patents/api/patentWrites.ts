/**
 * The writes on patents: registration by the owner, the IP office's register (verify, reject,
 * revoke, legal status, a recorded change of owner) and valuations. Each answers with the patent and the transaction that
 * changed it; the lists and the patent's page are refreshed from the API afterwards.
 */
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { api } from "@/lib/apiClient";
import type { Upload } from "@/lib/files";
import { patentQueryKey } from "./getPatent";
import { patentsQueryKey } from "./getPatents";
import type { Patent, PatentKind } from "./types";

export type PatentWithTx = Omit<Patent, "txHash" | "blockNumber"> & { txHash: string; blockNumber: number };

export interface NewPatent {
  number: string;
  title: string;
  kind: PatentKind;
  /** YYYY-MM-DD */
  grantDate: string;
  expiryDate: string;
  certificate: Upload;
}

export interface LegalStatusChange {
  feePaidUntil?: string;
  preserved?: boolean;
  invalidationPending?: boolean;
}

/** POST /api/patents/:id/transfer (IP office): a change of owner recorded with its notice. */
export interface RecordedTransfer {
  newOwnerOrgId: string;
  notice: Upload;
}

export interface NewAppraisal {
  /** fen */
  value: string;
  validUntil: string;
  report: Upload;
}

function useRefreshAfter() {
  const queryClient = useQueryClient();
  return (patent: PatentWithTx) => {
    void queryClient.invalidateQueries({ queryKey: patentsQueryKey() });
    void queryClient.invalidateQueries({ queryKey: patentQueryKey(patent.id) });
    void queryClient.invalidateQueries({ queryKey: ["notifications"] });
  };
}

const path = (id: string, action: string) => `/patents/${encodeURIComponent(id)}/${action}`;

export function useRegisterPatent() {
  const refresh = useRefreshAfter();
  return useMutation({
    mutationFn: (patent: NewPatent) => api.post<PatentWithTx>("/patents", patent),
    onSuccess: refresh,
  });
}

export function useVerifyPatent(id: string) {
  const refresh = useRefreshAfter();
  return useMutation({
    mutationFn: (body: { feePaidUntil: string }) => api.post<PatentWithTx>(path(id, "verify"), body),
    onSuccess: refresh,
  });
}

export function useRejectOrRevokePatent(id: string, action: "reject" | "revoke") {
  const refresh = useRefreshAfter();
  return useMutation({
    mutationFn: (body: { reason: string }) => api.post<PatentWithTx>(path(id, action), body),
    onSuccess: refresh,
  });
}

export function useUpdateLegalStatus(id: string) {
  const refresh = useRefreshAfter();
  return useMutation({
    mutationFn: (body: LegalStatusChange) => api.post<PatentWithTx>(path(id, "legal-status"), body),
    onSuccess: refresh,
  });
}

export function useRecordAppraisal(id: string) {
  const refresh = useRefreshAfter();
  return useMutation({
    mutationFn: (body: NewAppraisal) => api.post<PatentWithTx>(path(id, "appraisals"), body),
    onSuccess: refresh,
  });
}

export function useRecordTransfer(id: string) {
  const refresh = useRefreshAfter();
  return useMutation({
    mutationFn: (body: RecordedTransfer) => api.post<PatentWithTx>(path(id, "transfer"), body),
    onSuccess: refresh,
  });
}
