/**
 * npm run test:bench's check: the report the quick run wrote is complete. Every section ran and gave
 * figures, each with a number, and the Markdown names each section. It says nothing of speed: quick
 * mode measures nothing worth comparing.
 *
 *   node --import tsx scripts/bench/check-report.ts <dir with benchmarks.json and benchmarks.md>
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { SECTIONS } from "./sections/index.js";
import type { BenchRun } from "./support/report.js";

function problemsOf(directory: string): string[] {
  const run = JSON.parse(readFileSync(path.join(directory, "benchmarks.json"), "utf8")) as BenchRun;
  const markdown = readFileSync(path.join(directory, "benchmarks.md"), "utf8");
  const problems: string[] = [];
  if (!run.machine?.cpuCount || !run.machine.cpuModel) problems.push("the machine is not described");
  for (const expected of SECTIONS) {
    const section = run.sections.find((candidate) => candidate.id === expected.id);
    if (!section) {
      problems.push(`section ${expected.id} is missing`);
      continue;
    }
    if (section.status !== "ok") problems.push(`section ${expected.id} failed: ${section.error?.split("\n")[0]}`);
    if (section.figures.length === 0) problems.push(`section ${expected.id} has no figures`);
    for (const figure of section.figures) {
      if (typeof figure.value !== "number" || !Number.isFinite(figure.value))
        problems.push(`${expected.id}: "${figure.name}" has no number`);
    }
    if (!markdown.includes(`## ${expected.number}. ${section.title}`))
      problems.push(`benchmarks.md has no heading for section ${expected.id}`);
  }
  return problems;
}

const directory = process.argv[2];
if (!directory) {
  console.error("usage: check-report.ts <report directory>");
  process.exit(2);
}
const problems = problemsOf(directory);
if (problems.length > 0) {
  console.error(`the benchmark report in ${directory} is incomplete:\n- ${problems.join("\n- ")}`);
  process.exit(1);
}
console.log(`the benchmark report in ${directory} is complete: ${SECTIONS.length} sections, each with figures`);
