import { Badge, Segmented, Space, Table, Tag, Typography, type TableProps } from "antd";
import { useTranslation } from "react-i18next";
import { Link } from "react-router-dom";
import { QueryError } from "@/components/QueryError";
import { mayOpen, paths } from "@/config/paths";
import { formatDateTime } from "@/lib/dates";
import { useListParams } from "@/lib/listParams";
import type { Role } from "@/config/roles";
import type { Messages } from "@/i18n/locales/zh-CN";
import { useNotifications, type Notification } from "../api/getNotifications";

const PAGE_SIZE = 20;

type Topic = keyof Messages["notification"]["topics"];

/**
 * The page of the patent or loan a notification is about, where its next step is taken; null where
 * there is no such page or the role may not open it.
 */
export function subjectHref({ entity, entityId }: Notification, role: Role): string | null {
  if (entity === "patent" && mayOpen(role, "patent")) return paths.patent.href(entityId);
  if (entity === "loan" && mayOpen(role, "loan")) return paths.loan.href(entityId);
  return null;
}

/** The patent or loan a notification is about, linked where that page exists and the role may open it. */
function Subject({ notification, role }: { notification: Notification; role: Role }) {
  const { t } = useTranslation();
  const { entity, entityId } = notification;
  const label =
    entity === "patent"
      ? t("notification.patentRef", { id: entityId })
      : entity === "loan"
        ? t("notification.loanRef", { id: entityId })
        : `${entity} ${entityId}`;
  const href = subjectHref(notification, role);
  return href ? <Link to={href}>{label}</Link> : <>{label}</>;
}

export function NotificationsList({ role }: { role: Role }) {
  const { t, i18n } = useTranslation();
  const { params, page, update } = useListParams();
  const filter = params.get("filter") === "all" ? "all" : "open";
  const notifications = useNotifications({
    open: filter === "open" ? true : undefined,
    limit: PAGE_SIZE,
    offset: (page - 1) * PAGE_SIZE,
  });

  // A topic a newer backend adds still shows, by its name; the notice's data fills in its numbers (days).
  const topic = (name: string, data: Record<string, unknown>) =>
    i18n.exists(`notification.topics.${name}`) ? t(`notification.topics.${name as Topic}`, data) : name;

  const columns: TableProps<Notification>["columns"] = [
    {
      key: "topic",
      title: t("notification.topic"),
      dataIndex: "topic",
      render: (name: string, item) => {
        const href = subjectHref(item, role);
        const text = <Typography.Text strong={item.open}>{topic(name, item.data)}</Typography.Text>;
        return (
          <Space data-testid={`notification-${name}-${item.entityId}`}>
            {item.open ? <Badge status="processing" /> : <Badge status="default" />}
            {href ? <Link to={href}>{text}</Link> : text}
          </Space>
        );
      },
    },
    {
      key: "subject",
      title: t("notification.subject"),
      render: (_: unknown, item) => <Subject notification={item} role={role} />,
    },
    {
      key: "state",
      title: t("patent.status"),
      render: (_: unknown, item) =>
        !item.actionRequired ? (
          <Tag>{t("notification.info")}</Tag>
        ) : item.open ? (
          <Tag color="warning">{t("notification.actionRequired")}</Tag>
        ) : (
          <Tag color="success">{t("notification.done")}</Tag>
        ),
    },
    { key: "createdAt", title: t("notification.createdAt"), dataIndex: "createdAt", render: formatDateTime },
  ];

  return (
    <Space orientation="vertical" size="middle" style={{ width: "100%" }}>
      <Segmented
        value={filter}
        onChange={(value) => update({ filter: value === "all" ? "all" : undefined, page: undefined })}
        options={[
          { value: "open", label: `${t("notification.open")} (${notifications.data?.open ?? "…"})` },
          { value: "all", label: t("notification.all") },
        ]}
      />
      {notifications.isError && !notifications.data ? (
        <QueryError error={notifications.error} onRetry={() => void notifications.refetch()} />
      ) : (
        <Table<Notification>
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={notifications.data?.items}
          loading={notifications.isFetching}
          scroll={{ x: "max-content" }}
          pagination={{
            current: page,
            pageSize: PAGE_SIZE,
            total: notifications.data?.total ?? 0,
            showSizeChanger: false,
            showTotal: (count) => t("app.total", { count }),
            onChange: (next) => update({ page: next === 1 ? undefined : String(next) }),
          }}
        />
      )}
    </Space>
  );
}
