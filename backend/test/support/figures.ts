/**
 * Figures a test reports for docs/reliability.md: appended as one JSON line to the file named by
 * RELIABILITY_FIGURES, which npm run reliability sets (scripts/reliability); without it, nothing.
 */
import { appendFileSync } from "node:fs";

export function reportFigures(test: string, figures: Record<string, number | string>): void {
  const file = process.env.RELIABILITY_FIGURES;
  if (file) appendFileSync(file, `${JSON.stringify({ test, figures })}\n`);
}

/** The median of some numbers (the lower middle one of an even count). */
export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor((sorted.length - 1) / 2)] ?? 0;
}
