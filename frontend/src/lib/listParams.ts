/**
 * A list's page, page size, filters and sort live in the URL, so a view can be bookmarked and shared.
 * These read them back and turn an antd Table's change into the URL's terms.
 */
import type { TableProps } from "antd";
import { useSearchParams } from "react-router-dom";

export const PAGE_SIZES = [10, 20, 50, 100];
export const DEFAULT_PAGE_SIZE = 20;

/** `value` if it is one of `values`: a hand-edited URL falls back to the list's default. */
export const oneOf = <T extends string>(values: readonly T[], value: string | null): T | undefined =>
  (values as readonly (string | null)[]).includes(value) ? (value as T) : undefined;

export function useListParams() {
  const [params, setParams] = useSearchParams();
  const pageSize = Number(params.get("pageSize")) || DEFAULT_PAGE_SIZE;
  const page = Math.max(Number(params.get("page")) || 1, 1);
  /** Sets the named parameters; an empty or undefined value removes one (its default applies). */
  const update = (changes: Record<string, string | undefined>) =>
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        for (const [key, value] of Object.entries(changes)) {
          if (value) next.set(key, value);
          else next.delete(key);
        }
        return next;
      },
      { replace: true },
    );
  return { params, page, pageSize, update };
}

/** The API's sort ("field" ascending, "-field" descending) as a column's sortOrder. */
export const sortOrderOf = (sort: string | undefined, field: string) =>
  sort === field ? "ascend" : sort === `-${field}` ? "descend" : null;

type Sorter<T> = Parameters<NonNullable<TableProps<T>["onChange"]>>[2];

/** A Table's sorter as the API's sort, or undefined when the user cleared it. */
export function sortOf<T>(sorter: Sorter<T>): string | undefined {
  const one = Array.isArray(sorter) ? sorter[0] : sorter;
  if (!one?.order) return undefined;
  return one.order === "descend" ? `-${String(one.columnKey)}` : String(one.columnKey);
}

/** A Table column's filter (single choice) as the URL's value. */
export const firstFilter = (values: unknown) =>
  Array.isArray(values) && values.length > 0 ? String(values[0]) : undefined;

/** The URL's page and page size after a Table change; a changed filter starts again at page 1. */
export const pageParams = (pagination: { current?: number; pageSize?: number }, filtersChanged: boolean) => ({
  page: filtersChanged || pagination.current === 1 ? undefined : String(pagination.current),
  pageSize: pagination.pageSize === DEFAULT_PAGE_SIZE ? undefined : String(pagination.pageSize),
});
