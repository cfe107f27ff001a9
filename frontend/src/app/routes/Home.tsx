import { Button, Card, Descriptions, Space, Statistic, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { Link } from "react-router-dom";
import { paths } from "@/config/paths";
import { useMe } from "@/features/auth/api/me";
import { useOpenNotificationCount } from "@/features/notifications/api/getNotifications";
import { useSession } from "@/lib/session";

/** The start page after signing in: who you are and what waits for you. Each role's dashboard grows here. */
export function HomeRoute() {
  const { t } = useTranslation();
  const session = useSession();
  const me = useMe();
  const open = useOpenNotificationCount();
  if (!session) return null;
  const { user } = session;

  return (
    <Space orientation="vertical" size="large" style={{ width: "100%" }}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        {t("home.welcome", { username: user.username })}
      </Typography.Title>
      <Card>
        <Descriptions column={{ xs: 1, md: 2 }}>
          <Descriptions.Item label={t("home.organisation")}>{me.data?.organisation.name ?? "…"}</Descriptions.Item>
          <Descriptions.Item label={t("home.role")}>{t(`roles.${user.role}`)}</Descriptions.Item>
        </Descriptions>
      </Card>
      <Card>
        <Statistic title={t("home.openNotifications")} value={open.data ?? "…"} />
        <Link to={paths.notifications.href()}>
          <Button style={{ marginTop: 12 }}>{t("home.viewNotifications")}</Button>
        </Link>
      </Card>
    </Space>
  );
}
