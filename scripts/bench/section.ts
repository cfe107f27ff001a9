/**
 * The shape every benchmark section returns to `npm run bench` (scripts/bench/bench.ts), which
 * writes them all to docs/benchmarks.md and docs/benchmarks.json. Every figure that has a target
 * stands next to a baseline measured in the same run, as a ratio, because timings on a shared
 * machine are noisy and only the ratio travels.
 */
export interface BenchContext {
  /** 1 = the full sizes (100,000 patents and loans, 1,000,000 audit events); quick mode is far smaller */
  scale: number;
  quick: boolean;
  /** one line of progress for the terminal */
  progress: (message: string) => void;
  /** a scratch folder of this run (deleted at the end) */
  workDir: string;
}

export interface Figure {
  name: string;
  value: number;
  unit: string;
  /** the same quantity measured for the baseline in the same run */
  baseline?: { name: string; value: number };
  /** value / baseline (or baseline / value for "lower is better" units), as the section defines it */
  ratio?: number;
  /** how the ratio reads: a factor (the default), or the exponent k of value = baseline^k */
  ratioIs?: "factor" | "exponent";
  /** the target (docs/testing.md, Benchmarks), in words, and whether this run met it */
  target?: { text: string; met: boolean };
}

export interface SectionResult {
  id: string;
  title: string;
  figures: Figure[];
  /** a small table (for example latency by data size), rendered as Markdown */
  table?: { columns: string[]; rows: (string | number)[][] };
  /** how it was measured; where a target is missed, why and what would fix it */
  notes: string[];
}

export type Section = (context: BenchContext) => Promise<SectionResult>;
