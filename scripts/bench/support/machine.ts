/** What the figures were measured on: they mean little without it. */
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import os from "node:os";

export interface Machine {
  cpuModel: string;
  cpuCount: number;
  memoryGiB: number;
  os: string;
  kernel: string;
  node: string;
  date: string;
  gitCommit: string;
  /** Uncommitted changes in the working tree when the run began. */
  gitDirty: boolean;
  /** 1-minute load average when the run began: another job on the machine skews every figure. */
  loadAverageAtStart: number;
}

export function describeMachine(root: string): Machine {
  const cpus = os.cpus();
  return {
    cpuModel: cpus[0]?.model.trim() ?? "unknown",
    cpuCount: cpus.length,
    memoryGiB: Math.round((os.totalmem() / 1024 ** 3) * 10) / 10,
    os: osName(),
    kernel: `${os.type()} ${os.release()} ${os.arch()}`,
    node: process.version,
    date: new Date().toISOString(),
    gitCommit: git(root, ["rev-parse", "HEAD"]) ?? "unknown",
    gitDirty: (git(root, ["status", "--porcelain", "--untracked-files=no"]) ?? "") !== "",
    loadAverageAtStart: Math.round(os.loadavg()[0] * 100) / 100,
  };
}

function osName(): string {
  const file = "/etc/os-release";
  if (!existsSync(file)) return `${os.type()} ${os.release()}`;
  const pretty = /^PRETTY_NAME="?([^"\n]*)"?$/m.exec(readFileSync(file, "utf8"));
  return pretty?.[1] ?? `${os.type()} ${os.release()}`;
}

function git(cwd: string, args: string[]): string | undefined {
  try {
    return execFileSync("git", args, { cwd, encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim();
  } catch {
    return undefined;
  }
}
