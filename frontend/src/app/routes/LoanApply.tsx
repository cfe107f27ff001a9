import { Breadcrumb } from "antd";
import { useTranslation } from "react-i18next";
import { Link, useSearchParams } from "react-router-dom";
import { paths } from "@/config/paths";
import { ApplyForm } from "@/features/loans/components/ApplyForm";

export function LoanApplyRoute() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  return (
    <>
      <Breadcrumb
        style={{ marginBottom: 16 }}
        items={[{ title: <Link to={paths.loans.href()}>{t("nav.myLoans")}</Link> }, { title: t("apply.title") }]}
      />
      <ApplyForm initialProductId={params.get("productId") ?? undefined} />
    </>
  );
}
