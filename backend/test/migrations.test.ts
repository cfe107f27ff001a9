/**
 * The schema's life cycle on a fresh database: every migration file applies, a second run applies
 * nothing, every down undoes exactly its up (the schema after each rollback equals the schema
 * before that migration), and migrating again works. Also the configuration: every problem in the
 * environment is reported at once.
 */
import { readdirSync } from "node:fs";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { ConfigError, loadConfig } from "../src/config/index.js";
import { Database } from "../src/db/db.js";
import { migrate, MIGRATIONS_DIR, readMigrations, rollback } from "../src/db/migrate.js";
import { createLogger } from "../src/logger.js";
import { createDatabase } from "./support/platform.js";

/** Everything in the public schema that a migration could create, leave behind or fail to drop. */
async function schemaOf(db: Database): Promise<string[]> {
  const { rows } = await db.query<{ item: string }>(
    `select 'column ' || c.table_name || '.' || c.column_name || ' ' || c.data_type || ' null=' || c.is_nullable
              || ' default=' || coalesce(c.column_default, '') || ' identity=' || c.is_identity as item
       from information_schema.columns c where c.table_schema = 'public'
     union all
     select 'relation ' || cl.relname || ' kind=' || cl.relkind::text
       from pg_class cl join pg_namespace n on n.oid = cl.relnamespace where n.nspname = 'public'
     union all
     select 'index ' || indexdef from pg_indexes where schemaname = 'public'
     union all
     select 'constraint ' || con.conrelid::regclass::text || ' ' || con.conname || ' ' || pg_get_constraintdef(con.oid)
       from pg_constraint con join pg_namespace n on n.oid = con.connamespace where n.nspname = 'public'
     union all
     select 'function ' || p.proname from pg_proc p join pg_namespace n on n.oid = p.pronamespace where n.nspname = 'public'
     union all
     select 'type ' || t.typname from pg_type t join pg_namespace n on n.oid = t.typnamespace
      where n.nspname = 'public' and t.typtype in ('e', 'd', 'c') and t.typrelid = 0
     union all
     select 'trigger ' || tg.tgname from pg_trigger tg join pg_class cl on cl.oid = tg.tgrelid
       join pg_namespace n on n.oid = cl.relnamespace where n.nspname = 'public' and not tg.tgisinternal`,
  );
  return rows.map((row) => row.item).sort();
}

async function tablesOf(db: Database): Promise<string[]> {
  const { rows } = await db.query<{ table_name: string }>(
    "select table_name from information_schema.tables where table_schema = 'public' order by table_name",
  );
  return rows.map((row) => row.table_name);
}

const appliedNames = async (db: Database) =>
  (await db.query<{ name: string }>("select name from schema_migrations order by name")).rows.map((row) => row.name);

describe("migrations", () => {
  const serverUrl = inject("databaseUrl");
  const logger = createLogger("silent");
  const files = readdirSync(MIGRATIONS_DIR)
    .filter((file) => file.endsWith(".sql"))
    .sort();
  const migrations = readMigrations();
  const names = migrations.map((migration) => migration.name);
  /** The tables the up sections create, read from the files rather than from the code under test. */
  const createdTables = migrations.flatMap((migration) =>
    [...migration.up.matchAll(/create table (?:if not exists )?(\w+)/gi)].map((match) => match[1]),
  );
  const databases: string[] = [];
  const open: Database[] = [];

  async function freshDatabase(): Promise<Database> {
    const url = await createDatabase(serverUrl);
    databases.push(new URL(url).pathname.slice(1));
    const db = new Database(url, logger);
    open.push(db);
    return db;
  }

  afterAll(async () => {
    for (const db of open) await db.close();
    const admin = new pg.Client(serverUrl);
    await admin.connect();
    for (const name of databases) await admin.query(`drop database if exists ${name}`);
    await admin.end();
  });

  it("every .sql file in backend/migrations is a migration with an up and a down", () => {
    expect(files.length).toBeGreaterThanOrEqual(4);
    expect(names).toEqual(files.map((file) => file.replace(/\.sql$/, "")));
    for (const migration of migrations) {
      expect(migration.up.trim(), migration.name).not.toBe("");
      expect(migration.down.trim(), migration.name).not.toBe("");
    }
    expect(createdTables.length).toBeGreaterThanOrEqual(names.length);
  });

  describe("on a fresh database", () => {
    let db: Database;
    beforeAll(async () => {
      db = await freshDatabase();
    });

    it("applies every migration, in order, and creates every table the files declare", async () => {
      expect(await tablesOf(db)).toEqual([]);
      expect(await migrate(db)).toEqual(names);
      expect(await appliedNames(db)).toEqual(names);
      expect(await tablesOf(db)).toEqual([...createdTables, "schema_migrations"].sort());
    });

    it("applies nothing on a second run", async () => {
      const before = await schemaOf(db);
      expect(await migrate(db)).toEqual([]);
      expect(await appliedNames(db)).toEqual(names);
      expect(await schemaOf(db)).toEqual(before);
    });

    it("rolls every migration back, leaving only schema_migrations, and migrates again to the same schema", async () => {
      const full = await schemaOf(db);
      expect(await rollback(db, names.length)).toEqual([...names].reverse());
      expect(await tablesOf(db)).toEqual(["schema_migrations"]);
      expect(await appliedNames(db)).toEqual([]);
      expect((await schemaOf(db)).filter((item) => !item.includes("schema_migrations"))).toEqual([]);

      expect(await migrate(db)).toEqual(names);
      expect(await schemaOf(db)).toEqual(full);
    });
  });

  it("every down undoes exactly its up, one migration at a time", async () => {
    const db = await freshDatabase();
    await migrate(db, []); // only schema_migrations
    const snapshots = [await schemaOf(db)];
    for (let i = 0; i < migrations.length; i++) {
      expect(await migrate(db, migrations.slice(0, i + 1))).toEqual([names[i]]);
      snapshots.push(await schemaOf(db));
      expect(snapshots[i + 1], `${names[i]} changes the schema`).not.toEqual(snapshots[i]);
    }
    for (let i = migrations.length - 1; i >= 0; i--) {
      expect(await rollback(db, 1)).toEqual([names[i]]);
      expect(await schemaOf(db), `after rolling back ${names[i]}`).toEqual(snapshots[i]);
    }
    expect(await rollback(db, 1)).toEqual([]);
    expect(await migrate(db)).toEqual(names);
    expect(await schemaOf(db)).toEqual(snapshots[migrations.length]);
  });

  it("a migration failing in the middle of a run undoes the whole run and names itself", async () => {
    const db = await freshDatabase();
    await migrate(db, migrations.slice(0, 2)); // the previous release
    const before = await schemaOf(db);
    const broken = { name: "099_broken", up: "create table half_done (id int);\nselect 1 / 0;\n", down: "" };
    const release = [...migrations.slice(0, 4), broken, ...migrations.slice(4)];
    await expect(migrate(db, release)).rejects.toThrow(/migration 099_broken failed.*division by zero/);
    // neither the broken migration's first statement nor the good ones before it in the run remain
    expect(await appliedNames(db)).toEqual(names.slice(0, 2));
    expect(await schemaOf(db)).toEqual(before);
    expect(await migrate(db)).toEqual(names.slice(2));
  });

  it("two instances migrating at once apply each migration once", async () => {
    const first = await freshDatabase();
    const second = new Database(first.connectionString, logger);
    open.push(second);
    const results = await Promise.all([migrate(first), migrate(second)]);
    expect(results.map((applied) => applied.length).sort((a, b) => a - b)).toEqual([0, names.length]);
    expect(await appliedNames(first)).toEqual(names);
  });
});

describe("configuration", () => {
  it("loads the defaults from an empty environment", () => {
    const config = loadConfig({});
    expect(config).toMatchObject({ env: "development", port: 3000, loginRateLimit: { max: 10, windowSeconds: 60 } });
  });

  it("lists every problem at once", () => {
    const bad = {
      JWT_SECRET: "too short",
      PORT: "eighty",
      MASTER_KEY: "not-hex-at-all",
      ADMIN_PRIVATE_KEY: "0x1234",
      LOG_LEVEL: "loud",
      LOGIN_RATE_LIMIT: "0",
    };
    let error: unknown;
    try {
      loadConfig({ ...bad, DATA_DIR: "/tmp/whatever" });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const problems = (error as ConfigError).problems;
    expect(problems).toHaveLength(Object.keys(bad).length);
    for (const name of Object.keys(bad)) {
      expect(
        problems.filter((problem) => problem.startsWith(`${name}:`)),
        name,
      ).toHaveLength(1);
      expect((error as ConfigError).message).toContain(name);
    }
    // Secrets' values never appear in the message.
    expect((error as ConfigError).message).not.toContain("too short");
  });

  it("names a single bad variable on its own", () => {
    expect(() => loadConfig({ PORT: "70000" })).toThrow(ConfigError);
    expect(() => loadConfig({ PORT: "70000" })).toThrow(/PORT/);
    expect(() => loadConfig({ JWT_SECRET: "x".repeat(32), MASTER_KEY: `0x${"ab".repeat(32)}` })).not.toThrow();
  });
});
