// The coverage gate of `npm test`: 100% of lines and functions, at least 95% of branches,
// over every ledger contract (solidity-coverage's json-summary, see .solcover.js).
import { readFileSync } from "node:fs";

const GATE = { lines: 100, functions: 100, branches: 95 };

const summary = JSON.parse(readFileSync(new URL("../coverage/coverage-summary.json", import.meta.url), "utf8"));
const failures = [];
for (const [file, figures] of Object.entries(summary)) {
  for (const [metric, minimum] of Object.entries(GATE)) {
    const { pct, covered, total } = figures[metric];
    if (total > 0 && pct < minimum) failures.push(`${file}: ${metric} ${pct}% (${covered}/${total}) < ${minimum}%`);
  }
}
const total = summary.total;
console.log(
  `coverage: lines ${total.lines.pct}%, functions ${total.functions.pct}%, branches ${total.branches.pct}% ` +
    `(gate: lines ${GATE.lines}%, functions ${GATE.functions}%, branches >= ${GATE.branches}%, per file)`,
);
if (failures.length > 0) {
  console.error("coverage gate failed:\n  " + failures.join("\n  "));
  process.exit(1);
}
