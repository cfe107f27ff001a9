import { Breadcrumb } from "antd";
import { useTranslation } from "react-i18next";
import { Link } from "react-router-dom";
import { paths } from "@/config/paths";
import { RegisterPatentForm } from "@/features/patents/components/RegisterPatentForm";

export function PatentRegisterRoute() {
  const { t } = useTranslation();
  return (
    <>
      <Breadcrumb
        style={{ marginBottom: 16 }}
        items={[
          { title: <Link to={paths.patents.href()}>{t("nav.myPatents")}</Link> },
          { title: t("nav.registerPatent") },
        ]}
      />
      <RegisterPatentForm />
    </>
  );
}
