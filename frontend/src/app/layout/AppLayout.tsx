import {
  BellOutlined,
  CloseOutlined,
  KeyOutlined,
  LogoutOutlined,
  MenuOutlined,
  UserOutlined,
} from "@ant-design/icons";
import { Badge, Button, Drawer, Dropdown, Flex, Grid, Layout, Menu, Typography, theme } from "antd";
import { Suspense, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, Outlet, useLocation, useNavigate } from "react-router-dom";
import { LanguageSwitcher } from "@/components/LanguageSwitcher";
import { PageLoader } from "@/components/PageLoader";
import { paths } from "@/config/paths";
import { useLogout } from "@/features/auth/api/logout";
import { useOpenNotificationCount } from "@/features/notifications/api/getNotifications";
import { useSession } from "@/lib/session";
import { navigationFor, selectedNavKey } from "./navigation";

/** The signed-in frame: a side menu for the user's role (a drawer on a phone), a header, the page. */
export function AppLayout() {
  const { t } = useTranslation();
  const session = useSession();
  const location = useLocation();
  const navigate = useNavigate();
  const logout = useLogout();
  const openCount = useOpenNotificationCount();
  const screens = Grid.useBreakpoint();
  const { token } = theme.useToken();
  const [collapsed, setCollapsed] = useState(false);
  const [drawerOpen, setDrawerOpen] = useState(false);
  if (!session) return null;

  const phone = screens.md === false;
  const items = navigationFor(session.user.role);
  const menu = (
    <Menu
      mode="inline"
      theme="dark"
      selectedKeys={[selectedNavKey(items, location.pathname) ?? ""]}
      onClick={() => setDrawerOpen(false)}
      items={items.map((item) => ({
        key: item.key,
        icon: item.icon,
        label: <Link to={item.href}>{t(item.label)}</Link>,
      }))}
    />
  );

  const signOut = async () => {
    await logout();
    void navigate(paths.login.href(), { replace: true });
  };

  return (
    <Layout style={{ minHeight: "100vh" }}>
      {phone ? (
        <Drawer
          placement="left"
          open={drawerOpen}
          onClose={() => setDrawerOpen(false)}
          size={240}
          title={t("app.shortName")}
          styles={{
            header: { background: "#001529", color: "#fff", borderBottom: 0 },
            body: { padding: 0, background: "#001529" },
          }}
          closeIcon={<CloseOutlined style={{ color: "#fff" }} />}
        >
          {menu}
        </Drawer>
      ) : (
        <Layout.Sider
          collapsible
          collapsed={collapsed}
          onCollapse={setCollapsed}
          width={220}
          breakpoint="lg"
          style={{ position: "sticky", top: 0, height: "100vh", overflow: "auto" }}
        >
          <div
            style={{ color: "#fff", padding: "16px 20px", fontWeight: 600, whiteSpace: "nowrap", overflow: "hidden" }}
          >
            {collapsed ? "iP" : t("app.shortName")}
          </div>
          {menu}
        </Layout.Sider>
      )}
      <Layout>
        <Layout.Header
          style={{
            background: token.colorBgContainer,
            padding: phone ? "0 8px" : "0 24px",
            display: "flex",
            alignItems: "center",
            gap: 8,
            borderBottom: `1px solid ${token.colorBorderSecondary}`,
          }}
        >
          {phone && (
            <Button
              type="text"
              icon={<MenuOutlined />}
              aria-label={t("nav.menu")}
              onClick={() => setDrawerOpen(true)}
            />
          )}
          <Typography.Text strong ellipsis style={{ flex: 1, minWidth: 0 }}>
            {phone ? t("app.shortName") : t("app.name")}
          </Typography.Text>
          <Flex align="center" gap={phone ? 4 : 12}>
            <Link to={paths.notifications.href()} aria-label={t("nav.notifications")}>
              <Badge count={openCount.data ?? 0} size="small">
                <BellOutlined style={{ fontSize: 18, color: token.colorText }} />
              </Badge>
            </Link>
            <LanguageSwitcher compact={phone} />
            <Dropdown
              trigger={["click"]}
              menu={{
                items: [
                  { key: "who", label: t(`roles.${session.user.role}`), disabled: true },
                  { type: "divider" },
                  {
                    key: "password",
                    icon: <KeyOutlined />,
                    label: t("app.changePassword"),
                    onClick: () => void navigate(paths.changePassword.href()),
                  },
                  { key: "logout", icon: <LogoutOutlined />, label: t("app.logout"), onClick: () => void signOut() },
                ],
              }}
            >
              <Button type="text" icon={<UserOutlined />} data-testid="user-menu">
                {phone ? null : session.user.username}
              </Button>
            </Dropdown>
          </Flex>
        </Layout.Header>
        <Layout.Content style={{ padding: phone ? 12 : 24, minWidth: 0 }}>
          <Suspense fallback={<PageLoader />}>
            <Outlet />
          </Suspense>
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
