/**
 * Every page by URL. Pages, and the signed-in frame around them, are loaded on demand (one chunk
 * per route), so the login page loads only what it shows; `paths` names the URLs and
 * who may open them, RequireRole shows the forbidden page to anyone else.
 */
import { lazy, Suspense, type ComponentType } from "react";
import { createBrowserRouter, RouterProvider } from "react-router-dom";
import { PageLoader } from "@/components/PageLoader";
import { paths, type PathKey } from "@/config/paths";
import { RequireRole, RequireSession } from "./guards";

function page<K extends string>(load: () => Promise<Record<K, ComponentType>>, name: K) {
  return lazy(() => load().then((module) => ({ default: module[name] })));
}

const LoginRoute = page(() => import("./routes/Login"), "LoginRoute");
// The signed-in frame (menu, header, notifications) is a chunk of its own: the login page does not load it.
const AppLayout = page(() => import("./layout/AppLayout"), "AppLayout");
const HomeRoute = page(() => import("./routes/Home"), "HomeRoute");
const DashboardRoute = page(() => import("./routes/Dashboard"), "DashboardRoute");
const AuditRoute = page(() => import("./routes/Audit"), "AuditRoute");
const AuditTransactionRoute = page(() => import("./routes/AuditTransaction"), "AuditTransactionRoute");
const AuditBlockRoute = page(() => import("./routes/AuditBlock"), "AuditBlockRoute");
const IntegrityRoute = page(() => import("./routes/Integrity"), "IntegrityRoute");
const PatentRegisterRoute = page(() => import("./routes/PatentRegister"), "PatentRegisterRoute");
const VerificationQueueRoute = page(() => import("./routes/PatentQueues"), "VerificationQueueRoute");
const AppraisalQueueRoute = page(() => import("./routes/PatentQueues"), "AppraisalQueueRoute");
const AdminOrgsRoute = page(() => import("./routes/Admin"), "AdminOrgsRoute");
const AdminUsersRoute = page(() => import("./routes/Admin"), "AdminUsersRoute");

/** Pages for some roles only, each behind RequireRole (regulator, audit, operator, patent actions). */
const ROLE_PAGES: { page: PathKey; Route: ComponentType }[] = [
  { page: "dashboard", Route: DashboardRoute },
  { page: "audit", Route: AuditRoute },
  { page: "auditTransaction", Route: AuditTransactionRoute },
  { page: "auditBlock", Route: AuditBlockRoute },
  { page: "integrity", Route: IntegrityRoute },
  { page: "patentRegister", Route: PatentRegisterRoute },
  { page: "verificationQueue", Route: VerificationQueueRoute },
  { page: "appraisalQueue", Route: AppraisalQueueRoute },
  { page: "adminOrgs", Route: AdminOrgsRoute },
  { page: "adminUsers", Route: AdminUsersRoute },
];
const PatentsRoute = page(() => import("./routes/Patents"), "PatentsRoute");
const PatentRoute = page(() => import("./routes/Patent"), "PatentRoute");
const NotificationsRoute = page(() => import("./routes/Notifications"), "NotificationsRoute");
const ProductsRoute = page(() => import("./routes/Products"), "ProductsRoute");
const ProductsCompareRoute = page(() => import("./routes/ProductsCompare"), "ProductsCompareRoute");
const MyProductsRoute = page(() => import("./routes/MyProducts"), "MyProductsRoute");
const LoansRoute = page(() => import("./routes/Loans"), "LoansRoute");
const LoanApplyRoute = page(() => import("./routes/LoanApply"), "LoanApplyRoute");
const LoanRoute = page(() => import("./routes/Loan"), "LoanRoute");
const ChangePasswordRoute = page(() => import("./routes/Account"), "ChangePasswordRoute");
const NotFound = page(() => import("./routes/NotFound"), "NotFound");

const router = createBrowserRouter([
  {
    path: paths.login.path,
    element: (
      <Suspense fallback={<PageLoader />}>
        <LoginRoute />
      </Suspense>
    ),
  },
  {
    element: (
      <RequireSession>
        <Suspense fallback={<PageLoader />}>
          <AppLayout />
        </Suspense>
      </RequireSession>
    ),
    children: [
      { path: paths.home.path, element: <HomeRoute /> },
      ...ROLE_PAGES.map(({ page: key, Route }) => ({
        path: paths[key].path,
        element: (
          <RequireRole page={key}>
            <Route />
          </RequireRole>
        ),
      })),
      {
        path: paths.patents.path,
        element: (
          <RequireRole page="patents">
            <PatentsRoute />
          </RequireRole>
        ),
      },
      {
        path: paths.patent.path,
        element: (
          <RequireRole page="patent">
            <PatentRoute />
          </RequireRole>
        ),
      },
      { path: paths.notifications.path, element: <NotificationsRoute /> },
      { path: paths.changePassword.path, element: <ChangePasswordRoute /> },
      ...(
        [
          ["products", ProductsRoute],
          ["productsCompare", ProductsCompareRoute],
          ["myProducts", MyProductsRoute],
          ["loans", LoansRoute],
          ["loanApply", LoanApplyRoute],
          ["loan", LoanRoute],
        ] as const
      ).map(([key, Page]) => ({
        path: paths[key].path,
        element: (
          <RequireRole page={key}>
            <Page />
          </RequireRole>
        ),
      })),
      { path: "*", element: <NotFound /> },
    ],
  },
]);

export function AppRouter() {
  return <RouterProvider router={router} />;
}
