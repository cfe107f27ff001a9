import { Timeline, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { formatDateTime } from "@/lib/dates";
import type { AuditEvent } from "@/types/api";
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
            <Typography.Text strong>{event.kind}</Typography.Text>{" "}
            <Typography.Text type="secondary">{formatDateTime(event.blockTime)}</Typography.Text>
            <div>
              {t("patent.block")} {event.blockNumber} · <Hash value={event.txHash} />
            </div>
          </>
        ),
      }))}
    />
  );
}
