/**
 * Every page's URL, and who may open it, in one place: the router, the menu and every link read
 * it. `roles` absent means any signed-in user.
 */
import type { Role } from "./roles";

const PATENT_READERS: readonly Role[] = ["enterprise", "bank", "ipoffice", "appraiser", "fund", "regulator"];
const LOAN_READERS: readonly Role[] = ["enterprise", "bank", "ipoffice", "fund", "regulator"];
const AUDIT_READERS: readonly Role[] = ["enterprise", "bank", "ipoffice", "appraiser", "fund", "regulator", "admin"];

export const paths = {
  login: {
    path: "/login",
    href: (redirectTo?: string) =>
      redirectTo && redirectTo !== "/" ? `/login?redirectTo=${encodeURIComponent(redirectTo)}` : "/login",
  },
  home: { path: "/", href: () => "/" },
  changePassword: { path: "/account/password", href: () => "/account/password" },
  // Regulator, audit and operator pages, and the patent actions (fe-regulator).
  dashboard: { path: "/dashboard", href: () => "/dashboard", roles: ["regulator"] },
  audit: {
    path: "/audit",
    href: (query?: string) => (query ? `/audit?${query}` : "/audit"),
    roles: AUDIT_READERS,
  },
  auditTransaction: {
    path: "/audit/tx/:hash",
    href: (hash: string) => `/audit/tx/${encodeURIComponent(hash)}`,
    roles: AUDIT_READERS,
  },
  auditBlock: {
    path: "/audit/blocks/:number",
    href: (number: number | string) => `/audit/blocks/${encodeURIComponent(String(number))}`,
    roles: AUDIT_READERS,
  },
  integrity: { path: "/integrity", href: () => "/integrity", roles: ["regulator"] },
  adminOrgs: { path: "/admin/orgs", href: () => "/admin/orgs", roles: ["admin", "regulator"] },
  // Each side manages the users of the organisations it seats (the API's `seatedBy`).
  adminUsers: { path: "/admin/users", href: () => "/admin/users", roles: ["admin", "regulator"] },
  patentRegister: { path: "/patents/new", href: () => "/patents/new", roles: ["enterprise"] },
  verificationQueue: { path: "/patents/to-verify", href: () => "/patents/to-verify", roles: ["ipoffice"] },
  appraisalQueue: { path: "/patents/to-appraise", href: () => "/patents/to-appraise", roles: ["appraiser"] },
  patents: {
    path: "/patents",
    /** `status` opens the list filtered to patents in that state */
    href: (status?: string) => (status ? `/patents?status=${encodeURIComponent(status)}` : "/patents"),
    roles: PATENT_READERS,
  },
  patent: {
    path: "/patents/:id",
    href: (id: string) => `/patents/${encodeURIComponent(id)}`,
    roles: PATENT_READERS,
  },
  notifications: { path: "/notifications", href: () => "/notifications" },
  // products and loans (the financing flow)
  products: { path: "/products", href: () => "/products" },
  productsCompare: {
    path: "/products/compare",
    href: (ids: readonly string[]) => `/products/compare?ids=${ids.map(encodeURIComponent).join(",")}`,
  },
  myProducts: { path: "/products/mine", href: () => "/products/mine", roles: ["bank"] as readonly Role[] },
  loans: {
    path: "/loans",
    /** `view` opens one of the role's quick filters (loans/components/quickFilters); `status` filters the full list */
    href: (query: { view?: string; status?: string } = {}) => {
      const params = new URLSearchParams();
      if (query.view) params.set("view", query.view);
      if (query.status) params.set("status", query.status);
      const search = params.toString();
      return search ? `/loans?${search}` : "/loans";
    },
    roles: LOAN_READERS,
  },
  loanApply: {
    path: "/loans/apply",
    href: (productId?: string) =>
      productId ? `/loans/apply?productId=${encodeURIComponent(productId)}` : "/loans/apply",
    roles: ["enterprise"] as readonly Role[],
  },
  loan: { path: "/loans/:id", href: (id: string) => `/loans/${encodeURIComponent(id)}`, roles: LOAN_READERS },
} as const;

export type PathKey = keyof typeof paths;

export function mayOpen(role: Role, key: PathKey): boolean {
  const entry: { path: string; roles?: readonly Role[] } = paths[key];
  return !entry.roles || entry.roles.includes(role);
}
