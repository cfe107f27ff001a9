/**
 * The start page's figures, each composed from the feature that owns its list and counted with the
 * filters of the page it opens (mostly a list's `total`, read with limit=1), so the two agree.
 */
import { useQueries } from "@tanstack/react-query";
import { Flex, Tag, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { Link } from "react-router-dom";
import { FigureCard } from "@/components/FigureCard";
import { paths } from "@/config/paths";
import type { Role } from "@/config/roles";
import { useUsers } from "@/features/admin/api/users";
import { useLoans } from "@/features/loans/api/getLoans";
import { QUICK_FILTERS } from "@/features/loans/components/quickFilters";
import { getPatents, PATENT_QUEUES, patentsQueryKey, usePatents } from "@/features/patents/api/getPatents";
import { PATENT_STATUSES } from "@/features/patents/api/types";
import { useProducts } from "@/features/products/api/getProducts";
import { formatFen } from "@/lib/money";
import { useOrgs } from "@/lib/orgs";

const COUNT = { limit: 1, offset: 0 } as const;
/** A borrower or a fund has a handful of loans in one state; 200 (the API's page limit) is all of them. */
const WHOLE = { limit: 200, offset: 0 } as const;

/** How many loans one of the role's quick views holds; the figure opens that view of the loans page. */
export function LoanViewFigure({ role, view, testKey }: { role: Role; view: string; testKey: string }) {
  const { t } = useTranslation();
  const quickView = QUICK_FILTERS[role].find((candidate) => candidate.key === view);
  if (!quickView) throw new Error(`no loan view "${view}" for ${role}`);
  const loans = useLoans(quickView.filters.map((filter) => ({ ...filter, ...COUNT })));
  return (
    <FigureCard
      testId={`workbench-${testKey}`}
      title={view === "active" ? t("home.activeLoans") : t(`loan.views.${view}` as "loan.views.all")}
      value={loans.data?.total}
      loading={loans.isPending}
      error={loans.isError}
      to={paths.loans.href({ view })}
    />
  );
}

/** A patent work queue's length (the IP office's or an appraiser's), opening the queue. */
export function PatentQueueFigure({ queue }: { queue: keyof typeof PATENT_QUEUES }) {
  const { t } = useTranslation();
  const patents = usePatents({ ...PATENT_QUEUES[queue], ...COUNT });
  const verification = queue === "verification";
  return (
    <FigureCard
      testId={verification ? "workbench-to-verify" : "workbench-to-appraise"}
      title={verification ? t("home.toVerify") : t("home.toAppraise")}
      value={patents.data?.total}
      loading={patents.isPending}
      error={patents.isError}
      to={verification ? paths.verificationQueue.href() : paths.appraisalQueue.href()}
    />
  );
}

/** An enterprise's patents, in all and by state, each state opening the list filtered to it. */
export function MyPatentsFigure() {
  const { t } = useTranslation();
  const counts = useQueries({
    queries: PATENT_STATUSES.map((status) => ({
      queryKey: patentsQueryKey({ status, ...COUNT }),
      queryFn: ({ signal }: { signal: AbortSignal }) => getPatents({ status, ...COUNT }, signal),
    })),
  });
  const loaded = counts.every((count) => count.data);
  const total = loaded ? counts.reduce((sum, count) => sum + count.data!.total, 0) : undefined;
  return (
    <FigureCard
      testId="workbench-patents"
      title={t("home.patents")}
      value={total}
      loading={counts.some((count) => count.isPending)}
      error={counts.some((count) => count.isError)}
      to={paths.patents.href()}
    >
      <Flex wrap gap={4}>
        {PATENT_STATUSES.map((status, i) =>
          counts[i]?.data?.total ? (
            <Link key={status} to={paths.patents.href(status)} data-testid={`workbench-patents-${status}`}>
              <Tag>
                {t(`patent.statuses.${status}`)} {counts[i].data.total}
              </Tag>
            </Link>
          ) : null,
        )}
      </Flex>
    </FigureCard>
  );
}

/** What an enterprise owes now on its disbursed loans: each loan's `owed.total`, summed in fen. */
export function OwedFigure() {
  const { t } = useTranslation();
  const loans = useLoans([{ status: "disbursed", ...WHOLE }]);
  const owed = loans.data?.items.reduce((sum, loan) => sum + BigInt(loan.owed.total), 0n);
  return (
    <FigureCard
      testId="workbench-owed"
      title={t("home.owed")}
      value={owed === undefined ? undefined : formatFen(owed)}
      loading={loans.isPending}
      error={loans.isError}
      to={paths.loans.href({ status: "disbursed" })}
    >
      {loans.data && (
        <Typography.Text type="secondary">{t("home.owedOn", { count: loans.data.total })}</Typography.Text>
      )}
    </FigureCard>
  );
}

/**
 * Defaulted loans whose compensation the fund has not paid yet. The list cannot filter on that, so
 * the defaulted loans are read whole and counted here; the figure opens the defaulted view.
 */
export function CompensationQueueFigure() {
  const { t } = useTranslation();
  const loans = useLoans([{ status: "defaulted", ...WHOLE }]);
  const waiting = loans.data?.items.filter((loan) => !loan.compensationPaid).length;
  return (
    <FigureCard
      testId="workbench-to-compensate"
      title={t("home.toCompensate")}
      value={waiting}
      loading={loans.isPending}
      error={loans.isError}
      to={paths.loans.href({ view: "defaulted" })}
    >
      {loans.data && (
        <Typography.Text type="secondary">{t("home.defaultedInAll", { count: loans.data.total })}</Typography.Text>
      )}
    </FigureCard>
  );
}

/** A bank's own loan products. */
export function MyProductsFigure({ orgId }: { orgId: string }) {
  const { t } = useTranslation();
  const products = useProducts({ bankOrgId: orgId });
  return (
    <FigureCard
      testId="workbench-my-products"
      title={t("home.myProducts")}
      value={products.data?.total}
      loading={products.isPending}
      error={products.isError}
      to={paths.myProducts.href()}
    />
  );
}

/** The operator's organisations and users. */
export function OrgsFigure() {
  const { t } = useTranslation();
  const orgs = useOrgs();
  return (
    <FigureCard
      testId="workbench-orgs"
      title={t("home.orgs")}
      value={orgs.data?.size}
      loading={orgs.isPending}
      error={orgs.isError}
      to={paths.adminOrgs.href()}
    />
  );
}

export function UsersFigure() {
  const { t } = useTranslation();
  const users = useUsers();
  return (
    <FigureCard
      testId="workbench-users"
      title={t("home.users")}
      value={users.data?.total}
      loading={users.isPending}
      error={users.isError}
      to={paths.adminUsers.href()}
    />
  );
}
