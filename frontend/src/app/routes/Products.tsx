import { Space, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { ProductsMarket } from "@/features/products/components/ProductsMarket";

export function ProductsRoute() {
  const { t } = useTranslation();
  return (
    <Space orientation="vertical" size="middle" style={{ width: "100%" }}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        {t("nav.products")}
      </Typography.Title>
      <ProductsMarket />
    </Space>
  );
}
