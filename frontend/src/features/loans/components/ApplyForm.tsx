import { Alert, Button, Card, Descriptions, Form, Input, InputNumber, Select, Table, Tag, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router-dom";
import { QueryError } from "@/components/QueryError";
import { LedgerWriteStatus } from "@/components/LedgerWriteStatus";
import { paths } from "@/config/paths";
import { formatDate } from "@/lib/dates";
import { currentAppraisal, maxLoanAmount } from "@/lib/ltv";
import { formatBps, formatFen, parseYuan } from "@/lib/money";
import { useChainTime, usePlatformParams } from "@/lib/platform";
import { useApplyForLoan, useOpenProducts, usePledgeablePatents } from "../api/applyForLoan";
import type { CollateralPatent, LoanProduct } from "../api/types";

interface Values {
  productId?: string;
  patentIds?: string[];
  amount?: string;
  termDays?: number;
  purpose?: string;
}

/**
 * The most an application can ask for: the LTV share of the chosen patents' appraisals valid at
 * chain time, and never more than the product lends.
 */
export function applicationMaximum(input: {
  product: Pick<LoanProduct, "ltvBps" | "maxAmount"> | undefined;
  patents: readonly CollateralPatent[];
  ltvCapBps: number | undefined;
  now: number | undefined;
}): bigint | undefined {
  const { product, patents, ltvCapBps, now } = input;
  if (!product || ltvCapBps === undefined || now === undefined) return undefined;
  const ltv = maxLoanAmount({ patents, productLtvBps: product.ltvBps, ltvCapBps, now });
  const cap = BigInt(product.maxAmount);
  return ltv < cap ? ltv : cap;
}

export function ApplyForm({ initialProductId }: { initialProductId?: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [form] = Form.useForm<Values>();
  const products = useOpenProducts();
  const patents = usePledgeablePatents();
  const params = usePlatformParams();
  const chainTime = useChainTime();
  const apply = useApplyForLoan();

  const free = (patents.data?.items ?? []).filter((p) => !p.loanId);
  /** From the form's values at the moment asked, so a validation never reads a stale render's maximum. */
  const maximumFor = (productId: string | undefined, patentIds: readonly string[] | undefined) =>
    applicationMaximum({
      product: products.data?.items.find((p) => p.id === productId),
      patents: free.filter((p) => (patentIds ?? []).includes(p.id)),
      ltvCapBps: params.data?.ltvCapBps,
      now: chainTime.data,
    });
  const productId = Form.useWatch("productId", form);
  const patentIds = Form.useWatch("patentIds", form);
  const product = products.data?.items.find((p) => p.id === productId);
  const maximum = patentIds?.length ? maximumFor(productId, patentIds) : undefined;

  if (products.isError) return <QueryError error={products.error} onRetry={() => void products.refetch()} />;
  if (patents.isError) return <QueryError error={patents.error} onRetry={() => void patents.refetch()} />;

  const onFinish = (values: Values) =>
    apply.mutate(
      {
        productId: values.productId!,
        patentIds: values.patentIds!,
        amount: parseYuan(values.amount!)!,
        termDays: values.termDays!,
        purpose: values.purpose!.trim(),
      },
      { onSuccess: (loan) => void navigate(paths.loan.href(loan.id)) },
    );

  return (
    <Card>
      <Form<Values>
        form={form}
        layout="vertical"
        data-testid="apply-form"
        disabled={apply.isPending}
        initialValues={{ productId: initialProductId, patentIds: [] }}
        onFinish={onFinish}
        style={{ maxWidth: 760 }}
      >
        <Form.Item name="productId" label={t("apply.product")} rules={[{ required: true }]}>
          <Select
            data-testid="apply-product"
            loading={products.isPending}
            options={(products.data?.items ?? []).map((p) => ({
              value: p.id,
              label: `${p.bankName ?? ""} · ${p.name ?? `#${p.id}`}`,
            }))}
          />
        </Form.Item>
        {product && (
          <Descriptions size="small" bordered column={{ xs: 1, sm: 2 }} style={{ marginBottom: 24 }}>
            <Descriptions.Item label={t("product.maxAmount")}>{formatFen(product.maxAmount)}</Descriptions.Item>
            <Descriptions.Item label={t("product.rateRange")}>
              {`${formatBps(product.minRateBps)} – ${formatBps(product.maxRateBps)}`}
            </Descriptions.Item>
            <Descriptions.Item label={t("product.maxTerm")}>
              {t("product.days", { count: product.maxTermDays })}
            </Descriptions.Item>
            <Descriptions.Item label={t("product.ltv")}>
              {params.data ? formatBps(Math.min(product.ltvBps, params.data.ltvCapBps)) : "…"}
            </Descriptions.Item>
          </Descriptions>
        )}
        <Form.Item
          name="patentIds"
          label={t("apply.patents")}
          rules={[{ required: true, type: "array", min: 1, max: 10, message: t("apply.pickPatents") }]}
        >
          <PatentPicker patents={free} now={chainTime.data} loading={patents.isPending} />
        </Form.Item>
        <Alert
          type={maximum === 0n ? "warning" : "info"}
          showIcon
          style={{ marginBottom: 24 }}
          title={
            <span>
              {t("apply.maximum")}{" "}
              <Typography.Text strong data-testid="apply-maximum">
                {maximum === undefined ? "—" : formatFen(maximum)}
              </Typography.Text>
            </span>
          }
          description={t("apply.maximumHint")}
        />
        <Form.Item
          name="amount"
          label={t("apply.amountYuan")}
          dependencies={["productId", "patentIds"]}
          rules={[
            { required: true },
            ({ getFieldValue }) => ({
              validator: (_, value: string | undefined) => {
                if (!value) return Promise.resolve();
                const fen = parseYuan(value);
                if (fen === null || BigInt(fen) <= 0n) return Promise.reject(new Error(t("form.badAmount")));
                const max = maximumFor(getFieldValue("productId") as string, getFieldValue("patentIds") as string[]);
                if (max !== undefined && BigInt(fen) > max)
                  return Promise.reject(new Error(t("apply.aboveMaximum", { amount: formatFen(max) })));
                return Promise.resolve();
              },
            }),
          ]}
        >
          <Input prefix="¥" inputMode="decimal" data-testid="apply-amount" />
        </Form.Item>
        <Form.Item
          name="termDays"
          label={t("loan.termDays")}
          rules={[{ required: true }, { type: "number", min: 1, max: product?.maxTermDays ?? 7300 }]}
        >
          <InputNumber min={1} precision={0} style={{ width: "100%" }} data-testid="apply-term" />
        </Form.Item>
        <Form.Item name="purpose" label={t("loan.purpose")} rules={[{ required: true, whitespace: true, max: 2000 }]}>
          <Input.TextArea rows={3} data-testid="apply-purpose" />
        </Form.Item>
        <Form.Item>
          <Button type="primary" htmlType="submit" loading={apply.isPending} data-testid="apply-submit">
            {t("apply.submit")}
          </Button>
        </Form.Item>
        <LedgerWriteStatus write={apply} />
      </Form>
    </Card>
  );
}

/** The enterprise's free verified patents, each with its appraisal valid at chain time; tick the ones to pledge. */
function PatentPicker({
  patents,
  now,
  loading,
  value = [],
  onChange,
}: {
  patents: readonly CollateralPatent[];
  now: number | undefined;
  loading: boolean;
  value?: string[];
  onChange?: (ids: string[]) => void;
}) {
  const { t } = useTranslation();
  return (
    <Table<CollateralPatent>
      size="small"
      rowKey="id"
      loading={loading}
      pagination={false}
      dataSource={[...patents]}
      data-testid="apply-patents"
      locale={{ emptyText: t("apply.noPatents") }}
      rowSelection={{
        selectedRowKeys: value,
        onChange: (keys) => onChange?.(keys.map(String)),
        getCheckboxProps: (p) => ({ "aria-label": p.number }),
      }}
      columns={[
        { key: "number", title: t("patent.number"), dataIndex: "number" },
        { key: "title", title: t("patent.title"), dataIndex: "title", ellipsis: true },
        { key: "expiry", title: t("patent.expiryDate"), dataIndex: "expiryDate", render: formatDate },
        {
          key: "value",
          title: t("loan.validAppraisal"),
          align: "right",
          render: (_: unknown, patent) => {
            const appraisal = now === undefined ? undefined : currentAppraisal(patent, now);
            return appraisal ? (
              <span data-testid={`apply-value-${patent.id}`}>{formatFen(appraisal.value)}</span>
            ) : (
              <Tag color="warning">{t("loan.noValidAppraisal")}</Tag>
            );
          },
        },
      ]}
    />
  );
}
