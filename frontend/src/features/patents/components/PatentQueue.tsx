import { Card, Table, Typography, type TableProps } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router-dom";
import { OrgName } from "@/components/OrgName";
import { QueryError } from "@/components/QueryError";
import { paths } from "@/config/paths";
import { formatDate } from "@/lib/dates";
import { PATENT_QUEUES, usePatents, type PatentQueueKind } from "../api/getPatents";
import type { Patent, PatentKind } from "../api/types";
import { PatentStatusTag } from "./PatentStatusTag";

const PAGE_SIZE = 20;

/**
 * What waits for this office: new records to verify (the IP office) or patents without a current
 * valuation (an appraiser). Each opens the patent's page, where the action is.
 */
export function PatentQueue({ queue }: { queue: PatentQueueKind }) {
  const { t } = useTranslation();
  const [page, setPage] = useState(1);
  const patents = usePatents({
    ...PATENT_QUEUES[queue],
    sort: "registeredAt",
    limit: PAGE_SIZE,
    offset: (page - 1) * PAGE_SIZE,
  });
  if (patents.isError && !patents.data)
    return <QueryError error={patents.error} onRetry={() => void patents.refetch()} />;

  const columns: TableProps<Patent>["columns"] = [
    {
      key: "number",
      title: t("patent.number"),
      dataIndex: "number",
      render: (number: string) => (
        <Link to={paths.patent.href(number)} data-testid="queue-patent-link">
          {number}
        </Link>
      ),
    },
    { key: "title", title: t("patent.title"), dataIndex: "title", ellipsis: true },
    {
      key: "kind",
      title: t("patent.kind"),
      dataIndex: "kind",
      render: (kind: PatentKind) => t(`patent.kinds.${kind}`),
    },
    {
      key: "status",
      title: t("patent.status"),
      dataIndex: "status",
      render: (s: Patent["status"]) => <PatentStatusTag status={s} />,
    },
    {
      key: "owner",
      title: t("patent.owner"),
      dataIndex: "ownerOrgId",
      render: (id: string | null) => <OrgName id={id} />,
    },
    { key: "registeredAt", title: t("patent.registeredAt"), dataIndex: "registeredAt", render: formatDate },
  ];
  return (
    <Card>
      <Typography.Title level={3} style={{ marginTop: 0 }}>
        {t(queue === "verification" ? "patentActions.verificationQueue" : "patentActions.appraisalQueue")}
      </Typography.Title>
      <Table<Patent>
        rowKey="id"
        columns={columns}
        dataSource={patents.data?.items}
        loading={patents.isFetching}
        locale={{ emptyText: t("patentActions.queueEmpty") }}
        scroll={{ x: "max-content" }}
        data-testid={`${queue}-queue`}
        pagination={{
          current: page,
          pageSize: PAGE_SIZE,
          total: patents.data?.total ?? 0,
          onChange: setPage,
          showTotal: (count) => <Typography.Text type="secondary">{t("app.total", { count })}</Typography.Text>,
        }}
      />
    </Card>
  );
}
