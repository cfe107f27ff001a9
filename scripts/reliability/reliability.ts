/**
 * npm run reliability: runs the tests behind the guarantees of docs/product.md (power cuts, a killed main
 * process, many organisations at once, tampering), collects the figures they report
 * (backend/test/support/figures.ts), writes them with the date, the commit and the machine to
 * docs/reliability.json, and renders them into docs/reliability.md between its figures markers.
 *
 *   npm run reliability              run the tests, write the JSON, render the Markdown
 *   npm run reliability -- --render  render the Markdown from the committed JSON only
 *
 * The figures in the Markdown are never typed by hand: backend/test/reliabilityDoc.test.ts fails
 * when the Markdown is not the rendering of the JSON.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { renderFigures, replaceFigures, type ReliabilityRun } from "./figures.js";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const JSON_FILE = path.join(ROOT, "docs", "reliability.json");
const MARKDOWN_FILE = path.join(ROOT, "docs", "reliability.md");
/** The tests whose figures the document shows, run in this order. */
const TESTS = ["test/powerLoss.test.ts", "test/concurrency.test.ts", "test/tampering.test.ts"];

function runTests(): ReliabilityRun {
  const folder = mkdtempSync(path.join(os.tmpdir(), "ipledge-reliability-"));
  const figuresFile = path.join(folder, "figures.jsonl");
  try {
    const started = Date.now();
    const run = spawnSync("npx", ["vitest", "run", ...TESTS], {
      cwd: path.join(ROOT, "backend"),
      env: { ...process.env, RELIABILITY_FIGURES: figuresFile },
      stdio: "inherit",
    });
    if (run.status !== 0) throw new Error(`the reliability tests failed (exit ${run.status}); nothing was written`);
    const lines = readFileSync(figuresFile, "utf8").trim().split("\n");
    const tests: ReliabilityRun["tests"] = {};
    for (const line of lines) {
      const { test, figures } = JSON.parse(line) as { test: string; figures: Record<string, number | string> };
      tests[test] = { ...tests[test], ...figures };
    }
    return {
      date: new Date().toISOString(),
      commit: execFileSync("git", ["rev-parse", "--short=12", "HEAD"], { cwd: ROOT }).toString().trim(),
      machine: {
        cpus: os.cpus().length,
        cpuModel: os.cpus()[0]?.model.trim() ?? "unknown",
        loadAverage: Number(os.loadavg()[0].toFixed(2)),
      },
      seconds: Math.round((Date.now() - started) / 1000),
      tests,
    };
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

const renderOnly = process.argv.includes("--render");
const run: ReliabilityRun = renderOnly ? JSON.parse(readFileSync(JSON_FILE, "utf8")) : runTests();
if (!renderOnly) writeFileSync(JSON_FILE, `${JSON.stringify(run, null, 2)}\n`);
writeFileSync(MARKDOWN_FILE, replaceFigures(readFileSync(MARKDOWN_FILE, "utf8"), renderFigures(run)));
console.log(`wrote ${renderOnly ? "" : `${path.relative(ROOT, JSON_FILE)} and `}${path.relative(ROOT, MARKDOWN_FILE)}`);
