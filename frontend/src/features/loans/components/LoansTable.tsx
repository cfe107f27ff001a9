import { Segmented, Table, Typography, type TableProps } from "antd";
import { useTranslation } from "react-i18next";
import { Link, useSearchParams } from "react-router-dom";
import { LoanStepsBar } from "@/components/LoanStepsBar";
import { OrgName } from "@/components/OrgName";
import { QueryError } from "@/components/QueryError";
import { paths } from "@/config/paths";
import type { Role } from "@/config/roles";
import { formatDate, formatDateTime } from "@/lib/dates";
import { LOAN_STATUSES, type LoanStatus } from "@/lib/loanSteps";
import { formatFen } from "@/lib/money";
import { LOAN_SORTS, useLoans, type LoanQuery, type LoanSort } from "../api/getLoans";
import type { Loan } from "../api/types";
import { LoanStatusTag } from "./LoanStatusTag";
import { QUICK_FILTERS } from "./quickFilters";

const PAGE_SIZES = [10, 20, 50, 100];
const MERGED_LIMIT = 200;
const COLLECTING: ReadonlySet<LoanStatus> = new Set(["disbursed", "defaulted"]);

const oneOf = <T extends string>(values: readonly T[], value: string | null): T | undefined =>
  (values as readonly (string | null)[]).includes(value) ? (value as T) : undefined;

const sortOrderOf = (sort: LoanSort, field: string) =>
  sort === field ? "ascend" : sort === `-${field}` ? "descend" : null;

/** The view, status filter, sort and page live in the URL, so a list can be bookmarked and shared. */
function useTableState(role: Role) {
  const [params, setParams] = useSearchParams();
  const views = QUICK_FILTERS[role];
  const view = views.find((v) => v.key === params.get("view")) ?? views[0]!;
  const pageSize = Number(params.get("pageSize")) || 20;
  const page = Math.max(Number(params.get("page")) || 1, 1);
  const status = view.key === "all" ? oneOf(LOAN_STATUSES, params.get("status")) : undefined;
  const sort = oneOf(LOAN_SORTS, params.get("sort")) ?? "-id";
  const merged = view.filters.length > 1;
  const queries: LoanQuery[] = view.filters.map((filter) => ({
    ...filter,
    ...(status ? { status } : {}),
    sort,
    limit: merged ? MERGED_LIMIT : pageSize,
    offset: merged ? 0 : (page - 1) * pageSize,
  }));
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
  return { views, view, queries, merged, status, sort, page, pageSize, update };
}

export function LoansTable({ role }: { role: Role }) {
  const { t } = useTranslation();
  const { views, view, queries, merged, status, sort, page, pageSize, update } = useTableState(role);
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
      render: (s: LoanStatus, loan) => <LoanStatusTag status={s} overdue={loan.overdue} />,
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
    const one = Array.isArray(sorter) ? sorter[0] : sorter;
    const field = one?.order ? String(one.columnKey) : undefined;
    const nextSort = field ? (one?.order === "descend" ? `-${field}` : field) : undefined;
    const first = (values: unknown) => (Array.isArray(values) && values.length > 0 ? String(values[0]) : undefined);
    const filtersChanged = first(filters.status) !== status;
    update({
      status: first(filters.status),
      sort: nextSort === "-id" ? undefined : nextSort,
      page: filtersChanged || pagination.current === 1 ? undefined : String(pagination.current),
      pageSize: pagination.pageSize === 20 ? undefined : String(pagination.pageSize),
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
