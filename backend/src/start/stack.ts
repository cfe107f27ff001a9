/**
 * `npm start`: the whole platform on one machine. Unless DATABASE_URL / RPC_URL say otherwise it
 * starts an embedded PostgreSQL and a local anvil chain (durable: snapshots and the block journal,
 * localChain.ts), deploys the contracts the first time, seeds the demo data the first time, and
 * serves the API on PORT. Ctrl-C or SIGTERM stops everything in reverse order: the chain saves a
 * last snapshot on the way out.
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import type { Server } from "node:http";
import path from "node:path";
import { JsonRpcProvider, Wallet } from "ethers";
import { deployPlatform } from "../../../shared/deployPlatform.js";
import { writeDeployment } from "../chain/deployment.js";
import { LocalChain } from "../chain/localChain.js";
import { loadConfig, type Config } from "../config/index.js";
import { createLogger } from "../logger.js";
import { isAlive, startTimeOf } from "../processes.js";
import { DEV_OPERATOR_KEY, listen, startPlatform, type Platform } from "../platform.js";
import { DEMO_USERS, seedDemo } from "./demo.js";

const YEAR_SECONDS = 365 * 86_400;
const say = (message: string) => process.stdout.write(`[ipledge] ${message}\n`);

/** Things to undo, last first; anything added after stopping began is undone at once. */
class Teardown {
  private readonly steps: { name: string; undo: () => Promise<void> }[] = [];
  private running: Promise<void> | undefined;

  async add(name: string, undo: () => Promise<void>): Promise<void> {
    if (this.running) await undo();
    else this.steps.push({ name, undo });
  }

  get stopping(): boolean {
    return this.running !== undefined;
  }

  /** Runs the steps once; later calls wait for the same run. */
  run(): Promise<void> {
    this.running ??= (async () => {
      for (const step of this.steps.reverse()) {
        say(`stopping ${step.name}`);
        await step.undo().catch((error: Error) => say(`  ${step.name} did not stop cleanly: ${error.message}`));
      }
    })();
    return this.running;
  }
}

export async function runLocalPlatform(): Promise<void> {
  const env: NodeJS.ProcessEnv = { LOG_LEVEL: "warn", ...process.env };
  env.ADMIN_PASSWORD ??= env.IPLEDGE_DEMO_PASSWORD ?? "ipledge-demo";
  const config = loadConfig(env);
  const teardown = new Teardown();
  let platform: Platform | undefined;
  const stop = async (signal: string) => {
    if (teardown.stopping) return;
    // A Ctrl-C reaches the embedded PostgreSQL too (same process group): it shuts down on its own.
    if (platform) platform.ctx.db.stopping = true;
    say(`${signal} received: stopping`);
    await teardown.run();
    say("stopped; the data is kept in " + config.dataDir);
    process.exit(0);
  };
  process.on("SIGINT", () => void stop("SIGINT"));
  process.on("SIGTERM", () => void stop("SIGTERM"));

  try {
    mkdirSync(config.dataDir, { recursive: true });
    await holdDataFolder(config, teardown);
    const localChain = config.start.embeddedChain ? await startLocalChain(config, teardown) : undefined;
    if (teardown.stopping) return;
    const rpcUrl = localChain?.url ?? config.rpcUrl;
    await ensureDeployment(config, rpcUrl, localChain);
    say(config.databaseUrl ? "connecting to PostgreSQL" : "starting the embedded PostgreSQL");
    platform = await startPlatform({ ...config, rpcUrl }, createLogger(config.logLevel), { localChain });
    const running = platform;
    await teardown.add("the API (indexer, database)", () => running.stop());
    const server = await listen(running.app, config.port, config.host);
    await teardown.add("the HTTP server", () => closeServer(server));
    if (teardown.stopping) return;
    const url = `http://${config.host === "0.0.0.0" ? "localhost" : config.host}:${config.port}`;
    await seedOnce(running, config, url);
    banner(config, url);
  } catch (error) {
    if (teardown.stopping) return; // stopped while starting: the signal handler finishes the job
    say(`could not start: ${(error as Error).message}`);
    await teardown.run();
    process.exit(1);
  }
}

/**
 * One platform per data folder: a second start on it is refused while the first runs. The lock
 * names the process by pid and start time, so a run killed outright (its pid later reused by
 * another program) does not hold the folder.
 */
async function holdDataFolder(config: Config, teardown: Teardown): Promise<void> {
  const pidFile = path.join(config.dataDir, "ipledge.pid");
  if (existsSync(pidFile)) {
    const [pid, startTime] = readFileSync(pidFile, "utf8").trim().split(/\s+/);
    const holder = Number(pid);
    if (holder && holder !== process.pid && isAlive(holder) && (!startTime || startTimeOf(holder) === startTime)) {
      throw new Error(`another iPledge (pid ${holder}) is running on ${config.dataDir}; stop it first`);
    }
  }
  writeFileSync(pidFile, `${process.pid} ${startTimeOf(process.pid) ?? ""}\n`);
  await teardown.add("the data folder lock", async () => rmSync(pidFile, { force: true }));
}

async function startLocalChain(config: Config, teardown: Teardown): Promise<LocalChain> {
  const directory = path.join(config.dataDir, "chain");
  mkdirSync(directory, { recursive: true });
  const snapshot = LocalChain.snapshotFile(directory);
  if (!existsSync(snapshot) && existsSync(config.deploymentFile)) {
    throw new Error(
      `the chain and the database disagree: ${config.deploymentFile} names contracts, but the chain's data (${snapshot}) is gone.\n` +
        "Nothing was changed. To start over with an empty platform, run: npm run reset",
    );
  }
  const chain = await LocalChain.start({
    directory,
    port: config.start.chainPort,
    genesisTimestamp: Math.floor(Date.now() / 1000) - YEAR_SECONDS,
  });
  say(
    chain.fresh
      ? "started a new local chain (anvil), its clock a year back for the demo history"
      : "started the local chain (anvil) from its last snapshot",
  );
  await teardown.add("the local chain (saving a snapshot)", () => chain.stop());
  return chain;
}

async function ensureDeployment(config: Config, rpcUrl: string, localChain?: LocalChain): Promise<void> {
  if (existsSync(config.deploymentFile)) return;
  if (!config.start.embeddedChain) {
    throw new Error(
      `no deployment file at ${config.deploymentFile}: deploy with npm run deploy and set DEPLOYMENT_FILE`,
    );
  }
  if (!config.databaseUrl && existsSync(path.join(config.dataDir, "postgres", "PG_VERSION"))) {
    throw new Error(
      "the chain and the database disagree: the database exists but the deployment file is gone.\n" +
        "Nothing was changed. To start over with an empty platform, run: npm run reset",
    );
  }
  say("deploying the contracts");
  const provider = new JsonRpcProvider(rpcUrl, undefined, { cacheTimeout: -1 });
  try {
    const deployment = await deployPlatform(new Wallet(DEV_OPERATOR_KEY, provider));
    const { chainId } = await provider.getNetwork();
    // The deployment file names contracts only once a snapshot on disk holds them.
    await localChain?.save();
    writeDeployment(config.deploymentFile, chainId, deployment);
  } finally {
    provider.destroy();
  }
}

function closeServer(server: Server): Promise<void> {
  server.closeIdleConnections();
  const force = setTimeout(() => server.closeAllConnections(), 5_000);
  return new Promise((resolve) =>
    server.close(() => {
      clearTimeout(force);
      resolve();
    }),
  );
}

/** The demo data, once, on a local dev chain; an interrupted seed is reported, not repeated. */
async function seedOnce(platform: Platform, config: Config, url: string): Promise<void> {
  const { db, chain } = platform.ctx;
  if (!config.start.seedDemo || !chain.isDevChain) return;
  const seeded = await db.query("select value from platform_meta where key = 'demo_seeded'");
  if (seeded.rows.length > 0) return;
  const others = await db.query("select 1 from organisations where kind <> 'admin' limit 1");
  if (others.rows.length > 0) {
    say("demo data: not seeded (the platform already has organisations); npm run reset gives a fresh demo");
    return;
  }
  say("seeding the demo data (a year of history, about a minute)");
  await seedDemo(url, config.start.demoPassword, (step) => say(`  demo: ${step}`));
  await db.query("insert into platform_meta (key, value) values ('demo_seeded', $1)", [new Date().toISOString()]);
}

function banner(config: Config, url: string): void {
  const users = ["admin", ...Object.keys(DEMO_USERS)].join(", ");
  const passwordNote = process.env.IPLEDGE_DEMO_PASSWORD
    ? "the password in IPLEDGE_DEMO_PASSWORD"
    : `password "${config.start.demoPassword}"`;
  say("");
  say(`iPledge is running at ${url}`);
  say(`  API        ${url}/api   (OpenAPI: ${url}/api/openapi.json, browse: ${url}/api/docs)`);
  say(`  health     ${url}/api/health`);
  say(`  sign in as ${users} with ${passwordNote}`);
  say(
    `  data       ${config.dataDir}${config.databaseUrl ? " (database: DATABASE_URL)" : ""}${config.start.embeddedChain ? "" : " (chain: RPC_URL)"}`,
  );
  say("  stop       Ctrl-C (everything is kept for the next start)");
}
