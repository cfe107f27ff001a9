// npm run web-size: builds the web app, then writes docs/web-size.md: the JavaScript a first visit
// loads (index.html's module script and its modulepreloads) and the largest lazy chunks, raw,
// gzip and brotli (the precompressed copies the server sends); then Lighthouse's mobile
// performance score for the sign-in page and for each role's first page after signing in, on the
// real platform (`npm start` with its demo data, fresh ports and data folder); run it on an idle
// machine, since Lighthouse's CPU figures follow the host's load. Chromium: CHROME_PATH,
// else /usr/bin/chromium. `--no-lighthouse` keeps the previous Lighthouse table and only re-sizes.
import { execFileSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { cpus } from "node:os";
import path from "node:path";
import { measurePerformance } from "./lib/lighthouse.mjs";

const dist = path.resolve("frontend/dist");
const DOC = "docs/web-size.md";
execFileSync("npm", ["run", "build", "-w", "frontend"], { stdio: "inherit" });

const html = readFileSync(path.join(dist, "index.html"), "utf8");
const initial = [...html.matchAll(/(?:src|href)="\/(assets\/[^"]+\.js)"/g)].map((match) => match[1]);
const sizeOf = (file) => (existsSync(file) ? statSync(file).size : NaN);
const size = (file) => {
  const full = path.join(dist, file);
  return { file, raw: sizeOf(full), gzip: sizeOf(`${full}.gz`), br: sizeOf(`${full}.br`) };
};
const missing = [...initial, "index.html"].map(size).filter((entry) => Number.isNaN(entry.gzip + entry.br));
if (missing.length > 0) throw new Error(`no precompressed copies of ${missing.map((entry) => entry.file).join(", ")}`);
const kb = (bytes) => `${(bytes / 1024).toFixed(1)} kB`;
const first = initial.map(size);
const lazy = readdirSync(path.join(dist, "assets"))
  .filter((file) => file.endsWith(".js") && !initial.includes(`assets/${file}`))
  .map((file) => size(`assets/${file}`))
  .sort((a, b) => b.raw - a.raw);
const total = first.reduce(
  (sum, entry) => ({ raw: sum.raw + entry.raw, gzip: sum.gzip + entry.gzip, br: sum.br + entry.br }),
  { raw: 0, gzip: 0, br: 0 },
);
const rows = (entries) =>
  entries.map((entry) => `| \`${entry.file}\` | ${kb(entry.raw)} | ${kb(entry.gzip)} | ${kb(entry.br)} |`).join("\n");

const commit = execFileSync("git", ["rev-parse", "--short", "HEAD"], { encoding: "utf8" }).trim();
const dirty = execFileSync("git", ["status", "--porcelain", "--untracked-files=no", "--", ".", `:!${DOC}`], {
  encoding: "utf8",
}).trim();
const today = new Date().toISOString().slice(0, 10);
const lighthouseSection = process.argv.includes("--no-lighthouse")
  ? previousLighthouseSection()
  : lighthouseTable(await measurePerformance(), `${today}, commit ${commit}${dirty ? " with local changes" : ""}`);

writeFileSync(
  DOC,
  `# Web app size

What a first visit downloads before the first page renders: the module script of \`index.html\` and
the chunks it preloads. Every page, and the signed-in frame around the pages (menu, header), is its
own chunk, loaded when it is opened, so the sign-in page loads none of it. The build writes a
brotli (\`.br\`, quality 11) and a gzip (\`.gz\`, level 9) copy of every text file
(frontend/build/precompress.ts); the server sends the one the browser accepts
(backend/src/http/webApp.ts), so the brotli column is what a browser downloads. Measured on the
production build by \`npm run web-size\`, ${today}, commit ${commit}${dirty ? " with local changes" : ""}.

**Initial JavaScript: ${kb(total.raw)} raw, ${kb(total.gzip)} gzip, ${kb(total.br)} brotli** (${first.length} files).

| file | raw | gzip | brotli |
| --- | --- | --- | --- |
${rows(first)}

The ten largest chunks loaded later, on demand:

| file | raw | gzip | brotli |
| --- | --- | --- | --- |
${rows(lazy.slice(0, 10))}

${lighthouseSection}`,
);
execFileSync("npx", ["prettier", "--write", DOC], { stdio: "ignore" });
console.log(`initial JavaScript: ${kb(total.raw)} raw, ${kb(total.br)} brotli -> ${DOC}`);

function lighthouseTable(results, when) {
  const ms = (value) => `${(value / 1000).toFixed(1)} s`;
  const lines = results.map(
    (r) =>
      `| ${r.page} | \`${r.path}\` | **${r.score.toFixed(2)}** | ${ms(r.fcp)} | ${ms(r.lcp)} | ${Math.round(r.tbt)} ms | ${r.cls.toFixed(3)} | ${ms(r.si)} | ${kb(r.transferred)} | ${Math.round(r.benchmarkIndex)} | ${r.load.toFixed(1)} |`,
  );
  return `## Lighthouse, mobile

Lighthouse ${results[0]?.lighthouseVersion ?? ""}'s performance category with its default mobile settings (a
mid-range phone: simulated slow 4G, 150 ms round trips, 1.6 Mbit/s, CPU slowed 4x) in headless
Chromium, on the real platform started by the script (\`npm start\`, demo data) on loopback. The
sign-in page is opened without a session; each role's first page (\`/\`, the role's workbench) with
the session the web app keeps in localStorage (\`ipledge.session\`, from \`POST /api/auth/login\`)
and an empty HTTP cache, so every file is downloaded. Target: 0.9 or more on every page.
Lighthouse simulates the network but scales the CPU time the page really took on this host, so a
busy host (high load average, low benchmark index: Lighthouse's own CPU benchmark) scores lower
than the same build on an idle one. Measured ${when}, on ${cpus().length} cores.

| page | URL | score | FCP | LCP | TBT | CLS | Speed Index | transferred | benchmark index | host load |
| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |
${lines.join("\n")}
`;
}

function previousLighthouseSection() {
  const previous = existsSync(DOC) ? readFileSync(DOC, "utf8") : "";
  const start = previous.indexOf("## Lighthouse");
  return start >= 0 ? previous.slice(start) : "";
}
