import { Button, Result } from "antd";
import { useTranslation } from "react-i18next";
import { Link } from "react-router-dom";
import { paths } from "@/config/paths";

export function NotFound() {
  const { t } = useTranslation();
  return (
    <Result
      status="404"
      title={t("errors.notFoundTitle")}
      subTitle={t("errors.notFound")}
      extra={
        <Link to={paths.home.href()}>
          <Button type="primary">{t("app.backHome")}</Button>
        </Link>
      }
    />
  );
}
