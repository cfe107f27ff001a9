/**
 * Section 5, growth: the same three reads (and the baseline) at 10,000, 100,000 and 1,000,000 audit
 * events (patents and loans a tenth of that each), times the scale: p50 and p99 by size, and whether
 * latency grows sub-linearly with the data (the p99 ratio between the largest and the smallest size
 * against the 100× growth of the data, as an exponent: latency ∝ size^k, sub-linear when k < 1).
 */
import type { Figure, Section } from "../section.js";
import { FULL_EVENTS } from "../dataset.js";
import {
  effectiveScale,
  machineNote,
  measureReads,
  openBench,
  READ_NAMES,
  READS,
  type ReadResults,
} from "../bench-env.js";

/** Event counts at scale 1; the growth between the first and the last is 100×. */
export const GROWTH_SIZES = [10_000, 100_000, FULL_EVENTS];

export const growth: Section = async (context) => {
  const scale = effectiveScale(context);
  const sizes = GROWTH_SIZES.map((size) => Math.max(100, Math.round(size * scale)));
  const seconds = context.quick ? 2 : 5;
  const bench = await openBench(context, "growth");
  const bySize: { events: number; results: ReadResults }[] = [];
  try {
    for (const events of sizes) {
      context.progress(`growth: ${events.toLocaleString("en")} events`);
      bySize.push({
        events,
        results: await bench.withApi(events, (api) => measureReads(api, seconds, context.progress)),
      });
    }
  } finally {
    await bench.stop();
  }

  const first = bySize[0];
  const last = bySize[bySize.length - 1];
  const dataGrowth = last.events / first.events;
  const figures: Figure[] = [];
  const notes: string[] = [];
  for (const read of READS) {
    // Autocannon reports whole milliseconds; a p99 of 0 ms is counted as 1 ms so the ratio stays finite.
    const p99First = Math.max(1, first.results[read].p99);
    const p99Last = Math.max(1, last.results[read].p99);
    const latencyGrowth = p99Last / p99First;
    const exponent = Math.log(latencyGrowth) / Math.log(dataGrowth);
    figures.push({
      name: `${READ_NAMES[read]}: p99 growth from ${first.events.toLocaleString("en")} to ${last.events.toLocaleString("en")} events`,
      value: Number(latencyGrowth.toFixed(2)),
      unit: "×",
      baseline: { name: "growth of the data", value: dataGrowth },
      ratio: exponent,
      ratioIs: "exponent",
      target: { text: "sub-linear: p99 grows less than the data (exponent < 1)", met: latencyGrowth < dataGrowth },
    });
    if (latencyGrowth >= dataGrowth) {
      notes.push(
        `${READ_NAMES[read]} grew at least as fast as the data (${latencyGrowth.toFixed(1)}× for ${dataGrowth}×): ` +
          "a scan that grows with the table; see the reads section's plan notes.",
      );
    }
  }
  for (const { events, results } of bySize) {
    for (const read of READS) {
      if (results[read].failures > 0) {
        notes.push(
          `${READ_NAMES[read]} at ${events.toLocaleString("en")} events: ${results[read].failures} requests failed.`,
        );
      }
    }
  }
  notes.push(machineNote());
  notes.unshift(
    `Sizes: ${sizes.map((size) => size.toLocaleString("en")).join(", ")} audit events, with a tenth as many patents ` +
      "and as many loans, each a fresh database built as in the reads section, the API restarted on it; " +
      `${seconds} s of load per read at 50 connections. The ratio column of each figure is the exponent k of ` +
      "p99 ∝ size^k (0: flat, 1: linear). Latencies are whole milliseconds (autocannon's resolution), so at " +
      "the small sizes a 1 ms step is a large ratio.",
  );
  return {
    id: "growth",
    title: "Read latency as the data grows",
    figures,
    table: {
      columns: ["read", ...bySize.map((size) => `${size.events.toLocaleString("en")} events p50 / p99 ms`)],
      rows: (["baseline", ...READS] as const).map((read) => [
        READ_NAMES[read],
        ...bySize.map((size) => `${size.results[read].p50} / ${size.results[read].p99}`),
      ]),
    },
    notes,
  };
};

export default growth;
