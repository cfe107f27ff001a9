import { Breadcrumb } from "antd";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router-dom";
import { paths } from "@/config/paths";
import { PatentDetailView } from "@/features/patents/components/PatentDetailView";

export function PatentRoute() {
  const { t } = useTranslation();
  const { id = "" } = useParams();
  return (
    <>
      <Breadcrumb
        style={{ marginBottom: 16 }}
        items={[{ title: <Link to={paths.patents.href()}>{t("nav.patents")}</Link> }, { title: id }]}
      />
      <PatentDetailView id={id} />
    </>
  );
}
