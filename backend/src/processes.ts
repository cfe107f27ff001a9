/**
 * What a run of `npm start` left behind, found and stopped by process id, never by name (Linux
 * /proc): a pid is trusted only when the process still is the one recorded (its start time) or its
 * command line names the data folder, so a reused pid never gets another program killed.
 */
import { readFileSync } from "node:fs";

/** A process's command line, arguments separated by spaces; undefined when there is no such process. */
export function commandLineOf(pid: number): string | undefined {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, "utf8").replace(/\0/g, " ");
  } catch {
    return undefined;
  }
}

/** When the process started (clock ticks since boot): with the pid, it names one process for ever. */
export function startTimeOf(pid: number): string | undefined {
  try {
    // Field 22, counted after the command name, which may itself hold spaces and parentheses.
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    return stat.slice(stat.lastIndexOf(")") + 2).split(" ")[19];
  } catch {
    return undefined;
  }
}

/** Whether the process exists and has not exited (a zombie waiting for its parent holds nothing). */
export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    return stat.slice(stat.lastIndexOf(")") + 2)[0] !== "Z";
  } catch {
    return false;
  }
}

/**
 * Waits until no process has the pid, zombies included (PostgreSQL takes a zombie's pid in its lock
 * file for a running server); false after `timeoutMs`.
 */
export async function waitUntilReaped(pid: number, timeoutMs = 30_000): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      process.kill(pid, 0);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ESRCH") return true;
    }
    if (Date.now() > deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Sends `signal` and waits until the process is gone; false when it outlived `timeoutMs`. */
export async function signalAndWait(pid: number, signal: NodeJS.Signals, timeoutMs = 30_000): Promise<boolean> {
  try {
    process.kill(pid, signal);
  } catch {
    return !isAlive(pid);
  }
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (!isAlive(pid)) return true;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return false;
}
