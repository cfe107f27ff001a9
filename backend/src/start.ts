/**
 * Entry point of `npm start`. It builds what is missing or stale first: the contracts' TypeScript
 * bindings (typechain-types/, by compiling the contracts) and the web app (frontend/dist), then
 * loads the platform.
 */
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

function run(what: string, command: string, args: string[]): void {
  process.stdout.write(`[ipledge] ${what}\n`);
  const result = spawnSync(command, args, { cwd: root, stdio: "inherit" });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

/** The newest modification time below `directory` (0 when it does not exist). */
function newest(directory: string): number {
  if (!existsSync(directory)) return 0;
  return readdirSync(directory, { withFileTypes: true }).reduce((latest, entry) => {
    const full = path.join(directory, entry.name);
    return Math.max(latest, entry.isDirectory() ? newest(full) : statSync(full).mtimeMs);
  }, 0);
}

if (!existsSync(path.join(root, "typechain-types", "index.ts"))) {
  run("compiling the contracts (first start)", "npx", ["hardhat", "compile", "--quiet"]);
}
const web = path.join(root, "frontend");
const builtAt = existsSync(path.join(web, "dist", "index.html"))
  ? statSync(path.join(web, "dist", "index.html")).mtimeMs
  : 0;
if (
  existsSync(path.join(web, "package.json")) &&
  Math.max(newest(path.join(web, "src")), statSync(path.join(web, "package.json")).mtimeMs) > builtAt
) {
  run("building the web app", "npm", ["run", "build", "-w", "frontend"]);
}
const { runLocalPlatform } = await import("./start/stack.js");
await runLocalPlatform();
