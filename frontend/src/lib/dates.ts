/** Dates from the API are ISO 8601 in UTC; people read them in their own time zone. */
import dayjs from "dayjs";

export function formatDate(iso: string | null | undefined): string {
  return iso ? dayjs(iso).format("YYYY-MM-DD") : "—";
}

export function formatDateTime(iso: string | null | undefined): string {
  return iso ? dayjs(iso).format("YYYY-MM-DD HH:mm:ss") : "—";
}

/** A moment from the API as the ledger counts it: whole seconds since the epoch. */
export function unixSeconds(iso: string): number {
  return Math.floor(Date.parse(iso) / 1000);
}
