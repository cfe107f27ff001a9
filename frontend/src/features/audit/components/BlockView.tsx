import { Card, Descriptions, Space, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { Link } from "react-router-dom";
import { PageLoader } from "@/components/PageLoader";
import { QueryError } from "@/components/QueryError";
import { paths } from "@/config/paths";
import { formatDateTime } from "@/lib/dates";
import { useLedgerBlock } from "../api/getBlock";
import { EventsTable } from "./EventsTable";

/** One block: its hash and time, and the ledger events in it, each with its transaction. */
export function BlockView({ number }: { number: string }) {
  const { t } = useTranslation();
  const block = useLedgerBlock(number);
  if (block.isPending) return <PageLoader />;
  if (block.isError) return <QueryError error={block.error} onRetry={() => void block.refetch()} />;
  const { data } = block;
  return (
    <Space orientation="vertical" size="large" style={{ width: "100%" }} data-testid="block-view">
      <Typography.Title level={3} style={{ margin: 0 }}>
        {t("audit.blockTitle", { number: data.number })}
      </Typography.Title>
      <Card>
        <Descriptions column={{ xs: 1, lg: 2 }}>
          <Descriptions.Item label={t("audit.blockHash")}>
            <Typography.Text code copyable style={{ wordBreak: "break-all" }}>
              {data.hash}
            </Typography.Text>
          </Descriptions.Item>
          <Descriptions.Item label={t("audit.time")}>{formatDateTime(data.time)}</Descriptions.Item>
          <Descriptions.Item label={t("audit.block")}>
            {data.number > 0 ? <Link to={paths.auditBlock.href(data.number - 1)}>← {data.number - 1}</Link> : null}{" "}
            <Link to={paths.auditBlock.href(data.number + 1)}>{data.number + 1} →</Link>
          </Descriptions.Item>
        </Descriptions>
      </Card>
      <Card title={t("audit.events")}>
        <EventsTable events={data.events} />
      </Card>
    </Space>
  );
}
