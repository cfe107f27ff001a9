/**
 * Section 4, the indexer: a backfill of the contracts' events from the deployment's start block on a
 * fresh database, with the real indexer (backend/src/indexer), in events per second; next to
 * fetching the very same logs with eth_getLogs alone (the same provider, the same 2,000-block
 * ranges). 1,000,000 events at scale 1.
 *
 * The events are real: patent registrations (registerPatent: the ERC-721 mint's Transfer, then
 * PatentRegistered, two logs per transaction), sent by nine enterprises to anvil and mined ten
 * transactions to a block, with each patent's metadata record and certificate stored off chain as the API stores them.
 */
import path from "node:path";
import v8 from "node:v8";
import vm from "node:vm";
import { Interface, toQuantity } from "ethers";
import pg from "pg";
import { PatentRegistry__factory } from "../../../typechain-types/index.js";
import { Chain, rawRpc } from "../../../backend/src/chain/chain.js";
import { readDeployment } from "../../../backend/src/chain/deployment.js";
import { Database } from "../../../backend/src/db/db.js";
import { migrate } from "../../../backend/src/db/migrate.js";
import { PATENT_KINDS } from "../../../backend/src/domain/ledger.js";
import { checkDigit } from "../../../backend/src/domain/patentNumber.js";
import { recordOf } from "../../../backend/src/domain/records.js";
import { Indexer } from "../../../backend/src/indexer/indexer.js";
import { checkIntegrity } from "../../../backend/src/modules/audit/verify.js";
import { createLogger } from "../../../backend/src/logger.js";
import type { BenchContext, Section } from "../section.js";
import { effectiveScale, machineNote } from "../bench-env.js";
import { createDatabase, deployContracts, FULL_EVENTS, startServices } from "../dataset.js";

export const EVENTS_PER_SECOND_TARGET = 2_000;
export const INDEXER_RATIO_TARGET = 0.5;
/** The indexer's default batch (INDEXER_BATCH_BLOCKS) */
const BATCH_BLOCKS = 2_000;
/**
 * Registrations per block (about 150 M gas, a test chain's freedom). anvil slows as its chain
 * grows: with ten to a block it mined fewer than 200 a second past 20,000 registrations, with a
 * hundred fewer than 200 past 150,000, with a thousand still 700 there.
 */
const TRANSACTIONS_PER_BLOCK = 1_000;
/** Gas a registration uses (docs/gas.md: at most 150,000) and the limit each is sent with. */
const REGISTRATION_GAS_USED = 150_000;
const REGISTRATION_GAS_LIMIT = 250_000;
const SEND_AT_ONCE = 2_000;
const LOGS_PER_REGISTRATION = 2;

/** anvil's well-known development accounts 1..9 (account 0 deploys and administers). */
const ENTERPRISES = 9;

const KIND_DIGITS = ["1", "2", "3", "8", "9"];
const KIND_OF_DIGIT: Record<string, number> = { "1": 0, "8": 0, "2": 1, "9": 1, "3": 2 };

interface Registration {
  number: string;
  calldata: string;
  record: { hash: string; canonical: string };
  /** The certificate's bytes (a small text standing in for the file): its SHA-256 is anchored on chain. */
  certificate: string;
}

/** The i-th patent: a valid number (kind digit, check digit), its metadata record and the call. */
function registration(registry: Interface, i: number, now: number): Registration {
  const kindDigit = KIND_DIGITS[i % KIND_DIGITS.length];
  const digits = `${2015 + Math.floor(i / 10_000_000)}${kindDigit}${String(i % 10_000_000).padStart(7, "0")}`;
  const number = `CN${digits}.${checkDigit(digits)}`;
  const kind = KIND_OF_DIGIT[kindDigit];
  const grantDate = now - 3 * 365 * 86_400;
  const expiryDate = now + 17 * 365 * 86_400;
  const certificate = recordOf("certificate", { number });
  const certificateSha256 = certificate.hash;
  const record = recordOf("patent", {
    number,
    title: `一种用于知识产权质押融资的数据处理方法 ${i}`,
    patentKind: PATENT_KINDS[kind],
    grantDate,
    expiryDate,
    certificateSha256,
  });
  const calldata = registry.encodeFunctionData("registerPatent", [
    number,
    kind,
    grantDate,
    expiryDate,
    record.hash,
    certificateSha256,
  ]);
  return { number, calldata, record, certificate: certificate.canonical };
}

async function rpcBatch(url: string, calls: { method: string; params: unknown[] }[]): Promise<unknown[]> {
  const response = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(calls.map((call, id) => ({ jsonrpc: "2.0", id, ...call }))),
  });
  const replies = (await response.json()) as { id: number; result?: unknown; error?: { message: string } }[];
  const failed = replies.find((reply) => reply.error);
  if (failed) throw new Error(`${calls[failed.id].method}: ${failed.error!.message}`);
  return replies.sort((a, b) => a.id - b.id).map((reply) => reply.result);
}

/**
 * Registers patents until `transactions` are mined or the time budget is spent: a thousand sent at a
 * time (explicit nonces, so the node may take them in any order), then mined into blocks whose gas
 * limit holds about ten registrations each. The base fee is held at zero, as on a consortium chain,
 * so a long run of full blocks cannot price the senders out.
 */
async function generate(
  context: BenchContext,
  rpcUrl: string,
  registryAddress: string,
  senders: string[],
  transactions: number,
  budgetMs: number,
): Promise<{ registrations: Registration[]; seconds: number; budgetSpent: boolean }> {
  const registry = new Interface(PatentRegistry__factory.abi);
  const started = Date.now();
  const now = Math.floor(started / 1000);
  const registrations: Registration[] = [];
  const nonces = await Promise.all(
    senders.map(async (sender) => Number(await rawRpc<string>(rpcUrl, "eth_getTransactionCount", [sender, "pending"]))),
  );
  await rawRpc(rpcUrl, "evm_setAutomine", [false]);
  await rawRpc(rpcUrl, "evm_setBlockGasLimit", [
    toQuantity(TRANSACTIONS_PER_BLOCK * REGISTRATION_GAS_USED + REGISTRATION_GAS_LIMIT),
  ]);
  await rawRpc(rpcUrl, "anvil_setNextBlockBaseFeePerGas", ["0x0"]);
  let lastReport = started;
  let budgetSpent = false;
  try {
    while (registrations.length < transactions) {
      if (Date.now() - started > budgetMs) {
        budgetSpent = true;
        break;
      }
      const round: Registration[] = [];
      for (let k = 0; k < SEND_AT_ONCE && registrations.length + round.length < transactions; k++) {
        round.push(registration(registry, registrations.length + round.length, now));
      }
      await rpcBatch(
        rpcUrl,
        round.map((item, k) => {
          const sender = (registrations.length + k) % senders.length;
          return {
            method: "eth_sendTransaction",
            params: [
              {
                from: senders[sender],
                to: registryAddress,
                data: item.calldata,
                gas: toQuantity(REGISTRATION_GAS_LIMIT),
                gasPrice: "0x0",
                nonce: toQuantity(nonces[sender]++),
              },
            ],
          };
        }),
      );
      for (;;) {
        // No timeout on these: mining a thousand registrations takes the node a while on a long chain.
        const [pool] = (await rpcBatch(rpcUrl, [{ method: "txpool_status", params: [] }])) as {
          pending: string;
          queued: string;
        }[];
        const pending = Number(pool.pending) + Number(pool.queued);
        if (pending === 0) break;
        // Fewer blocks than the pool could fill, so no empty block is mined; the loop takes the rest.
        await rpcBatch(rpcUrl, [
          {
            method: "anvil_mine",
            params: [toQuantity(Math.max(1, Math.floor(pending / (TRANSACTIONS_PER_BLOCK * 1.5))))],
          },
        ]);
      }
      registrations.push(...round);
      if (Date.now() - lastReport > 15_000) {
        lastReport = Date.now();
        context.progress(`indexer: ${registrations.length.toLocaleString("en")} registrations mined`);
      }
    }
  } finally {
    await rawRpc(rpcUrl, "evm_setAutomine", [true]);
  }
  return { registrations, seconds: (Date.now() - started) / 1000, budgetSpent };
}

interface Range {
  from: number;
  to: number;
}

/**
 * eth_getLogs alone, as plain JSON-RPC (fetch and JSON.parse, as the indexer reads logs), over the
 * very block ranges the indexer's batches took.
 */
async function fetchLogsAlone(chain: Chain, ranges: Range[]) {
  const { finance, registry } = chain.addresses;
  const started = process.hrtime.bigint();
  let logs = 0;
  for (const { from, to } of ranges) {
    const found = await rawRpc<unknown[]>(
      chain.rpcUrl,
      "eth_getLogs",
      [{ address: [finance, registry], fromBlock: toQuantity(from), toBlock: toQuantity(to) }],
      60_000,
    );
    logs += found.length;
  }
  return { logs, seconds: Number(process.hrtime.bigint() - started) / 1e9 };
}

/** The integrity check's heap may grow this much at most, whatever the ledger's size. */
const CHECK_HEAP_BUDGET_MB = 64;

/** A full garbage collection, so the heap shows what is still held (V8's gc, exposed at run time). */
function collectGarbage(): () => void {
  v8.setFlagsFromString("--expose-gc");
  return vm.runInNewContext("gc") as () => void;
}

/**
 * The integrity check over the whole ledger: its time, its events, its mismatches and the most heap
 * it held, measured after a full garbage collection at each page of logs (so garbage not yet
 * collected does not count, and what the check keeps does).
 */
async function measureIntegrityCheck(databaseUrl: string, chain: Chain, startBlock: number) {
  const client = new pg.Client(databaseUrl);
  await client.connect();
  const gc = collectGarbage();
  gc();
  const heapAtStart = process.memoryUsage().heapUsed;
  let heapPeak = heapAtStart;
  let events = 0;
  let pages = 0;
  const started = process.hrtime.bigint();
  let collecting = 0n;
  try {
    const report = await checkIntegrity(
      client,
      { rpcUrl: chain.rpcUrl, addresses: chain.addresses, startBlock },
      (progress) => {
        events = progress.events;
        pages += 1;
        const before = process.hrtime.bigint();
        gc();
        heapPeak = Math.max(heapPeak, process.memoryUsage().heapUsed);
        collecting += process.hrtime.bigint() - before;
      },
    );
    return {
      // The collections are the measurement's cost, not the check's.
      seconds: Number(process.hrtime.bigint() - started - collecting) / 1e9,
      events,
      pages,
      heapGrowthMb: (heapPeak - heapAtStart) / 2 ** 20,
      mismatches: report.mismatchCount,
      firstMismatches: report.mismatches.slice(0, 3),
    };
  } finally {
    await client.end();
  }
}

export const indexer: Section = async (context) => {
  const target = Math.max(2_000, Math.round(FULL_EVENTS * effectiveScale(context)));
  const transactions = Math.ceil(target / LOGS_PER_REGISTRATION);
  // Past this, the run uses what it made and says so.
  const budgetMs = context.quick ? 120_000 : 20 * 60_000;
  const directory = path.join(context.workDir, "indexer");
  context.progress("indexer: starting PostgreSQL and anvil, deploying");
  // No historical states: nothing here reads state at an old block, and anvil keeps up longer.
  const services = await startServices(directory, { anvilArgs: ["--prune-history"] });
  const logger = createLogger("error");
  try {
    const accounts = (await rawRpc<string[]>(services.anvil.url, "eth_accounts", [])).map((a) => a.toLowerCase());
    const senders = accounts.slice(1, 1 + ENTERPRISES);
    const deploymentFile = path.join(directory, "deployment.json");
    const deployment = await deployContracts(
      services.anvil.url,
      deploymentFile,
      senders.map((address) => ({ role: "enterprise" as const, address })),
    );
    context.progress(`indexer: registering ${transactions.toLocaleString("en")} patents on anvil`);
    const generatedFrom = Number(await rawRpc<string>(services.anvil.url, "eth_blockNumber", []));
    const generated = await generate(
      context,
      services.anvil.url,
      deployment.contracts.PatentRegistry.address,
      senders,
      transactions,
      budgetMs,
    );

    // A fresh database, as a first start leaves it: migrated, the organisations onboarded (their
    // chain accounts are the senders), the patents' metadata records stored by the API before it sent them.
    const databaseUrl = await createDatabase(services.serverUrl, "bench_indexer");
    const db = new Database(databaseUrl, logger);
    const chain = await Chain.connect(services.anvil.url, readDeployment(deploymentFile));
    try {
      await migrate(db);
      await db.query(
        `insert into organisations (name, kind, address)
         select 'bench enterprise ' || n, 'enterprise', address
           from unnest($1::text[]) with ordinality as t(address, n)`,
        [senders],
      );
      await db.query(
        `insert into organisation_keys (address, org_id, state, encrypted_key)
         select address, id, 'current', '\\x00' from organisations where name like 'bench enterprise %'`,
      );
      for (let i = 0; i < generated.registrations.length; i += 10_000) {
        const slice = generated.registrations.slice(i, i + 10_000);
        await db.query(
          `insert into records (sha256, kind, canonical)
           select decode(substr(hash, 3), 'hex'), 'patent', canonical from unnest($1::text[], $2::text[]) as t(hash, canonical)`,
          [slice.map((item) => item.record.hash), slice.map((item) => item.record.canonical)],
        );
        await db.query(
          `insert into documents (sha256, filename, content_type, size, content, uploaded_by_org_id)
           select sha256(convert_to(content, 'UTF8')), 'certificate.txt', 'text/plain', octet_length(content),
                  convert_to(content, 'UTF8'), (select min(id) from organisations)
             from unnest($1::text[]) as t(content)`,
          [slice.map((item) => item.certificate)],
        );
      }
      await db.query("vacuum analyze");

      const head = await chain.provider.getBlockNumber();
      const blocks = head - generatedFrom;
      context.progress(`indexer: backfilling blocks ${deployment.startBlock} to ${head}`);
      // The batches' ranges, for the baseline to fetch the same.
      const ranges: Range[] = [];
      const backfill = new Indexer(db, chain, logger, {
        confirmations: 0,
        pollMs: 1_000,
        batchBlocks: BATCH_BLOCKS,
        startBlock: deployment.startBlock,
      });
      backfill.onBatch(({ from, to }) => ranges.push({ from, to }));
      const started = process.hrtime.bigint();
      backfill.start();
      let lastReport = Date.now();
      for (;;) {
        const cursor = await backfill.cursor();
        if (cursor && cursor.blockNumber >= head) break;
        if (backfill.lastError) throw new Error(`the indexer failed: ${backfill.lastError}`);
        if (Date.now() - lastReport > 15_000) {
          lastReport = Date.now();
          context.progress(`indexer: at block ${cursor?.blockNumber ?? "-"} of ${head}`);
        }
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      await backfill.stop();
      const { rows } = await db.query<{ count: string }>("select count(*) from chain_events");
      const indexed = Number(rows[0].count);

      context.progress(`indexer: eth_getLogs alone over the backfill's ${ranges.length} ranges, twice`);
      const alone = await fetchLogsAlone(chain, ranges);
      const again = await fetchLogsAlone(chain, ranges);
      const rawSeconds = Math.min(alone.seconds, again.seconds);
      const rate = indexed / seconds;
      const fetchRate = alone.logs / rawSeconds;
      const ratio = rate / fetchRate;

      context.progress(`indexer: the integrity check over the ${indexed.toLocaleString("en")} events`);
      const check = await measureIntegrityCheck(databaseUrl, chain, deployment.startBlock);
      const checkRate = check.events / check.seconds;
      if (check.mismatches > 0)
        throw new Error(
          `the integrity check found ${check.mismatches} mismatches on an untouched ledger, the first: ${JSON.stringify(check.firstMismatches)}`,
        );

      const notes = [
        `Events: ${indexed.toLocaleString("en")} (${generated.registrations.length.toLocaleString("en")} patent ` +
          `registrations, two logs each, plus the deployment's own), in ${(head - deployment.startBlock + 1).toLocaleString("en")} ` +
          `blocks (${(generated.registrations.length / blocks).toFixed(1)} transactions a block), sent by ${ENTERPRISES} enterprises to anvil and mined in ` +
          `${generated.seconds.toFixed(0)} s (${(generated.registrations.length / generated.seconds).toFixed(0)} transactions/s, ` +
          `${((generated.registrations.length * LOGS_PER_REGISTRATION) / generated.seconds).toFixed(0)} events/s made).` +
          (generated.budgetSpent
            ? ` The full ${target.toLocaleString("en")} events did not fit the ${budgetMs / 60_000}-minute budget for ` +
              "making them on this machine; the run used the events made by then."
            : ""),
        "Backfill: the real Indexer (backend/src/indexer) from the deployment's start block on a freshly migrated " +
          `database, with its defaults (batches of up to ${BATCH_BLOCKS} blocks and 20,000 logs, the range narrowed ` +
          `where blocks are dense), no confirmations, from start() until its cursor reached the head, in ` +
          `${ranges.length} batches: logs and block headers (plain JSON-RPC), handlers (patents, notifications), the ` +
          "audit trail, the cursor, one transaction per batch. anvil ran with --prune-history (no historical states), " +
          "which the indexer never needs. The patents' metadata records and certificates are in the database, as the API stores them " +
          "before sending.",
        `Integrity check: checkIntegrity (backend/src/modules/audit/verify.ts, what GET /api/audit/verify runs) on the ` +
          `backfilled database: the chain's ${check.events.toLocaleString("en")} events replayed a page at a time ` +
          `through the indexer's handlers into temporary tables, every ledger table compared with its replay, ` +
          `blocks, documents and records checked, in ${check.seconds.toFixed(0)} s; ${check.mismatches} mismatches. ` +
          `The heap it held was read after a full garbage collection at each of its ${check.pages} progress reports ` +
          "(each page of logs, and each phase after the replay); the collections' time is not counted.",
        "Baseline: eth_getLogs alone over the very ranges of the backfill's batches, as plain JSON-RPC (fetch and " +
          "JSON.parse, as the indexer reads them), run twice after the backfill; the faster counts. (The indexer " +
          "does not read through ethers' JsonRpcProvider: on Node its HTTP client copies the whole body again for " +
          "every chunk that arrives, and a batch of logs is a large body.)",
      ];
      notes.push(machineNote());
      if (ratio < INDEXER_RATIO_TARGET) {
        notes.push(
          `The backfill reached ${(ratio * 100).toFixed(1)}% of eth_getLogs alone. Fetching is the small part: the ` +
            "baseline only reads, while the indexer decodes every log with ethers' ABI coder (the event is found by " +
            "its topic, but the coder still builds a Result and checksums every address), runs its handler, which writes the " +
            "projection row by row (a patent registration is one insert into patents, in order, because later events " +
            "in the batch read what earlier ones wrote), and stores the audit trail (one multi-row insert per table " +
            "and batch). What would close the gap: projections written set-wise per batch (group the batch's events " +
            "by kind and apply each group with one statement, keeping order where one event reads another's row), " +
            "decoding in worker threads, and COPY instead of INSERT for the audit trail. Half of a read-only " +
            "eth_getLogs may not be reachable for any indexer that stores and projects what it reads.",
        );
      }
      if (rate < EVENTS_PER_SECOND_TARGET) {
        notes.push(
          `${rate.toFixed(0)} events/s is under the ${EVENTS_PER_SECOND_TARGET.toLocaleString("en")} target, for the same reasons.`,
        );
      }
      return {
        id: "indexer",
        title: "Indexer backfill",
        figures: [
          {
            name: "backfill with the real indexer",
            value: Math.round(rate),
            unit: "events/s",
            baseline: { name: "eth_getLogs alone, plain JSON-RPC, same ranges", value: Math.round(fetchRate) },
            ratio: Number(ratio.toFixed(3)),
            target: {
              text: `at least ${INDEXER_RATIO_TARGET * 100}% of eth_getLogs alone and at least ${EVENTS_PER_SECOND_TARGET.toLocaleString("en")} events/s`,
              met: ratio >= INDEXER_RATIO_TARGET && rate >= EVENTS_PER_SECOND_TARGET,
            },
          },
          {
            name: "integrity check (GET /api/audit/verify): the whole ledger replayed and compared",
            value: Math.round(checkRate),
            unit: "events/s",
            baseline: { name: "the backfill above", value: Math.round(rate) },
            ratio: Number((checkRate / rate).toFixed(3)),
          },
          {
            name: "integrity check: most heap held above its start",
            value: Number(check.heapGrowthMb.toFixed(1)),
            unit: "MB",
            target: {
              text: `at most ${CHECK_HEAP_BUDGET_MB} MB whatever the ledger's size (a page of logs at a time)`,
              met: check.heapGrowthMb <= CHECK_HEAP_BUDGET_MB,
            },
          },
          { name: "integrity check: mismatches", value: check.mismatches, unit: "mismatches" },
          { name: "events indexed", value: indexed, unit: "events" },
          { name: "backfill time", value: Number(seconds.toFixed(1)), unit: "s" },
          { name: "eth_getLogs alone, plain JSON-RPC", value: Number(rawSeconds.toFixed(2)), unit: "s" },
        ],
        notes,
      };
    } finally {
      chain.destroy();
      await db.close();
    }
  } finally {
    await services.stop();
  }
};

export default indexer;
