import { Card, Empty, Table, Tag, type TableProps } from "antd";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router-dom";
import { PageLoader } from "@/components/PageLoader";
import { QueryError } from "@/components/QueryError";
import { paths } from "@/config/paths";
import { formatBps, formatFen } from "@/lib/money";
import { useSession } from "@/lib/session";
import { useProducts } from "../api/getProducts";
import type { Product } from "../api/types";

interface Row {
  key: string;
  label: string;
  cells: ReactNode[];
}

/** Two or three products side by side, one column each; the best value of a row is marked. */
export function ProductCompare({ ids }: { ids: readonly string[] }) {
  const { t } = useTranslation();
  const enterprise = useSession()?.user.role === "enterprise";
  const products = useProducts();
  if (products.isPending) return <PageLoader />;
  if (products.isError) return <QueryError error={products.error} onRetry={() => void products.refetch()} />;
  const chosen = ids
    .map((id) => products.data.items.find((p) => p.id === id))
    .filter((p): p is Product => p !== undefined);
  if (chosen.length === 0) return <Empty description={t("product.nothingToCompare")} />;

  const best = (values: readonly bigint[], prefer: "max" | "min") => {
    const target = values.reduce((a, b) => (prefer === "max" ? (b > a ? b : a) : b < a ? b : a));
    return (value: bigint, text: ReactNode) =>
      chosen.length > 1 && value === target ? <Tag color="success">{text}</Tag> : text;
  };
  const maxAmount = best(
    chosen.map((p) => BigInt(p.maxAmount)),
    "max",
  );
  const minRate = best(
    chosen.map((p) => BigInt(p.minRateBps)),
    "min",
  );
  const term = best(
    chosen.map((p) => BigInt(p.maxTermDays)),
    "max",
  );
  const ltv = best(
    chosen.map((p) => BigInt(p.ltvBps)),
    "max",
  );

  const rows: Row[] = [
    { key: "bank", label: t("product.bank"), cells: chosen.map((p) => p.bankName ?? "—") },
    { key: "description", label: t("product.description"), cells: chosen.map((p) => p.description ?? "—") },
    {
      key: "maxAmount",
      label: t("product.maxAmount"),
      cells: chosen.map((p) => maxAmount(BigInt(p.maxAmount), formatFen(p.maxAmount))),
    },
    {
      key: "rate",
      label: t("product.rateRange"),
      cells: chosen.map((p) =>
        minRate(BigInt(p.minRateBps), `${formatBps(p.minRateBps)} – ${formatBps(p.maxRateBps)}`),
      ),
    },
    {
      key: "term",
      label: t("product.maxTerm"),
      cells: chosen.map((p) => term(BigInt(p.maxTermDays), t("product.days", { count: p.maxTermDays }))),
    },
    { key: "ltv", label: t("product.ltv"), cells: chosen.map((p) => ltv(BigInt(p.ltvBps), formatBps(p.ltvBps))) },
    {
      key: "state",
      label: t("product.state"),
      cells: chosen.map((p) => (p.active ? t("product.open") : t("product.closed"))),
    },
    ...(enterprise
      ? [
          {
            key: "apply",
            label: "",
            cells: chosen.map((p) =>
              p.active ? <Link to={paths.loanApply.href(p.id)}>{t("product.apply")}</Link> : null,
            ),
          },
        ]
      : []),
  ];

  const columns: TableProps<Row>["columns"] = [
    { key: "label", dataIndex: "label", title: "", width: 160, render: (label: string) => <strong>{label}</strong> },
    ...chosen.map((p, i) => ({
      key: p.id,
      title: p.name ?? `#${p.id}`,
      render: (_: unknown, row: Row) => row.cells[i],
    })),
  ];

  return (
    <Card data-testid="product-compare-view">
      <Table<Row> rowKey="key" columns={columns} dataSource={rows} pagination={false} scroll={{ x: "max-content" }} />
    </Card>
  );
}
