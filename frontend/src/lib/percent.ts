/**
 * What a person types as a percentage -> basis points, or null when it is not one. At most two
 * decimals (4.35% = 435 bps); more is refused rather than rounded, as with money.
 */
export function parsePercent(input: string | number | null | undefined): number | null {
  if (input === null || input === undefined) return null;
  const text = String(input)
    .trim()
    .replace(/[%％]$/, "")
    .trim();
  const match = /^(\d{1,3})(?:\.(\d{0,2}))?$/.exec(text);
  if (!match) return null;
  return Number(match[1]) * 100 + Number((match[2] ?? "").padEnd(2, "0"));
}

/** Basis points -> the plain percentage an input starts from: 435 -> "4.35". */
export function bpsToPercent(bps: number): string {
  const whole = Math.trunc(bps / 100);
  const rest = bps % 100;
  return rest === 0 ? String(whole) : `${whole}.${String(rest).padStart(2, "0").replace(/0$/, "")}`;
}
