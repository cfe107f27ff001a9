/**
 * Starts the real platform for the browser tests: `npm start` from the repository root, with a
 * fresh data folder and free ports (the web app is built and served on the API's port; the demo
 * data gives every role a user). Stopped with a Ctrl-C to its process group at the end.
 * E2E_BASE_URL points the tests at a platform that is already running instead.
 */
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { TestProject } from "vitest/node";

export const DEMO_PASSWORD = "e2e-demo-password";
const ROOT = fileURLToPath(new URL("../../..", import.meta.url));

declare module "vitest" {
  export interface ProvidedContext {
    baseUrl: string;
    password: string;
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => resolve(typeof address === "object" && address ? address.port : 0));
    });
  });
}

export default async function setup(project: TestProject) {
  const running = process.env.E2E_BASE_URL;
  if (running) {
    // While writing tests: an `npm start` already running (its demo password in IPLEDGE_DEMO_PASSWORD).
    project.provide("baseUrl", running.replace(/\/$/, ""));
    project.provide("password", process.env.IPLEDGE_DEMO_PASSWORD ?? "ipledge-demo");
    return;
  }
  const dataDir = mkdtempSync(path.join(tmpdir(), "ipledge-e2e-"));
  const port = await freePort();
  const child = spawn("npm", ["start"], {
    cwd: ROOT,
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
    env: {
      ...process.env,
      DATA_DIR: dataDir,
      PORT: String(port),
      CHAIN_PORT: String(await freePort()),
      EMBEDDED_POSTGRES_PORT: String(await freePort()),
      IPLEDGE_DEMO_PASSWORD: DEMO_PASSWORD,
      LOG_LEVEL: "warn",
    },
  });
  let output = "";
  child.stdout!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const deadline = Date.now() + 300_000;
  while (!/iPledge is running at/.test(output)) {
    if (child.exitCode !== null || Date.now() > deadline) throw new Error(`npm start did not get ready:\n${output}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  project.provide("baseUrl", `http://127.0.0.1:${port}`);
  project.provide("password", DEMO_PASSWORD);
  return async () => {
    process.kill(-child.pid!, "SIGINT");
    await exited;
    rmSync(dataDir, { recursive: true, force: true });
  };
}
