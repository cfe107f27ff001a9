/**
 * Chinese patent numbers (SPEC section 2): upper case, spaces removed, a leading `ZL` read as `CN`;
 * 12 digits, a dot and a check digit (weights 2..9, 2..5; sum mod 11; `X` for 10). The fifth digit
 * gives the kind. The same rule runs on chain (contracts/libraries/PatentNumber.sol); checking it
 * here first turns a bad number into a 400 without a transaction.
 */
import type { PatentKind } from "./ledger.js";

const WEIGHTS = [2, 3, 4, 5, 6, 7, 8, 9, 2, 3, 4, 5];
const KIND_OF_DIGIT: Record<string, PatentKind> = {
  "1": "invention",
  "8": "invention",
  "2": "utility_model",
  "9": "utility_model",
  "3": "design",
};

export type PatentNumberProblem =
  | { problem: "malformed"; number: string }
  | { problem: "check_digit"; number: string; expected: string }
  | { problem: "kind"; number: string };

export type ParsedPatentNumber = { ok: true; normal: string; kind: PatentKind } | ({ ok: false } & PatentNumberProblem);

export function normalisePatentNumber(written: string): string {
  const compact = written.replace(/\s+/g, "").toUpperCase();
  return compact.startsWith("ZL") ? `CN${compact.slice(2)}` : compact;
}

export function parsePatentNumber(written: string): ParsedPatentNumber {
  const normal = normalisePatentNumber(written);
  const match = /^CN(\d{12})\.([0-9X])$/.exec(normal);
  if (!match) return { ok: false, problem: "malformed", number: written };
  const [, digits, check] = match;
  const kind = KIND_OF_DIGIT[digits[4]];
  if (!kind) return { ok: false, problem: "kind", number: written };
  const expected = checkDigit(digits);
  if (check !== expected) return { ok: false, problem: "check_digit", number: written, expected };
  return { ok: true, normal, kind };
}

export function checkDigit(digits: string): string {
  const sum = [...digits].reduce((total, digit, i) => total + Number(digit) * WEIGHTS[i], 0);
  return sum % 11 === 10 ? "X" : String(sum % 11);
}
