/**
 * Plain-SQL migrations in backend/migrations, one concern per file: `NNN_name.sql` with a
 * `-- migrate:up` and a `-- migrate:down` section. A run applies every pending migration in order in
 * one transaction, under an advisory lock so that API instances starting together migrate once.
 * One transaction, not one per migration: when a release's third migration fails, the database
 * stays at the schema the previous release runs on, instead of at a schema no release expects
 * (PostgreSQL's DDL is transactional, and no migration uses a statement that refuses a transaction,
 * such as CREATE INDEX CONCURRENTLY). A rollback likewise reverts its migrations together.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { Database } from "./db.js";

export const MIGRATIONS_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../migrations");
const MIGRATION_LOCK = 7_366_001; // an arbitrary constant shared by every instance

export interface Migration {
  name: string;
  up: string;
  down: string;
}

export function readMigrations(directory = MIGRATIONS_DIR): Migration[] {
  return readdirSync(directory)
    .filter((file) => /^\d{3}_[a-z0-9_]+\.sql$/.test(file))
    .sort()
    .map((file) => {
      const text = readFileSync(path.join(directory, file), "utf8");
      const match = /--\s*migrate:up\s*\n([\s\S]*?)--\s*migrate:down\s*\n([\s\S]*)$/.exec(text);
      if (!match) throw new Error(`migration ${file} needs "-- migrate:up" then "-- migrate:down"`);
      return { name: file.replace(/\.sql$/, ""), up: match[1], down: match[2] };
    });
}

/** Applies every pending migration; returns the names applied. */
export async function migrate(db: Database, migrations = readMigrations()): Promise<string[]> {
  return db.withTransaction(async (client) => {
    await client.query("select pg_advisory_xact_lock($1)", [MIGRATION_LOCK]);
    await client.query(
      "create table if not exists schema_migrations (name text primary key, applied_at timestamptz not null default now())",
    );
    const { rows } = await client.query<{ name: string }>("select name from schema_migrations");
    const applied = new Set(rows.map((row) => row.name));
    const pending = migrations.filter((migration) => !applied.has(migration.name));
    for (const migration of pending) {
      await client.query(migration.up).catch((error: unknown) => {
        throw new Error(`migration ${migration.name} failed, so none of this run's applied: ${String(error)}`, {
          cause: error,
        });
      });
      await client.query("insert into schema_migrations (name) values ($1)", [migration.name]);
    }
    return pending.map((migration) => migration.name);
  });
}

/** Reverts the newest `count` applied migrations (for development and the migration test). */
export async function rollback(db: Database, count = 1, migrations = readMigrations()): Promise<string[]> {
  return db.withTransaction(async (client) => {
    await client.query("select pg_advisory_xact_lock($1)", [MIGRATION_LOCK]);
    const { rows } = await client.query<{ name: string }>(
      "select name from schema_migrations order by name desc limit $1",
      [count],
    );
    for (const { name } of rows) {
      const migration = migrations.find((candidate) => candidate.name === name);
      if (!migration) throw new Error(`no file for applied migration ${name}`);
      await client.query(migration.down);
      await client.query("delete from schema_migrations where name = $1", [name]);
    }
    return rows.map((row) => row.name);
  });
}
