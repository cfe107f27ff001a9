/**
 * A platform of the bench's own, in this process, as the backend tests build one: an anvil node
 * and an embedded PostgreSQL on free loopback ports with their data in the section's work folder,
 * the contracts deployed by the dev operator account, then the platform (backend/src/platform.ts)
 * listening on a free port. Its configuration is `npm start`'s (indexer polling, log level), so the
 * figures are those of the platform as shipped.
 */
import type { Server } from "node:http";
import path from "node:path";
import { startAnvil, type RunningAnvil } from "../../../backend/src/chain/anvil.js";
import { loadConfig } from "../../../backend/src/config/index.js";
import { startEmbeddedPostgres } from "../../../backend/src/db/embedded.js";
import { createLogger } from "../../../backend/src/logger.js";
import { LISTEN_BACKLOG, startPlatform, type Platform } from "../../../backend/src/platform.js";
import { freePort } from "../../../backend/test/support/ports.js";
import { deployContracts } from "../dataset.js";
import { Api } from "./http.js";

export const ADMIN_PASSWORD = "bench-admin-password";

export interface BenchPlatform {
  /** The API's origin, e.g. http://127.0.0.1:41234 */
  url: string;
  rpcUrl: string;
  databaseUrl: string;
  anvil: RunningAnvil;
  /** JSON-RPC calls the chain node has answered so far, by method (from anvil's own log). */
  rpcCalls(): Record<string, number>;
  platform: Platform;
  admin: Api;
  anonymous: Api;
  stop(): Promise<void>;
}

export interface BenchPlatformOptions {
  /** Extra environment for loadConfig (e.g. INDEXER_BATCH_BLOCKS). */
  env?: Record<string, string>;
}

export async function startBenchPlatform(workDir: string, options: BenchPlatformOptions = {}): Promise<BenchPlatform> {
  const undo: (() => Promise<void>)[] = [];
  const stop = async () => {
    for (const step of undo.reverse()) await step().catch(() => undefined);
    undo.length = 0;
  };
  try {
    const calls: Record<string, number> = {};
    let partial = "";
    const anvil = await startAnvil({
      port: await freePort(),
      // Without historical states anvil's cost per block stays flat as the chain grows (with them
      // its raw rate fell from 320/s to 50/s over one writes run); the platform never reads them.
      extraArgs: ["--prune-history"],
      // anvil logs the name of each JSON-RPC method it answers on a line of its own
      onLog: (chunk) => {
        const lines = (partial + chunk).split("\n");
        partial = lines.pop() ?? "";
        for (const line of lines) {
          const method = /^([a-z]+_[A-Za-z0-9]+)$/.exec(line.trim())?.[1];
          if (method) calls[method] = (calls[method] ?? 0) + 1;
        }
      },
    });
    undo.push(() => anvil.stop());
    const postgres = await startEmbeddedPostgres({
      directory: path.join(workDir, "postgres"),
      port: await freePort(),
    });
    undo.push(() => postgres.stop());

    const deploymentFile = path.join(workDir, "deployment.json");
    await deployContracts(anvil.url, deploymentFile);

    const config = loadConfig({
      DATA_DIR: workDir,
      DATABASE_URL: postgres.url,
      RPC_URL: anvil.url,
      DEPLOYMENT_FILE: deploymentFile,
      ADMIN_PASSWORD,
      LOG_LEVEL: "error",
      // many sign-ins from one address in a short time are the bench, not an attack
      LOGIN_RATE_LIMIT: "10000",
      ...options.env,
    });
    const platform = await startPlatform(config, createLogger(config.logLevel));
    undo.push(() => platform.stop());
    const server: Server = platform.app.listen(0, "127.0.0.1", LISTEN_BACKLOG);
    await new Promise<void>((resolve) => server.once("listening", resolve));
    undo.push(async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    });
    const address = server.address();
    const url = `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}`;
    const anonymous = new Api(url);
    const admin = await anonymous.login("admin", ADMIN_PASSWORD);
    const rpcCalls = () => ({ ...calls });
    return { url, rpcUrl: anvil.url, databaseUrl: postgres.url, anvil, rpcCalls, platform, admin, anonymous, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
