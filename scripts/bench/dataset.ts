/**
 * The benchmarks' services and data: an embedded PostgreSQL and an anvil node in the run's scratch
 * folder, fresh contracts, and a database filled with a synthetic year of history — organisations,
 * patents, loans, their patents and the audit trail (chain_events + chain_event_orgs, shaped as the
 * indexer writes them) — made by PostgreSQL itself with generate_series, so a million events take
 * seconds, not the hours it would take to put them through a chain.
 *
 * The platform starts on the fresh database first (it records the binding to the deployment,
 * creates the operator and indexes the deployment's own events, exactly as on a first start); the
 * synthetic rows are loaded after that, numbered above the chain's head. They are not on the chain:
 * the reads measured here never ask the chain about them (a loan's "now" is the head's time), but
 * /api/audit/verify would report every one of them.
 */
import { chmodSync, mkdirSync } from "node:fs";
import type { Server } from "node:http";
import { freePort } from "../../backend/test/support/ports.js";
import path from "node:path";
import { JsonRpcProvider, Wallet } from "ethers";
import pg from "pg";
import { startAnvil, type RunningAnvil } from "../../backend/src/chain/anvil.js";
import { loadConfig } from "../../backend/src/config/index.js";
import { startEmbeddedPostgres, type EmbeddedDatabase } from "../../backend/src/db/embedded.js";
import { INTERFACES } from "../../backend/src/chain/abis.js";
import { createLogger } from "../../backend/src/logger.js";
import { DEV_OPERATOR_KEY, listen, startPlatform, type Platform } from "../../backend/src/platform.js";
import { deployPlatform, type RoleGrant } from "../../shared/deployPlatform.js";
import { writeDeployment } from "../../backend/src/chain/deployment.js";

/** The full sizes, at scale 1: a busy city's platform after some years (docs/testing.md, Benchmarks). */
export const FULL_EVENTS = 1_000_000;
export const FULL_PATENTS = 100_000;
export const FULL_LOANS = 100_000;

export interface Sizes {
  patents: number;
  loans: number;
  events: number;
}

/** Patents and loans grow with the audit trail, one of each per ten events (the full sizes' proportions). */
export function sizesFor(events: number): Sizes {
  const total = Math.max(100, Math.round(events));
  return {
    patents: Math.round((total * FULL_PATENTS) / FULL_EVENTS),
    loans: Math.round((total * FULL_LOANS) / FULL_EVENTS),
    events: total,
  };
}

export interface Services {
  postgres: EmbeddedDatabase;
  anvil: RunningAnvil;
  /** the server's maintenance database, to create the benchmark databases on */
  serverUrl: string;
  stop(): Promise<void>;
}

/** An embedded PostgreSQL server and an anvil node, both in `directory`, on free loopback ports. */
export async function startServices(
  directory: string,
  chain: { genesis?: number; anvilArgs?: string[]; onLog?: (chunk: string) => void } = {},
): Promise<Services> {
  mkdirSync(directory, { recursive: true });
  // Run as root, PostgreSQL runs as `postgres`, which must reach its folder through the scratch folder.
  if (process.getuid?.() === 0) for (const folder of [path.dirname(directory), directory]) chmodSync(folder, 0o755);
  const postgres = await startEmbeddedPostgres({
    directory: path.join(directory, "postgres"),
    port: await freePort(),
    database: "postgres",
  });
  let anvil: RunningAnvil;
  try {
    anvil = await startAnvil({
      port: await freePort(),
      timestamp: chain.genesis,
      extraArgs: chain.anvilArgs,
      onLog: chain.onLog,
    });
  } catch (error) {
    await postgres.stop();
    throw error;
  }
  return {
    postgres,
    anvil,
    serverUrl: postgres.url,
    stop: async () => {
      await anvil.stop();
      await postgres.stop();
    },
  };
}

/** A new, empty database on the server; returns its URL. */
export async function createDatabase(serverUrl: string, name: string): Promise<string> {
  const client = new pg.Client(serverUrl);
  await client.connect();
  try {
    await client.query(`create database ${name}`);
  } finally {
    await client.end();
  }
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

/** Fresh contracts, deployed by the dev operator account; writes the deployment file the backend reads. */
export async function deployContracts(rpcUrl: string, deploymentFile: string, roleGrants: RoleGrant[] = []) {
  const provider = new JsonRpcProvider(rpcUrl, undefined, { cacheTimeout: -1 });
  try {
    const deployment = await deployPlatform(new Wallet(DEV_OPERATOR_KEY, provider), { roleGrants });
    writeDeployment(deploymentFile, 31337n, deployment);
    return deployment;
  } finally {
    provider.destroy();
  }
}

export interface RunningApi {
  url: string;
  platform: Platform;
  databaseUrl: string;
  stop(): Promise<void>;
}

/**
 * The real API (startPlatform, as `npm start` and the tests build it) on `databaseUrl`, listening on
 * a free port, once its indexer has caught up with the chain.
 */
export async function startApi(options: {
  databaseUrl: string;
  rpcUrl: string;
  deploymentFile: string;
  dataDir: string;
  /** More environment for loadConfig. */
  env?: Record<string, string>;
}): Promise<RunningApi> {
  const config = loadConfig({
    NODE_ENV: "production",
    DATA_DIR: options.dataDir,
    DATABASE_URL: options.databaseUrl,
    RPC_URL: options.rpcUrl,
    DEPLOYMENT_FILE: options.deploymentFile,
    ADMIN_PASSWORD: "bench-admin-password",
    LOG_LEVEL: "error",
    ...options.env,
  });
  const platform = await startPlatform(config, createLogger(config.logLevel));
  const server = await listen(platform.app, 0, "127.0.0.1");
  const address = server.address();
  const url = `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}`;
  const head = await platform.ctx.chain.provider.getBlockNumber();
  await platform.ctx.indexer.waitFor(head);
  return {
    url,
    platform,
    databaseUrl: options.databaseUrl,
    stop: async () => {
      await closeServer(server);
      // A load generator that hangs up leaves handlers still running on the server's side: let the
      // pool fall quiet (five seconds at most) before it is ended under them.
      const { pool } = platform.ctx.db;
      for (let quiet = 0, waited = 0; quiet < 3 && waited < 5_000; waited += 50) {
        quiet = pool.waitingCount === 0 && pool.idleCount === pool.totalCount ? quiet + 1 : 0;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      await platform.stop();
    },
  };
}

/**
 * Stops accepting connections and lets the requests a load generator left in flight finish (five
 * seconds at most) before the caller takes the database away from under them.
 */
export async function closeServer(server: Server): Promise<void> {
  const closed = new Promise<void>((resolve) => server.close(() => resolve()));
  server.closeIdleConnections();
  const timer = setTimeout(() => server.closeAllConnections(), 5_000);
  await closed;
  clearTimeout(timer);
}

/** What the synthetic data holds, for building requests against it. */
export interface Dataset {
  sizes: Sizes;
  /** user ids (for tokens) and organisation ids */
  regulator: { userId: string; orgId: string };
  banks: { userId: string; orgId: string }[];
  enterprises: string[];
  /** the loans' ids run from 1 to sizes.loans */
  loans: number;
  /** the audit trail's time span, unix seconds */
  from: number;
  to: number;
  loadSeconds: number;
}

const DAY = 86_400;
const YEAR = 365 * DAY;
const BANKS = 20;
const APPRAISERS = 10;
const PRODUCTS_PER_BANK = 3;

/**
 * The status a loan reaches and the events on its way there, by `i % 100`: the mix of a portfolio a
 * year into the platform's life (30% closed, 30% repaying, the rest spread over every other state).
 * Repayments are added afterwards to make the events' total exact.
 */
const LOAN_PATHS: { upTo: number; status: string; before: string[]; after: string[]; repays: boolean }[] = [
  {
    upTo: 30,
    status: "closed",
    before: ["LoanApplied", "LoanApproved", "PledgeRegistered", "LoanDisbursed"],
    after: ["PledgeReleased"],
    repays: true,
  },
  {
    upTo: 60,
    status: "disbursed",
    before: ["LoanApplied", "LoanApproved", "PledgeRegistered", "LoanDisbursed"],
    after: [],
    repays: true,
  },
  {
    upTo: 65,
    status: "repaid",
    before: ["LoanApplied", "LoanApproved", "PledgeRegistered", "LoanDisbursed"],
    after: [],
    repays: true,
  },
  { upTo: 70, status: "applied", before: ["LoanApplied"], after: [], repays: false },
  { upTo: 73, status: "approved", before: ["LoanApplied", "LoanApproved"], after: [], repays: false },
  {
    upTo: 76,
    status: "pledged",
    before: ["LoanApplied", "LoanApproved", "PledgeRegistered"],
    after: [],
    repays: false,
  },
  { upTo: 84, status: "rejected", before: ["LoanApplied", "LoanRejected"], after: [], repays: false },
  { upTo: 88, status: "withdrawn", before: ["LoanApplied", "LoanWithdrawn"], after: [], repays: false },
  { upTo: 90, status: "cancelled", before: ["LoanApplied", "LoanApproved", "LoanCancelled"], after: [], repays: false },
  {
    upTo: 95,
    status: "defaulted",
    before: ["LoanApplied", "LoanApproved", "PledgeRegistered", "LoanDisbursed", "LoanDefaulted"],
    after: [],
    repays: false,
  },
  {
    upTo: 100,
    status: "disposed",
    before: [
      "LoanApplied",
      "LoanApproved",
      "PledgeRegistered",
      "LoanDisbursed",
      "LoanDefaulted",
      "LossCompensated",
      "CollateralDisposed",
    ],
    after: [],
    repays: false,
  },
];

/** Who acts in each loan event (the audit trail's actor, and so one of the organisations it concerns). */
const LOAN_ACTORS: Record<string, "enterprise" | "bank" | "ipoffice" | "fund"> = {
  LoanApplied: "enterprise",
  LoanWithdrawn: "enterprise",
  LoanApproved: "bank",
  LoanRejected: "bank",
  LoanCancelled: "bank",
  LoanDisbursed: "bank",
  RepaymentRecorded: "bank",
  LoanDefaulted: "bank",
  CollateralDisposed: "bank",
  PledgeRegistered: "ipoffice",
  PledgeReleased: "ipoffice",
  LossCompensated: "fund",
};

/** topic0 of every event the data uses: the real signature hashes, so the stored logs look like the node's. */
function topicsByKind(): Record<string, string> {
  const topics: Record<string, string> = {};
  for (const contract of ["PledgeFinance", "PatentRegistry"] as const) {
    INTERFACES[contract].forEachEvent((event) => {
      topics[event.name] = event.topicHash;
    });
  }
  return topics;
}

/**
 * Fills a database that the platform has just set up (migrated, bound, operator created, the
 * deployment's events indexed) with `sizes` of synthetic history ending now, in blocks numbered from
 * `firstBlock` up. One transaction; ANALYZE afterwards, as autovacuum would soon do.
 */
export async function loadDataset(databaseUrl: string, sizes: Sizes, firstBlock: number): Promise<Dataset> {
  const started = Date.now();
  const client = new pg.Client(databaseUrl);
  await client.connect();
  const enterprises = Math.max(10, Math.round(sizes.events / 500));
  const to = Math.floor(Date.now() / 1000) - 3600;
  const from = to - YEAR;
  try {
    await client.query("begin");
    // The ledger's tables take writes from the indexer only (migration 012): this synthetic ledger
    // stands in for what the indexer would have written.
    await client.query("select set_config('ipledge.writer', 'indexer', true)");
    await client.query("set local synchronous_commit = off");
    await client.query("set local work_mem = '256MB'");
    await client.query("set local maintenance_work_mem = '512MB'");
    // Organisations. Their keys are placeholders: no synthetic organisation ever signs.
    await client.query(
      `insert into organisations (name, kind, address)
       select 'bench ' || kind || ' ' || n, kind,
              '0x' || encode(substr(sha256(convert_to('bench-org-' || kind || n, 'UTF8')), 1, 20), 'hex')
         from (values ('regulator', 1), ('ipoffice', 1), ('fund', 1), ('appraiser', $1::int), ('bank', $2::int),
                      ('enterprise', $3::int)) as k(kind, count),
              generate_series(1, count) as n
        order by kind, n`,
      [APPRAISERS, BANKS, enterprises],
    );
    await client.query(
      `insert into organisation_keys (address, org_id, state, encrypted_key)
       select address, id, 'current', '\\x00' from organisations where name like 'bench %'`,
    );
    // A user per regulator, bank and enterprise; the tokens are issued directly, nobody signs in.
    await client.query(
      `insert into users (username, password_hash, org_id)
       select 'bench_' || o.kind || '_' || o.id, '!synthetic', o.id
         from organisations o where o.name like 'bench %' and o.kind in ('regulator', 'bank', 'enterprise')`,
    );
    await client.query(
      `create temp table bench_orgs on commit drop as
       select kind, array_agg(id order by id) as ids, array_agg(address order by id) as addresses
         from organisations where name like 'bench %' group by kind`,
    );
    await client.query(
      `insert into products (id, bank_address, bank_org_id, name, description, max_amount, min_rate_bps, max_rate_bps,
         max_term_days, ltv_bps, active, details_hash, created_at, tx_hash, block_number)
       select p, b.addresses[1 + (p - 1) / $1::int], b.ids[1 + (p - 1) / $1::int], '知识产权质押贷 ' || p, 'bench product',
              10000000000, 300, 900, 1095, 5000, true, sha256(convert_to('product' || p, 'UTF8')),
              to_timestamp($2), '0x' || encode(sha256(convert_to('product-tx' || p, 'UTF8')), 'hex'), $3
         from generate_series(1, $4::int) as p, bench_orgs b where b.kind = 'bank'`,
      [PRODUCTS_PER_BANK, from, firstBlock, PRODUCTS_PER_BANK * BANKS],
    );

    // The plan of every loan: its path of events; repayments make the total exact.
    const paths = LOAN_PATHS.map(
      (p, i) =>
        `(${i}, ${p.upTo}, '${p.status}', array[${p.before.map((k) => `'${k}'`).join(",")}]::text[], ` +
        `array[${p.after.map((k) => `'${k}'`).join(",")}]::text[], ${p.repays})`,
    );
    await client.query(
      `create temp table bench_paths (rank int, up_to int, status text, before text[], after text[], repays boolean)
         on commit drop`,
    );
    await client.query(`insert into bench_paths values ${paths.join(", ")}`);
    await client.query(
      `create temp table bench_loans on commit drop as
       select i, p.status, p.before, p.after, p.repays
         from generate_series(1, $1::int) as i
         join lateral (select * from bench_paths where (i % 100) < up_to order by up_to limit 1) p on true`,
      [sizes.loans],
    );
    const { rows: counts } = await client.query<{ base: string; repaying: string }>(
      `select sum(cardinality(before) + cardinality(after)) as base, count(*) filter (where repays) as repaying
         from bench_loans`,
    );
    const repayments = Math.max(0, sizes.events - 4 * sizes.patents - Number(counts[0].base));
    const repaying = Math.max(1, Number(counts[0].repaying));
    await client.query(
      `create temp table bench_loan_events on commit drop as
       with numbered as (
         select l.*, row_number() over (order by i) as r from bench_loans l where repays
       ), plans as (
         select i, before || array_fill('RepaymentRecorded'::text, array[($1::int / $2::int + (r <= $1::int % $2::int)::int)])
                  || after as kinds
           from numbered
         union all
         select i, before || after from bench_loans where not repays
       )
       select i, kind, ordinality::int - 1 as step from plans, unnest(kinds) with ordinality as kind`,
      [repayments, repaying],
    );

    // Patents: one per loan (loan i holds patent i), owned by the loan's enterprise.
    await client.query(
      `create temp table bench_patents on commit drop as
       select i,
              'CN' || (2014 + i % 9) || (array['1','2','3','8','9'])[1 + i % 5] || lpad(i::text, 7, '0') || '.' || (i % 10)
                as id,
              (array['invention','utility_model','design','invention','utility_model'])[1 + i % 5] as kind,
              1 + (i - 1) % $2::int as owner,
              to_timestamp($3 + (i::float8 / $1) * $4 * 0.85) as registered_at
         from generate_series(1, $1::int) as i`,
      [sizes.patents, enterprises, from, YEAR],
    );
    await client.query(
      `insert into patents (id, token_id, kind, status, owner_address, owner_org_id, title, grant_date, expiry_date,
         fee_paid_until, loan_id, metadata_hash, certificate_sha256, registered_at, tx_hash, block_number)
       select p.id, 1e70::numeric + p.i, p.kind,
              case when l.status in ('pledged', 'disbursed', 'repaid', 'defaulted') then 'pledged' else 'verified' end,
              e.addresses[p.owner], e.ids[p.owner], '一种知识产权质押融资的方法 ' || p.i,
              p.registered_at - interval '3 years', p.registered_at + interval '17 years',
              p.registered_at + interval '2 years',
              case when l.status in ('applied', 'approved', 'pledged', 'disbursed', 'repaid', 'defaulted', 'disposed')
                   then l.i end,
              sha256(convert_to('metadata' || p.id, 'UTF8')), sha256(convert_to('certificate' || p.id, 'UTF8')),
              p.registered_at, '0x' || encode(sha256(convert_to('patent-tx' || p.i, 'UTF8')), 'hex'), $1
         from bench_patents p
         join bench_orgs e on e.kind = 'enterprise'
         left join bench_loans l on l.i = p.i`,
      [firstBlock],
    );
    await client.query(
      `insert into appraisals (patent_id, index, appraiser_address, appraiser_org_id, value, valid_until, recorded_at,
         report_sha256, tx_hash, block_number)
       select p.id, 0, a.addresses[1 + p.i % $1], a.ids[1 + p.i % $1], 2000000000::bigint + (p.i::bigint * 7919) % 1000 * 10000000,
              p.registered_at + interval '2 years', p.registered_at + interval '5 days',
              sha256(convert_to('report' || p.id, 'UTF8')),
              '0x' || encode(sha256(convert_to('appraisal-tx' || p.i, 'UTF8')), 'hex'), $2
         from bench_patents p join bench_orgs a on a.kind = 'appraiser'`,
      [APPRAISERS, firstBlock],
    );
    await client.query(
      `insert into loans (id, status, borrower_address, enterprise_org_id, bank_address, bank_org_id, product_id,
         requested_amount, amount, rate_bps, term_days, purpose, purpose_hash, appraised_total, registration_no,
         registered_at, estimated_maturity_at, disbursed_at, maturity_at, grace_days, fund_share_bps,
         principal_outstanding, accrued_at, repaid, outstanding_at_default, defaulted_at, compensated, compensation,
         applied_at, updated_at, tx_hash, block_number)
       select l.i, l.status, e.addresses[p.owner], e.ids[p.owner], b.addresses[1 + (l.i % $1::int) / $2::int],
              b.ids[1 + (l.i % $1::int) / $2::int], 1 + l.i % $1::int, 1000000000 + (l.i::bigint * 7919) % 100 * 10000000,
              case when approved then 900000000 + (l.i::bigint * 7919) % 100 * 10000000 end,
              case when approved then 350 + l.i % 450 end, 365, '流动资金周转 ' || l.i,
              sha256(convert_to('purpose' || l.i, 'UTF8')), case when approved then 2000000000 end,
              case when pledged then '质押登记 ' || l.i end, case when pledged then applied + interval '6 days' end,
              case when pledged then applied + interval '371 days' end,
              case when disbursed then applied + interval '8 days' end,
              case when disbursed then applied + interval '373 days' end,
              case when disbursed then 90 end, case when disbursed then 5000 end,
              case when l.status in ('disbursed', 'defaulted') then 600000000 else 0 end,
              case when disbursed then applied + interval '8 days' end,
              case when l.status in ('repaid', 'closed') then 940000000 when l.status = 'disbursed' then 330000000 else 0 end,
              case when l.status in ('defaulted', 'disposed') then 640000000 end,
              case when l.status in ('defaulted', 'disposed') then applied + interval '300 days' end,
              l.status = 'disposed', case when l.status = 'disposed' then 320000000 else 0 end,
              applied, applied + interval '30 days',
              '0x' || encode(sha256(convert_to('loan-tx' || l.i, 'UTF8')), 'hex'), $3
         from (select l.*, p.registered_at + interval '7 days' as applied,
                      l.status not in ('applied', 'rejected', 'withdrawn') as approved,
                      l.status not in ('applied', 'rejected', 'withdrawn', 'approved', 'cancelled') as pledged,
                      l.status in ('disbursed', 'repaid', 'closed', 'defaulted', 'disposed') as disbursed
                 from bench_loans l join bench_patents p on p.i = l.i) l
         join bench_patents p on p.i = l.i
         join bench_orgs e on e.kind = 'enterprise'
         join bench_orgs b on b.kind = 'bank'`,
      [PRODUCTS_PER_BANK * BANKS, PRODUCTS_PER_BANK, firstBlock],
    );
    await client.query(
      `insert into loan_patents (loan_id, position, patent_id)
       select l.i, 0, p.id from bench_loans l join bench_patents p on p.i = l.i`,
    );

    // The audit trail. Each transaction is a block of its own (a quiet consortium chain); a
    // registration's transaction has two logs (the ERC-721 mint, then PatentRegistered).
    await client.query(
      `create temp table bench_events on commit drop as
       with patent_events as (
         select 'patent' as entity, p.id as entity_id, 'PatentRegistry' as contract, k.kind, p.i, p.owner,
                p.registered_at + k.after as at, k.step, k.log_index,
                case k.kind when 'PatentVerified' then 'ipoffice' when 'AppraisalRecorded' then 'appraiser'
                            else 'enterprise' end as actor_kind
           from bench_patents p,
                (values ('Transfer', interval '0', 0, 0), ('PatentRegistered', interval '0', 0, 1),
                        ('PatentVerified', interval '2 days', 1, 0), ('AppraisalRecorded', interval '5 days', 2, 0))
                  as k(kind, after, step, log_index)
       ), loan_events as (
         select 'loan', e.i::text, 'PledgeFinance', e.kind, e.i, p.owner,
                least(p.registered_at + interval '7 days' + e.step * interval '3 days'
                      + greatest(e.step - 3, 0) * interval '27 days', to_timestamp($1)),
                e.step, 0, ${actorCase("e.kind")}
           from bench_loan_events e join bench_patents p on p.i = e.i
       ), events as (
         select * from patent_events union all select * from loan_events
       )
       select ev.*, $2::bigint - 1 + dense_rank() over (order by ev.at, ev.entity, ev.entity_id, ev.step) as block_number,
              case ev.actor_kind when 'enterprise' then e.ids[ev.owner]
                                 when 'bank' then b.ids[1 + (ev.i % $3::int) / $4::int]
                                 else o.ids[1 + ev.i % cardinality(o.ids)] end as actor_id,
              case ev.actor_kind when 'enterprise' then e.addresses[ev.owner]
                                 when 'bank' then b.addresses[1 + (ev.i % $3::int) / $4::int]
                                 else o.addresses[1 + ev.i % cardinality(o.ids)] end as actor_address,
              e.ids[ev.owner] as owner_id, e.addresses[ev.owner] as owner_address,
              case when ev.entity = 'loan' then b.ids[1 + (ev.i % $3::int) / $4::int] end as bank_id
         from events ev
         join bench_orgs o on o.kind = ev.actor_kind
         join bench_orgs e on e.kind = 'enterprise'
         join bench_orgs b on b.kind = 'bank'`,
      [to, firstBlock, PRODUCTS_PER_BANK * BANKS, PRODUCTS_PER_BANK],
    );
    const topics = topicsByKind();
    await client.query(
      `insert into chain_events (block_number, log_index, tx_hash, tx_index, block_hash, block_time, contract, kind,
         entity, entity_id, org_id, actor, data, topics, log_data)
       select block_number, log_index, '0x' || encode(sha256(convert_to('tx' || block_number, 'UTF8')), 'hex'), 0,
              '0x' || encode(sha256(convert_to('block' || block_number, 'UTF8')), 'hex'), at, contract, kind,
              entity, entity_id, actor_id, actor_address,
              case when entity = 'patent' then jsonb_build_object(
                     'patentId', (1e70::numeric + i)::text, 'owner', owner_address, 'number', entity_id,
                     'kind', i % 3, 'grantDate', extract(epoch from at)::bigint - 94608000,
                     'expiryDate', extract(epoch from at)::bigint + 536112000,
                     'metadataHash', '0x' || encode(sha256(convert_to('metadata' || entity_id, 'UTF8')), 'hex'),
                     'certificateHash', '0x' || encode(sha256(convert_to('certificate' || entity_id, 'UTF8')), 'hex'))
                   else jsonb_build_object(
                     'loanId', entity_id, 'actor', actor_address, 'borrower', owner_address,
                     'amount', (900000000 + (i::bigint * 7919) % 100 * 10000000)::text,
                     'patentIds', jsonb_build_array((1e70::numeric + i)::text),
                     'purposeHash', '0x' || encode(sha256(convert_to('purpose' || i, 'UTF8')), 'hex'))
              end,
              array[($1::jsonb ->> kind), '0x' || lpad(to_hex(i), 64, '0'),
                    '0x000000000000000000000000' || substr(actor_address, 3)],
              '0x' || repeat(encode(sha256(convert_to(kind || i, 'UTF8')), 'hex'), 4)
         from bench_events`,
      [JSON.stringify(topics)],
    );
    // Whom each event concerns: its actor, the patent's owner or the loan's enterprise and bank.
    await client.query(
      `insert into chain_event_orgs (org_id, block_number, log_index)
       select distinct x.org_id, ev.block_number, ev.log_index
         from bench_events ev, unnest(array[ev.actor_id, ev.owner_id, ev.bank_id]) as x(org_id)
        where x.org_id is not null`,
    );
    await client.query(
      `insert into indexed_blocks (number, hash, time)
       select distinct block_number, block_hash, block_time from chain_events where block_number >= $1`,
      [firstBlock],
    );
    const { rows: made } = await client.query<{ events: string; loans: string; patents: string }>(
      `select (select count(*) from chain_events where block_number >= $1) as events,
              (select count(*) from loans) as loans, (select count(*) from patents) as patents`,
      [firstBlock],
    );
    const madeSizes = {
      events: Number(made[0].events),
      loans: Number(made[0].loans),
      patents: Number(made[0].patents),
    };
    if (
      JSON.stringify(madeSizes) !== JSON.stringify({ events: sizes.events, loans: sizes.loans, patents: sizes.patents })
    ) {
      throw new Error(`the synthetic data came out at ${JSON.stringify(madeSizes)}, not ${JSON.stringify(sizes)}`);
    }
    await client.query("commit");
  } catch (error) {
    await client.query("rollback").catch(() => undefined);
    throw error;
  } finally {
    await client.end();
  }
  await analyze(databaseUrl);
  return describeDataset(databaseUrl, sizes, from, to, (Date.now() - started) / 1000);
}

function actorCase(column: string): string {
  const cases = Object.entries(LOAN_ACTORS).map(([kind, actor]) => `when '${kind}' then '${actor}'`);
  return `case ${column} ${cases.join(" ")} end`;
}

async function analyze(databaseUrl: string): Promise<void> {
  const client = new pg.Client(databaseUrl);
  await client.connect();
  try {
    await client.query("vacuum analyze");
  } finally {
    await client.end();
  }
}

async function describeDataset(
  databaseUrl: string,
  sizes: Sizes,
  from: number,
  to: number,
  loadSeconds: number,
): Promise<Dataset> {
  const client = new pg.Client(databaseUrl);
  await client.connect();
  try {
    const { rows } = await client.query<{ kind: string; user_id: string; org_id: string }>(
      `select o.kind, u.id as user_id, o.id as org_id from organisations o join users u on u.org_id = o.id
        where o.name like 'bench %' order by o.id`,
    );
    const regulator = rows.find((row) => row.kind === "regulator")!;
    return {
      sizes,
      regulator: { userId: regulator.user_id, orgId: regulator.org_id },
      banks: rows.filter((row) => row.kind === "bank").map((row) => ({ userId: row.user_id, orgId: row.org_id })),
      enterprises: rows.filter((row) => row.kind === "enterprise").map((row) => row.org_id),
      loans: sizes.loans,
      from,
      to,
      loadSeconds,
    };
  } finally {
    await client.end();
  }
}
