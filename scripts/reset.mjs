// npm run reset: deletes the data folder of `npm start` (DATA_DIR, default ./.data): the embedded
// database, the local chain's state, the deployment file and the generated secrets. Refused while
// an iPledge is running on it. What a run killed outright left running on the folder (its
// PostgreSQL, its anvil) is stopped first, found by the folder's pid files and the processes'
// command lines, which name the folder; never by name.
import { existsSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";

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
await stopLeftovers();
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

/** The pids in the folder's own pid files whose processes still run with the folder on their command line. */
function leftoverPids() {
  const pids = [];
  const postmaster = path.join(dataDir, "postgres", "postmaster.pid");
  if (existsSync(postmaster)) pids.push(Number(readFileSync(postmaster, "utf8").split("\n")[0]));
  const chain = path.join(dataDir, "chain", "anvil.pid");
  if (existsSync(chain)) pids.push(Number(JSON.parse(readFileSync(chain, "utf8")).pid));
  return pids.filter((pid) => {
    try {
      return readFileSync(`/proc/${pid}/cmdline`, "utf8").replace(/\0/g, " ").includes(dataDir);
    } catch {
      return false;
    }
  });
}

/** SIGKILL to each left-over process (its data is about to be deleted), then wait until it is gone. */
async function stopLeftovers() {
  for (const pid of leftoverPids()) {
    console.log(`stopping pid ${pid}, left running on ${dataDir} by a run that did not stop`);
    process.kill(pid, "SIGKILL");
    for (let waited = 0; waited < 10_000 && isRunning(pid); waited += 50) {
      await sleep(50);
    }
  }
}
