/**
 * Entry point of `npm start`. The contracts' TypeScript bindings (typechain-types/) are generated
 * by compiling the contracts; a fresh checkout compiles them first, then loads the platform.
 */
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
if (!existsSync(path.join(root, "typechain-types", "index.ts"))) {
  process.stdout.write("[ipledge] compiling the contracts (first start)\n");
  const compiled = spawnSync("npx", ["hardhat", "compile", "--quiet"], { cwd: root, stdio: "inherit" });
  if (compiled.status !== 0) process.exit(compiled.status ?? 1);
}
const { runLocalPlatform } = await import("./start/stack.js");
await runLocalPlatform();
