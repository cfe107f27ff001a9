/**
 * Edits by hand in PostgreSQL, the way an insider with database access would (docs/product.md, the
 * guarantees). The ledger's tables refuse every edit but the indexer's; a superuser can still get
 * past the refusal (session_replication_role = replica skips triggers), and then the integrity
 * check must report exactly what was changed. For every table and column the API serves from the
 * chain: one changed cell, then one inserted and one deleted row, each reported as exactly one
 * {table, key, field, expected, found}; put back, the check is clean again.
 */
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LEDGER_TABLES } from "../src/modules/audit/verify.js";
import { median, reportFigures } from "./support/figures.js";
import { expectStatus, startTestPlatform, type TestPlatform } from "./support/platform.js";
import { document, isoDaysFrom, newPatentNumber, onboardCast, type World, publishProduct } from "./support/world.js";

type Row = Record<string, unknown>;

/** A row as JSON with its numbers as decimal text, as the integrity check reports cells (amounts can exceed a double). */
const asServed = (alias: string) =>
  `(select jsonb_object_agg(k, case jsonb_typeof(v) when 'number' then to_jsonb(v #>> '{}') else v end)
      from jsonb_each(to_jsonb(${alias})) x(k, v))`;

/** A different value of the same type: what a tamperer would write into the cell. */
const CHANGED: Record<string, (column: string) => string> = {
  text: (column) => `coalesce(${column} || 'x', 'x')`,
  bigint: (column) => `coalesce(${column} + 1000003, 1)`,
  integer: (column) => `coalesce(${column} + 1003, 1)`,
  numeric: (column) => `coalesce(${column} + 1000003, 1)`,
  boolean: (column) => `not coalesce(${column}, false)`,
  "timestamp with time zone": (column) => `coalesce(${column}, now()) + interval '1 second'`,
  bytea: (column) => `sha256(coalesce(${column}, '\\x00'::bytea))`,
  jsonb: (column) => `coalesce(${column}, '{}'::jsonb) || '{"tampered": true}'::jsonb`,
  ARRAY: (column) => `array_append(${column}, '0x00')`,
};

/** An inserted row: a copy of an existing one under a key nothing on chain has. */
const INSERTED_KEY: Record<string, string> = {
  chain_events: "log_index = log_index + 1000",
  chain_event_orgs: "org_id = org_id + 1000",
  patents: "id = id || '0', token_id = token_id + 1000003",
  appraisals: "index = index + 1000",
  products: "id = id + 1000",
  loans: "id = id + 1000",
  loan_patents: "position = position + 1000",
  notifications: "id = id || '-x'",
};

/** What the schema itself refuses, so no hand edit can make it (platform_state has one row, id true). */
const REFUSED_BY_SCHEMA = ["platform_state.id", "platform_state: insert"];

describe("tampering with the database by hand", () => {
  let platform: TestPlatform;
  let world: World;
  /** A superuser's connection that gets past the indexer-only triggers. */
  let superuser: pg.Client;
  let loanId: string;

  beforeAll(async () => {
    platform = await startTestPlatform();
    world = await onboardCast(platform);
    superuser = new pg.Client(platform.databaseUrl);
    await superuser.connect();
    await superuser.query("set session_replication_role = replica");
    const c = world.clients;
    const health = expectStatus(await platform.anonymous.get("/health"), 200).body;
    const now = Math.floor(Date.parse(health.chain.time) / 1000);
    const patent = newPatentNumber();
    expectStatus(
      await c.ent1.post("/patents", {
        number: patent,
        title: "A patent someone will tamper with",
        kind: "invention",
        grantDate: isoDaysFrom(now, -400),
        expiryDate: isoDaysFrom(now, 3650),
        certificate: document(),
      }),
      201,
    );
    expectStatus(await c.ipoffice1.post(`/patents/${patent}/verify`, { feePaidUntil: isoDaysFrom(now, 3000) }), 200);
    expectStatus(
      await c.appraiser1.post(`/patents/${patent}/appraisals`, {
        value: "100000000",
        validUntil: isoDaysFrom(now, 365),
        report: document("valuation.pdf"),
      }),
      201,
    );
    const productId = await publishProduct(c.bank1, "Product", { maxAmount: "100000000", ltvBps: 5000 });
    loanId = expectStatus(
      await c.ent1.post("/loans", {
        productId,
        patentIds: [patent],
        amount: "2000000",
        termDays: 180,
        purpose: "working capital",
      }),
      201,
    ).body.id;
    expectStatus(
      await c.bank1.post(`/loans/${loanId}/approve`, { amount: "2000000", rateBps: 500, termDays: 180 }),
      200,
    );
    expectStatus(await c.ipoffice1.post(`/loans/${loanId}/pledge`, { registrationNo: "Y2026000123" }), 200);
    expectStatus(await c.bank1.post(`/loans/${loanId}/disburse`, { reference: "TRANSFER-001" }), 200);
  });
  afterAll(async () => {
    await superuser?.end();
    await platform?.stop();
    reportFigures("tampering", {
      tables: Object.keys(LEDGER_TABLES).length,
      cellsChanged: tally.cellsChanged,
      rowsInserted: tally.rowsInserted,
      rowsDeleted: tally.rowsDeleted,
      checks: tally.checkMs.length,
      checkMedianMs: median(tally.checkMs),
      refusedBySchema: refusedBySchema.join(", "),
      editsRefused: tally.editsRefused,
    });
  });

  /** What the run did, for docs/reliability.md. */
  const tally = { cellsChanged: 0, rowsInserted: 0, rowsDeleted: 0, editsRefused: 0, checkMs: [] as number[] };
  const refusedBySchema: string[] = [];
  const verify = async () => {
    const started = Date.now();
    const report = expectStatus(await world.clients.regulator1.get("/audit/verify"), 200).body;
    tally.checkMs.push(Date.now() - started);
    return report;
  };
  const keyOf = (table: string, row: Row) => LEDGER_TABLES[table].map((column) => String(row[column])).join("/");
  const where = (table: string) =>
    LEDGER_TABLES[table].map((column, i) => `${column} = ($1::jsonb ->> ${i})::${typeOf(table, column)}`).join(" and ");
  const keyValues = (table: string, row: Row) => JSON.stringify(LEDGER_TABLES[table].map((column) => row[column]));
  const columnTypes = new Map<string, string>();
  const typeOf = (table: string, column: string) => {
    const type = columnTypes.get(`${table}.${column}`)!;
    return type === "ARRAY" ? "text[]" : type;
  };

  /** A row of `table`, one where `column` holds a value when there is one. */
  const rowOf = async (table: string, column?: string): Promise<Row> => {
    const order = [...(column ? [`(${column} is null)`] : []), ...LEDGER_TABLES[table]].join(", ");
    const { rows } = await superuser.query(`select ${asServed("t")} as row from ${table} t order by ${order} limit 1`);
    expect(rows[0], `${table} has rows to tamper with`).toBeDefined();
    return rows[0].row;
  };
  /** Puts the row back exactly as it was. */
  const restore = (table: string, row: Row, key: Row = row) =>
    superuser.query(
      `update ${table} t set (${Object.keys(row).join(", ")}) = (select ${Object.keys(row)
        .map((column) => `r.${column}`)
        .join(", ")} from jsonb_populate_record(null::${table}, $2) r) where ${where(table)}`,
      [keyValues(table, key), row],
    );

  it("the clean ledger verifies, every table has rows, and a check reports its progress", async () => {
    const { rows } = await superuser.query(
      `select table_name, column_name, data_type from information_schema.columns
        where table_schema = 'public' and table_name = any($1)`,
      [Object.keys(LEDGER_TABLES)],
    );
    for (const row of rows) columnTypes.set(`${row.table_name}.${row.column_name}`, row.data_type);
    const clean = await verify();
    expect(clean.mismatches).toEqual([]);
    expect(clean.ok).toBe(true);
    for (const table of Object.keys(LEDGER_TABLES)) expect(clean.checkedByKind[table], table).toBeGreaterThan(0);
    const latest = expectStatus(await world.clients.regulator1.get("/audit/integrity-checks/latest"), 200).body;
    expect(latest).toMatchObject({ state: "done", report: { ok: true }, progress: { toBlock: clean.atBlock } });
  });

  it("the database refuses an edit of the ledger's tables from anyone but the indexer", async () => {
    const plain = new pg.Client(platform.databaseUrl);
    await plain.connect();
    try {
      for (const table of Object.keys(LEDGER_TABLES)) {
        const column = LEDGER_TABLES[table][0];
        await expect(plain.query(`update ${table} set ${column} = ${column}`), table).rejects.toMatchObject({
          code: "42501",
          message: `table ${table} is written by the indexer only: it mirrors the chain`,
        });
        await expect(plain.query(`delete from ${table}`), table).rejects.toMatchObject({ code: "42501" });
        await expect(plain.query(`truncate ${table} cascade`), table).rejects.toMatchObject({ code: "42501" });
        tally.editsRefused += 3;
      }
    } finally {
      await plain.end();
    }
    expect((await verify()).ok).toBe(true);
  });

  it("the amount inside a LoanDisbursed event's data, changed by a superuser, is reported", async () => {
    const event = await superuser.query(
      "select block_number, log_index, data from chain_events where kind = 'LoanDisbursed' and entity_id = $1",
      [loanId],
    );
    const { block_number: block, log_index: logIndex, data } = event.rows[0];
    const altered = { ...data, amount: String(BigInt(data.amount) * 10n) };
    await superuser.query("update chain_events set data = $3 where block_number = $1 and log_index = $2", [
      block,
      logIndex,
      altered,
    ]);
    try {
      const tampered = await verify();
      expect(tampered.mismatches).toEqual([
        { table: "chain_events", key: `${block}/${logIndex}`, field: "data", expected: data, found: altered },
      ]);
    } finally {
      await superuser.query("update chain_events set data = $3 where block_number = $1 and log_index = $2", [
        block,
        logIndex,
        data,
      ]);
    }
    expect((await verify()).mismatches).toEqual([]);
  });

  for (const table of Object.keys(LEDGER_TABLES)) {
    it(`${table}: each changed cell, an inserted and a deleted row, reported exactly`, async () => {
      const refused: string[] = [];
      const columns = [...columnTypes.keys()]
        .filter((name) => name.startsWith(`${table}.`))
        .map((name) => name.slice(table.length + 1));
      expect(columns.length).toBeGreaterThan(0);
      for (const column of columns) {
        const before = await rowOf(table, column);
        const change = CHANGED[columnTypes.get(`${table}.${column}`)!];
        expect(change, `a way to change ${table}.${column}`).toBeDefined();
        const updated = await superuser
          .query(
            `update ${table} set ${column} = ${change(column)} where ${where(table)} returning ${asServed(table)} as row`,
            [keyValues(table, before)],
          )
          .catch((error: { code?: string }) => {
            if (error.code?.startsWith("23")) return undefined; // a constraint of the schema refuses it
            throw error;
          });
        if (!updated) {
          refused.push(`${table}.${column}`);
          continue;
        }
        const after: Row = updated.rows[0].row;
        tally.cellsChanged += 1;
        try {
          const { mismatches } = await verify();
          if (LEDGER_TABLES[table].includes(column)) {
            // The row moved: gone from its key, there under a key the chain does not have.
            expect(mismatches, `${table}.${column}`).toHaveLength(2);
            expect(mismatches, `${table}.${column}`).toEqual(
              expect.arrayContaining([
                { table, key: keyOf(table, before), field: "row", expected: "present", found: "absent" },
                { table, key: keyOf(table, after), field: "row", expected: "absent", found: "present" },
              ]),
            );
          } else {
            expect(mismatches, `${table}.${column}`).toEqual([
              {
                table,
                key: keyOf(table, before),
                field: column,
                expected: before[column],
                found: after[column],
              },
            ]);
          }
        } finally {
          await restore(table, before, after);
        }
        expect((await verify()).mismatches, `${table}.${column} put back`).toEqual([]);
      }

      const original = await rowOf(table);
      if (INSERTED_KEY[table]) {
        // A copy of the row under a key nothing on chain has.
        await superuser.query(`create temporary table tamper_copy as select * from ${table} where ${where(table)}`, [
          keyValues(table, original),
        ]);
        await superuser.query(`update tamper_copy set ${INSERTED_KEY[table]}`);
        const { rows } = await superuser.query(
          `insert into ${table} select * from tamper_copy returning ${asServed(table)} as row`,
        );
        await superuser.query("drop table tamper_copy");
        const copy: Row = rows[0].row;
        tally.rowsInserted += 1;
        try {
          expect((await verify()).mismatches, `${table}: insert`).toEqual([
            { table, key: keyOf(table, copy), field: "row", expected: "absent", found: "present" },
          ]);
        } finally {
          await superuser.query(`delete from ${table} where ${where(table)}`, [keyValues(table, copy)]);
        }
        expect((await verify()).mismatches, `${table}: insert taken back`).toEqual([]);
      } else {
        refused.push(`${table}: insert`);
      }

      await superuser.query(`delete from ${table} where ${where(table)}`, [keyValues(table, original)]);
      tally.rowsDeleted += 1;
      try {
        expect((await verify()).mismatches, `${table}: delete`).toEqual([
          { table, key: keyOf(table, original), field: "row", expected: "present", found: "absent" },
        ]);
      } finally {
        await superuser.query(`insert into ${table} select (jsonb_populate_record(null::${table}, $1)).*`, [original]);
      }
      expect((await verify()).mismatches, `${table}: delete put back`).toEqual([]);
      expect(refused).toEqual(REFUSED_BY_SCHEMA.filter((name) => name.startsWith(`${table}`)));
      refusedBySchema.push(...refused);
    });
  }
});
