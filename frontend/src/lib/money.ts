/**
 * Money is integer fen (分), carried as a decimal string by the API and as a bigint here, so no
 * amount ever passes through a floating-point number.
 */

const INTEGER = /^-?\d+$/;

function toFen(fen: string | bigint): bigint {
  if (typeof fen === "bigint") return fen;
  const text = fen.trim();
  if (!INTEGER.test(text)) throw new RangeError(`not an amount in fen: ${JSON.stringify(fen)}`);
  return BigInt(text);
}

function groupThousands(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}

/** `123456789` fen -> `¥1,234,567.89`; a negative amount reads `-¥12.30`. */
export function formatFen(fen: string | bigint): string {
  const value = toFen(fen);
  const sign = value < 0n ? "-" : "";
  const abs = value < 0n ? -value : value;
  const yuan = groupThousands((abs / 100n).toString());
  const cents = (abs % 100n).toString().padStart(2, "0");
  return `${sign}¥${yuan}.${cents}`;
}

/** `123450` fen -> `1234.50`: the plain yuan an input field starts from. */
export function fenToYuan(fen: string | bigint): string {
  return formatFen(fen).replace(/[¥,]/g, "");
}

const YUAN = /^(\d+|\d{1,3}(,\d{3})+)(\.\d{0,2})?$/;

/**
 * What a person types as yuan -> fen, or null when it is not an amount. Accepts thousands
 * separators (ASCII or full-width commas), a leading ¥/￥ and surrounding spaces. More than two
 * decimals is refused rather than rounded: an amount of money is never silently changed.
 */
export function parseYuan(input: string): string | null {
  const text = input
    .trim()
    .replace(/^[¥￥]\s*/, "")
    .replace(/，/g, ",");
  if (!YUAN.test(text)) return null;
  const [whole = "0", fraction = ""] = text.replace(/,/g, "").split(".");
  return (BigInt(whole) * 100n + BigInt(fraction.padEnd(2, "0"))).toString();
}

/** Basis points -> percent text: `5000` -> `50%`, `435` -> `4.35%`. */
export function formatBps(bps: number): string {
  const whole = Math.trunc(bps / 100);
  const rest = Math.abs(bps % 100);
  return `${whole}${rest === 0 ? "" : `.${rest.toString().padStart(2, "0").replace(/0$/, "")}`}%`;
}
