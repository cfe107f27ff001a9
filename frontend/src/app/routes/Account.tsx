import { Card, Space, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { ChangePasswordForm } from "@/features/auth/components/ChangePasswordForm";

export function ChangePasswordRoute() {
  const { t } = useTranslation();
  return (
    <Space orientation="vertical" size="large" style={{ width: "100%" }}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        {t("account.title")}
      </Typography.Title>
      <Card>
        <Typography.Paragraph type="secondary">{t("account.intro")}</Typography.Paragraph>
        <ChangePasswordForm />
      </Card>
    </Space>
  );
}
