import { Button, Card, DatePicker, Form, Input, Space, type UploadFile } from "antd";
import dayjs, { type Dayjs } from "dayjs";
import { useTranslation } from "react-i18next";
import { LedgerWriteStatus } from "@/components/LedgerWriteStatus";
import { parseYuan } from "@/lib/money";
import { useRecordAppraisal } from "../api/patentWrites";
import type { Patent } from "../api/types";
import { documentOf, DocumentField } from "./DocumentField";

interface Values {
  value: string;
  validUntil: Dayjs;
  report: UploadFile[];
}

/** An appraiser records a valuation: the value in yuan (sent as fen), how long it holds, the report. */
export function AppraisalForm({ patent }: { patent: Patent }) {
  const { t } = useTranslation();
  const record = useRecordAppraisal(patent.id);
  if (patent.status !== "verified" && patent.status !== "pledged" && patent.status !== "registered") return null;

  const submit = async (values: Values) => {
    record.reset();
    record.mutate({
      value: parseYuan(values.value) ?? "0",
      validUntil: values.validUntil.format("YYYY-MM-DD"),
      report: await documentOf(values.report),
    });
  };

  return (
    <Card title={t("patentActions.appraise")} data-testid="appraisal-actions">
      <Form<Values>
        layout="vertical"
        onFinish={(values) => void submit(values)}
        disabled={record.isPending}
        style={{ maxWidth: 520 }}
        data-testid="appraisal-form"
      >
        <Form.Item
          name="value"
          label={t("patentActions.value")}
          rules={[
            { required: true, message: t("patentActions.required") },
            {
              validator: async (_, text: string | undefined) => {
                if (!text) return;
                const fen = parseYuan(text);
                if (fen === null || BigInt(fen) <= 0n) throw new Error(t("patentActions.valueInvalid"));
              },
            },
          ]}
        >
          <Input prefix="¥" inputMode="decimal" data-testid="appraisal-value" autoComplete="off" />
        </Form.Item>
        <Form.Item
          name="validUntil"
          label={t("patentActions.validUntil")}
          rules={[{ required: true, message: t("patentActions.required") }]}
        >
          <DatePicker data-testid="appraisal-valid-until" disabledDate={(date) => date.isBefore(dayjs(), "day")} />
        </Form.Item>
        <DocumentField name="report" label={t("patentActions.report")} testId="report-upload" />
        <Space orientation="vertical" style={{ width: "100%" }}>
          <Button type="primary" htmlType="submit" loading={record.isPending} data-testid="appraisal-submit">
            {t("patentActions.appraise")}
          </Button>
          <LedgerWriteStatus write={record} testId="appraisal-status" />
        </Space>
      </Form>
    </Card>
  );
}
