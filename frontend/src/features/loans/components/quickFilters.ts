/** Each role's ready-made views of its loans (what waits for it), as GET /api/loans filters. */
import type { Role } from "@/config/roles";
import type { LoanQuery } from "../api/getLoans";

type Filter = Omit<LoanQuery, "limit" | "offset" | "sort">;

export interface QuickFilter {
  key: string;
  /** one query, or several merged (a view spanning two statuses) */
  filters: readonly Filter[];
}

const ALL: QuickFilter = { key: "all", filters: [{}] };

export const QUICK_FILTERS: Record<Role, readonly QuickFilter[]> = {
  enterprise: [
    ALL,
    {
      key: "active",
      filters: [
        { status: "applied" },
        { status: "approved" },
        { status: "pledged" },
        { status: "disbursed" },
        { status: "defaulted" },
      ],
    },
  ],
  bank: [
    ALL,
    { key: "applications", filters: [{ status: "applied" }] },
    { key: "toDisburse", filters: [{ status: "pledged" }] },
    { key: "overdue", filters: [{ overdue: true }] },
    { key: "atRisk", filters: [{ collateralAtRisk: true }] },
    { key: "defaulted", filters: [{ status: "defaulted" }] },
  ],
  ipoffice: [
    ALL,
    { key: "toRegister", filters: [{ status: "approved" }] },
    { key: "toRelease", filters: [{ status: "repaid" }, { status: "disposed" }] },
  ],
  fund: [ALL, { key: "defaulted", filters: [{ status: "defaulted" }] }],
  regulator: [
    ALL,
    { key: "overdue", filters: [{ overdue: true }] },
    { key: "atRisk", filters: [{ collateralAtRisk: true }] },
    { key: "defaulted", filters: [{ status: "defaulted" }] },
  ],
  appraiser: [ALL],
  admin: [ALL],
};
