/**
 * Section 6, start-up and memory: the time from spawning `npm start` to /api/health answering 200
 * with status ok, warm (the second and later starts of the same data folder, after a first start
 * that deployed, migrated and seeded), and the server's peak memory while it serves a load of
 * writes and reads. Nothing else does this job on this machine, so there is no baseline; an empty
 * Node process's memory is given for scale.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { freePort } from "../../../backend/test/support/ports.js";
import type { Figure, Section } from "../section.js";
import { chainNow, onboardCast, runFinancingLoad } from "../support/financing.js";
import { Api } from "../support/http.js";
import { commandLine, memoryOf, processTree } from "../support/processes.js";

const ROOT = fileURLToPath(new URL("../../..", import.meta.url));
const PASSWORD = "bench-demo-password";
const WRITERS = 20;
const READERS = 10;
const START_TIMEOUT_MS = 600_000;

interface Instance {
  child: ChildProcess;
  /** Spawn to /api/health 200 with status ok, in seconds. */
  healthySeconds: number;
  /** Spawn to the "iPledge is running at" banner (after the demo data on a first start). */
  readySeconds: number;
  output: () => string;
  stop(): Promise<void>;
}

export const startup: Section = async ({ quick, scale, progress, workDir }) => {
  const seed = !quick;
  const warmStarts = quick ? 1 : 3;
  const loadMs = quick ? 5_000 : Math.round(30_000 * scale);
  const port = await freePort();
  const env = {
    ...process.env,
    DATA_DIR: path.join(workDir, "data"),
    PORT: String(port),
    CHAIN_PORT: String(await freePort()),
    EMBEDDED_POSTGRES_PORT: String(await freePort()),
    IPLEDGE_DEMO_PASSWORD: PASSWORD,
    SEED_DEMO: String(seed),
    LOG_LEVEL: "warn",
  };
  const url = `http://127.0.0.1:${port}`;
  const rows: (string | number)[][] = [];

  progress(`first start on a fresh data folder (${seed ? "with" : "without"} the demo data)`);
  const first = await launch(env, url);
  rows.push(["first (fresh data folder)", first.healthySeconds, first.readySeconds]);
  progress(
    `first start: healthy after ${first.healthySeconds.toFixed(1)} s, ready after ${first.readySeconds.toFixed(1)} s`,
  );
  await first.stop();

  const warm: Instance[] = [];
  let running: Instance | undefined;
  try {
    for (let i = 1; i <= warmStarts; i++) {
      const instance = await launch(env, url);
      running = instance;
      warm.push(instance);
      rows.push([`warm ${i}`, instance.healthySeconds, instance.readySeconds]);
      progress(`warm start ${i}: healthy after ${instance.healthySeconds.toFixed(2)} s`);
      if (i < warmStarts) {
        await instance.stop();
        running = undefined;
      }
    }
    const instance = running!;
    const server = serverProcess(instance.child.pid!);
    const idle = memoryOf(server);
    progress(`server process ${server} (${commandLine(server)}): ${idle?.rssMiB.toFixed(0)} MiB idle`);

    progress("load: onboarding 10 organisations");
    const anonymous = new Api(url);
    const admin = await anonymous.login("admin", PASSWORD);
    const cast = await onboardCast(admin, anonymous, "startup");
    let peakServer = idle?.rssMiB ?? 0;
    let peakPlatform = 0;
    const sample = () => {
      const tree = processTree(server);
      peakServer = Math.max(peakServer, memoryOf(server)?.rssMiB ?? 0);
      peakPlatform = Math.max(
        peakPlatform,
        tree.reduce((sum, info) => sum + (memoryOf(info.pid)?.rssMiB ?? 0), 0),
      );
    };
    const sampler = setInterval(sample, 200);
    let reads = 0;
    let readErrors = 0;
    progress(`load: ${WRITERS} writers and ${READERS} readers for ${loadMs / 1000} s`);
    const load = await runFinancingLoad(cast, {
      concurrency: WRITERS,
      warmupMs: 0,
      durationMs: loadMs,
      chainNow: await chainNow(anonymous),
      tickMs: quick ? 1_000 : 5_000,
      onTick: (elapsed, completed) =>
        progress(
          `load: ${elapsed.toFixed(0)} s, ${completed} writes, ${reads} reads, server ${peakServer.toFixed(0)} MiB peak`,
        ),
      alongside: async (_meter, going) => {
        const lists: [Api, string][] = [
          [cast.ipoffice[0], "/loans?limit=50"],
          [cast.ipoffice[1], "/patents?limit=50"],
          [cast.ipoffice[0], "/audit/events?limit=50"],
          [admin, "/orgs?limit=50"],
        ];
        await Promise.all(
          Array.from({ length: READERS }, async (_, r) => {
            for (let i = r; going(); i++) {
              const [reader, list] = lists[i % lists.length];
              if ((await reader.get(list)).status === 200) reads++;
              else readErrors++;
            }
          }),
        );
      },
    });
    clearInterval(sampler);
    sample();
    const lifetimePeak = memoryOf(server)?.peakMiB ?? Number.NaN;
    const emptyNode = emptyNodeRss();

    const healthy = warm.map((instance) => instance.healthySeconds).sort((a, b) => a - b);
    const median = healthy[Math.floor(healthy.length / 2)];
    const figures: Figure[] = [
      {
        name: `Warm start: spawning \`npm start\` to /api/health ok (median of ${warmStarts})`,
        value: median,
        unit: "s",
      },
      { name: "Warm start: fastest", value: healthy[0], unit: "s" },
      { name: "First start (fresh data folder) to /api/health ok", value: first.healthySeconds, unit: "s" },
      {
        name: `First start to ready (the banner${seed ? ", after the demo data" : ""})`,
        value: first.readySeconds,
        unit: "s",
      },
      { name: "Server process peak RSS under load (sampled every 200 ms)", value: peakServer, unit: "MiB" },
      { name: "Server process peak RSS over its life (VmHWM)", value: lifetimePeak, unit: "MiB" },
      { name: "Server process RSS idle, after the warm start", value: idle?.rssMiB ?? Number.NaN, unit: "MiB" },
      {
        name: "Whole platform peak RSS under load (server + anvil + PostgreSQL, summed)",
        value: peakPlatform,
        unit: "MiB",
      },
      { name: "For scale: an empty Node process's RSS", value: emptyNode, unit: "MiB" },
      { name: "Writes during the load", value: load.completed / (loadMs / 1000), unit: "/s" },
      { name: "Reads during the load", value: reads / (loadMs / 1000), unit: "/s" },
      { name: "Errors during the load (writes and reads)", value: load.errors + readErrors, unit: "" },
    ];
    return {
      id: "startup",
      title: "Start-up and memory",
      figures,
      table: { columns: ["Start", "To /api/health ok (s)", "To ready banner (s)"], rows },
      notes: [
        `\`npm start\` spawned by the bench with a fresh DATA_DIR in its work folder and free ports, SEED_DEMO=${seed}; ` +
          "the clock runs from the spawn to the first 200 from /api/health with status ok (polled every 50 ms). The " +
          `first start ${seed ? "deploys, migrates and seeds a year of demo data" : "deploys and migrates (no demo data in quick mode)"}` +
          " (and compiles the contracts or builds the web app if they are missing or stale); the warm starts " +
          `(${warmStarts}) reuse the same data folder, as a restart does: npm, tsx, PostgreSQL's start, anvil loading its ` +
          "saved state, the migrations check and the indexer catching up.",
        "Memory: VmRSS of the node process running backend/src/start.ts (found under npm's process tree, /proc), " +
          `sampled every 200 ms while ${WRITERS} workers drove the financing cycle (as in the writes section) and ` +
          `${READERS} readers listed loans, patents, audit events and organisations, for ${loadMs / 1000} s. anvil and ` +
          "PostgreSQL are processes of their own; their RSS is in the whole-platform figure (PostgreSQL's shared memory " +
          "counted once per backend, so that sum overstates).",
        "No baseline and no target in docs/testing.md for these: they are figures to watch from run to run. The empty Node " +
          `process (\`node -e\`, ${process.version}) shows what any Node server costs before its own code.`,
      ],
    };
  } finally {
    if (running) await running.stop();
  }
};

/** Spawns `npm start`, waits for health ok and the banner; stop() sends Ctrl-C to its process group. */
async function launch(env: NodeJS.ProcessEnv, url: string): Promise<Instance> {
  const started = performance.now();
  const child = spawn("npm", ["start"], { cwd: ROOT, env, detached: true, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  const keep = (chunk: Buffer) => (output = (output + chunk.toString()).slice(-8000));
  child.stdout!.on("data", keep);
  child.stderr!.on("data", keep);
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  // If the bench dies, the platform must not outlive it.
  const onExit = () => signalGroup(child, "SIGINT");
  process.once("exit", onExit);
  const stop = async () => {
    process.removeListener("exit", onExit);
    if (child.exitCode !== null || child.signalCode !== null) return;
    signalGroup(child, "SIGINT");
    const timer = setTimeout(() => signalGroup(child, "SIGKILL"), 60_000);
    await exited;
    clearTimeout(timer);
  };
  const seconds = () => (performance.now() - started) / 1000;
  const deadline = Date.now() + START_TIMEOUT_MS;
  const fail = async (why: string) => {
    await stop();
    throw new Error(`npm start ${why}:\n${output.trim().split("\n").slice(-30).join("\n")}`);
  };
  let healthySeconds: number | undefined;
  while (healthySeconds === undefined) {
    if (child.exitCode !== null) await fail(`exited with code ${child.exitCode}`);
    if (Date.now() > deadline) await fail(`was not healthy within ${START_TIMEOUT_MS / 1000} s`);
    const health = await fetch(`${url}/api/health`, { signal: AbortSignal.timeout(2_000) })
      .then(async (response) =>
        response.status === 200 ? ((await response.json()) as { status?: string }) : undefined,
      )
      .catch(() => undefined);
    if (health?.status === "ok") healthySeconds = seconds();
    else await new Promise((resolve) => setTimeout(resolve, 50));
  }
  while (!/iPledge is running at/.test(output)) {
    if (child.exitCode !== null) await fail(`exited with code ${child.exitCode}`);
    if (Date.now() > deadline) await fail(`printed no banner within ${START_TIMEOUT_MS / 1000} s`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return { child, healthySeconds, readySeconds: seconds(), output: () => output, stop };
}

function signalGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  try {
    process.kill(-child.pid!, signal);
  } catch {
    // already gone
  }
}

/** The node process under npm that runs backend/src/start.ts (npm → sh → node). */
function serverProcess(npmPid: number): number {
  const server = processTree(npmPid).find(
    (info) => info.comm === "node" && commandLine(info.pid).includes("backend/src/start.ts"),
  );
  if (!server) throw new Error(`no node process running backend/src/start.ts under npm (pid ${npmPid})`);
  return server.pid;
}

function emptyNodeRss(): number {
  const result = spawnSync(process.execPath, ["-e", "process.stdout.write(String(process.memoryUsage().rss))"], {
    encoding: "utf8",
  });
  return Number(result.stdout) / 1024 ** 2;
}
