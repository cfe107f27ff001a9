/**
 * npm run bench: the benchmarks of docs/testing.md, section by section (sections/index.ts), written to
 * docs/benchmarks.md and docs/benchmarks.json with a description of the machine. A section that
 * throws is reported as failed and the others still run; the exit code is then 1.
 *
 *   npm run bench                         every section at the full sizes (--scale 1)
 *   npm run bench -- --scale 0.1          a tenth of the sizes and durations
 *   npm run bench -- --only gas,writes    some sections
 *   npm run bench:quick                   tiny sizes: proves the bench runs, measures nothing
 *   npm run test:bench                    bench:quick, then check-report.ts (part of npm test)
 *
 * Other options: --out <dir> (default docs/; .bench-quick/ in quick mode, so docs/ holds full runs only);
 * --merge: keep the sections of the report already in --out that this run does not run (say after
 * `--only indexer`), each marked with its own run's date and commit; --render: run nothing, write
 * benchmarks.md again from the benchmarks.json in --out (after a change to the report's layout).
 */
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { BenchContext } from "./section.js";
import { SECTIONS } from "./sections/index.js";
import { describeMachine } from "./support/machine.js";
import { Progress } from "./support/progress.js";
import { mergeRuns, renderJson, renderMarkdown, type BenchRun, type SectionOutcome } from "./support/report.js";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));

interface Options {
  scale: number;
  quick: boolean;
  only: string[] | null;
  out: string;
  merge: boolean;
  render: boolean;
}

const USAGE = `usage: npm run bench -- [--scale <n>] [--quick] [--only <id,id,...>] [--out <dir>] [--merge] [--render]
sections: ${SECTIONS.map((section) => section.id).join(", ")}`;

function parseOptions(argv: string[]): Options {
  const options: Options = { scale: 1, quick: false, only: null, out: "", merge: false, render: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = () => {
      const next = argv[++i];
      if (next === undefined || next.startsWith("--")) throw new Error(`${arg} needs a value\n${USAGE}`);
      return next;
    };
    if (arg === "--scale") {
      options.scale = Number(value());
      if (!(options.scale > 0 && Number.isFinite(options.scale))) throw new Error(`--scale must be a positive number`);
    } else if (arg === "--quick") options.quick = true;
    else if (arg === "--only")
      options.only = value()
        .split(",")
        .map((id) => id.trim())
        .filter(Boolean);
    else if (arg === "--out") options.out = path.resolve(value());
    else if (arg === "--merge") options.merge = true;
    else if (arg === "--render") options.render = true;
    else if (arg === "--help" || arg === "-h") {
      console.log(USAGE);
      process.exit(0);
    } else throw new Error(`unknown option ${arg}\n${USAGE}`);
  }
  options.out ||= path.join(ROOT, options.quick ? ".bench-quick" : "docs");
  const unknown = (options.only ?? []).filter((id) => !SECTIONS.some((section) => section.id === id));
  if (unknown.length > 0) throw new Error(`no section ${unknown.join(", ")}\n${USAGE}`);
  return options;
}

async function main(): Promise<number> {
  const options = parseOptions(process.argv.slice(2));
  if (options.render) {
    const run = JSON.parse(readFileSync(path.join(options.out, "benchmarks.json"), "utf8")) as BenchRun;
    writeFileSync(path.join(options.out, "benchmarks.md"), renderMarkdown(run));
    console.log(`wrote ${path.join(options.out, "benchmarks.md")} from benchmarks.json`);
    return 0;
  }
  const progress = new Progress();
  const machine = describeMachine(ROOT);
  const selected = SECTIONS.filter((section) => !options.only || options.only.includes(section.id));
  const command = ["npm run bench", ...(process.argv.length > 2 ? ["--", ...process.argv.slice(2)] : [])].join(" ");
  progress.line(
    `${command}: ${selected.map((section) => section.id).join(", ")} on ${machine.cpuCount} × ${machine.cpuModel}, ` +
      `load ${machine.loadAverageAtStart}`,
  );

  // The embedded PostgreSQL runs as `postgres` when we are root: it must be able to enter the folders.
  const workDir = mkdtempSync(path.join(os.tmpdir(), "ipledge-bench-"));
  chmodSync(workDir, 0o755);
  const started = performance.now();
  const sections: SectionOutcome[] = [];
  try {
    for (const entry of selected) {
      const sectionDir = path.join(workDir, entry.id);
      mkdirSync(sectionDir, { mode: 0o755 });
      const context: BenchContext = {
        scale: options.scale,
        quick: options.quick,
        workDir: sectionDir,
        progress: (message) => progress.line(`${entry.id}: ${message}`),
      };
      progress.line(`${entry.number}. ${entry.title} (${entry.id}) begins`);
      progress.setStatus(`${entry.number}. ${entry.title}`);
      const sectionStarted = performance.now();
      const durationSeconds = () => (performance.now() - sectionStarted) / 1000;
      try {
        const result = await entry.run(context);
        sections.push({
          ...result,
          number: entry.number,
          status: "ok",
          durationSeconds: durationSeconds(),
          ranAt: machine.date,
          commit: machine.gitCommit,
          command,
        });
        progress.clearStatus();
        progress.line(`${entry.id}: done in ${durationSeconds().toFixed(1)} s`);
      } catch (error) {
        const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
        sections.push({
          id: entry.id,
          title: entry.title,
          number: entry.number,
          status: "failed",
          error: message,
          durationSeconds: durationSeconds(),
          ranAt: machine.date,
          commit: machine.gitCommit,
          command,
          figures: [],
          notes: [],
        });
        progress.clearStatus();
        progress.line(`${entry.id}: FAILED after ${durationSeconds().toFixed(1)} s: ${message.split("\n")[0]}`);
      }
    }
  } finally {
    progress.clearStatus();
    rmSync(workDir, { recursive: true, force: true });
  }

  let run: BenchRun = {
    command,
    options: { scale: options.scale, quick: options.quick, only: options.only },
    machine,
    durationSeconds: (performance.now() - started) / 1000,
    sections,
  };
  mkdirSync(options.out, { recursive: true });
  const markdown = path.join(options.out, "benchmarks.md");
  const json = path.join(options.out, "benchmarks.json");
  if (options.merge && existsSync(json)) run = mergeRuns(JSON.parse(readFileSync(json, "utf8")) as BenchRun, run);
  writeFileSync(markdown, renderMarkdown(run));
  writeFileSync(json, renderJson(run));
  progress.line(`wrote ${path.relative(process.cwd(), markdown)} and ${path.relative(process.cwd(), json)}`);

  const missed = sections.flatMap((section) => section.figures.filter((figure) => figure.target && !figure.target.met));
  for (const figure of missed) progress.line(`target missed: ${figure.name}: ${figure.target?.text}`);
  const failed = sections.filter((section) => section.status === "failed");
  if (failed.length > 0) {
    progress.line(`${failed.length} section(s) failed: ${failed.map((section) => section.id).join(", ")}`);
    return 1;
  }
  return 0;
}

// Ctrl-C: leave through process.exit, so the 'exit' handlers stop the chain, PostgreSQL and any
// platform a section started (they run in process groups of their own and would outlive us).
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    process.stdout.write(`\n[bench] ${signal}: stopping\n`);
    process.exit(130);
  });
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(2);
  },
);
