// npm run web-size: builds the web app and writes docs/web-size.md, the JavaScript a first visit
// loads (index.html's module script and its modulepreloads) and the largest lazy route chunks,
// raw and gzip.
import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";

const dist = path.resolve("frontend/dist");
execFileSync("npm", ["run", "build", "-w", "frontend"], { stdio: "inherit" });

const html = readFileSync(path.join(dist, "index.html"), "utf8");
const initial = [...html.matchAll(/(?:src|href)="\/(assets\/[^"]+\.js)"/g)].map((match) => match[1]);
const size = (file) => {
  const bytes = readFileSync(path.join(dist, file));
  return { file, raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
};
const kb = (bytes) => `${(bytes / 1024).toFixed(1)} kB`;
const first = initial.map(size);
const lazy = readdirSync(path.join(dist, "assets"))
  .filter((file) => file.endsWith(".js") && !initial.includes(`assets/${file}`))
  .map((file) => size(`assets/${file}`))
  .sort((a, b) => b.gzip - a.gzip);
const total = first.reduce((sum, entry) => ({ raw: sum.raw + entry.raw, gzip: sum.gzip + entry.gzip }), { raw: 0, gzip: 0 });

const rows = (entries) => entries.map((entry) => `| \`${entry.file}\` | ${kb(entry.raw)} | ${kb(entry.gzip)} |`).join("\n");
writeFileSync(
  "docs/web-size.md",
  `# Web app size

What a first visit downloads before the first page renders: the module script of \`index.html\` and
the chunks it preloads. Every page is its own chunk, loaded when it is opened. Measured on the
production build (\`npm run web-size\`, gzip level 9), ${new Date().toISOString().slice(0, 10)}.

**Initial JavaScript: ${kb(total.raw)} raw, ${kb(total.gzip)} gzip** (${first.length} files).

| file | raw | gzip |
| --- | --- | --- |
${rows(first)}

The ten largest chunks loaded later, on demand:

| file | raw | gzip |
| --- | --- | --- |
${rows(lazy.slice(0, 10))}
`,
);
console.log(`initial JavaScript: ${kb(total.raw)} raw, ${kb(total.gzip)} gzip -> docs/web-size.md`);
