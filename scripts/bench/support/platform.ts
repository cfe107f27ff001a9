/**
 * A platform of the bench's own, in this process: the services and the API the reads sections use
 * (dataset.ts: startServices, startApi), with anvil's answered JSON-RPC methods counted and the
 * contracts deployed by the dev operator account.
 */
import path from "node:path";
import type { RunningAnvil } from "../../../backend/src/chain/anvil.js";
import type { Platform } from "../../../backend/src/platform.js";
import { createDatabase, deployContracts, startApi, startServices, type RunningApi } from "../dataset.js";
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
  const calls: Record<string, number> = {};
  let partial = "";
  const services = await startServices(workDir, {
    // No historical states: the platform never reads them. (anvil still slows as its chain grows,
    // which is why the writes' baseline is measured before and after them.)
    anvilArgs: ["--prune-history"],
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
  let api: RunningApi | undefined;
  const stop = async () => {
    await api?.stop().catch(() => undefined);
    await services.stop().catch(() => undefined);
  };
  try {
    const deploymentFile = path.join(workDir, "deployment.json");
    await deployContracts(services.anvil.url, deploymentFile);
    const databaseUrl = await createDatabase(services.serverUrl, "bench_platform");
    api = await startApi({
      databaseUrl,
      rpcUrl: services.anvil.url,
      deploymentFile,
      dataDir: workDir,
      // many sign-ins from one address in a short time are the bench, not an attack
      env: { ADMIN_PASSWORD, LOGIN_RATE_LIMIT: "10000", ...options.env },
    });
    const anonymous = new Api(api.url);
    const admin = await anonymous.login("admin", ADMIN_PASSWORD);
    const rpcCalls = () => ({ ...calls });
    return {
      url: api.url,
      rpcUrl: services.anvil.url,
      databaseUrl,
      anvil: services.anvil,
      rpcCalls,
      platform: api.platform,
      admin,
      anonymous,
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}
