/**
 * The regulator's integrity check: everything the API serves from the chain, proved again from
 * the chain itself.
 *
 * The chain's logs are read a page at a time, from the deployment's block to the indexed block, and
 * applied through the indexer's own handlers (apply.ts) into temporary tables of the same names as
 * the audit trail and the projections, which shadow the real ones for this session only. Each real
 * table is then compared with its replayed twin, row by row and column by column: every changed
 * cell, every added and every deleted row is reported as {table, key, field, expected, found}, and
 * nothing else. Beside that, the indexed blocks are compared with the chain's headers, every stored
 * document and record is hashed again, and every hash the chain names must be stored.
 *
 * Each organisation's keys are checked too: which key signs for it now and which are retired, as
 * the replayed KeyRotated events say, against organisation_keys (its sealed material is the
 * platform's secret and cannot be proved from the chain; a pending key is no fact of the chain).
 *
 * What the replay reads of the database besides the chain (the organisations' addresses and the
 * records' texts) is what the indexer read. Every read of the real tables comes from one REPEATABLE
 * READ snapshot taken with the cursor, so the indexer committing meanwhile cannot make a row look
 * wrong. Memory stays bounded: a page of logs at a time, and the differences read through a cursor.
 */
import type { Queryable } from "../../db/db.js";
import { applyEvents, storedEvent, type StoredEvent } from "../../indexer/apply.js";
import { readHeaders, readLogs, type ChainLog } from "../../indexer/chainReader.js";
import { dateOfSeconds } from "../../domain/time.js";

export interface Mismatch {
  table: string;
  /** The row's key: its key columns' values joined with "/". */
  key: string;
  /** The column, or "row" for a row only one side has. */
  field: string;
  /** What the chain implies. */
  expected: unknown;
  /** What the database holds. */
  found: unknown;
}

export interface Progress {
  phase: "replaying" | "comparing" | "hashing";
  /** The block the replay starts at (the deployment's), the newest block replayed, and the block the check ends at. */
  fromBlock: number;
  block: number;
  toBlock: number;
  events: number;
}

/** Reports the check's progress: its phase, the block it has reached and the events replayed so far. */
type Reached = (phase: Progress["phase"], block: number, events: number) => void;

export interface IntegrityReport {
  ok: boolean;
  checked: number;
  checkedByKind: Record<string, number>;
  atBlock: number;
  mismatches: Mismatch[];
  /** All mismatches found; `mismatches` lists the first MAX_REPORTED of them. */
  mismatchCount: number;
}

export interface CheckTarget {
  rpcUrl: string;
  addresses: { finance: string; registry: string };
  startBlock: number;
}

/** The tables the API serves from the chain, each with the columns that identify a row. */
export const LEDGER_TABLES: Record<string, string[]> = {
  chain_events: ["block_number", "log_index"],
  chain_event_orgs: ["block_number", "log_index", "org_id"],
  platform_state: ["id"],
  patents: ["id"],
  appraisals: ["patent_id", "index"],
  products: ["id"],
  loans: ["id"],
  loan_patents: ["loan_id", "position"],
  notifications: ["id"],
};

/**
 * Tables the handlers also touch that hold more than the chain's facts (sealed keys, the reasons of
 * key rotations): shadowed empty for the replay, so it leaves the real ones alone, and checked
 * apart (compareSigningKeys).
 */
const SHADOWED_ONLY = ["organisation_keys", "key_rotations"];

export const MAX_REPORTED = 1_000;
/**
 * Logs per page: the span of blocks a page asks for starts small (a dense chain has thousands of
 * logs a block), doubles while pages stay under half of LOGS_PER_PAGE and halves past it; a page
 * over MAX_LOGS_PER_PAGE is asked again, narrower.
 */
const LOGS_PER_PAGE = 5_000;
const MAX_LOGS_PER_PAGE = 20_000;
const FIRST_SPAN = 16;
const MAX_SPAN = 10_000;
const ROWS_PER_FETCH = 1_000;
const BLOCKS_PER_FETCH = 250;

/** Where a hash the chain names is stored: document hashes and record hashes by event. */
const DOCUMENT_HASHES: [kind: string, argument: string][] = [
  ["PatentRegistered", "certificateHash"],
  ["AppraisalRecorded", "reportHash"],
  ["PatentTransferRecorded", "documentHash"],
];
const RECORD_HASHES: [kind: string, argument: string][] = [
  ["PatentRegistered", "metadataHash"],
  ["ProductCreated", "detailsHash"],
  ["LoanApplied", "purposeHash"],
  ["LoanRejected", "reasonHash"],
  ["LoanCancelled", "reasonHash"],
  ["PatentRejected", "reasonHash"],
  ["PatentRevoked", "reasonHash"],
  ["LoanDisbursed", "referenceHash"],
  ["RepaymentRecorded", "referenceHash"],
  ["CollateralDisposed", "referenceHash"],
];

class Findings {
  readonly listed: Mismatch[] = [];
  count = 0;

  add(mismatch: Mismatch): void {
    this.count += 1;
    if (this.listed.length < MAX_REPORTED) this.listed.push(mismatch);
  }
}

/**
 * Runs the check on `client`, a connection of its own (the check holds it for its whole length),
 * outside any transaction; `progress` hears of each page.
 */
export async function checkIntegrity(
  client: Queryable,
  target: CheckTarget,
  progress: (progress: Progress) => void = () => undefined,
): Promise<IntegrityReport> {
  await client.query("begin isolation level repeatable read");
  try {
    const cursor = await client.query<{ block_number: string }>("select block_number from indexer_cursor");
    const toBlock = Number(cursor.rows[0]?.block_number ?? target.startBlock - 1);
    const findings = new Findings();
    const reached: Reached = (phase, block, events) =>
      progress({ phase, fromBlock: target.startBlock, block, toBlock, events });
    await shadowLedgerTables(client);
    const events = await replayChain(client, target, toBlock, reached);
    reached("comparing", toBlock, events);
    const checkedByKind: Record<string, number> = {};
    for (const [table, key] of Object.entries(LEDGER_TABLES)) {
      checkedByKind[table] = await compareTable(client, table, key, findings);
    }
    checkedByKind.organisation_keys = await compareSigningKeys(client, findings);
    checkedByKind.indexed_blocks = await compareBlocks(client, target.rpcUrl, toBlock, findings);
    reached("hashing", toBlock, events);
    checkedByKind.documents = await checkDocuments(client, findings);
    checkedByKind.records = await checkRecords(client, findings);
    await checkHashesStored(client, findings);
    const checked = Object.values(checkedByKind).reduce((sum, count) => sum + count, 0);
    return {
      ok: findings.count === 0,
      checked,
      checkedByKind,
      atBlock: toBlock,
      mismatches: findings.listed,
      mismatchCount: findings.count,
    };
  } finally {
    // Nothing the check did is kept: the temporary tables go with the transaction.
    await client.query("rollback").catch(() => undefined);
  }
}

/**
 * Empty temporary twins of the ledger's tables: in this session they come first in the search
 * path, so the handlers' unqualified names write to them, while organisations and records (which
 * the replay reads) stay the real ones.
 */
async function shadowLedgerTables(client: Queryable): Promise<void> {
  for (const table of [...Object.keys(LEDGER_TABLES), ...SHADOWED_ONLY]) {
    await client.query(`create temporary table ${table} (like public.${table} including all) on commit drop`);
  }
}

/** Applies the chain's logs from the deployment's block to `toBlock`, a page at a time; returns how many. */
async function replayChain(client: Queryable, target: CheckTarget, toBlock: number, reached: Reached): Promise<number> {
  const addresses = [target.addresses.finance, target.addresses.registry];
  let events = 0;
  let span = FIRST_SPAN;
  for (let from = target.startBlock; from <= toBlock;) {
    const to = Math.min(toBlock, from + span - 1);
    const logs = await readLogs(target.rpcUrl, addresses, from, to);
    if (logs.length > MAX_LOGS_PER_PAGE && to > from) {
      span = Math.max(1, Math.floor(span / 2));
      continue;
    }
    const page = await eventsOf(target, logs);
    await applyEvents(client, page);
    events += page.length;
    reached("replaying", to, events);
    if (logs.length < LOGS_PER_PAGE / 2) span = Math.min(MAX_SPAN, span * 2);
    else if (logs.length > LOGS_PER_PAGE) span = Math.max(1, Math.floor(span / 2));
    from = to + 1;
  }
  return events;
}

/** The logs as the indexer stores them, with their blocks' times; undecodable logs are skipped, as the indexer does. */
async function eventsOf(target: CheckTarget, logs: ChainLog[]): Promise<StoredEvent[]> {
  const numbers = [...new Set(logs.map((log) => log.blockNumber))];
  const headers = await readHeaders(target.rpcUrl, numbers);
  const times = new Map(headers.flatMap((header) => (header ? [[header.number, header.timestamp] as const] : [])));
  return logs.flatMap((log) => {
    const time = times.get(log.blockNumber);
    const event = time === undefined ? null : storedEvent(target.addresses.finance, log, time);
    return event ? [event] : [];
  });
}

/**
 * The real table against its replayed twin (pg_temp): every row that differs, through a cursor.
 * Cells are compared in PostgreSQL as JSON (exactly, whatever the number of digits) and reported as
 * the API serialises them: numbers as decimal text.
 */
async function compareTable(client: Queryable, table: string, key: string[], findings: Findings): Promise<number> {
  const on = key.map((column) => `e.${column} = f.${column}`).join(" and ");
  const cursor = `differences_${table}`;
  const plain = (value: string) =>
    `case jsonb_typeof(${value}) when 'number' then to_jsonb(${value} #>> '{}') else ${value} end`;
  await client.query(
    `declare ${cursor} no scroll cursor for
       select case when e.ej is null then 'added' when f.fj is null then 'deleted' else 'changed' end as change,
              coalesce(e.ej, f.fj) as row,
              (select coalesce(jsonb_agg(jsonb_build_object('field', k, 'expected', ${plain("e.ej -> k")},
                                                             'found', ${plain("f.fj -> k")}) order by k), '[]')
                 from jsonb_object_keys(coalesce(e.ej, f.fj)) k
                where e.ej is not null and f.fj is not null and (e.ej -> k) is distinct from (f.fj -> k)) as cells
         from (select *, to_jsonb(e) as ej from pg_temp.${table} e) e
         full outer join (select *, to_jsonb(f) as fj from public.${table} f) f on ${on}
        where e.ej is distinct from f.fj
        order by ${key.map((column) => `coalesce(e.${column}, f.${column})`).join(", ")}`,
  );
  const keyOf = (row: Row) => key.map((column) => String(row[column])).join("/");
  for (;;) {
    const { rows } = await client.query<{ change: string; row: Row; cells: Omit<Mismatch, "table" | "key">[] }>(
      `fetch ${ROWS_PER_FETCH} from ${cursor}`,
    );
    for (const { change, row, cells } of rows) {
      if (change === "added")
        findings.add({ table, key: keyOf(row), field: "row", expected: "absent", found: "present" });
      else if (change === "deleted")
        findings.add({ table, key: keyOf(row), field: "row", expected: "present", found: "absent" });
      else for (const cell of cells) findings.add({ table, key: keyOf(row), ...cell });
    }
    if (rows.length < ROWS_PER_FETCH) break;
  }
  await client.query(`close ${cursor}`);
  const { rows } = await client.query<{ n: string }>(`select count(*) as n from public.${table}`);
  return Number(rows[0].n);
}

type Row = Record<string, unknown>;

/**
 * Each organisation's keys as the replayed chain has them (its identity key, then each KeyRotated's
 * new key; every old key retired, the last new key current) against organisation_keys, pending
 * keys aside: a changed state or organisation, or a key only one side has, is reported by address.
 */
async function compareSigningKeys(client: Queryable, findings: Findings): Promise<number> {
  return eachRow(
    client,
    `with rotated as (
       select lower(data->>'identity') as identity, lower(data->>'oldKey') as old_key,
              lower(data->>'newKey') as new_key
         from pg_temp.chain_events where kind = 'KeyRotated'),
     expected as (
       select distinct on (k.address) k.address, o.id::text as org_id,
              case when exists (select 1 from rotated r where r.old_key = k.address) then 'retired' else 'current' end
                as state
         from public.organisations o
         cross join lateral (select o.address union all select r.new_key from rotated r where r.identity = o.address)
           as k(address)
        order by k.address),
     found as (
       select address, org_id::text as org_id, state from public.organisation_keys where state <> 'pending')
     select coalesce(e.address, f.address) as address, e.org_id as expected_org, f.org_id as found_org,
            e.state as expected_state, f.state as found_state
       from expected e full outer join found f on f.address = e.address
      order by 1`,
    (row) => {
      const key = row.address as string;
      if (row.expected_state === null) {
        findings.add({ table: "organisation_keys", key, field: "row", expected: "absent", found: "present" });
      } else if (row.found_state === null) {
        findings.add({ table: "organisation_keys", key, field: "row", expected: "present", found: "absent" });
      } else {
        if (row.expected_state !== row.found_state)
          findings.add({
            table: "organisation_keys",
            key,
            field: "state",
            expected: row.expected_state,
            found: row.found_state,
          });
        if (row.expected_org !== row.found_org)
          findings.add({
            table: "organisation_keys",
            key,
            field: "org_id",
            expected: row.expected_org,
            found: row.found_org,
          });
      }
    },
  );
}

/** Each indexed block's hash and time against the chain's header; none above the checked block. */
async function compareBlocks(client: Queryable, rpcUrl: string, toBlock: number, findings: Findings) {
  await client.query(
    "declare indexed_blocks_read no scroll cursor for select number, hash, time from indexed_blocks order by number",
  );
  let checked = 0;
  for (;;) {
    const { rows } = await client.query<{ number: string; hash: string; time: Date }>(
      `fetch ${BLOCKS_PER_FETCH} from indexed_blocks_read`,
    );
    const numbers = rows.map((row) => Number(row.number));
    const headers = await readHeaders(
      rpcUrl,
      numbers.filter((number) => number <= toBlock),
    );
    const byNumber = new Map(headers.flatMap((header) => (header ? [[header.number, header] as const] : [])));
    for (const row of rows) {
      const key = String(row.number);
      const header = byNumber.get(Number(row.number));
      if (!header) {
        findings.add({ table: "indexed_blocks", key, field: "row", expected: "absent", found: "present" });
        continue;
      }
      if (header.hash !== row.hash)
        findings.add({ table: "indexed_blocks", key, field: "hash", expected: header.hash, found: row.hash });
      const time = dateOfSeconds(header.timestamp).toISOString();
      if (time !== row.time.toISOString())
        findings.add({ table: "indexed_blocks", key, field: "time", expected: time, found: row.time.toISOString() });
    }
    checked += rows.length;
    if (rows.length < BLOCKS_PER_FETCH) break;
  }
  await client.query("close indexed_blocks_read");
  return checked;
}

/** Every stored document's bytes hashed again, and its size. */
async function checkDocuments(client: Queryable, findings: Findings): Promise<number> {
  return eachRow(
    client,
    `select '0x' || encode(sha256, 'hex') as hash, '0x' || encode(sha256(content), 'hex') as digest,
            length(content) as length, size
       from documents order by sha256`,
    (row) => {
      const key = row.hash as string;
      if (row.digest !== key)
        findings.add({ table: "documents", key, field: "content", expected: key, found: row.digest });
      if (Number(row.length) !== Number(row.size))
        findings.add({ table: "documents", key, field: "size", expected: Number(row.length), found: Number(row.size) });
    },
  );
}

/** Every stored record's canonical text hashed again. */
async function checkRecords(client: Queryable, findings: Findings): Promise<number> {
  return eachRow(
    client,
    `select '0x' || encode(sha256, 'hex') as hash, '0x' || encode(sha256(convert_to(canonical, 'UTF8')), 'hex') as digest
       from records order by sha256`,
    (row) => {
      const key = row.hash as string;
      if (row.digest !== key)
        findings.add({ table: "records", key, field: "canonical", expected: key, found: row.digest });
    },
  );
}

/** Every document and record hash the chain's events name is stored (replayed events: the chain's own). */
async function checkHashesStored(client: Queryable, findings: Findings): Promise<void> {
  const missing = (table: "documents" | "records", pairs: [string, string][]) =>
    pairs
      .map(
        ([kind, argument]) =>
          `select distinct '${table}' as tbl, lower(data->>'${argument}') as hash from pg_temp.chain_events
            where kind = '${kind}' and not exists (
              select 1 from public.${table} s where s.sha256 = decode(substr(data->>'${argument}', 3), 'hex'))`,
      )
      .join(" union ");
  await eachRow(
    client,
    `${missing("documents", DOCUMENT_HASHES)} union ${missing("records", RECORD_HASHES)} order by 1, 2`,
    (row) =>
      findings.add({
        table: row.tbl as string,
        key: row.hash as string,
        field: "row",
        expected: "present",
        found: "absent",
      }),
  );
}

/** Runs `query` through a cursor, `each` on every row; returns how many. */
async function eachRow(client: Queryable, query: string, each: (row: Row) => void): Promise<number> {
  await client.query(`declare each_row no scroll cursor for ${query}`);
  let count = 0;
  for (;;) {
    const { rows } = await client.query(`fetch ${ROWS_PER_FETCH} from each_row`);
    rows.forEach(each);
    count += rows.length;
    if (rows.length < ROWS_PER_FETCH) break;
  }
  await client.query("close each_row");
  return count;
}
