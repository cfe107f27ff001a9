import { lazy, type ReactNode } from "react";
import { Navigate, useLocation } from "react-router-dom";
import { mayOpen, paths, type PathKey } from "@/config/paths";
import { useSession } from "@/lib/session";

const Forbidden = lazy(() => import("./routes/Forbidden").then((module) => ({ default: module.Forbidden })));

/** Signed-in users only; anyone else goes to the login page and comes back here afterwards. */
export function RequireSession({ children }: { children: ReactNode }) {
  const session = useSession();
  const location = useLocation();
  if (!session) return <Navigate to={paths.login.href(location.pathname + location.search)} replace />;
  return children;
}

/** The page named by `page` in `paths`, or the forbidden page at the same URL for a role that may not see it. */
export function RequireRole({ page, children }: { page: PathKey; children: ReactNode }) {
  const session = useSession();
  if (!session) return null;
  return mayOpen(session.user.role, page) ? children : <Forbidden />;
}
