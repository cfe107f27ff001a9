/**
 * Times: the ledger counts unix seconds (uint32; bigint as ethers decodes them), PostgreSQL keeps
 * timestamptz (a Date in node-postgres) and the API writes ISO 8601 in UTC.
 */

/** The moment `seconds` after the epoch, as the ledger writes it. */
export const dateOfSeconds = (seconds: bigint | number): Date => new Date(Number(seconds) * 1000);

/** A moment as the ledger counts it: whole seconds since the epoch. */
export const secondsOf = (date: Date): bigint => BigInt(Math.floor(date.getTime() / 1000));

/** A timestamptz column's value for the API: ISO 8601, or null when the column is. */
export const isoOrNull = (date: Date | null | undefined): string | null => (date ? date.toISOString() : null);
