import { Button, Form, Input, InputNumber } from "antd";
import { useTranslation } from "react-i18next";
import { LedgerWriteStatus } from "@/components/LedgerWriteStatus";
import { parseYuan } from "@/lib/money";
import { bpsToPercent, parsePercent } from "@/lib/percent";
import { usePlatformParams } from "@/lib/platform";
import { useCreateProduct } from "../api/writeProducts";
import type { NewProduct } from "../api/types";

interface Values {
  name: string;
  description?: string;
  maxAmount: string;
  minRate: string;
  maxRate: string;
  maxTermDays: number;
  ltv: string;
}

export function toNewProduct(values: Values): NewProduct {
  return {
    name: values.name.trim(),
    description: values.description?.trim() || undefined,
    maxAmount: parseYuan(values.maxAmount)!,
    minRateBps: parsePercent(values.minRate)!,
    maxRateBps: parsePercent(values.maxRate)!,
    maxTermDays: values.maxTermDays,
    ltvBps: parsePercent(values.ltv)!,
  };
}

/** Publish a product. A refused submit keeps every field as typed. */
export function ProductForm({ onCreated }: { onCreated?: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const create = useCreateProduct();
  const params = usePlatformParams();
  const capBps = params.data?.ltvCapBps;

  const percent = (max?: number) => ({
    validator: (_: unknown, value: string | undefined) => {
      if (!value) return Promise.resolve();
      const bps = parsePercent(value);
      if (bps === null || bps > 10_000) return Promise.reject(new Error(t("form.badPercent")));
      if (max !== undefined && bps > max)
        return Promise.reject(new Error(t("product.ltvAboveCap", { cap: bpsToPercent(max) })));
      return Promise.resolve();
    },
  });

  return (
    <Form<Values>
      form={form}
      layout="vertical"
      data-testid="product-form"
      disabled={create.isPending}
      onFinish={(values) => {
        create.mutate(toNewProduct(values), {
          onSuccess: () => {
            form.resetFields();
            onCreated?.();
          },
        });
      }}
      style={{ maxWidth: 560 }}
    >
      <Form.Item name="name" label={t("product.name")} rules={[{ required: true, whitespace: true, max: 200 }]}>
        <Input />
      </Form.Item>
      <Form.Item name="description" label={t("product.description")} rules={[{ max: 2000 }]}>
        <Input.TextArea rows={2} />
      </Form.Item>
      <Form.Item
        name="maxAmount"
        label={t("product.maxAmountYuan")}
        rules={[
          { required: true },
          {
            validator: (_, value: string | undefined) =>
              !value || (parseYuan(value) !== null && BigInt(parseYuan(value)!) > 0n)
                ? Promise.resolve()
                : Promise.reject(new Error(t("form.badAmount"))),
          },
        ]}
      >
        <Input prefix="¥" inputMode="decimal" />
      </Form.Item>
      <Form.Item name="minRate" label={t("product.minRate")} rules={[{ required: true }, percent()]}>
        <Input suffix="%" inputMode="decimal" />
      </Form.Item>
      <Form.Item
        name="maxRate"
        label={t("product.maxRate")}
        dependencies={["minRate"]}
        rules={[
          { required: true },
          percent(),
          ({ getFieldValue }) => ({
            validator: (_, value: string | undefined) => {
              const min = parsePercent(getFieldValue("minRate") as string);
              const max = parsePercent(value);
              return min !== null && max !== null && max < min
                ? Promise.reject(new Error(t("product.maxBelowMin")))
                : Promise.resolve();
            },
          }),
        ]}
      >
        <Input suffix="%" inputMode="decimal" />
      </Form.Item>
      <Form.Item name="maxTermDays" label={t("product.maxTermDays")} rules={[{ required: true }]}>
        <InputNumber min={1} max={7300} precision={0} style={{ width: "100%" }} />
      </Form.Item>
      <Form.Item
        name="ltv"
        label={t("product.ltvPercent")}
        extra={capBps !== undefined ? t("product.ltvCap", { cap: bpsToPercent(capBps) }) : undefined}
        rules={[{ required: true }, percent(capBps)]}
      >
        <Input suffix="%" inputMode="decimal" />
      </Form.Item>
      <Form.Item>
        <Button type="primary" htmlType="submit" loading={create.isPending} data-testid="product-create-submit">
          {t("product.create")}
        </Button>
      </Form.Item>
      <LedgerWriteStatus write={create} />
    </Form>
  );
}
