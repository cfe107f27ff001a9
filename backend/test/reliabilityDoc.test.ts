/**
 * docs/reliability.md shows the guarantees' figures as npm run reliability rendered them from
 * docs/reliability.json, the committed record of the last run (with its date and commit): nobody
 * types them by hand, and the two cannot drift apart.
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { renderFigures, replaceFigures, type ReliabilityRun } from "../../scripts/reliability/figures.js";

const docs = (name: string) => readFileSync(fileURLToPath(new URL(`../../docs/${name}`, import.meta.url)), "utf8");

describe("docs/reliability.md", () => {
  it("holds the rendering of docs/reliability.json, a run with a date and a commit", () => {
    const run = JSON.parse(docs("reliability.json")) as ReliabilityRun;
    expect(run.date).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    expect(run.commit).toMatch(/^[0-9a-f]{12}$/);
    for (const test of [
      "powerLoss",
      "mainProcessKill",
      "concurrentOrganisations",
      "lastPooledConnection",
      "tampering",
    ]) {
      expect(Object.keys(run.tests[test] ?? {}), test).not.toEqual([]);
    }
    const markdown = docs("reliability.md");
    expect(markdown).toBe(replaceFigures(markdown, renderFigures(run)));
  });
});
