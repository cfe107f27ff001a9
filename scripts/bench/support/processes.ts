/**
 * Processes as Linux's /proc shows them: the tree under a pid, CPU time and memory. The bench uses
 * it to find the node process under `npm start`, to read its resident memory, and to tell which
 * part of the platform (API, chain node, PostgreSQL) used the CPU during a measurement.
 */
import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";

export interface ProcessInfo {
  pid: number;
  ppid: number;
  /** The executable's name (at most 15 characters). */
  comm: string;
  /** User + system CPU time so far, in seconds. */
  cpuSeconds: number;
}

const TICKS_PER_SECOND = (() => {
  try {
    return Number(execFileSync("getconf", ["CLK_TCK"], { encoding: "utf8" }).trim()) || 100;
  } catch {
    return 100;
  }
})();

export function readProcess(pid: number): ProcessInfo | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    // comm is in parentheses and may hold spaces: the fields after it are split from the last ')'
    const close = stat.lastIndexOf(")");
    const comm = stat.slice(stat.indexOf("(") + 1, close);
    const fields = stat.slice(close + 2).split(" ");
    // fields[0] is state (field 3); ppid is field 4, utime 14, stime 15
    return {
      pid,
      ppid: Number(fields[1]),
      comm,
      cpuSeconds: (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND,
    };
  } catch {
    return undefined; // gone meanwhile
  }
}

export function allProcesses(): ProcessInfo[] {
  return readdirSync("/proc")
    .filter((name) => /^\d+$/.test(name))
    .map((name) => readProcess(Number(name)))
    .filter((info): info is ProcessInfo => info !== undefined);
}

/** `pid` and everything below it. */
export function processTree(pid: number, processes = allProcesses()): ProcessInfo[] {
  const tree = processes.filter((info) => info.pid === pid);
  for (let i = 0; i < tree.length; i++) tree.push(...processes.filter((info) => info.ppid === tree[i].pid));
  return tree;
}

export function commandLine(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0").join(" ").trim();
  } catch {
    return "";
  }
}

/** VmRSS (now) and VmHWM (the peak so far) of a process, in MiB. */
export function memoryOf(pid: number): { rssMiB: number; peakMiB: number } | undefined {
  try {
    const status = readFileSync(`/proc/${pid}/status`, "utf8");
    const kib = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, "m").exec(status)?.[1] ?? Number.NaN);
    return { rssMiB: kib("VmRSS") / 1024, peakMiB: kib("VmHWM") / 1024 };
  } catch {
    return undefined;
  }
}

/** CPU seconds used by groups of processes between `start()` and `stop()`, as busy cores. */
export class CpuMeter {
  private before = new Map<number, number>();
  private startedAt = 0;

  constructor(private readonly groups: () => Record<string, number[]>) {}

  start(): void {
    this.startedAt = performance.now();
    this.before = new Map(allProcesses().map((info) => [info.pid, info.cpuSeconds]));
  }

  /** Per group: the cores it kept busy on average (1.0 = one core all the time). */
  stop(): Record<string, number> {
    const seconds = (performance.now() - this.startedAt) / 1000;
    const now = new Map(allProcesses().map((info) => [info.pid, info.cpuSeconds]));
    const result: Record<string, number> = {};
    for (const [group, pids] of Object.entries(this.groups())) {
      const used = pids.reduce((sum, pid) => sum + (now.get(pid) ?? 0) - (this.before.get(pid) ?? 0), 0);
      result[group] = used / seconds;
    }
    return result;
  }
}
