/**
 * HTTP load with autocannon (50 connections, a fixed duration), run in a worker thread of its own so
 * the load generator never shares an event loop with the server it measures; and the bare baseline:
 * Express + pg doing one indexed query, in the same process as the API and on the same database.
 */
import type { Server } from "node:http";
import express from "express";
import pg from "pg";
import { LISTEN_BACKLOG } from "../../backend/src/platform.js";
import { closeServer } from "./dataset.js";

export const CONNECTIONS = 50;

export interface LoadRequest {
  path: string;
  headers?: Record<string, string>;
}

export interface LoadResult {
  /** mean requests per second over the run */
  requestsPerSecond: number;
  p50: number;
  p99: number;
  requests: number;
  /** replies other than 2xx, errors and timeouts: any makes the run invalid */
  failures: number;
}

interface AutocannonResult {
  requests: { average: number; total: number };
  latency: { p50: number; p99: number };
  non2xx: number;
  errors: number;
  timeouts: number;
}

type Autocannon = (options: Record<string, unknown>) => Promise<AutocannonResult>;

async function loadAutocannon(): Promise<Autocannon> {
  try {
    const module = (await import("autocannon")) as unknown as {
      default?: Autocannon;
    } & Autocannon;
    return module.default ?? module;
  } catch (error) {
    throw new Error(`autocannon is not installed (a devDependency of the root package): ${(error as Error).message}`);
  }
}

/**
 * Fires `requests` (cycled, each connection through the whole list) at `baseUrl` from 50 connections
 * for `seconds`, after a short warm-up of the same requests.
 */
export async function measure(baseUrl: string, requests: LoadRequest[], seconds: number): Promise<LoadResult> {
  const autocannon = await loadAutocannon();
  const options = {
    url: baseUrl,
    connections: CONNECTIONS,
    workers: 1,
    requests: requests.map((request) => ({ method: "GET", path: request.path, headers: request.headers ?? {} })),
  };
  await autocannon({ ...options, duration: Math.max(1, Math.round(seconds / 4)) });
  const result = await autocannon({ ...options, duration: seconds });
  return {
    requestsPerSecond: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    requests: result.requests.total,
    failures: result.non2xx + result.errors + result.timeouts,
  };
}

export interface Baseline {
  url: string;
  stop(): Promise<void>;
}

/**
 * The bare baseline: Express 5 and a pg pool of the API's size, one indexed query (a loan by its
 * primary key), the row as JSON. No authentication, validation or shaping: the floor any read of
 * the API stands on.
 */
export async function startBaseline(databaseUrl: string): Promise<Baseline> {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 10 });
  const app = express();
  app.get("/loans/:id", async (req, res) => {
    const { rows } = await pool.query("select * from loans where id = $1", [req.params.id]);
    if (!rows[0]) res.status(404).json({ error: "not found" });
    else res.json(rows[0]);
  });
  const server: Server = app.listen(0, "127.0.0.1", LISTEN_BACKLOG);
  await new Promise<void>((resolve) => server.once("listening", resolve));
  const address = server.address();
  const url = `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}`;
  return {
    url,
    stop: async () => {
      await closeServer(server);
      await pool.end();
    },
  };
}

/** A deterministic spread of `count` values in 1..max (a multiplicative walk), so runs repeat. */
export function spread(count: number, max: number): number[] {
  return Array.from({ length: count }, (_, i) => 1 + ((i * 7_919 + 104_729) % max));
}
