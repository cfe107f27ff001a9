/**
 * A failed write in words a clerk understands: the API's error codes that a person can act on get a
 * sentence in the user's language; anything else shows the API's own message.
 */
import type { TFunction } from "i18next";
import { isApiError } from "./apiClient";

export const EXPLAINED_ERROR_CODES = [
  "PATENT_ALREADY_REGISTERED",
  "INVALID_PATENT_NUMBER",
  "PATENT_KIND_MISMATCH",
  "INVALID_PATENT_STATE",
  "INVALID_DATES",
  "INVALID_APPRAISAL",
  "PATENT_EXPIRED",
  "PATENT_PLEDGED",
  "PATENT_IN_ACTIVE_LOAN",
  "NOT_OWNER",
  "MISSING_DOCUMENT",
  "PLATFORM_PAUSED",
  "PLATFORM_NOT_PAUSED",
  "ROLE_NOT_GRANTED",
  "FORBIDDEN",
  "NOT_FOUND",
  "PAYLOAD_TOO_LARGE",
  "RATE_LIMITED",
  "TRANSACTION_PENDING",
  "CHAIN_UNAVAILABLE",
  "DATABASE_UNAVAILABLE",
  "ORGANISATION_EXISTS",
  "USERNAME_TAKEN",
  "UNKNOWN_ORGANISATION",
  "SELF_DELETE",
  "CONTRACT_REVERTED",
] as const;
export type ExplainedErrorCode = (typeof EXPLAINED_ERROR_CODES)[number];

const isExplained = (code: string): code is ExplainedErrorCode =>
  (EXPLAINED_ERROR_CODES as readonly string[]).includes(code);

const detail = (details: unknown, key: string): string | undefined => {
  const value = details && typeof details === "object" ? (details as Record<string, unknown>)[key] : undefined;
  return typeof value === "string" ? value : undefined;
};

export function ledgerErrorMessage(error: unknown, t: TFunction): string {
  if (!isApiError(error)) return t("errors.generic", { message: error instanceof Error ? error.message : "?" });
  if (error.status === 0) return t("errors.network");
  if (error.code === "INVALID_PATENT_NUMBER" && detail(error.details, "problem") === "check_digit") {
    return t("ledgerErrors.INVALID_PATENT_NUMBER_CHECK_DIGIT", { number: detail(error.details, "number") ?? "" });
  }
  if (error.code === "PATENT_KIND_MISMATCH") {
    const fromNumber = detail(error.details, "fromNumber");
    const kind = fromNumber === "invention" || fromNumber === "utility_model" || fromNumber === "design";
    return t("ledgerErrors.PATENT_KIND_MISMATCH", {
      kind: kind ? t(`patent.kinds.${fromNumber}`) : (fromNumber ?? "?"),
    });
  }
  if (isExplained(error.code)) {
    return t(`ledgerErrors.${error.code}`, { number: detail(error.details, "number") ?? "", message: error.message });
  }
  if (error.status === 503) return t("errors.unavailable");
  return error.message;
}
