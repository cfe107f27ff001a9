/** Chinese patent numbers for tests: an independent implementation of SPEC section 2's rule. */

const WEIGHTS = [2, 3, 4, 5, 6, 7, 8, 9, 2, 3, 4, 5];

export function checkDigit(digits: string): string {
  const sum = [...digits].reduce((acc, digit, i) => acc + Number(digit) * WEIGHTS[i], 0);
  const check = sum % 11;
  return check === 10 ? "X" : String(check);
}

/** The fifth digit of each kind, by the contracts' PatentKind order. */
export const KIND_DIGITS = ["1", "2", "3"] as const;

/**
 * A valid normalised number: year, kind digit and a serial from `serial`.
 * `kindDigit` is the fifth digit (1/8 invention, 2/9 utility model, 3 design).
 */
export function patentNumber(serial: number, kindDigit = "1", year = 2021): string {
  const digits = `${year}${kindDigit}${String(serial).padStart(7, "0")}`;
  if (digits.length !== 12) throw new Error(`serial ${serial} too long`);
  return `CN${digits}.${checkDigit(digits)}`;
}

/** The same number written the way people type it: `ZL 2021 1 0123456.7`. */
export function informal(number: string): string {
  const digits = number.slice(2, 14);
  return `zl ${digits.slice(0, 4)} ${digits.slice(4, 5)} ${digits.slice(5)}${number.slice(14)}`;
}
