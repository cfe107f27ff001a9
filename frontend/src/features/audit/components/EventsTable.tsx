import { Table, Typography, type TableProps } from "antd";
import { useTranslation } from "react-i18next";
import { Link } from "react-router-dom";
import { EventKind } from "@/components/EventKind";
import { Hash } from "@/components/Hash";
import { OrgName } from "@/components/OrgName";
import { paths } from "@/config/paths";
import { formatDateTime } from "@/lib/dates";
import type { AuditEvent } from "@/types/api";
import { AUDIT_ENTITIES, type AuditEntity } from "../api/auditFilters";
import { EventData } from "./EventData";

const isEntity = (entity: string): entity is AuditEntity => (AUDIT_ENTITIES as readonly string[]).includes(entity);

function Subject({ event }: { event: AuditEvent }) {
  const { t } = useTranslation();
  const label = isEntity(event.entity) ? t(`audit.entities.${event.entity}`) : event.entity;
  const id =
    event.entity === "patent" ? (
      <Link to={paths.patent.href(event.entityId)}>{event.entityId}</Link>
    ) : (
      <Typography.Text ellipsis style={{ maxWidth: 200 }} title={event.entityId}>
        {event.entityId}
      </Typography.Text>
    );
  return (
    <>
      {label} {id}
    </>
  );
}

/** Ledger events with their block and transaction as links; a row opens to the event's data. */
export function EventsTable({
  events,
  loading,
  hideTransaction = false,
}: {
  events: readonly AuditEvent[];
  loading?: boolean;
  hideTransaction?: boolean;
}) {
  const { t } = useTranslation();
  const columns: TableProps<AuditEvent>["columns"] = [
    { key: "time", title: t("audit.time"), dataIndex: "blockTime", render: formatDateTime, width: 180 },
    {
      key: "block",
      title: t("audit.block"),
      dataIndex: "blockNumber",
      render: (number: number) => (
        <Link to={paths.auditBlock.href(number)} data-testid="block-link">
          {number}
        </Link>
      ),
    },
    { key: "kind", title: t("audit.kind"), dataIndex: "kind", render: (kind: string) => <EventKind kind={kind} /> },
    { key: "subject", title: t("audit.entity"), render: (_: unknown, event) => <Subject event={event} /> },
    {
      key: "org",
      title: t("audit.organisation"),
      dataIndex: "orgId",
      render: (id: string | null) => <OrgName id={id} />,
    },
    ...(hideTransaction
      ? []
      : [
          {
            key: "tx",
            title: t("audit.txHash"),
            dataIndex: "txHash",
            render: (hash: string) => (
              <Link to={paths.auditTransaction.href(hash)} data-testid="tx-link" title={hash}>
                {`${hash.slice(0, 10)}…${hash.slice(-6)}`}
              </Link>
            ),
          },
        ]),
    {
      key: "actor",
      title: t("audit.actor"),
      dataIndex: "actor",
      render: (actor: string | null) => <Hash value={actor} />,
    },
  ];
  return (
    <Table<AuditEvent>
      rowKey="id"
      size="small"
      columns={columns}
      dataSource={[...events]}
      loading={loading}
      pagination={false}
      scroll={{ x: "max-content" }}
      expandable={{ expandedRowRender: (event) => <EventData data={event.data} /> }}
    />
  );
}
