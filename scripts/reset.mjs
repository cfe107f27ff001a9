// npm run reset: deletes the data folder of `npm start` (DATA_DIR, default ./.data): the embedded
// database, the local chain's state, the deployment file and the generated secrets. Refused while
// an iPledge is running on it.
import { existsSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";

const dataDir = path.resolve(process.env.DATA_DIR || ".data");
const pidFile = path.join(dataDir, "ipledge.pid");
if (existsSync(pidFile)) {
  // "pid starttime": the lock holds only while that very process runs (a reused pid does not count).
  const [pid, startTime] = readFileSync(pidFile, "utf8").trim().split(/\s+/);
  if (isRunning(Number(pid), startTime)) {
    console.error(
      `iPledge (pid ${pid}) is running on ${dataDir}: stop it first (Ctrl-C), then run npm run reset again.`,
    );
    process.exit(1);
  }
}
if (!existsSync(dataDir)) {
  console.log(`nothing to reset: ${dataDir} does not exist`);
} else {
  rmSync(dataDir, { recursive: true, force: true });
  console.log(`deleted ${dataDir}: the next npm start begins with an empty platform and fresh demo data`);
}

function isRunning(pid, startTime) {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return fields[0] !== "Z" && (!startTime || fields[19] === startTime);
  } catch {
    return false; // not running: a stale lock from a crash
  }
}
