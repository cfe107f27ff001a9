import { Button, Card, Col, Descriptions, Flex, Row, Statistic, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { Link } from "react-router-dom";
import { paths } from "@/config/paths";
import { useMe } from "@/features/auth/api/me";
import { useOpenNotificationCount } from "@/features/notifications/api/getNotifications";
import { useSession } from "@/lib/session";
import { Workbench } from "../workbench/Workbench";

/** The start page after signing in: who you are, what is open for you, and your role's workbench. */
export function HomeRoute() {
  const { t } = useTranslation();
  const session = useSession();
  const me = useMe();
  const open = useOpenNotificationCount();
  if (!session) return null;
  const { user } = session;

  return (
    <Flex vertical gap="large">
      <Typography.Title level={3} style={{ margin: 0 }}>
        {t("home.welcome", { username: user.username })}
      </Typography.Title>
      <Row gutter={[16, 16]}>
        <Col xs={24} md={16}>
          <Card style={{ height: "100%" }}>
            <Descriptions column={{ xs: 1, md: 2 }}>
              <Descriptions.Item label={t("home.organisation")}>{me.data?.organisation.name ?? "…"}</Descriptions.Item>
              <Descriptions.Item label={t("home.role")}>{t(`roles.${user.role}`)}</Descriptions.Item>
            </Descriptions>
          </Card>
        </Col>
        <Col xs={24} md={8}>
          <Card data-testid="home-notifications" style={{ height: "100%" }}>
            <Statistic title={t("home.openNotifications")} value={open.data ?? "…"} />
            <Link to={paths.notifications.href()}>
              <Button style={{ marginTop: 12 }}>{t("home.viewNotifications")}</Button>
            </Link>
          </Card>
        </Col>
      </Row>
      <Workbench role={user.role} orgId={user.orgId} />
    </Flex>
  );
}
