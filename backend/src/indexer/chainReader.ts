/**
 * Reading the chain as the indexer and the integrity check do: plain JSON-RPC (no provider cache,
 * no ethers objects per log), headers in batch requests, logs parsed once.
 */
import { toQuantity } from "ethers";
import { rawRpc, rawRpcBatch } from "../chain/chain.js";

/** Header reads per JSON-RPC batch request. */
const HEADERS_PER_REQUEST = 250;
/** One eth_getLogs answer can be tens of megabytes on a dense chain. */
const LOGS_TIMEOUT_MS = 60_000;

/** A block header as the indexer needs it. */
export interface Header {
  number: number;
  hash: string;
  parentHash: string;
  timestamp: number;
}

/** A log as eth_getLogs returns it (quantities in hex). */
export interface RpcLog {
  address: string;
  topics: string[];
  data: string;
  blockNumber: string;
  blockHash: string;
  transactionHash: string;
  transactionIndex: string;
  logIndex: string;
  removed?: boolean;
}

/** The same log with its quantities as numbers, parsed once. */
export type ChainLog = Omit<RpcLog, "blockNumber" | "transactionIndex" | "logIndex"> & {
  blockNumber: number;
  transactionIndex: number;
  logIndex: number;
};

export function parseLog(log: RpcLog): ChainLog {
  return {
    ...log,
    blockNumber: Number(log.blockNumber),
    transactionIndex: Number(log.transactionIndex),
    logIndex: Number(log.logIndex),
  };
}

/** Headers by number, null where the node has no such block. */
export async function readHeaders(rpcUrl: string, numbers: number[]): Promise<(Header | null)[]> {
  const headers: (Header | null)[] = [];
  for (let start = 0; start < numbers.length; start += HEADERS_PER_REQUEST) {
    const calls = numbers
      .slice(start, start + HEADERS_PER_REQUEST)
      .map((number) => ({ method: "eth_getBlockByNumber", params: [toQuantity(number), false] }));
    const answers = await rawRpcBatch<{ number: string; hash: string; parentHash: string; timestamp: string } | null>(
      rpcUrl,
      calls,
    );
    for (const answer of answers) {
      headers.push(
        answer && {
          number: Number(answer.number),
          hash: answer.hash,
          parentHash: answer.parentHash,
          timestamp: Number(answer.timestamp),
        },
      );
    }
  }
  return headers;
}

/** The logs of `addresses` in blocks `from`..`to`, as the node serves them. */
export async function readLogs(rpcUrl: string, addresses: string[], from: number, to: number): Promise<ChainLog[]> {
  const logs = await rawRpc<RpcLog[]>(
    rpcUrl,
    "eth_getLogs",
    [{ address: addresses, fromBlock: toQuantity(from), toBlock: toQuantity(to) }],
    LOGS_TIMEOUT_MS,
  );
  return logs.map(parseLog);
}
