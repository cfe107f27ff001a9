import type { AuditEvent } from "@/types/api";

export const PATENT_STATUSES = ["registered", "verified", "rejected", "pledged", "revoked"] as const;
export type PatentStatus = (typeof PATENT_STATUSES)[number];

export const PATENT_KINDS = ["invention", "utility_model", "design"] as const;
export type PatentKind = (typeof PATENT_KINDS)[number];

export interface Appraisal {
  id: string;
  index: number;
  appraiserOrgId: string | null;
  /** fen */
  value: string;
  validUntil: string;
  recordedAt: string;
  reportSha256: string;
  /** the newest unexpired appraisal at chain time: the one that counts */
  current: boolean;
  txHash: string;
  blockNumber: number;
}

export interface Patent {
  id: string;
  number: string;
  title: string | null;
  kind: PatentKind;
  status: PatentStatus;
  ownerOrgId: string | null;
  ownerAddress: string;
  grantDate: string;
  expiryDate: string;
  legalStatus: { feePaidUntil: string | null; preserved: boolean; invalidationPending: boolean };
  appraisals: Appraisal[];
  currentValue: string | null;
  loanId: string | null;
  certificateSha256: string;
  metadataHash: string;
  tokenId: string;
  registeredAt: string;
  /** The last change's transaction; null when it names another bank's loan. */
  txHash: string | null;
  blockNumber: number | null;
}

export interface PatentDetail extends Patent {
  history: AuditEvent[];
}
