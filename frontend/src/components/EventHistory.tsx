import { Timeline, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { Link } from "react-router-dom";
import { paths } from "@/config/paths";
import { formatDateTime } from "@/lib/dates";
import type { AuditEvent } from "@/types/api";
import { EventKind } from "./EventKind";
import { Hash } from "./Hash";

/** An entity's history from the audit trail, oldest first: the contract event, its block and transaction. */
export function EventHistory({ events }: { events: readonly AuditEvent[] }) {
  const { t } = useTranslation();
  if (events.length === 0) return <Typography.Text type="secondary">{t("app.none")}</Typography.Text>;
  return (
    <Timeline
      items={events.map((event) => ({
        key: event.id,
        content: (
          <>
            <Typography.Text strong>
              <EventKind kind={event.kind} />
            </Typography.Text>{" "}
            <Typography.Text type="secondary">{formatDateTime(event.blockTime)}</Typography.Text>
            <div>
              <Link to={paths.auditBlock.href(event.blockNumber)}>
                {t("patent.block")} {event.blockNumber}
              </Link>{" "}
              · <Link to={paths.auditTransaction.href(event.txHash)}>{t("audit.transaction")}</Link>{" "}
              <Hash value={event.txHash} />
            </div>
          </>
        ),
      }))}
    />
  );
}
