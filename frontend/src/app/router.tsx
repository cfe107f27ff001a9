/**
 * Every page by URL. Pages are loaded on demand (one chunk per route); `paths` names the URLs and
 * who may open them, RequireRole shows the forbidden page to anyone else.
 */
import { lazy, Suspense, type ComponentType } from "react";
import { createBrowserRouter, RouterProvider } from "react-router-dom";
import { PageLoader } from "@/components/PageLoader";
import { paths } from "@/config/paths";
import { RequireRole, RequireSession } from "./guards";
import { AppLayout } from "./layout/AppLayout";

function page<K extends string>(load: () => Promise<Record<K, ComponentType>>, name: K) {
  return lazy(() => load().then((module) => ({ default: module[name] })));
}

const LoginRoute = page(() => import("./routes/Login"), "LoginRoute");
const HomeRoute = page(() => import("./routes/Home"), "HomeRoute");
const PatentsRoute = page(() => import("./routes/Patents"), "PatentsRoute");
const PatentRoute = page(() => import("./routes/Patent"), "PatentRoute");
const NotificationsRoute = page(() => import("./routes/Notifications"), "NotificationsRoute");
const ProductsRoute = page(() => import("./routes/Products"), "ProductsRoute");
const ProductsCompareRoute = page(() => import("./routes/ProductsCompare"), "ProductsCompareRoute");
const MyProductsRoute = page(() => import("./routes/MyProducts"), "MyProductsRoute");
const LoansRoute = page(() => import("./routes/Loans"), "LoansRoute");
const LoanApplyRoute = page(() => import("./routes/LoanApply"), "LoanApplyRoute");
const LoanRoute = page(() => import("./routes/Loan"), "LoanRoute");
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
        <AppLayout />
      </RequireSession>
    ),
    children: [
      { path: paths.home.path, element: <HomeRoute /> },
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
