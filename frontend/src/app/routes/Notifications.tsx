import { Space, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { NotificationsList } from "@/features/notifications/components/NotificationsList";
import { useSession } from "@/lib/session";

export function NotificationsRoute() {
  const { t } = useTranslation();
  const session = useSession();
  if (!session) return null;
  return (
    <Space orientation="vertical" size="middle" style={{ width: "100%" }}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        {t("nav.notifications")}
      </Typography.Title>
      <NotificationsList role={session.user.role} />
    </Space>
  );
}
