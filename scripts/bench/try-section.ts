/**
 * Runs one benchmark section on its own while developing it, and prints its result as JSON:
 *
 *   node --import tsx scripts/bench/try-section.ts reads|indexer|growth [--scale 0.01] [--quick]
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Section } from "./section.js";
import { growth } from "./sections/growth.js";
import { indexer } from "./sections/indexer.js";
import { reads } from "./sections/reads.js";

const SECTIONS: Record<string, Section> = { reads, indexer, growth };

async function main() {
  const args = process.argv.slice(2);
  const section = SECTIONS[args[0]];
  if (!section) throw new Error(`usage: try-section.ts ${Object.keys(SECTIONS).join("|")} [--scale n] [--quick]`);
  const scaleAt = args.indexOf("--scale");
  const workDir = mkdtempSync(path.join(tmpdir(), "ipledge-bench-"));
  const started = Date.now();
  try {
    const result = await section({
      scale: scaleAt >= 0 ? Number(args[scaleAt + 1]) : 1,
      quick: args.includes("--quick"),
      progress: (message) => console.error(`[${((Date.now() - started) / 1000).toFixed(0)} s] ${message}`),
      workDir,
    });
    console.log(JSON.stringify(result, null, 2));
  } finally {
    rmSync(workDir, { recursive: true, force: true });
  }
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
