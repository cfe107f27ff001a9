import { Breadcrumb } from "antd";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router-dom";
import { paths } from "@/config/paths";
import { TransactionView } from "@/features/audit/components/TransactionView";

export function AuditTransactionRoute() {
  const { t } = useTranslation();
  const { hash = "" } = useParams();
  return (
    <>
      <Breadcrumb
        style={{ marginBottom: 16 }}
        items={[{ title: <Link to={paths.audit.href()}>{t("nav.audit")}</Link> }, { title: `${hash.slice(0, 12)}…` }]}
      />
      <TransactionView hash={hash} key={hash} />
    </>
  );
}
