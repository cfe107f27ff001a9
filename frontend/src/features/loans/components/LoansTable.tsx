import { Segmented, Table, Typography, type TableProps } from "antd";
import { useTranslation } from "react-i18next";
import { Link } from "react-router-dom";
import { LoanStepsBar } from "@/components/LoanStepsBar";
import { OrgName } from "@/components/OrgName";
import { QueryError } from "@/components/QueryError";
import { paths } from "@/config/paths";
import type { Role } from "@/config/roles";
import { formatDate, formatDateTime } from "@/lib/dates";
import { firstFilter, oneOf, PAGE_SIZES, pageParams, sortOf, sortOrderOf, useListParams } from "@/lib/listParams";
import { LOAN_STATUSES, type LoanStatus } from "@/lib/loanSteps";
import { formatFen } from "@/lib/money";
import { LOAN_SORTS, useLoans, type LoanQuery } from "../api/getLoans";
import type { Loan } from "../api/types";
import { LoanSearch } from "./LoanSearch";
import { CollateralRiskTag } from "./CollateralRiskTag";
import { LoanStatusTag } from "./LoanStatusTag";
import { QUICK_FILTERS } from "./quickFilters";

const MERGED_LIMIT = 200;
const COLLECTING: ReadonlySet<LoanStatus> = new Set(["disbursed", "defaulted"]);

/** The view, status filter, sort and page live in the URL, so a list can be bookmarked and shared. */
function useTableState(role: Role) {
  const { params, page, pageSize, update } = useListParams();
  const views = QUICK_FILTERS[role];
  const view = views.find((v) => v.key === params.get("view")) ?? views[0]!;
  const status = view.key === "all" ? oneOf(LOAN_STATUSES, params.get("status")) : undefined;
  const sort = oneOf(LOAN_SORTS, params.get("sort")) ?? "-id";
  const q = params.get("q") || undefined;
  const merged = view.filters.length > 1;
  const queries: LoanQuery[] = view.filters.map((filter) => ({
    ...filter,
    ...(status ? { status } : {}),
    ...(q ? { q } : {}),
    sort,
    limit: merged ? MERGED_LIMIT : pageSize,
    offset: merged ? 0 : (page - 1) * pageSize,
  }));
  return { views, view, queries, merged, status, sort, q, page, pageSize, update };
}

export function LoansTable({ role }: { role: Role }) {
  const { t } = useTranslation();
  const { views, view, queries, merged, status, sort, q, page, pageSize, update } = useTableState(role);
  const loans = useLoans(queries);

  if (loans.isError && !loans.data) return <QueryError error={loans.error} onRetry={() => void loans.refetch()} />;

  const columns: TableProps<Loan>["columns"] = [
    {
      key: "id",
      title: t("loan.id"),
      dataIndex: "id",
      sorter: !merged,
      sortOrder: sortOrderOf(sort, "id"),
      render: (id: string) => (
        <Link to={paths.loan.href(id)} data-testid={`loan-link-${id}`}>
          #{id}
        </Link>
      ),
    },
    {
      key: "status",
      title: t("loan.status"),
      dataIndex: "status",
      filters: view.key === "all" ? LOAN_STATUSES.map((s) => ({ text: t(`loan.statuses.${s}`), value: s })) : undefined,
      filterMultiple: false,
      filteredValue: status ? [status] : null,
      render: (s: LoanStatus, loan) => (
        <>
          <LoanStatusTag status={s} overdue={loan.overdue} />
          <CollateralRiskTag atRisk={loan.collateralAtRisk} />
        </>
      ),
    },
    ...(role !== "enterprise"
      ? [
          {
            key: "borrower",
            title: t("loan.borrower"),
            dataIndex: "enterpriseOrgId",
            render: (id: string | null) => <OrgName id={id} />,
          },
        ]
      : []),
    ...(role !== "bank"
      ? [
          {
            key: "bank",
            title: t("loan.bank"),
            dataIndex: "bankOrgId",
            render: (id: string | null) => <OrgName id={id} />,
          },
        ]
      : []),
    {
      key: "amount",
      title: t("loan.amount"),
      align: "right",
      render: (_: unknown, loan) => formatFen(loan.amount ?? loan.requestedAmount),
    },
    {
      key: "owed",
      title: t("loan.owedNow"),
      align: "right",
      // money is collected only while a loan runs or after its default; elsewhere nothing is due
      render: (_: unknown, loan) =>
        COLLECTING.has(loan.status) && loan.owed.total !== "0" ? formatFen(loan.owed.total) : "—",
    },
    {
      key: "maturityAt",
      title: t("loan.maturityAt"),
      dataIndex: "maturityAt",
      sorter: !merged,
      sortOrder: sortOrderOf(sort, "maturityAt"),
      render: (value: string | null, loan) => formatDate(value ?? loan.estimatedMaturityAt),
    },
    {
      key: "steps",
      title: t("loan.progress"),
      render: (_: unknown, loan) => <LoanStepsBar status={loan.status} defaultedAt={loan.defaultedAt} compact />,
    },
    {
      key: "updatedAt",
      title: t("loan.updatedAt"),
      dataIndex: "updatedAt",
      sorter: !merged,
      sortOrder: sortOrderOf(sort, "updatedAt"),
      render: formatDateTime,
    },
  ];

  const onChange: TableProps<Loan>["onChange"] = (pagination, filters, sorter) => {
    const nextStatus = firstFilter(filters.status);
    const nextSort = sortOf(sorter);
    update({
      status: nextStatus,
      sort: nextSort === "-id" ? undefined : nextSort,
      ...pageParams(pagination, nextStatus !== status),
    });
  };

  return (
    <>
      {views.length > 1 && (
        <Segmented
          data-testid="loan-views"
          style={{ marginBottom: 16 }}
          value={view.key}
          options={views.map((v) => ({ value: v.key, label: t(`loan.views.${v.key}` as "loan.views.all") }))}
          onChange={(key) =>
            update({ view: key === "all" ? undefined : String(key), status: undefined, page: undefined })
          }
        />
      )}
      <LoanSearch q={q} onSearch={(text) => update({ q: text, page: undefined })} />
      <Table<Loan>
        rowKey="id"
        size="middle"
        data-testid="loans-table"
        columns={columns}
        dataSource={loans.data?.items}
        loading={loans.isFetching}
        onChange={onChange}
        scroll={{ x: "max-content" }}
        pagination={{
          ...(merged ? {} : { current: page, total: loans.data?.total ?? 0 }),
          pageSize,
          pageSizeOptions: PAGE_SIZES,
          showSizeChanger: true,
          showTotal: (count) => <Typography.Text type="secondary">{t("app.total", { count })}</Typography.Text>,
        }}
      />
    </>
  );
}
