/**
 * One platform per test file: a fresh database on the shared PostgreSQL server, fresh contracts on
 * the shared chain (deployed by the dev operator account), or on a server and a node of the test's
 * own; the real server listening on a free port, and an HTTP client that talks to it like any
 * other client.
 */
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import type { Server } from "node:http";
import { tmpdir } from "node:os";
import path from "node:path";
import { JsonRpcProvider, Wallet } from "ethers";
import pg from "pg";
import { inject } from "vitest";
import { deployPlatform, type Params } from "../../../shared/deployPlatform.js";
import { writeDeployment } from "../../src/chain/deployment.js";
import { loadConfig } from "../../src/config/index.js";
import { createLogger } from "../../src/logger.js";
import { DEV_OPERATOR_KEY, listen, startPlatform, type Platform } from "../../src/platform.js";

export const ADMIN_PASSWORD = "admin-password-for-tests";

export interface TestPlatform {
  url: string;
  databaseUrl: string;
  rpcUrl: string;
  platform: Platform;
  /** The HTTP server, made as `npm start` makes it. */
  server: Server;
  dataDir: string;
  admin: Client;
  anonymous: Client;
  stop(): Promise<void>;
}

export interface TestPlatformOptions {
  params?: Params;
  env?: Record<string, string>;
  /** Another instance on the same database, chain deployment and data folder (secrets). */
  attachTo?: TestPlatform;
  /** A chain node of the test's own instead of the shared one. */
  rpcUrl?: string;
  /** A PostgreSQL server of the test's own (any database on it) to create the fresh database on. */
  serverUrl?: string;
  /** Where the server's log lines go (stderr when not given), for a test that reads what it logs. */
  logSink?: (line: string) => void;
}

export async function startTestPlatform(options: TestPlatformOptions = {}): Promise<TestPlatform> {
  const attached = options.attachTo;
  const rpcUrl = options.rpcUrl ?? attached?.rpcUrl ?? inject("rpcUrl");
  const databaseUrl = attached?.databaseUrl ?? (await createDatabase(options.serverUrl ?? inject("databaseUrl")));
  const dataDir = attached?.dataDir ?? mkdtempSync(path.join(tmpdir(), "ipledge-platform-"));
  const deploymentFile = path.join(dataDir, "deployment.json");
  if (!attached) await deployTestContracts(rpcUrl, deploymentFile, options.params);
  const config = loadConfig({
    NODE_ENV: "test",
    DATA_DIR: dataDir,
    DATABASE_URL: databaseUrl,
    RPC_URL: rpcUrl,
    DEPLOYMENT_FILE: deploymentFile,
    ADMIN_PASSWORD,
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? "error",
    INDEXER_POLL_MS: "200",
    LOGIN_RATE_LIMIT: "1000",
    ...options.env,
  });
  const platform = await startPlatform(config, createLogger(config.logLevel, options.logSink));
  const server = await listen(platform.app, 0, "127.0.0.1");
  const address = server.address();
  const url = `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}`;
  const anonymous = new Client(url);
  const admin = await anonymous.login("admin", ADMIN_PASSWORD);
  let stopped = false;
  return {
    url,
    databaseUrl,
    rpcUrl,
    platform,
    server,
    dataDir,
    admin,
    anonymous,
    stop: async () => {
      if (stopped) return;
      stopped = true;
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await platform.stop();
      if (!attached) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Fresh contracts on the shared chain, deployed by the dev operator account; writes the deployment file. */
export async function deployTestContracts(rpcUrl: string, deploymentFile: string, params?: Params) {
  const provider = new JsonRpcProvider(rpcUrl, undefined, { cacheTimeout: -1 });
  const deployer = new Wallet(DEV_OPERATOR_KEY, provider);
  const deployment = await deployPlatform(deployer, { params });
  provider.destroy();
  writeDeployment(deploymentFile, 31337n, deployment);
  return deployment;
}

export async function createDatabase(serverUrl: string): Promise<string> {
  const name = `test_${randomBytes(6).toString("hex")}`;
  const client = new pg.Client(serverUrl);
  await client.connect();
  await client.query(`create database ${name}`);
  await client.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

export interface Reply<T = any> {
  status: number;
  body: T;
  headers: Headers;
}

/** A JSON client for the API, signed in or not. */
export class Client {
  constructor(
    readonly baseUrl: string,
    readonly token?: string,
    readonly user?: { id: string; username: string; orgId: string; role: string },
  ) {}

  async request<T = any>(
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<Reply<T>> {
    const response = await fetch(`${this.baseUrl}/api${path}`, {
      method,
      headers: {
        ...(body === undefined ? {} : { "content-type": "application/json" }),
        ...(this.token ? { authorization: `Bearer ${this.token}` } : {}),
        ...headers,
      },
      body: body === undefined ? undefined : typeof body === "string" ? body : JSON.stringify(body),
    });
    const text = await response.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      // a file download or an HTML page
    }
    return { status: response.status, body: parsed as T, headers: response.headers };
  }

  get = <T = any>(path: string) => this.request<T>("GET", path);
  post = <T = any>(path: string, body?: unknown) => this.request<T>("POST", path, body ?? {});
  put = <T = any>(path: string, body: unknown) => this.request<T>("PUT", path, body);
  delete = <T = any>(path: string) => this.request<T>("DELETE", path);

  async login(username: string, password: string): Promise<Client> {
    const reply = await this.post("/auth/login", { username, password });
    if (reply.status !== 200) throw new Error(`login ${username}: ${reply.status} ${JSON.stringify(reply.body)}`);
    return new Client(this.baseUrl, reply.body.token, reply.body.user);
  }

  withToken(token: string): Client {
    return new Client(this.baseUrl, token, this.user);
  }
}

/** Fails the test with the reply when the status is not the expected one. */
export function expectStatus<T>(reply: Reply<T>, status: number): Reply<T> {
  if (reply.status !== status) {
    throw new Error(`expected HTTP ${status}, got ${reply.status}: ${JSON.stringify(reply.body)}`);
  }
  return reply;
}

/** The ledger's "now" as the API reports it (GET /health), in unix seconds. */
export async function chainTime(client: Client): Promise<number> {
  return Math.floor(Date.parse(expectStatus(await client.get("/health"), 200).body.chain.time) / 1000);
}
