import { Space, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { MyProducts } from "@/features/products/components/MyProducts";

export function MyProductsRoute() {
  const { t } = useTranslation();
  return (
    <Space orientation="vertical" size="middle" style={{ width: "100%" }}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        {t("nav.myProducts")}
      </Typography.Title>
      <MyProducts />
    </Space>
  );
}
