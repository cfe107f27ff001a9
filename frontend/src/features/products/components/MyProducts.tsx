import { Button, Card, Flex, Popconfirm, Table, Tag, type TableProps } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { QueryError } from "@/components/QueryError";
import { LedgerWriteStatus } from "@/components/LedgerWriteStatus";
import { formatBps, formatFen } from "@/lib/money";
import { useSession } from "@/lib/session";
import { useProducts } from "../api/getProducts";
import type { Product } from "../api/types";
import { useSetProductActive } from "../api/writeProducts";
import { ProductForm } from "./ProductForm";

/** A bank's own products: publish one, open or close one to new applications. */
export function MyProducts() {
  const { t } = useTranslation();
  const orgId = useSession()?.user.orgId;
  const products = useProducts({ bankOrgId: orgId });
  const setActive = useSetProductActive();
  const [creating, setCreating] = useState(false);

  if (products.isError) return <QueryError error={products.error} onRetry={() => void products.refetch()} />;

  const columns: TableProps<Product>["columns"] = [
    { key: "name", title: t("product.name"), dataIndex: "name" },
    { key: "maxAmount", title: t("product.maxAmount"), dataIndex: "maxAmount", align: "right", render: formatFen },
    {
      key: "rate",
      title: t("product.rateRange"),
      render: (_: unknown, p) => `${formatBps(p.minRateBps)} – ${formatBps(p.maxRateBps)}`,
    },
    {
      key: "maxTermDays",
      title: t("product.maxTerm"),
      dataIndex: "maxTermDays",
      render: (days: number) => t("product.days", { count: days }),
    },
    { key: "ltvBps", title: t("product.ltv"), dataIndex: "ltvBps", render: formatBps },
    {
      key: "active",
      title: t("product.state"),
      dataIndex: "active",
      render: (active: boolean) =>
        active ? <Tag color="success">{t("product.open")}</Tag> : <Tag>{t("product.closed")}</Tag>,
    },
    {
      key: "action",
      title: "",
      render: (_: unknown, p) => (
        <Popconfirm
          title={p.active ? t("product.closeConfirm") : t("product.openConfirm")}
          onConfirm={() => setActive.mutate({ id: p.id, active: !p.active })}
        >
          <Button
            size="small"
            data-testid={`product-toggle-${p.id}`}
            loading={setActive.isPending && setActive.variables?.id === p.id}
          >
            {p.active ? t("product.close") : t("product.reopen")}
          </Button>
        </Popconfirm>
      ),
    },
  ];

  return (
    <Flex vertical gap="middle">
      <Flex>
        <Button type="primary" data-testid="product-new" onClick={() => setCreating((open) => !open)}>
          {creating ? t("form.hide") : t("product.new")}
        </Button>
      </Flex>
      {creating && (
        <Card title={t("product.new")}>
          <ProductForm />
        </Card>
      )}
      <LedgerWriteStatus write={setActive} />
      <Table<Product>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={products.data?.items}
        loading={products.isFetching}
        pagination={false}
        scroll={{ x: "max-content" }}
      />
    </Flex>
  );
}
