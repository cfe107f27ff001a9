/**
 * The figures of the guarantees' tests as docs/reliability.md shows them: rendered from
 * docs/reliability.json (written by npm run reliability), between two markers in the Markdown.
 */

export interface ReliabilityRun {
  date: string;
  commit: string;
  machine: { cpus: number; cpuModel: string; loadAverage: number };
  /** How long the tests took. */
  seconds: number;
  /** Each test's figures, by the name it reports under (backend/test/support/figures.ts). */
  tests: Record<string, Record<string, number | string>>;
}

export const FIGURES_START = "<!-- figures:start: npm run reliability writes this part from docs/reliability.json -->";
export const FIGURES_END = "<!-- figures:end -->";

const n = (value: number | string | undefined) =>
  typeof value === "number" ? value.toLocaleString("en") : value === undefined ? "?" : value;

/** The Markdown between the markers. */
export function renderFigures(run: ReliabilityRun): string {
  const power = run.tests.powerLoss ?? {};
  const kill = run.tests.mainProcessKill ?? {};
  const many = run.tests.concurrentOrganisations ?? {};
  const pool = run.tests.lastPooledConnection ?? {};
  const tamper = run.tests.tampering ?? {};
  const lines = [
    `Run ${run.date.slice(0, 16).replace("T", " ")} UTC at \`${run.commit}\` by \`npm run reliability\` ` +
      `(${n(run.seconds)} s; ${run.machine.cpus} × ${run.machine.cpuModel}, load average ${run.machine.loadAverage} at the end).`,
    "",
    `- **Power cuts:** ${n(power.powerCuts)} cuts (SIGKILL of the node process, PostgreSQL and anvil at once, ` +
      `${n(power.cutAfterMinMs)}–${n(power.cutAfterMaxMs)} ms into a round of writes) amid ${n(power.writesAnswered)} writes ` +
      `that answered 2xx (patents registered and verified, products published), and ${n(power.cutStarts)} more cuts ` +
      `of a restart while it started the database or brought the chain forward; after every restart each of them ` +
      `was read back with the values it answered (${n(power.readBacks)} reads in all), and the integrity check was ok ` +
      `every time. ${n(power.chainsBroughtForward)} of the ${n(power.powerCuts)} restarts brought the chain forward ` +
      `from the block journal (${n(power.blocksReplayed)} blocks mined again, each with its original hash); a restart ` +
      `took at most ${n(power.restartSecondsMax)} s to answer.`,
    `- **The main process killed alone:** its PostgreSQL and anvil outlived it (${n(kill.orphans)} processes); ` +
      `the next start stopped both and answered in ${n(kill.restartSeconds)} s, and the integrity check was ok.`,
    `- **Many organisations at once:** ${n(many.organisations)} organisations sent ${n(many.requests)} patent ` +
      `registrations at once, each with its own \`Idempotency-Key\`, through a pool of ${n(many.poolSize)} ` +
      `connections: ${n(many.created)} × 201, ${n(many.failed)} other answers, the slowest in ` +
      `${n(many.slowestMs)} ms; every key kept the one transaction it sent. With one connection of a pool of two ` +
      `taken away, ${n(pool.writers)} organisations writing at once: ${n(pool.created)} × 201.`,
    `- **Tampering:** ${n(tamper.tables)} tables, ${n(tamper.cellsChanged)} cells each changed by a superuser ` +
      `(every column), ${n(tamper.rowsInserted)} rows inserted and ${n(tamper.rowsDeleted)} deleted, each alone: ` +
      `every one reported exactly, as the one mismatch (a moved key as the row gone and the row added), and the check ` +
      `clean again once put back; ${n(tamper.checks)} checks in all, a median of ${n(tamper.checkMedianMs)} ms each. ` +
      `Refused by the schema itself, so no hand edit can make them: ${n(tamper.refusedBySchema)}. ` +
      `${n(tamper.editsRefused)} edits without the indexer's mark (update, delete, truncate of each table) were ` +
      "refused by the database.",
  ];
  return lines.join("\n");
}

/** `markdown` with the part between the markers replaced by `figures`. */
export function replaceFigures(markdown: string, figures: string): string {
  const start = markdown.indexOf(FIGURES_START);
  const end = markdown.indexOf(FIGURES_END);
  if (start < 0 || end < start) throw new Error(`docs/reliability.md has no ${FIGURES_START} … ${FIGURES_END} part`);
  return `${markdown.slice(0, start + FIGURES_START.length)}\n\n${figures}\n\n${markdown.slice(end)}`;
}
