/**
 * Every page's URL, and who may open it, in one place: the router, the menu and every link read
 * it. `roles` absent means any signed-in user.
 */
import type { Role } from "./roles";

const PATENT_READERS: readonly Role[] = ["enterprise", "bank", "ipoffice", "appraiser", "fund", "regulator"];

export const paths = {
  login: {
    path: "/login",
    href: (redirectTo?: string) =>
      redirectTo && redirectTo !== "/" ? `/login?redirectTo=${encodeURIComponent(redirectTo)}` : "/login",
  },
  home: { path: "/", href: () => "/" },
  patents: { path: "/patents", href: () => "/patents", roles: PATENT_READERS },
  patent: {
    path: "/patents/:id",
    href: (id: string) => `/patents/${encodeURIComponent(id)}`,
    roles: PATENT_READERS,
  },
  notifications: { path: "/notifications", href: () => "/notifications" },
} as const;

export type PathKey = keyof typeof paths;

export function mayOpen(role: Role, key: PathKey): boolean {
  const entry: { path: string; roles?: readonly Role[] } = paths[key];
  return !entry.roles || entry.roles.includes(role);
}
