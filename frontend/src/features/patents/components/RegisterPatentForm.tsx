import { Button, Card, DatePicker, Form, Input, Select, Space, type UploadFile } from "antd";
import type { Dayjs } from "dayjs";
import { useTranslation } from "react-i18next";
import { Link } from "react-router-dom";
import { LedgerWriteStatus } from "@/components/LedgerWriteStatus";
import { paths } from "@/config/paths";
import { useRegisterPatent } from "../api/patentWrites";
import { PATENT_KINDS, type PatentKind } from "../api/types";
import { documentOf, DocumentField } from "./DocumentField";

interface Values {
  number: string;
  title: string;
  kind: PatentKind;
  grantDate: Dayjs;
  expiryDate: Dayjs;
  certificate: UploadFile[];
}

/**
 * An enterprise registers one of its patents on the ledger. The API checks the number (format,
 * check digit, kind) and that it is not registered yet; what it refuses is explained, and the form
 * keeps everything typed.
 */
export function RegisterPatentForm() {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const register = useRegisterPatent();

  const submit = async (values: Values) => {
    register.reset();
    register.mutate({
      number: values.number.trim(),
      title: values.title.trim(),
      kind: values.kind,
      grantDate: values.grantDate.format("YYYY-MM-DD"),
      expiryDate: values.expiryDate.format("YYYY-MM-DD"),
      certificate: await documentOf(values.certificate),
    });
  };

  return (
    <Card title={t("patentActions.registerTitle")} style={{ maxWidth: 720 }}>
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={(values) => void submit(values)}
        disabled={register.isPending}
        data-testid="register-patent-form"
      >
        <Form.Item
          name="number"
          label={t("patent.number")}
          extra={t("patentActions.numberHelp")}
          rules={[{ required: true, whitespace: true, message: t("patentActions.required") }]}
        >
          <Input data-testid="patent-number" autoComplete="off" maxLength={40} />
        </Form.Item>
        <Form.Item
          name="title"
          label={t("patent.title")}
          rules={[{ required: true, whitespace: true, message: t("patentActions.required") }]}
        >
          <Input data-testid="patent-title" maxLength={500} />
        </Form.Item>
        <Form.Item
          name="kind"
          label={t("patent.kind")}
          rules={[{ required: true, message: t("patentActions.required") }]}
        >
          <Select
            data-testid="patent-kind"
            aria-label={t("patent.kind")}
            options={PATENT_KINDS.map((kind) => ({ value: kind, label: t(`patent.kinds.${kind}`) }))}
          />
        </Form.Item>
        <Space size="large" wrap>
          <Form.Item
            name="grantDate"
            label={t("patent.grantDate")}
            rules={[{ required: true, message: t("patentActions.required") }]}
          >
            <DatePicker data-testid="patent-grant-date" />
          </Form.Item>
          <Form.Item
            name="expiryDate"
            label={t("patent.expiryDate")}
            dependencies={["grantDate"]}
            rules={[
              { required: true, message: t("patentActions.required") },
              ({ getFieldValue }) => ({
                validator: async (_, expiry: Dayjs | undefined) => {
                  const grant = getFieldValue("grantDate") as Dayjs | undefined;
                  if (grant && expiry && !expiry.isAfter(grant, "day"))
                    throw new Error(t("patentActions.expiryAfterGrant"));
                },
              }),
            ]}
          >
            <DatePicker data-testid="patent-expiry-date" />
          </Form.Item>
        </Space>
        <DocumentField name="certificate" label={t("patentActions.certificate")} testId="certificate-upload" />
        <Space orientation="vertical" style={{ width: "100%" }}>
          <Button type="primary" htmlType="submit" loading={register.isPending} data-testid="register-patent-submit">
            {t("patentActions.register")}
          </Button>
          <LedgerWriteStatus
            write={register}
            testId="register-patent-status"
            success={
              register.data ? (
                <Link to={paths.patent.href(register.data.id)}>
                  {t("patentActions.viewPatent")} {register.data.number}
                </Link>
              ) : null
            }
          />
        </Space>
      </Form>
    </Card>
  );
}
