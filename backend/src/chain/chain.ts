/**
 * The chain as the backend sees it: one JSON-RPC provider (ethers' request cache off, so a nonce or
 * a block read is never stale), the two contracts, and the time the ledger calls "now" (the
 * latest block's timestamp). Network failures become 503 CHAIN_UNAVAILABLE.
 */
import { FetchRequest, JsonRpcProvider, Network, isError, type Provider } from "ethers";
import {
  PatentRegistry__factory,
  PledgeFinance__factory,
  type PatentRegistry,
  type PledgeFinance,
} from "../../../typechain-types/index.js";
import { ApiError, unavailable } from "../errors.js";
import type { Deployment } from "./deployment.js";

export const DEV_CHAIN_IDS = new Set([31337n, 1337n]);

/** The node serves the deployment's chain id, but no PledgeFinance contract at its address. */
export class DeploymentMissingError extends Error {
  constructor(
    readonly address: string,
    readonly chainId: bigint,
  ) {
    super(
      `no PledgeFinance contract at ${address} on chain ${chainId}: ` +
        "the chain does not hold this deployment (was its data deleted?)",
    );
    this.name = "DeploymentMissingError";
  }
}

export class Chain {
  readonly provider: JsonRpcProvider;
  readonly finance: PledgeFinance;
  readonly registry: PatentRegistry;
  private latest: { number: number; time: bigint; readAt: number } | undefined;

  private constructor(
    readonly rpcUrl: string,
    readonly deployment: Deployment,
    readonly chainId: bigint,
    readonly isDevChain: boolean,
  ) {
    const request = new FetchRequest(rpcUrl);
    request.timeout = 30_000;
    this.provider = new JsonRpcProvider(request, Network.from(chainId), {
      staticNetwork: true,
      cacheTimeout: -1,
      batchMaxCount: 1,
      pollingInterval: 250,
    });
    this.finance = PledgeFinance__factory.connect(deployment.contracts.PledgeFinance.address, this.provider);
    this.registry = PatentRegistry__factory.connect(deployment.contracts.PatentRegistry.address, this.provider);
  }

  /** Connects, checks the node serves the deployment's chain, and tells a local dev chain apart. */
  static async connect(rpcUrl: string, deployment: Deployment): Promise<Chain> {
    const chainId = BigInt(await rawRpc<string>(rpcUrl, "eth_chainId", []));
    if (chainId !== deployment.chainId) {
      throw new Error(
        `the node at ${rpcUrl} serves chain ${chainId}, the deployment is for chain ${deployment.chainId}`,
      );
    }
    const client = await rawRpc<string>(rpcUrl, "web3_clientVersion", []).catch(() => "");
    const isDevChain = DEV_CHAIN_IDS.has(chainId) && /anvil|hardhat|ganache/i.test(client);
    const chain = new Chain(rpcUrl, deployment, chainId, isDevChain);
    const code = await chain.provider.getCode(deployment.contracts.PledgeFinance.address);
    if (code === "0x") throw new DeploymentMissingError(deployment.contracts.PledgeFinance.address, chainId);
    return chain;
  }

  get addresses() {
    return {
      finance: this.deployment.contracts.PledgeFinance.address,
      registry: this.deployment.contracts.PatentRegistry.address,
    };
  }

  /**
   * The latest block's number and time, read at most once per `maxAgeMs`. When the node is away,
   * the last known head (so reads keep working), unless `strict` (health checks).
   */
  async head(maxAgeMs = 500, strict = false): Promise<{ number: number; time: bigint }> {
    if (this.latest && Date.now() - this.latest.readAt < maxAgeMs) return this.latest;
    try {
      const block = await this.provider.getBlock("latest");
      if (!block) throw new Error("the node returned no latest block");
      this.latest = { number: block.number, time: BigInt(block.timestamp), readAt: Date.now() };
    } catch (error) {
      if (this.latest && !strict) return this.latest;
      throw chainError(error);
    }
    return this.latest;
  }

  /** Throws 503 CHAIN_UNAVAILABLE unless the node answers now. */
  async ensureReachable(): Promise<void> {
    await this.head(0, true);
  }

  /** "Now" as the ledger sees it, in unix seconds. */
  async now(): Promise<bigint> {
    return (await this.head()).time;
  }

  forgetHead(): void {
    this.latest = undefined;
  }

  async call<T>(work: (provider: Provider) => Promise<T>): Promise<T> {
    try {
      return await work(this.provider);
    } catch (error) {
      throw chainError(error);
    }
  }

  destroy(): void {
    this.provider.destroy();
  }
}

/**
 * A JSON-RPC call without ethers: before the provider exists, and where ethers' HTTP client is slow
 * on large answers (the indexer's logs).
 */
export async function rawRpc<T>(url: string, method: string, params: unknown[], timeoutMs = 10_000): Promise<T> {
  const answer = await postJsonRpc(url, { jsonrpc: "2.0", id: 1, method, params }, method, timeoutMs);
  return resultOf(method, answer as RpcAnswer<T>);
}

/**
 * Several JSON-RPC calls in one HTTP request (a JSON-RPC batch), answered in the calls' order.
 * The indexer reads logs and block headers this way: plain JSON.parse over the body is many times
 * faster than ethers' provider on large answers (docs/benchmarks.md, Indexer backfill).
 */
export async function rawRpcBatch<T>(url: string, calls: { method: string; params: unknown[] }[]): Promise<T[]> {
  if (calls.length === 0) return [];
  const label = `JSON-RPC batch (${[...new Set(calls.map((call) => call.method))].join(", ")})`;
  const batch = calls.map((call, id) => ({ jsonrpc: "2.0", id, ...call }));
  const answers = await postJsonRpc(url, batch, label, 60_000);
  if (!Array.isArray(answers)) {
    throw new Error(`${label}: ${(answers as RpcAnswer<T>).error?.message ?? "the node did not answer with a batch"}`);
  }
  const byId = new Map((answers as RpcAnswer<T>[]).map((answer) => [answer.id, answer]));
  return calls.map((call, id) => resultOf(call.method, byId.get(id)));
}

interface RpcAnswer<T> {
  id: number;
  result?: T;
  error?: { message: string };
}

/**
 * POSTs a JSON-RPC request or batch and returns the parsed reply. A network failure, a timeout, a
 * body that is not JSON, and an HTTP error whose body is no JSON-RPC reply (a proxy's page) throw,
 * naming `label` and the HTTP status.
 */
async function postJsonRpc(url: string, payload: unknown, label: string, timeoutMs: number): Promise<unknown> {
  let status: number;
  let ok: boolean;
  let text: string;
  try {
    const response = await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(payload),
      signal: AbortSignal.timeout(timeoutMs),
    });
    ({ status, ok } = response);
    text = await response.text();
  } catch (error) {
    throw new Error(`${label}: ${(error as Error).message}`, { cause: error });
  }
  let reply: unknown;
  try {
    reply = JSON.parse(text);
  } catch {
    throw new Error(`${label}: HTTP ${status} from the node, and not JSON`);
  }
  if (!ok && !isRpcReply(reply)) {
    const message = (reply as { message?: unknown } | null)?.message;
    throw new Error(`${label}: HTTP ${status} from the node${typeof message === "string" ? `: ${message}` : ""}`);
  }
  return reply;
}

function isRpcReply(reply: unknown): boolean {
  return (
    Array.isArray(reply) || (typeof reply === "object" && reply !== null && ("result" in reply || "error" in reply))
  );
}

function resultOf<T>(method: string, answer: RpcAnswer<T> | undefined): T {
  if (!answer) throw new Error(`${method}: no answer from the node`);
  if (answer.error) throw new Error(`${method}: ${answer.error.message}`);
  if (!("result" in answer)) throw new Error(`${method}: the node's answer has no result`);
  return answer.result as T;
}

/** Network-level failures are 503; anything already an ApiError passes through. */
export function chainError(error: unknown): unknown {
  if (error instanceof ApiError) return error;
  if (
    isError(error, "NETWORK_ERROR") ||
    isError(error, "SERVER_ERROR") ||
    isError(error, "TIMEOUT") ||
    /ECONNREFUSED|ECONNRESET|fetch failed|socket hang up|request timeout/i.test(String((error as Error)?.message))
  ) {
    return unavailable("CHAIN_UNAVAILABLE", "the ledger node is unavailable; try again shortly");
  }
  return error;
}
