import { Breadcrumb } from "antd";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router-dom";
import { paths } from "@/config/paths";
import { BlockView } from "@/features/audit/components/BlockView";

export function AuditBlockRoute() {
  const { t } = useTranslation();
  const { number = "" } = useParams();
  return (
    <>
      <Breadcrumb
        style={{ marginBottom: 16 }}
        items={[{ title: <Link to={paths.audit.href()}>{t("nav.audit")}</Link> }, { title: number }]}
      />
      <BlockView number={number} key={number} />
    </>
  );
}
