/**
 * `npm start` run as a user runs it, for the tests of the one-command platform (start.test.ts,
 * powerLoss.test.ts): a child process in its own process group, its output kept, and ways to find
 * what it left running.
 */
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { fileURLToPath } from "node:url";
import { freePort } from "./ports.js";

export const ROOT = fileURLToPath(new URL("../../..", import.meta.url));
export const DEMO_PASSWORD = "demo-password-for-tests";

export interface Started {
  child: ChildProcess;
  url: string;
  output: () => string;
  exited: Promise<number | null>;
}

/** A data folder's environment: free ports for the API, the chain and the database, fresh secrets. */
export async function startEnvironment(dataDir: string, extra: Record<string, string> = {}) {
  return {
    DATA_DIR: dataDir,
    PORT: String(await freePort()),
    CHAIN_PORT: String(await freePort()),
    EMBEDDED_POSTGRES_PORT: String(await freePort()),
    MASTER_KEY: randomBytes(32).toString("hex"),
    JWT_SECRET: randomBytes(32).toString("hex"),
    ...extra,
  };
}

/**
 * `npm start` (or, with `direct`, the node process it runs, as a service manager does) in its own
 * process group, as a terminal runs it; resolves once its output matches `until`.
 */
export async function npmStart(
  env: Record<string, string>,
  until = /iPledge is running at/,
  { direct = false } = {},
): Promise<Started> {
  const [command, args] = direct ? [process.execPath, ["--import", "tsx", "backend/src/start.ts"]] : ["npm", ["start"]];
  const child = spawn(command, args, {
    cwd: ROOT,
    env: { ...process.env, IPLEDGE_DEMO_PASSWORD: DEMO_PASSWORD, LOG_LEVEL: "warn", ...env },
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  const deadline = Date.now() + 240_000;
  while (!until.test(output)) {
    if (child.exitCode !== null || child.signalCode !== null) break;
    if (Date.now() > deadline) throw new Error(`npm start did not get ready:\n${output}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return { child, url: `http://127.0.0.1:${env.PORT}`, output: () => output, exited };
}

/** Ctrl-C (SIGINT), or a service manager's stop (SIGTERM), to the whole process group. */
export async function interrupt(started: Started, signal: "SIGINT" | "SIGTERM" = "SIGINT"): Promise<void> {
  process.kill(-started.child.pid!, signal);
  await started.exited;
}

export async function until(condition: () => boolean, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`not within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** The running processes (zombies left out: they have exited and hold nothing), as `ps` lists them. */
export function runningProcesses(): { pid: number; pgid: number; line: string }[] {
  return execFileSync("ps", ["-eo", "pid=,pgid=,stat=,args="])
    .toString()
    .split("\n")
    .flatMap((line) => {
      const [pid, pgid, stat] = line.trim().split(/\s+/);
      return pid && !stat?.startsWith("Z") ? [{ pid: Number(pid), pgid: Number(pgid), line }] : [];
    });
}

/** The processes still running that belong to a data folder (the database and chain name it) or a group. */
export function leftovers(dataDir: string, group: number): string[] {
  return runningProcesses()
    .filter(({ pgid, line }) => line.includes(dataDir) || pgid === group)
    .map(({ line }) => line);
}
