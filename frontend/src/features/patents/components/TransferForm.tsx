import { Button, Form, Select, Space, Typography, type UploadFile } from "antd";
import { useTranslation } from "react-i18next";
import { LedgerWriteStatus } from "@/components/LedgerWriteStatus";
import { useOrgs } from "@/lib/orgs";
import { useRecordTransfer, type PatentWithTx } from "../api/patentWrites";
import type { Patent } from "../api/types";
import { documentOf, DocumentField } from "./DocumentField";

interface Values {
  newOwnerOrgId: string;
  notice: UploadFile[];
}

/**
 * The IP office records a change of owner (著录项目变更) with its notice: the patent goes to another
 * enterprise and waits to be verified again. Never while it is in an application or a loan.
 */
export function TransferForm({ patent, onConfirmed }: { patent: Patent; onConfirmed: (result: PatentWithTx) => void }) {
  const { t } = useTranslation();
  const orgs = useOrgs();
  const transfer = useRecordTransfer(patent.id);
  const enterprises = [...(orgs.data?.values() ?? [])].filter(
    (org) => org.kind === "enterprise" && org.id !== patent.ownerOrgId,
  );
  const submit = async (values: Values) => {
    transfer.reset();
    transfer.mutate(
      { newOwnerOrgId: values.newOwnerOrgId, notice: await documentOf(values.notice) },
      { onSuccess: onConfirmed },
    );
  };
  return (
    <Form<Values>
      layout="vertical"
      disabled={transfer.isPending}
      onFinish={(values) => void submit(values)}
      data-testid="transfer-form"
    >
      <Typography.Paragraph type="secondary">{t("patentActions.transferIntro")}</Typography.Paragraph>
      <Form.Item
        name="newOwnerOrgId"
        label={t("patentActions.newOwner")}
        rules={[{ required: true, message: t("patentActions.required") }]}
      >
        <Select
          aria-label={t("patentActions.newOwner")}
          showSearch={{ optionFilterProp: "label" }}
          loading={orgs.isPending}
          options={enterprises.map((org) => ({ value: org.id, label: org.name }))}
          data-testid="transfer-new-owner"
        />
      </Form.Item>
      <DocumentField name="notice" label={t("patentActions.transferNotice")} testId="transfer-notice-upload" />
      <Space orientation="vertical" style={{ width: "100%" }}>
        <Button type="primary" htmlType="submit" loading={transfer.isPending} data-testid="transfer-patent-button">
          {t("patentActions.recordTransfer")}
        </Button>
        <LedgerWriteStatus write={transfer} testId="transfer-status" />
      </Space>
    </Form>
  );
}
