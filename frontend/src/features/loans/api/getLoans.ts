import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { api } from "@/lib/apiClient";
import type { LoanStatus } from "@/lib/loanSteps";
import type { Page } from "@/types/api";
import type { Loan } from "./types";

export const LOAN_SORTS = ["-id", "id", "-updatedAt", "updatedAt", "-maturityAt", "maturityAt"] as const;
export type LoanSort = (typeof LOAN_SORTS)[number];

/** GET /api/loans filters; the API scopes the list to what the caller may see. */
export interface LoanQuery {
  /** a loan id, part of a registration number or of the borrower's name */
  q?: string;
  status?: LoanStatus;
  overdue?: boolean;
  collateralAtRisk?: boolean;
  sort?: LoanSort;
  limit: number;
  offset: number;
}

export const loansQueryKey = (queries?: readonly LoanQuery[]) =>
  queries ? (["loans", "list", queries] as const) : (["loans"] as const);

export const getLoans = (query: LoanQuery, signal?: AbortSignal) => api.get<Page<Loan>>("/loans", { ...query }, signal);

/**
 * One list from one or more queries: a view such as "pledges to release" spans two statuses, which
 * the API filters one at a time, so each is read whole (up to 200) and the pages are merged here.
 */
export function useLoans(queries: readonly LoanQuery[]) {
  return useQuery({
    queryKey: loansQueryKey(queries),
    queryFn: async ({ signal }): Promise<Page<Loan>> => {
      if (queries.length === 1) return getLoans(queries[0]!, signal);
      const pages = await Promise.all(queries.map((query) => getLoans(query, signal)));
      const items = pages.flatMap((page) => page.items).sort((a, b) => Number(BigInt(b.id) - BigInt(a.id)));
      return { items, total: pages.reduce((sum, page) => sum + page.total, 0) };
    },
    placeholderData: keepPreviousData,
  });
}
