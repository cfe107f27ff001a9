/**
 * The API's error codes, in words a bank clerk understands. A code the table does not know falls
 * back to the API's own message, so nothing is ever hidden behind "something went wrong".
 */
import type { useTranslation } from "react-i18next";
import { isApiError } from "@/lib/apiClient";
import { formatDate } from "@/lib/dates";
import { formatFen } from "@/lib/money";
import { errorMessage } from "./QueryError";

type Translate = ReturnType<typeof useTranslation>["t"];

export const KNOWN_TX_ERRORS = [
  "LTV_EXCEEDED",
  "LTV_ABOVE_PLATFORM_CAP",
  "INVALID_LOAN_STATE",
  "OVERPAYMENT",
  "NOT_YET_DEFAULTABLE",
  "PLEDGE_REFUSED",
  "PLATFORM_PAUSED",
  "AMOUNT_OUT_OF_RANGE",
  "RATE_OUT_OF_RANGE",
  "TERM_OUT_OF_RANGE",
  "PRODUCT_INACTIVE",
  "PATENT_IN_ACTIVE_LOAN",
  "PATENT_PLEDGED",
  "PATENT_EXPIRED",
  "INVALID_PATENT_STATE",
  "COLLATERAL_EXPIRES_BEFORE_MATURITY",
  "ALREADY_COMPENSATED",
  "NOT_COMPENSATED",
  "INVALID_BUYER",
  "INVALID_REGISTRATION_NO",
  "VALIDATION_FAILED",
  "FORBIDDEN",
  "ROLE_NOT_GRANTED",
  "NOT_LOAN_PARTY",
  "NOT_FOUND",
  "RATE_LIMITED",
  "CHAIN_UNAVAILABLE",
] as const;
type KnownTxError = (typeof KNOWN_TX_ERRORS)[number];

const isKnown = (code: string): code is KnownTxError => (KNOWN_TX_ERRORS as readonly string[]).includes(code);

const fen = (value: unknown) => (typeof value === "string" && /^\d+$/.test(value) ? formatFen(value) : "—");

/** The contract's refusal codes for a pledge (PLEDGE_REFUSED_FEE_UNPAID, ...) read as the one rule. */
const normalise = (code: string) => (code.startsWith("PLEDGE_REFUSED") ? "PLEDGE_REFUSED" : code);

export function txErrorMessage(error: unknown, t: Translate): string {
  if (!isApiError(error)) return errorMessage(error, t);
  const code = normalise(error.code);
  if (!isKnown(code)) return errorMessage(error, t);
  const details = (error.details ?? {}) as Record<string, unknown>;
  // A refused pledge names each failed check; say them in the reader's language.
  const failed = Array.isArray(details.failed) ? (details.failed as { patentId?: string; check?: string }[]) : null;
  const message = failed
    ? failed.map((f) => `${f.patentId ?? ""} ${t(`loan.checks.${f.check}` as "loan.checks.owner")}`).join("；")
    : error.message;
  return t(`txErrors.${code}`, {
    maxAmount: fen(details.maxAmount),
    owed: fen(details.owed),
    max: typeof details.max === "string" ? fen(details.max) : String(details.max ?? "—"),
    defaultableAt: formatDate(typeof details.defaultableAt === "string" ? details.defaultableAt : null),
    current:
      typeof details.current === "string" ? t(`loan.statuses.${details.current}` as "loan.statuses.applied") : "—",
    message,
  });
}
