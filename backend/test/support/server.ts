/**
 * The API server as a process of its own, started against external services (DATABASE_URL,
 * RPC_URL, DEPLOYMENT_FILE: nothing embedded starts). The child is node itself, not npm, so a
 * signal sent to its pid reaches the server and nothing in between.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { fileURLToPath } from "node:url";

const ROOT = fileURLToPath(new URL("../../..", import.meta.url));
/** src/start.ts without its first step (building the web app): the platform as `npm start` runs it. */
const ENTRY = 'import { runLocalPlatform } from "./backend/src/start/stack.ts"; await runLocalPlatform();';

export interface ServerProcess {
  child: ChildProcess;
  url: string;
  output(): string;
  /** How the process ended: its exit code, or the signal that killed it. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  readonly running: boolean;
}

/** Starts the server with `env` on top of this process's environment; resolves once it serves. */
export async function spawnServer(env: Record<string, string>, timeoutMs = 60_000): Promise<ServerProcess> {
  const child = spawn(process.execPath, ["--import", "tsx", "--input-type=module", "--eval", ENTRY], {
    cwd: ROOT,
    env: { ...process.env, LOG_LEVEL: "warn", SEED_DEMO: "false", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  let running = true;
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once("exit", (code, signal) => {
      running = false;
      resolve({ code, signal });
    }),
  );
  const deadline = Date.now() + timeoutMs;
  while (!/iPledge is running at/.test(output)) {
    if (!running) throw new Error(`the server exited while starting:\n${output}`);
    if (Date.now() > deadline) {
      child.kill("SIGKILL");
      throw new Error(`the server did not get ready:\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return {
    child,
    url: `http://127.0.0.1:${env.PORT}`,
    output: () => output,
    exited,
    get running() {
      return running;
    },
  };
}

/** A graceful stop (SIGTERM), as a service manager stops it. */
export async function stopServer(server: ServerProcess): Promise<void> {
  if (server.running) server.child.kill("SIGTERM");
  await server.exited;
}
