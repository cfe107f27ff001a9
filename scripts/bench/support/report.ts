/** docs/benchmarks.json and docs/benchmarks.md: the same run, for machines and for people. */
import type { Figure, SectionResult } from "../section.js";
import type { Machine } from "./machine.js";

export interface SectionOutcome extends SectionResult {
  /** The numbering of docs/testing.md (1 gas, 2 reads, 3 writes, 4 indexer, 5 growth, 6 startup). */
  number: number;
  status: "ok" | "failed";
  /** Why a failed section failed (its figures are then empty or partial). */
  error?: string;
  durationSeconds: number;
  /** When and on which commit the section ran (sections kept by --merge come from earlier runs). */
  ranAt?: string;
  commit?: string;
  /** The command of the run that measured it. */
  command?: string;
}

export interface BenchRun {
  command: string;
  options: { scale: number; quick: boolean; only: string[] | null };
  machine: Machine;
  durationSeconds: number;
  sections: SectionOutcome[];
}

/** A section with more targets than this is summed up in the targets table. */
const SUMMARY_ROWS = 4;

/**
 * --merge: the sections of an earlier report that this run did not run, kept, in docs/testing.md's order.
 * The machine block is this run's; each section names its own run (ranAt, commit).
 */
export function mergeRuns(earlier: BenchRun, run: BenchRun): BenchRun {
  const ran = new Set(run.sections.map((section) => section.id));
  const kept = earlier.sections
    .filter((section) => !ran.has(section.id))
    .map((section) => ({
      ...section,
      ranAt: section.ranAt ?? earlier.machine.date,
      commit: section.commit ?? earlier.machine.gitCommit,
      command: section.command ?? earlier.command,
    }));
  return {
    ...run,
    durationSeconds: run.durationSeconds + kept.reduce((sum, section) => sum + section.durationSeconds, 0),
    sections: [...kept, ...run.sections].sort((a, b) => a.number - b.number),
  };
}

export function renderJson(run: BenchRun): string {
  return `${JSON.stringify(run, null, 2)}\n`;
}

export function renderMarkdown(run: BenchRun): string {
  const { machine, options } = run;
  const lines = [
    "# Benchmarks",
    "",
    `Written by \`${run.command}\` (\`scripts/bench/bench.ts\`); its sections took ${minutes(run.durationSeconds)} in all. The same data is in`,
    "[`benchmarks.json`](benchmarks.json). Every figure with a target stands next to a baseline measured in the",
    "same run on the same machine, as a ratio: timings on a shared machine are noisy, and only the ratio travels.",
    "",
  ];
  if (run.sections.some((section) => section.command && section.command !== run.command)) {
    lines.push(
      "Some sections are kept from earlier runs (`--merge`): each section names the command, date and commit it ran at.",
      "",
    );
  }
  if (options.quick) {
    lines.push(
      "> **Quick mode** (`--quick`): tiny sizes and durations, to prove the bench still runs. The figures below",
      "> say nothing about performance.",
      "",
    );
  }
  lines.push(
    "## The machine",
    "",
    "| | |",
    "| --- | --- |",
    `| CPU | ${machine.cpuModel}, ${machine.cpuCount} logical cores |`,
    `| Memory | ${machine.memoryGiB} GiB |`,
    `| OS | ${machine.os} (${machine.kernel}) |`,
    `| Node | ${machine.node} |`,
    `| Date | ${machine.date} |`,
    `| Commit | \`${machine.gitCommit.slice(0, 12)}\`${machine.gitDirty ? " with uncommitted changes" : ""} |`,
    `| Load average at start (1 min) | ${machine.loadAverageAtStart} |`,
    `| Options | scale ${options.scale}${options.quick ? ", quick" : ""}${options.only ? `, only ${options.only.join(", ")}` : ""} |`,
    "",
  );

  const failed = run.sections.filter((section) => section.status === "failed");
  const targeted = run.sections.filter((section) => section.figures.some((figure) => figure.target));
  if (targeted.length > 0 || failed.length > 0) {
    lines.push(
      "## Targets",
      "",
      "| Section | Figure | Value | Baseline | Ratio | Target | Met |",
      "| --- | --- | ---: | ---: | ---: | --- | --- |",
    );
    for (const section of targeted) {
      const figures = section.figures.filter((figure) => figure.target);
      const heading = `${section.number}. ${section.title}`;
      if (figures.length <= SUMMARY_ROWS) {
        for (const figure of figures) lines.push(`| ${heading} | ${figureCells(figure).join(" | ")} |`);
        continue;
      }
      // Many targets of one kind (the gas budgets): a count, and each one missed on its own row.
      const missed = figures.filter((figure) => !figure.target!.met);
      const met = figures.length - missed.length;
      lines.push(
        `| ${heading} | ${met} of ${figures.length} targets met | | | | see below | ${missed.length ? "**no**" : "yes"} |`,
      );
      for (const figure of missed) lines.push(`| ${heading} | ${figureCells(figure).join(" | ")} |`);
    }
    for (const section of failed) {
      lines.push(`| ${section.number}. ${section.title} | **the section failed** | | | | | **no** |`);
    }
    lines.push("");
  }

  for (const section of run.sections) lines.push(...renderSection(section));
  return `${lines.join("\n").trimEnd()}\n`;
}

function renderSection(section: SectionOutcome): string[] {
  const lines = [`## ${section.number}. ${section.title}`, ""];
  const provenance = section.ranAt
    ? `, run ${section.ranAt.slice(0, 16).replace("T", " ")} UTC at \`${section.commit?.slice(0, 12)}\`` +
      (section.command ? ` by \`${section.command}\`` : "")
    : "";
  lines.push(`Section \`${section.id}\`, ${minutes(section.durationSeconds)}${provenance}.`, "");
  if (section.status === "failed") {
    lines.push("**Failed:**", "", "```", section.error ?? "unknown error", "```", "");
  }
  if (section.figures.length > 0) {
    lines.push("| Figure | Value | Baseline | Ratio | Target | Met |", "| --- | ---: | ---: | ---: | --- | --- |");
    for (const figure of section.figures) lines.push(`| ${figureCells(figure).join(" | ")} |`);
    lines.push("");
  }
  if (section.table && section.table.rows.length > 0) {
    const { columns, rows } = section.table;
    lines.push(`| ${columns.join(" | ")} |`, `| ${columns.map(() => "---").join(" | ")} |`);
    for (const row of rows)
      lines.push(`| ${row.map((cell) => (typeof cell === "number" ? number(cell) : cell)).join(" | ")} |`);
    lines.push("");
  }
  for (const note of section.notes) lines.push(`- ${note}`);
  if (section.notes.length > 0) lines.push("");
  return lines;
}

function figureCells(figure: Figure): string[] {
  const baseline = figure.baseline ? `${number(figure.baseline.value)} ${figure.unit} (${figure.baseline.name})` : "";
  return [
    figure.name,
    `${number(figure.value)} ${figure.unit}`,
    baseline,
    ratioCell(figure),
    figure.target?.text ?? "",
    figure.target ? (figure.target.met ? "yes" : "**no**") : "",
  ];
}

function ratioCell({ ratio, ratioIs }: Figure): string {
  if (ratio === undefined) return "";
  const cut = ratioText(ratio);
  return ratioIs === "exponent" ? `k = ${cut}` : `${cut}×`;
}

/**
 * A ratio cut toward zero, not rounded, to two decimals: 0.495 of a 0.5 target must not read as
 * 0.50. (Rounded to four places first, so 0.29 stored as 0.28999… is not cut to 0.28.)
 */
export function ratioText(ratio: number): string {
  return (Math.trunc(Math.round(ratio * 1e6) / 1e4) / 100).toFixed(2);
}

/** Thousands separators; decimals only where the figure is small enough to need them. */
export function number(value: number): string {
  const digits = Number.isInteger(value) || Math.abs(value) >= 100 ? 0 : Math.abs(value) >= 10 ? 1 : 2;
  return value.toLocaleString("en-US", { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

function minutes(seconds: number): string {
  return seconds < 90 ? `${seconds.toFixed(1)} s` : `${Math.floor(seconds / 60)} min ${Math.round(seconds % 60)} s`;
}
