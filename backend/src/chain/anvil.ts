/**
 * A local EVM chain: Foundry's anvil from npm (@foundry-rs/anvil), started as a child process on
 * loopback. With `stateFile`, anvil saves blocks, logs and state there on a clean stop (SIGINT)
 * and reloads them on the next start; npm start's chain keeps its own snapshots (localChain.ts).
 */
import { spawn, type ChildProcess } from "node:child_process";
import { rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { rawRpc } from "./chain.js";

export interface AnvilOptions {
  port: number;
  stateFile?: string;
  /** Unix seconds for the genesis block when the chain is new. */
  timestamp?: number;
  /** Written as {pid, port} once anvil is spawned, removed when it stops. */
  pidFile?: string;
  onLog?: (line: string) => void;
  /** More anvil flags (the benchmarks' long chains use --prune-history). */
  extraArgs?: string[];
}

export interface RunningAnvil {
  url: string;
  process: ChildProcess;
  stop(): Promise<void>;
}

const ARCH: Record<string, string> = { x64: "amd64", arm64: "arm64" };

export function anvilBinary(): string {
  const require = createRequire(import.meta.url);
  const pkg = `@foundry-rs/anvil-${process.platform}-${ARCH[process.arch] ?? process.arch}`;
  const directory = path.dirname(require.resolve(`${pkg}/package.json`));
  return path.join(directory, "bin", process.platform === "win32" ? "anvil.exe" : "anvil");
}

export async function startAnvil(options: AnvilOptions): Promise<RunningAnvil> {
  const args = ["--host", "127.0.0.1", "--port", String(options.port), "--chain-id", "31337", "--accounts", "10"];
  if (options.stateFile) args.push("--state", options.stateFile, "--preserve-historical-states");
  if (options.timestamp) args.push("--timestamp", String(options.timestamp));
  args.push(...(options.extraArgs ?? []));
  // Its own process group: a Ctrl-C in the terminal reaches the platform, which stops the chain
  // last, after the indexer, instead of the chain going first.
  const child = spawn(anvilBinary(), args, { stdio: ["ignore", "pipe", "pipe"], detached: true });
  if (options.pidFile && child.pid)
    writeFileSync(options.pidFile, JSON.stringify({ pid: child.pid, port: options.port }));
  const log = options.onLog ?? (() => undefined);
  child.stdout?.on("data", (chunk: Buffer) => log(chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => log(chunk.toString()));
  const url = `http://127.0.0.1:${options.port}`;
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  const deadline = Date.now() + 30_000;
  for (;;) {
    const ready = await rawRpc<string>(url, "eth_chainId", []).then(
      () => true,
      () => false,
    );
    if (ready) break;
    if (child.exitCode !== null) throw new Error(`anvil exited with code ${child.exitCode} before it was ready`);
    if (Date.now() > deadline) {
      child.kill("SIGKILL");
      throw new Error("anvil did not answer within 30 s");
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  const onExit = () => child.kill("SIGINT");
  process.once("exit", onExit);
  return {
    url,
    process: child,
    stop: async () => {
      process.removeListener("exit", onExit);
      if (child.exitCode === null) {
        child.kill("SIGINT");
        const timer = setTimeout(() => child.kill("SIGKILL"), 15_000);
        await exited;
        clearTimeout(timer);
      }
      if (options.pidFile) rmSync(options.pidFile, { force: true });
    },
  };
}
