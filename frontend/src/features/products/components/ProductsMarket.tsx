import { Button, Flex, Table, Tag, Typography, type TableProps } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate, useSearchParams } from "react-router-dom";
import { QueryError } from "@/components/QueryError";
import { TableSearch } from "@/components/TableSearch";
import { paths } from "@/config/paths";
import { formatBps, formatFen } from "@/lib/money";
import { useSession } from "@/lib/session";
import { useProducts } from "../api/getProducts";
import type { Product } from "../api/types";
import { matchesProduct } from "./productSearch";

export const MAX_COMPARED = 3;

const byFen = (a: string, b: string) => {
  const diff = BigInt(a) - BigInt(b);
  return diff === 0n ? 0 : diff < 0n ? -1 : 1;
};

/** Every bank's products, sortable; tick two or three to compare them side by side. */
export function ProductsMarket() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const enterprise = useSession()?.user.role === "enterprise";
  const products = useProducts();
  const [selected, setSelected] = useState<string[]>([]);
  const [params, setParams] = useSearchParams();
  const q = params.get("q") || undefined;

  if (products.isError) return <QueryError error={products.error} onRetry={() => void products.refetch()} />;

  const columns: TableProps<Product>["columns"] = [
    {
      key: "bank",
      title: t("product.bank"),
      dataIndex: "bankName",
      sorter: (a, b) => (a.bankName ?? "").localeCompare(b.bankName ?? ""),
    },
    { key: "name", title: t("product.name"), dataIndex: "name", ellipsis: true },
    {
      key: "maxAmount",
      title: t("product.maxAmount"),
      dataIndex: "maxAmount",
      align: "right",
      sorter: (a, b) => byFen(a.maxAmount, b.maxAmount),
      render: (value: string) => formatFen(value),
    },
    {
      key: "rate",
      title: t("product.rateRange"),
      sorter: (a, b) => a.minRateBps - b.minRateBps || a.maxRateBps - b.maxRateBps,
      render: (_: unknown, p) => `${formatBps(p.minRateBps)} – ${formatBps(p.maxRateBps)}`,
    },
    {
      key: "maxTermDays",
      title: t("product.maxTerm"),
      dataIndex: "maxTermDays",
      align: "right",
      sorter: (a, b) => a.maxTermDays - b.maxTermDays,
      render: (days: number) => t("product.days", { count: days }),
    },
    {
      key: "ltvBps",
      title: t("product.ltv"),
      dataIndex: "ltvBps",
      align: "right",
      sorter: (a, b) => a.ltvBps - b.ltvBps,
      render: formatBps,
    },
    {
      key: "active",
      title: t("product.state"),
      dataIndex: "active",
      filters: [
        { text: t("product.open"), value: "true" },
        { text: t("product.closed"), value: "false" },
      ],
      defaultFilteredValue: ["true"],
      onFilter: (value, p) => String(p.active) === value,
      render: (active: boolean) =>
        active ? <Tag color="success">{t("product.open")}</Tag> : <Tag>{t("product.closed")}</Tag>,
    },
    ...(enterprise
      ? [
          {
            key: "apply",
            title: "",
            render: (_: unknown, p: Product) =>
              p.active ? (
                <Link to={paths.loanApply.href(p.id)} data-testid={`product-apply-${p.id}`}>
                  {t("product.apply")}
                </Link>
              ) : null,
          },
        ]
      : []),
  ];

  return (
    <Flex vertical gap="middle">
      <Flex gap="small" align="center" wrap>
        <Button
          type="primary"
          data-testid="product-compare"
          disabled={selected.length < 2}
          onClick={() => void navigate(paths.productsCompare.href(selected))}
        >
          {t("product.compare", { count: selected.length })}
        </Button>
        <Typography.Text type="secondary">{t("product.compareHint", { max: MAX_COMPARED })}</Typography.Text>
      </Flex>
      <TableSearch
        value={q}
        placeholder={t("search.products")}
        onSearch={(text) => setParams(text ? { q: text } : {}, { replace: true })}
        testId="products-search"
      />
      <Table<Product>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={products.data?.items.filter((product) => matchesProduct(product, q))}
        loading={products.isFetching}
        scroll={{ x: "max-content" }}
        rowSelection={{
          // ticks survive a search, so products found by different searches can be compared
          preserveSelectedRowKeys: true,
          selectedRowKeys: selected,
          onChange: (keys) => setSelected(keys.map(String).slice(0, MAX_COMPARED)),
          getCheckboxProps: (p) => ({
            disabled: !selected.includes(p.id) && selected.length >= MAX_COMPARED,
            "aria-label": t("product.select", { name: p.name ?? p.id }),
          }),
        }}
        pagination={{
          pageSize: 20,
          showTotal: (count) => <Typography.Text type="secondary">{t("app.total", { count })}</Typography.Text>,
        }}
      />
    </Flex>
  );
}
