import { Space, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { PatentsTable } from "@/features/patents/components/PatentsTable";
import { useSession } from "@/lib/session";

export function PatentsRoute() {
  const { t } = useTranslation();
  const enterprise = useSession()?.user.role === "enterprise";
  return (
    <Space orientation="vertical" size="middle" style={{ width: "100%" }}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        {enterprise ? t("nav.myPatents") : t("nav.patents")}
      </Typography.Title>
      <PatentsTable showOwner={!enterprise} />
    </Space>
  );
}
