import { Alert, Card, Flex, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Navigate, useSearchParams } from "react-router-dom";
import { LanguageSwitcher } from "@/components/LanguageSwitcher";
import { paths } from "@/config/paths";
import { LoginForm } from "@/features/auth/components/LoginForm";
import { sessionEndReason, useSession } from "@/lib/session";

/** Only a path inside the app is followed after signing in, never another site. */
function safeRedirect(target: string | null): string {
  return target && target.startsWith("/") && !target.startsWith("//") ? target : paths.home.href();
}

export function LoginRoute() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const session = useSession();
  // why the API ended the last session, if it did: read once, as the page opens
  const [ended] = useState(sessionEndReason);
  const redirectTo = safeRedirect(params.get("redirectTo"));
  if (session) return <Navigate to={redirectTo} replace />;

  return (
    <Flex vertical align="center" justify="center" style={{ minHeight: "100vh", padding: 16, background: "#f0f4fa" }}>
      <Card style={{ width: "100%", maxWidth: 400 }}>
        <Flex justify="space-between" align="start">
          <div>
            <Typography.Title level={3} style={{ marginTop: 0, marginBottom: 4 }}>
              {t("app.shortName")} · {t("auth.title")}
            </Typography.Title>
            <Typography.Paragraph type="secondary">{t("auth.subtitle")}</Typography.Paragraph>
          </div>
          <LanguageSwitcher />
        </Flex>
        {ended && (
          <Alert
            type="warning"
            showIcon
            title={t(`auth.sessionEnded.${ended}`)}
            style={{ marginBottom: 16 }}
            data-testid="session-ended"
          />
        )}
        <LoginForm />
      </Card>
    </Flex>
  );
}
