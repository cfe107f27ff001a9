import { Breadcrumb } from "antd";
import { useTranslation } from "react-i18next";
import { Link, useSearchParams } from "react-router-dom";
import { paths } from "@/config/paths";
import { ProductCompare } from "@/features/products/components/ProductCompare";

export function ProductsCompareRoute() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const ids = (params.get("ids") ?? "").split(",").filter(Boolean).slice(0, 3);
  return (
    <>
      <Breadcrumb
        style={{ marginBottom: 16 }}
        items={[
          { title: <Link to={paths.products.href()}>{t("nav.products")}</Link> },
          { title: t("product.compareTitle") },
        ]}
      />
      <ProductCompare ids={ids} />
    </>
  );
}
