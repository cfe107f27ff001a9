/**
 * Starts the real services the backend tests use, once for the whole run: an embedded PostgreSQL
 * server (a fresh data folder) and an anvil chain node, each on a free loopback port. Each test
 * file then creates its own database and deploys its own contracts (test/support/platform.ts).
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { TestProject } from "vitest/node";
import { startAnvil } from "../../src/chain/anvil.js";
import { startEmbeddedPostgres } from "../../src/db/embedded.js";
import { freePort } from "./ports.js";

const ROOT = fileURLToPath(new URL("../../..", import.meta.url));

declare module "vitest" {
  export interface ProvidedContext {
    databaseUrl: string;
    rpcUrl: string;
  }
}

export default async function setup(project: TestProject) {
  if (!existsSync(path.join(ROOT, "typechain-types", "index.ts"))) {
    execFileSync("npx", ["hardhat", "compile", "--quiet"], { cwd: ROOT, stdio: "inherit" });
  }
  const directory = mkdtempSync(path.join(tmpdir(), "ipledge-test-"));
  const [pgPort, chainPort] = [await freePort(), await freePort()];
  const postgres = await startEmbeddedPostgres({ directory: path.join(directory, "postgres"), port: pgPort });
  // Every test file's operator funds each organisation it onboards from the same account: a long
  // run onboards hundreds, more than anvil's default 10,000 ETH per account pays for.
  const anvil = await startAnvil({ port: chainPort, extraArgs: ["--balance", "1000000"] });
  project.provide("databaseUrl", postgres.url);
  project.provide("rpcUrl", anvil.url);
  return async () => {
    await anvil.stop();
    await postgres.stop();
    rmSync(directory, { recursive: true, force: true });
  };
}
