import { Card, Descriptions, Space, Tag, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { Link } from "react-router-dom";
import { Hash } from "@/components/Hash";
import { PageLoader } from "@/components/PageLoader";
import { QueryError } from "@/components/QueryError";
import { paths } from "@/config/paths";
import { formatDateTime } from "@/lib/dates";
import { useLedgerTransaction } from "../api/getTransaction";
import { EventsTable } from "./EventsTable";

/** One transaction: its block, sender and contract, result, gas, and the events it emitted, decoded. */
export function TransactionView({ hash }: { hash: string }) {
  const { t } = useTranslation();
  const tx = useLedgerTransaction(hash);
  if (tx.isPending) return <PageLoader />;
  if (tx.isError) return <QueryError error={tx.error} onRetry={() => void tx.refetch()} />;
  const { data } = tx;
  return (
    <Space orientation="vertical" size="large" style={{ width: "100%" }} data-testid="transaction-view">
      <Typography.Title level={3} style={{ margin: 0 }}>
        {t("audit.transactionTitle")}
      </Typography.Title>
      <Card>
        <Descriptions column={{ xs: 1, lg: 2 }}>
          <Descriptions.Item label={t("audit.txHash")}>
            <Typography.Text code copyable style={{ wordBreak: "break-all" }}>
              {data.hash}
            </Typography.Text>
          </Descriptions.Item>
          <Descriptions.Item label={t("audit.status")}>
            <Tag color={data.status === "success" ? "success" : "error"} data-testid="transaction-status">
              {data.status === "success" ? t("audit.success") : t("audit.reverted")}
            </Tag>
          </Descriptions.Item>
          <Descriptions.Item label={t("audit.block")}>
            <Link to={paths.auditBlock.href(data.block.number)}>{data.block.number}</Link>
          </Descriptions.Item>
          <Descriptions.Item label={t("audit.time")}>{formatDateTime(data.block.time)}</Descriptions.Item>
          <Descriptions.Item label={t("audit.blockHash")}>
            <Hash value={data.block.hash} />
          </Descriptions.Item>
          <Descriptions.Item label={t("audit.from")}>
            <Hash value={data.from} />
          </Descriptions.Item>
          <Descriptions.Item label={t("audit.to")}>
            <Hash value={data.to} />
          </Descriptions.Item>
          <Descriptions.Item label={t("audit.gasUsed")}>{data.gasUsed}</Descriptions.Item>
          <Descriptions.Item label={t("audit.nonce")}>{data.nonce}</Descriptions.Item>
        </Descriptions>
      </Card>
      <Card title={t("audit.events")}>
        <EventsTable events={data.events} hideTransaction />
      </Card>
    </Space>
  );
}
