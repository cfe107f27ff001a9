/**
 * What the reads and growth sections share: services in the run's scratch folder, the platform on a
 * database of a given size, and the three reads measured next to the bare baseline.
 */
import os from "node:os";
import path from "node:path";
import type { BenchContext } from "./section.js";
import {
  createDatabase,
  deployContracts,
  loadDataset,
  sizesFor,
  startApi,
  startServices,
  type Dataset,
} from "./dataset.js";
import { measure, spread, startBaseline, type LoadRequest, type LoadResult } from "./load.js";

/** The machine and how busy it was: figures from a shared machine are only comparable as ratios. */
export function machineNote(): string {
  const [oneMinute] = os.loadavg();
  return `Machine: ${os.cpus().length} cores; load average over the last minute of the measurements ${oneMinute.toFixed(1)}.`;
}

/** Quick mode (CI) runs at most 1/100 of the full sizes, whatever the scale. */
export function effectiveScale(context: BenchContext): number {
  return context.quick ? Math.min(context.scale, 0.01) : context.scale;
}

/** Seconds of load per measurement. */
export function loadSeconds(context: BenchContext): number {
  return context.quick ? 2 : 10;
}

export interface Bench {
  /** Runs `work` against the real API on a fresh database holding `events` events of history. */
  withApi<T>(events: number, work: (api: ApiUnderLoad) => Promise<T>): Promise<T>;
  stop(): Promise<void>;
}

export interface ApiUnderLoad {
  url: string;
  databaseUrl: string;
  baselineUrl: string;
  dataset: Dataset;
  /** Opens a session for the user (as a sign-in would) and returns its token. */
  token(userId: string): Promise<string>;
}

export async function openBench(context: BenchContext, label: string): Promise<Bench> {
  const directory = path.join(context.workDir, label);
  context.progress(`${label}: starting PostgreSQL and anvil`);
  // The chain begins before the synthetic year of history, so block times never decrease along the
  // block numbers, as on any chain (the audit trail's time windows rely on it).
  const services = await startServices(directory, { genesis: Math.floor(Date.now() / 1000) - 367 * 86_400 });
  const deploymentFile = path.join(directory, "deployment.json");
  try {
    await deployContracts(services.anvil.url, deploymentFile);
  } catch (error) {
    await services.stop();
    throw error;
  }
  let databases = 0;
  return {
    stop: () => services.stop(),
    withApi: async (events, work) => {
      const sizes = sizesFor(events);
      const databaseUrl = await createDatabase(services.serverUrl, `bench_${label}_${++databases}`);
      context.progress(`${label}: starting the API on a fresh database`);
      const api = await startApi({
        databaseUrl,
        rpcUrl: services.anvil.url,
        deploymentFile,
        dataDir: path.join(directory, `data${databases}`),
      });
      try {
        const head = await api.platform.ctx.chain.provider.getBlockNumber();
        context.progress(
          `${label}: loading ${sizes.events.toLocaleString("en")} events, ${sizes.loans.toLocaleString("en")} loans, ` +
            `${sizes.patents.toLocaleString("en")} patents`,
        );
        const dataset = await loadDataset(databaseUrl, sizes, head + 1);
        context.progress(`${label}: loaded in ${dataset.loadSeconds.toFixed(1)} s`);
        const baseline = await startBaseline(databaseUrl);
        try {
          return await work({
            url: api.url,
            databaseUrl,
            baselineUrl: baseline.url,
            dataset,
            token: (userId) => api.platform.ctx.tokens.issue(userId),
          });
        } finally {
          await baseline.stop();
        }
      } finally {
        await api.stop();
      }
    },
  };
}

export const READS = ["loans", "loan", "audit"] as const;
export type Read = (typeof READS)[number];

export const READ_NAMES: Record<Read | "baseline", string> = {
  baseline: "bare Express + pg: a loan by primary key",
  loans: "GET /api/loans (a bank, status filter, page of 50)",
  loan: "GET /api/loans/:id (the regulator, with history)",
  audit: "GET /api/audit/events (the regulator, one organisation, 30 days)",
};

/** The requests of each read, spread over the data so no single row stays hot. */
export async function requestsFor(api: ApiUnderLoad): Promise<Record<Read | "baseline", LoadRequest[]>> {
  const { dataset } = api;
  const regulator = { authorization: `Bearer ${await api.token(dataset.regulator.userId)}` };
  const bankTokens = await Promise.all(dataset.banks.map((bank) => api.token(bank.userId)));
  const loanIds = spread(500, dataset.loans);
  const statuses = ["disbursed", "closed", "applied", "defaulted"];
  const month = 30 * 86_400;
  const iso = (seconds: number) => new Date(seconds * 1000).toISOString().replace(/\.\d{3}Z$/, "Z");
  // Banks (heavy: a twentieth of all loan events each) and enterprises (light), alternately.
  const orgs = dataset.banks.flatMap((bank, i) => [
    bank.orgId,
    dataset.enterprises[(i * 37) % dataset.enterprises.length],
  ]);
  return {
    baseline: loanIds.map((id) => ({ path: `/loans/${id}` })),
    loans: dataset.banks.flatMap((_bank, i) => {
      const headers = { authorization: `Bearer ${bankTokens[i]}` };
      return statuses.map((status, j) => ({
        path: `/api/loans?status=${statuses[(i + j) % statuses.length]}&limit=50`,
        headers,
      }));
    }),
    loan: loanIds.map((id) => ({ path: `/api/loans/${id}`, headers: regulator })),
    audit: orgs.flatMap((orgId, i) =>
      [0, 1, 2].map((k) => {
        const start = dataset.from + (((i * 5 + k * 4) % 11) + 0.5) * month;
        return {
          path: `/api/audit/events?orgId=${orgId}&from=${iso(start)}&to=${iso(start + month)}&limit=50`,
          headers: regulator,
        };
      }),
    ),
  };
}

/** Checks each read answers 200 before the load, so a broken request fails loudly rather than fast. */
export async function checkRequests(
  baseUrls: Record<Read | "baseline", string>,
  requests: Record<Read | "baseline", LoadRequest[]>,
) {
  for (const [read, list] of Object.entries(requests) as [Read | "baseline", LoadRequest[]][]) {
    const response = await fetch(`${baseUrls[read]}${list[0].path}`, { headers: list[0].headers });
    if (response.status !== 200) {
      throw new Error(`${read}: ${list[0].path} answered ${response.status}: ${(await response.text()).slice(0, 300)}`);
    }
  }
}

export type ReadResults = Record<Read | "baseline", LoadResult>;

/**
 * The baseline and the three reads at 50 connections, `seconds` each, in two halves run in mirrored
 * order (baseline, reads, reads reversed, baseline): a machine that grows busier or quieter during
 * the measurements then weighs on the baseline and on each read alike.
 */
export async function measureReads(
  api: ApiUnderLoad,
  seconds: number,
  progress: (message: string) => void,
): Promise<ReadResults> {
  const requests = await requestsFor(api);
  const urls = { baseline: api.baselineUrl, loans: api.url, loan: api.url, audit: api.url };
  await checkRequests(urls, requests);
  const order = ["baseline", ...READS] as const;
  const halves: Partial<Record<Read | "baseline", LoadResult[]>> = {};
  for (const read of [...order, ...[...order].reverse()]) {
    progress(`  ${READ_NAMES[read]}: ${seconds / 2} s at 50 connections`);
    (halves[read] ??= []).push(await measure(urls[read], requests[read], seconds / 2));
  }
  return Object.fromEntries(order.map((read) => [read, combine(halves[read]!)])) as ReadResults;
}

/** Two halves of one measurement: mean rate and median, the worse p99. */
function combine(halves: LoadResult[]): LoadResult {
  const mean = (pick: (result: LoadResult) => number) =>
    halves.reduce((sum, result) => sum + pick(result), 0) / halves.length;
  return {
    requestsPerSecond: mean((result) => result.requestsPerSecond),
    p50: Math.round(mean((result) => result.p50)),
    p99: Math.max(...halves.map((result) => result.p99)),
    requests: halves.reduce((sum, result) => sum + result.requests, 0),
    failures: halves.reduce((sum, result) => sum + result.failures, 0),
  };
}
