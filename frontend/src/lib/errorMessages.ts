/**
 * What a failed request says to a person. A load or sign-in failure gets the API's own message
 * (or the network's silence in words); a refused write gets a sentence in the reader's language for
 * every code a clerk can act on, with the amounts, dates and states from the error's details. A code
 * the table does not know falls back to the API's own message, so nothing hides behind "error".
 */
import type { TFunction } from "i18next";
import { isApiError } from "./apiClient";
import { formatDate } from "./dates";
import { formatFen } from "./money";

export const EXPLAINED_ERROR_CODES = [
  // patents
  "PATENT_ALREADY_REGISTERED",
  "INVALID_PATENT_NUMBER",
  "PATENT_KIND_MISMATCH",
  "INVALID_PATENT_STATE",
  "INVALID_DATES",
  "INVALID_APPRAISAL",
  "PATENT_EXPIRED",
  "TRANSFER_ONLY_BY_REGISTER",
  "INVALID_NEW_OWNER",
  "PATENT_IN_ACTIVE_LOAN",
  "NOT_OWNER",
  "MISSING_DOCUMENT",
  // products and loans
  "LTV_EXCEEDED",
  "LTV_ABOVE_PLATFORM_CAP",
  "AMOUNT_OUT_OF_RANGE",
  "RATE_OUT_OF_RANGE",
  "TERM_OUT_OF_RANGE",
  "PRODUCT_INACTIVE",
  "INVALID_LOAN_STATE",
  "PLEDGE_REFUSED",
  "INVALID_REGISTRATION_NO",
  "COLLATERAL_EXPIRES_BEFORE_MATURITY",
  "OVERPAYMENT",
  "NOT_YET_DEFAULTABLE",
  "ALREADY_COMPENSATED",
  "NOT_COMPENSATED",
  "INVALID_BUYER",
  "NOT_LOAN_PARTY",
  // the platform and its operator
  "PLATFORM_PAUSED",
  "PLATFORM_NOT_PAUSED",
  "ORGANISATION_EXISTS",
  "USERNAME_TAKEN",
  "UNKNOWN_ORGANISATION",
  "SELF_DELETE",
  "SELF_RESET",
  "WRONG_CURRENT_PASSWORD",
  "PASSWORD_UNCHANGED",
  // key rotation
  "OPERATOR_KEY_NOT_ROTATED",
  "NOT_A_MEMBER",
  "KEY_RETIRED",
  "SIGNING_KEY_NOT_HELD",
  // any request
  "VALIDATION_FAILED",
  "ROLE_NOT_GRANTED",
  "FORBIDDEN",
  "NOT_FOUND",
  "PAYLOAD_TOO_LARGE",
  "RATE_LIMITED",
  "TRANSACTION_PENDING",
  "IDEMPOTENCY_KEY_IN_PROGRESS",
  "WRITE_INTERRUPTED",
  "INVALID_INPUT",
  "CHAIN_UNAVAILABLE",
  "DATABASE_UNAVAILABLE",
  "CONTRACT_REVERTED",
] as const;
export type ExplainedErrorCode = (typeof EXPLAINED_ERROR_CODES)[number];

const isExplained = (code: string): code is ExplainedErrorCode =>
  (EXPLAINED_ERROR_CODES as readonly string[]).includes(code);

/**
 * The ledger's own refusals over a patent's legal status, each named after the pledge review's
 * check it repeats. The ledger runs them at the pledge and again at the disbursement, so a
 * disbursement is refused when the IP office changed the status after the pledge was registered.
 */
const LEGAL_STATUS_CHECKS: Record<string, string> = {
  PLEDGE_REFUSED_FEE_UNPAID: "fee_paid",
  PLEDGE_REFUSED_PRESERVED: "not_preserved",
  PLEDGE_REFUSED_INVALIDATION_PENDING: "no_invalidation",
};

const PATENT_KINDS: readonly unknown[] = ["invention", "utility_model", "design"];

/** Any failure: the network's silence or an unavailable service in words, else the API's own message. */
export function errorMessage(error: unknown, t: TFunction): string {
  if (!isApiError(error)) return t("errors.generic", { message: error instanceof Error ? error.message : "?" });
  if (error.status === 0) return t("errors.network");
  if (error.status === 503) return t("errors.unavailable");
  return error.message;
}

/** A refused write, in words a bank clerk understands. */
export function ledgerErrorMessage(error: unknown, t: TFunction): string {
  if (!isApiError(error) || error.status === 0) return errorMessage(error, t);
  const details: Record<string, unknown> =
    error.details && typeof error.details === "object" ? (error.details as Record<string, unknown>) : {};
  const text = (key: string) => (typeof details[key] === "string" ? (details[key] as string) : undefined);
  const fen = (key: string) => (/^\d+$/.test(text(key) ?? "") ? formatFen(text(key)!) : "—");
  const check = (name: string) => t(`loan.checks.${name}` as "loan.checks.owner");

  const legalStatusCheck = LEGAL_STATUS_CHECKS[error.code];
  if (legalStatusCheck) return t("ledgerErrors.LEGAL_STATUS_REFUSED", { check: check(legalStatusCheck) });
  // the ledger's expiry rule, at the pledge or with the real maturity at the disbursement
  if (error.code === "PLEDGE_REFUSED_EXPIRES_BEFORE_MATURITY")
    return t("ledgerErrors.COLLATERAL_EXPIRES_BEFORE_MATURITY");
  if (error.code === "INVALID_PATENT_NUMBER" && text("problem") === "check_digit") {
    return t("ledgerErrors.INVALID_PATENT_NUMBER_CHECK_DIGIT", { number: text("number") ?? "" });
  }
  if (!isExplained(error.code)) return errorMessage(error, t);

  // A refused pledge names each failed check: say them in the reader's language.
  const failed = Array.isArray(details.failed) ? (details.failed as { patentId?: string; check?: string }[]) : null;
  const fromNumber = text("fromNumber");
  const current = text("current");
  return t(`ledgerErrors.${error.code}`, {
    number: text("number") ?? "",
    kind: PATENT_KINDS.includes(fromNumber) ? t(`patent.kinds.${fromNumber as "invention"}`) : (fromNumber ?? "?"),
    maxAmount: fen("maxAmount"),
    owed: fen("owed"),
    // a term's maximum is a number of days, an amount's a string of fen
    max: typeof details.max === "string" ? fen("max") : String(details.max ?? "—"),
    defaultableAt: formatDate(text("defaultableAt")),
    current: current ? t(`loan.statuses.${current}` as "loan.statuses.applied") : "—",
    message: failed ? failed.map((f) => `${f.patentId ?? ""} ${check(f.check ?? "")}`).join("；") : error.message,
  });
}
