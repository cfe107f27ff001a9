import { Breadcrumb } from "antd";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router-dom";
import { paths } from "@/config/paths";
import { LoanDetailView } from "@/features/loans/components/LoanDetailView";

export function LoanRoute() {
  const { t } = useTranslation();
  const { id = "" } = useParams();
  return (
    <>
      <Breadcrumb
        style={{ marginBottom: 16 }}
        items={[{ title: <Link to={paths.loans.href()}>{t("nav.loans")}</Link> }, { title: `#${id}` }]}
      />
      <LoanDetailView id={id} />
    </>
  );
}
