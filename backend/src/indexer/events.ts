/**
 * Every event of the two contracts (their own, and those of OpenZeppelin's AccessControl, Pausable
 * and ERC-721 they inherit), decoded into plain JSON: bigints as decimal strings, structs as objects.
 */
import { EventFragment, Result, type Interface, type Log } from "ethers";
import { INTERFACES, type Contract } from "../chain/abis.js";

export interface LedgerEvent {
  contract: Contract;
  name: string;
  /** Decoded arguments by name: bigint, string, boolean, arrays and structs as objects. */
  args: Record<string, unknown>;
  blockNumber: number;
  blockHash: string;
  blockTime: Date;
  txHash: string;
  txIndex: number;
  logIndex: number;
}

/**
 * Each contract's events by topic 0. ethers' Interface.parseLog finds the event by hashing every
 * event's signature again for each log, which costs more than decoding it.
 */
const EVENTS_BY_TOPIC: Record<Contract, Map<string, EventFragment>> = {
  PledgeFinance: eventsByTopic(INTERFACES.PledgeFinance),
  PatentRegistry: eventsByTopic(INTERFACES.PatentRegistry),
};

function eventsByTopic(contract: Interface): Map<string, EventFragment> {
  const events = new Map<string, EventFragment>();
  contract.forEachEvent((event) => events.set(event.topicHash, event));
  return events;
}

export function decodeLog(
  contract: Contract,
  log: Pick<Log, "topics" | "data">,
): { name: string; args: Record<string, unknown> } | null {
  const event = log.topics.length > 0 ? EVENTS_BY_TOPIC[contract].get(log.topics[0].toLowerCase()) : undefined;
  if (!event) return null;
  const args = INTERFACES[contract].decodeEventLog(event, log.data, log.topics);
  return { name: event.name, args: plain(args) as Record<string, unknown> };
}

function plain(value: unknown): unknown {
  if (value instanceof Result) {
    const keys = resultKeys(value);
    if (keys) return Object.fromEntries(keys.map((key, i) => [key, plain(value[i])]));
    return value.toArray().map(plain);
  }
  return value;
}

/** A Result's names when every field has one (a struct or an event's arguments), else null (an array). */
function resultKeys(result: Result): string[] | null {
  try {
    const object = result.toObject();
    const keys = Object.keys(object);
    return keys.length > 0 && keys.length === result.length && !keys.some((key) => /^_?\d*$/.test(key)) ? keys : null;
  } catch {
    return null;
  }
}

/** JSON for the audit trail: bigints as strings. */
export function toJson(value: unknown): unknown {
  if (typeof value === "bigint") return value.toString();
  if (Array.isArray(value)) return value.map(toJson);
  if (value && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, toJson(item)]));
  }
  return value;
}
