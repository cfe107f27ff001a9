import { Space, Table, Typography, type TableProps } from "antd";
import { useTranslation } from "react-i18next";
import { Link } from "react-router-dom";
import { OrgName } from "@/components/OrgName";
import { QueryError } from "@/components/QueryError";
import { TableSearch } from "@/components/TableSearch";
import { paths } from "@/config/paths";
import { formatDate } from "@/lib/dates";
import { firstFilter, oneOf, PAGE_SIZES, pageParams, sortOf, sortOrderOf, useListParams } from "@/lib/listParams";
import { formatFen } from "@/lib/money";
import { PATENT_SORTS, usePatents, type PatentQuery } from "../api/getPatents";
import { PATENT_KINDS, PATENT_STATUSES, type Patent, type PatentKind, type PatentStatus } from "../api/types";
import { PatentStatusTag } from "./PatentStatusTag";

/** The list's search, filters, sort and page live in the URL, so a view can be bookmarked and shared. */
function useTableState() {
  const { params, page, pageSize, update } = useListParams();
  const query: PatentQuery = {
    q: params.get("q") ?? undefined,
    status: oneOf(PATENT_STATUSES, params.get("status")),
    kind: oneOf(PATENT_KINDS, params.get("kind")),
    sort: oneOf(PATENT_SORTS, params.get("sort")) ?? "-registeredAt",
    limit: pageSize,
    offset: (page - 1) * pageSize,
  };
  return { query, page, pageSize, update };
}

export function PatentsTable({ showOwner }: { showOwner: boolean }) {
  const { t } = useTranslation();
  const { query, page, pageSize, update } = useTableState();
  const patents = usePatents(query);

  if (patents.isError && !patents.data)
    return <QueryError error={patents.error} onRetry={() => void patents.refetch()} />;

  const columns: TableProps<Patent>["columns"] = [
    {
      key: "number",
      title: t("patent.number"),
      dataIndex: "number",
      sorter: true,
      sortOrder: sortOrderOf(query.sort, "number"),
      render: (number: string) => <Link to={paths.patent.href(number)}>{number}</Link>,
    },
    { key: "title", title: t("patent.title"), dataIndex: "title", ellipsis: true },
    {
      key: "kind",
      title: t("patent.kind"),
      dataIndex: "kind",
      filters: PATENT_KINDS.map((kind) => ({ text: t(`patent.kinds.${kind}`), value: kind })),
      filterMultiple: false,
      filteredValue: query.kind ? [query.kind] : null,
      render: (kind: PatentKind) => t(`patent.kinds.${kind}`),
    },
    {
      key: "status",
      title: t("patent.status"),
      dataIndex: "status",
      filters: PATENT_STATUSES.map((status) => ({ text: t(`patent.statuses.${status}`), value: status })),
      filterMultiple: false,
      filteredValue: query.status ? [query.status] : null,
      render: (status: PatentStatus) => <PatentStatusTag status={status} />,
    },
    ...(showOwner
      ? [
          {
            key: "owner",
            title: t("patent.owner"),
            dataIndex: "ownerOrgId",
            render: (id: string | null) => <OrgName id={id} />,
          },
        ]
      : []),
    {
      key: "currentValue",
      title: t("patent.currentValue"),
      dataIndex: "currentValue",
      align: "right",
      render: (value: string | null) => (value ? formatFen(value) : "—"),
    },
    {
      key: "expiryDate",
      title: t("patent.expiryDate"),
      dataIndex: "expiryDate",
      sorter: true,
      sortOrder: sortOrderOf(query.sort, "expiryDate"),
      render: formatDate,
    },
    {
      key: "registeredAt",
      title: t("patent.registeredAt"),
      dataIndex: "registeredAt",
      sorter: true,
      sortOrder: sortOrderOf(query.sort, "registeredAt"),
      render: formatDate,
    },
  ];

  const onChange: TableProps<Patent>["onChange"] = (pagination, filters, sorter) => {
    const kind = firstFilter(filters.kind);
    const status = firstFilter(filters.status);
    const sort = sortOf(sorter);
    update({
      kind,
      status,
      sort: sort === "-registeredAt" ? undefined : sort,
      ...pageParams(pagination, kind !== query.kind || status !== query.status),
    });
  };

  return (
    <Space orientation="vertical" size="middle" style={{ width: "100%" }}>
      <TableSearch
        value={query.q}
        placeholder={t("patent.searchPlaceholder")}
        onSearch={(q) => update({ q, page: undefined })}
        testId="patents-search"
      />
      <Table<Patent>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={patents.data?.items}
        loading={patents.isFetching}
        onChange={onChange}
        scroll={{ x: "max-content" }}
        pagination={{
          current: page,
          pageSize,
          total: patents.data?.total ?? 0,
          pageSizeOptions: PAGE_SIZES,
          showSizeChanger: true,
          showTotal: (count) => <Typography.Text type="secondary">{t("app.total", { count })}</Typography.Text>,
        }}
      />
    </Space>
  );
}
