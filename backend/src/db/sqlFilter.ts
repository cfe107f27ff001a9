/**
 * A list query's where clause and its parameters, built one condition at a time. Each value is
 * bound where it is used, so the `$n` in a condition always names its own value:
 *
 *   const filter = new SqlFilter();
 *   filter.where((next) => loanScope(caller, "l", next));
 *   if (query.status) filter.where(`l.status = ${filter.bind(query.status)}`);
 *   await db.query(`select * from loans l where ${filter.conditions} limit ${filter.bind(limit)}`, filter.params);
 */

/** SQL with its parameters, whose `$n` placeholders start at a number given to its builder. */
export interface Condition {
  sql: string;
  params: unknown[];
}

export class SqlFilter {
  readonly params: unknown[] = [];
  private readonly clauses: string[] = [];

  /** Binds a value; returns its placeholder (`$3`). */
  bind(value: unknown): string {
    this.params.push(value);
    return `$${this.params.length}`;
  }

  /**
   * Binds the parameters of an SQL fragment built elsewhere whose placeholders start at the number
   * given to it (modules/scope.ts); returns its SQL, e.g. a column of the select list.
   */
  fragment(build: (next: number) => Condition): string {
    const { sql, params } = build(this.params.length + 1);
    this.params.push(...params);
    return sql;
  }

  /** Adds a condition: SQL whose values were bound with `bind`, or a fragment built elsewhere. */
  where(condition: string | ((next: number) => Condition)): void {
    this.clauses.push(typeof condition === "string" ? condition : this.fragment(condition));
  }

  /** The conditions joined by `and`; `true` when there are none. */
  get conditions(): string {
    return this.clauses.length ? this.clauses.join(" and ") : "true";
  }
}

/** An ILIKE pattern matching any text that contains `text`, its own `%`, `_` and `\` taken literally. */
export const containing = (text: string): string => `%${text.replace(/[\\%_]/g, "\\$&")}%`;
