import { Button, Result } from "antd";
import { useTranslation } from "react-i18next";
import { Link } from "react-router-dom";
import { paths } from "@/config/paths";
import { useSession } from "@/lib/session";

export function Forbidden() {
  const { t } = useTranslation();
  const role = useSession()?.user.role;
  return (
    <Result
      status="403"
      title={t("errors.forbiddenTitle")}
      subTitle={t("errors.forbidden", { role: role ? t(`roles.${role}`) : "?" })}
      extra={
        <Link to={paths.home.href()}>
          <Button type="primary">{t("app.backHome")}</Button>
        </Link>
      }
    />
  );
}
