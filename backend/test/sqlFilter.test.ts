/**
 * The list queries' where-clause builder (db/sqlFilter.ts): each placeholder names its own value,
 * whether bound directly or by a scope condition built elsewhere, and a search text matches itself
 * literally. The SQL runs on the real PostgreSQL, so a misnumbered placeholder would fail here.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { Database } from "../src/db/db.js";
import { containing, SqlFilter } from "../src/db/sqlFilter.js";
import { createLogger } from "../src/logger.js";
import { createDatabase } from "./support/platform.js";

describe("SqlFilter", () => {
  let db: Database;
  beforeAll(async () => {
    db = new Database(await createDatabase(inject("databaseUrl")), createLogger("silent"));
  });
  afterAll(async () => {
    await db.close();
  });

  it("is `true` with no condition, and numbers values in the order they are bound", () => {
    const filter = new SqlFilter();
    expect(filter.conditions).toBe("true");
    expect(filter.bind("a")).toBe("$1");
    expect(filter.fragment((next) => ({ sql: `x = $${next} or y = $${next + 1}`, params: ["b", "c"] }))).toBe(
      "x = $2 or y = $3",
    );
    filter.where(`z = ${filter.bind("d")}`);
    filter.where((next) => ({ sql: `w = $${next}`, params: ["e"] }));
    expect(filter.conditions).toBe("z = $4 and w = $5");
    expect(filter.params).toEqual(["a", "b", "c", "d", "e"]);
  });

  it("binds each value to its own placeholder in a real query", async () => {
    const filter = new SqlFilter();
    const label = filter.fragment((next) => ({
      sql: `$${next}::text || '-' || $${next + 1}::text`,
      params: ["p", "q"],
    }));
    filter.where((next) => ({ sql: `n >= $${next}::int`, params: [2] }));
    filter.where(`n <= ${filter.bind(4)}::int`);
    const { rows } = await db.query<{ n: number; label: string }>(
      `select n, ${label} as label from generate_series(1, 9) n where ${filter.conditions}
        order by n limit ${filter.bind(2)}`,
      filter.params,
    );
    expect(rows).toEqual([
      { n: 2, label: "p-q" },
      { n: 3, label: "p-q" },
    ]);
  });

  it("a search text's own %, _ and backslash match only themselves", async () => {
    const texts = ["100% sure", "100 percent", "a_b", "axb", "back\\slash", "backslash"];
    const match = async (search: string) => {
      const filter = new SqlFilter();
      filter.where(`t ilike ${filter.bind(containing(search))}`);
      const { rows } = await db.query<{ t: string }>(
        `select t from unnest(${filter.bind(texts)}::text[]) t where ${filter.conditions}`,
        filter.params,
      );
      return rows.map((row) => row.t).sort();
    };
    expect(await match("0%")).toEqual(["100% sure"]);
    expect(await match("A_B")).toEqual(["a_b"]);
    expect(await match("k\\s")).toEqual(["back\\slash"]);
    expect(await match("")).toEqual([...texts].sort());
  });
});
