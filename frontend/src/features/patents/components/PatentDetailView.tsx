import { Card, Descriptions, Flex, Space, Table, Tag, Typography, type TableProps } from "antd";
import { useTranslation } from "react-i18next";
import { DocumentLink } from "@/components/documents/DocumentLink";
import { EventHistory } from "@/components/EventHistory";
import { Hash } from "@/components/Hash";
import { OrgName } from "@/components/OrgName";
import { PageLoader } from "@/components/PageLoader";
import { QueryError } from "@/components/QueryError";
import { formatDate, formatDateTime } from "@/lib/dates";
import { formatFen } from "@/lib/money";
import { useSession } from "@/lib/session";
import { usePatent } from "../api/getPatent";
import type { Appraisal } from "../api/types";
import { AppraisalForm } from "./AppraisalForm";
import { IpOfficeActions } from "./IpOfficeActions";
import { PatentStatusTag } from "./PatentStatusTag";

/** Current, superseded by a newer current one, or expired (the API marks the one that counts). */
function appraisalState(appraisal: Appraisal, all: readonly Appraisal[]): "current" | "superseded" | "expired" {
  if (appraisal.current) return "current";
  const current = all.find((other) => other.current);
  return current && current.index > appraisal.index ? "superseded" : "expired";
}

const STATE_COLOURS = { current: "success", superseded: "default", expired: "warning" } as const;

export function PatentDetailView({ id }: { id: string }) {
  const { t } = useTranslation();
  const patent = usePatent(id);
  const role = useSession()?.user.role;

  if (patent.isPending) return <PageLoader />;
  if (patent.isError) return <QueryError error={patent.error} onRetry={() => void patent.refetch()} />;
  const p = patent.data;
  const yesNo = (value: boolean) => (value ? <Tag color="error">{t("app.yes")}</Tag> : t("app.no"));

  const appraisalColumns: TableProps<Appraisal>["columns"] = [
    {
      key: "appraiser",
      title: t("patent.appraiser"),
      dataIndex: "appraiserOrgId",
      render: (org: string | null) => <OrgName id={org} />,
    },
    {
      key: "value",
      title: t("patent.value"),
      dataIndex: "value",
      align: "right",
      render: (value: string) => formatFen(value),
    },
    { key: "validUntil", title: t("patent.validUntil"), dataIndex: "validUntil", render: formatDate },
    { key: "recordedAt", title: t("patent.recordedAt"), dataIndex: "recordedAt", render: formatDateTime },
    {
      key: "state",
      title: t("patent.status"),
      render: (_: unknown, appraisal) => {
        const state = appraisalState(appraisal, p.appraisals);
        return <Tag color={STATE_COLOURS[state]}>{t(`patent.${state}`)}</Tag>;
      },
    },
    {
      key: "report",
      title: t("patent.report"),
      dataIndex: "reportSha256",
      render: (hash: string, appraisal) => <DocumentLink sha256={hash} testId={`report-open-${appraisal.index}`} />,
    },
    { key: "tx", title: t("patent.txHash"), dataIndex: "txHash", render: (hash: string) => <Hash value={hash} /> },
  ];

  return (
    <Space orientation="vertical" size="large" style={{ width: "100%" }}>
      <Flex wrap gap="small" align="center">
        <Typography.Title level={3} style={{ margin: 0 }}>
          {p.number}
        </Typography.Title>
        <PatentStatusTag status={p.status} />
        <Typography.Text type="secondary">{p.title}</Typography.Text>
      </Flex>

      {role === "ipoffice" ? <IpOfficeActions patent={p} /> : null}
      {role === "appraiser" ? <AppraisalForm patent={p} /> : null}

      <Card title={t("patent.basics")}>
        <Descriptions column={{ xs: 1, sm: 2, lg: 3 }}>
          <Descriptions.Item label={t("patent.number")}>{p.number}</Descriptions.Item>
          <Descriptions.Item label={t("patent.title")}>{p.title ?? "—"}</Descriptions.Item>
          <Descriptions.Item label={t("patent.kind")}>{t(`patent.kinds.${p.kind}`)}</Descriptions.Item>
          <Descriptions.Item label={t("patent.owner")}>
            <OrgName id={p.ownerOrgId} />
          </Descriptions.Item>
          <Descriptions.Item label={t("patent.grantDate")}>{formatDate(p.grantDate)}</Descriptions.Item>
          <Descriptions.Item label={t("patent.expiryDate")}>{formatDate(p.expiryDate)}</Descriptions.Item>
          <Descriptions.Item label={t("patent.currentValue")}>
            {p.currentValue ? formatFen(p.currentValue) : "—"}
          </Descriptions.Item>
          <Descriptions.Item label={t("patent.loan")}>{p.loanId ? `#${p.loanId}` : "—"}</Descriptions.Item>
          <Descriptions.Item label={t("patent.registeredAt")}>{formatDateTime(p.registeredAt)}</Descriptions.Item>
        </Descriptions>
      </Card>

      <Card title={t("patent.legalStatus")}>
        <Descriptions column={{ xs: 1, sm: 3 }}>
          <Descriptions.Item label={t("patent.feePaidUntil")}>
            {formatDate(p.legalStatus.feePaidUntil)}
          </Descriptions.Item>
          <Descriptions.Item label={t("patent.preserved")}>{yesNo(p.legalStatus.preserved)}</Descriptions.Item>
          <Descriptions.Item label={t("patent.invalidationPending")}>
            {yesNo(p.legalStatus.invalidationPending)}
          </Descriptions.Item>
        </Descriptions>
      </Card>

      <Card title={t("patent.appraisals")}>
        <Table<Appraisal>
          rowKey="id"
          size="small"
          columns={appraisalColumns}
          dataSource={[...p.appraisals].reverse()}
          pagination={false}
          scroll={{ x: "max-content" }}
        />
      </Card>

      <Card title={t("patent.ledger")}>
        <Descriptions column={{ xs: 1, lg: 2 }}>
          <Descriptions.Item label={t("patent.tokenId")}>
            <Typography.Text copyable ellipsis style={{ maxWidth: 240 }}>
              {p.tokenId}
            </Typography.Text>
          </Descriptions.Item>
          <Descriptions.Item label={t("patent.certificate")}>
            <DocumentLink sha256={p.certificateSha256} testId="certificate-open" />
          </Descriptions.Item>
          <Descriptions.Item label={t("patent.metadataHash")}>
            <Hash value={p.metadataHash} />
          </Descriptions.Item>
          {p.txHash ? (
            <Descriptions.Item label={t("patent.txHash")}>
              <Hash value={p.txHash} /> ({t("patent.block")} {p.blockNumber})
            </Descriptions.Item>
          ) : null}
        </Descriptions>
      </Card>

      <Card title={t("patent.history")}>
        <EventHistory events={p.history} />
      </Card>
    </Space>
  );
}
