import { Alert, Button, Card, Col, DatePicker, Form, Input, Popconfirm, Row, Space, Switch } from "antd";
import dayjs, { type Dayjs } from "dayjs";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Hash } from "@/components/Hash";
import { LedgerWriteStatus } from "@/components/LedgerWriteStatus";
import {
  useRejectOrRevokePatent,
  useUpdateLegalStatus,
  useVerifyPatent,
  type LegalStatusChange,
  type PatentWithTx,
} from "../api/patentWrites";
import type { Patent } from "../api/types";
import { TransferForm } from "./TransferForm";

const day = (value: Dayjs) => value.format("YYYY-MM-DD");

/**
 * A form reports its confirmed write up to the card, which keeps showing it: a verified or rejected
 * patent's page no longer has the form that did it.
 */
interface FormProps {
  patent: Patent;
  onConfirmed: (result: PatentWithTx) => void;
}

function VerifyForm({ patent, onConfirmed }: FormProps) {
  const { t } = useTranslation();
  const verify = useVerifyPatent(patent.id);
  return (
    <Form<{ feePaidUntil: Dayjs }>
      layout="vertical"
      disabled={verify.isPending}
      onFinish={(values) => verify.mutate({ feePaidUntil: day(values.feePaidUntil) }, { onSuccess: onConfirmed })}
      data-testid="verify-form"
    >
      <Form.Item
        name="feePaidUntil"
        label={t("patent.feePaidUntil")}
        rules={[{ required: true, message: t("patentActions.required") }]}
      >
        <DatePicker data-testid="verify-fee-paid-until" />
      </Form.Item>
      <Space orientation="vertical" style={{ width: "100%" }}>
        <Button type="primary" htmlType="submit" loading={verify.isPending} data-testid="verify-patent-button">
          {t("patentActions.verify")}
        </Button>
        <LedgerWriteStatus write={verify} testId="verify-status" />
      </Space>
    </Form>
  );
}

function ReasonForm({ patent, action, onConfirmed }: FormProps & { action: "reject" | "revoke" }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ reason: string }>();
  const write = useRejectOrRevokePatent(patent.id, action);
  const label = t(`patentActions.${action}`);
  return (
    <Form<{ reason: string }>
      form={form}
      layout="vertical"
      disabled={write.isPending}
      onFinish={(values) => write.mutate({ reason: values.reason.trim() }, { onSuccess: onConfirmed })}
      data-testid={`${action}-form`}
    >
      <Form.Item
        name="reason"
        label={t("patentActions.reason")}
        rules={[{ required: true, whitespace: true, message: t("patentActions.reasonRequired") }]}
      >
        <Input.TextArea rows={2} maxLength={2000} data-testid={`${action}-reason`} />
      </Form.Item>
      <Space orientation="vertical" style={{ width: "100%" }}>
        <Popconfirm title={label} onConfirm={() => form.submit()}>
          <Button danger loading={write.isPending} data-testid={`${action}-patent-button`}>
            {label}
          </Button>
        </Popconfirm>
        <LedgerWriteStatus write={write} testId={`${action}-status`} />
      </Space>
    </Form>
  );
}

interface LegalStatusValues {
  feePaidUntil: Dayjs | null;
  preserved: boolean;
  invalidationPending: boolean;
}

/** Only what changed is sent: the API keeps the fields not named as they are on the ledger. */
export function legalStatusChange(patent: Patent, values: LegalStatusValues): LegalStatusChange {
  const change: LegalStatusChange = {};
  const fee = values.feePaidUntil ? day(values.feePaidUntil) : null;
  if (fee && fee !== (patent.legalStatus.feePaidUntil ? day(dayjs(patent.legalStatus.feePaidUntil)) : null)) {
    change.feePaidUntil = fee;
  }
  if (values.preserved !== patent.legalStatus.preserved) change.preserved = values.preserved;
  if (values.invalidationPending !== patent.legalStatus.invalidationPending) {
    change.invalidationPending = values.invalidationPending;
  }
  return change;
}

function LegalStatusForm({ patent, onConfirmed }: FormProps) {
  const { t } = useTranslation();
  const update = useUpdateLegalStatus(patent.id);
  const initial: LegalStatusValues = {
    feePaidUntil: patent.legalStatus.feePaidUntil ? dayjs(patent.legalStatus.feePaidUntil) : null,
    preserved: patent.legalStatus.preserved,
    invalidationPending: patent.legalStatus.invalidationPending,
  };
  return (
    <Form<LegalStatusValues>
      layout="vertical"
      initialValues={initial}
      disabled={update.isPending}
      onFinish={(values) => {
        const change = legalStatusChange(patent, values);
        if (Object.keys(change).length > 0) update.mutate(change, { onSuccess: onConfirmed });
      }}
      data-testid="legal-status-form"
    >
      <Form.Item name="feePaidUntil" label={t("patent.feePaidUntil")}>
        <DatePicker data-testid="legal-fee-paid-until" />
      </Form.Item>
      <Space size="large">
        <Form.Item name="preserved" label={t("patent.preserved")} valuePropName="checked">
          <Switch data-testid="legal-preserved" />
        </Form.Item>
        <Form.Item name="invalidationPending" label={t("patent.invalidationPending")} valuePropName="checked">
          <Switch data-testid="legal-invalidation-pending" />
        </Form.Item>
      </Space>
      <Space orientation="vertical" style={{ width: "100%" }}>
        <Button type="primary" htmlType="submit" loading={update.isPending} data-testid="legal-status-button">
          {t("patentActions.saveLegalStatus")}
        </Button>
        <LedgerWriteStatus write={update} testId="legal-status-status" />
      </Space>
    </Form>
  );
}

/**
 * The IP office's work on a patent: verify or reject a new record, revoke, keep the legal status,
 * record a change of owner (not while the patent is in an application or a loan).
 */
export function IpOfficeActions({ patent }: { patent: Patent }) {
  const { t } = useTranslation();
  const [confirmed, setConfirmed] = useState<PatentWithTx | null>(null);
  const registered = patent.status === "registered";
  const live = patent.status === "verified" || patent.status === "pledged";
  if (!registered && !live && !confirmed) return null;
  const formProps = { patent, onConfirmed: setConfirmed };
  const transferable = (registered || patent.status === "verified") && !patent.loanId;
  return (
    <Card title={t("patentActions.ipoffice")} data-testid="ipoffice-actions">
      {confirmed ? (
        <Alert
          type="success"
          showIcon
          closable
          onClose={() => setConfirmed(null)}
          style={{ marginBottom: 16 }}
          data-testid="ipoffice-confirmed"
          title={t("ledger.confirmed")}
          description={<Hash value={confirmed.txHash} />}
        />
      ) : null}
      <Row gutter={[24, 24]}>
        {registered ? (
          <>
            <Col xs={24} md={12}>
              <VerifyForm {...formProps} />
            </Col>
            <Col xs={24} md={12}>
              <ReasonForm {...formProps} action="reject" />
            </Col>
          </>
        ) : live ? (
          <>
            <Col xs={24} md={12}>
              <LegalStatusForm {...formProps} key={JSON.stringify(patent.legalStatus)} />
            </Col>
            {patent.status === "verified" ? (
              <Col xs={24} md={12}>
                <ReasonForm {...formProps} action="revoke" />
              </Col>
            ) : null}
          </>
        ) : null}
        {transferable ? (
          <Col xs={24} md={12}>
            <TransferForm {...formProps} />
          </Col>
        ) : null}
      </Row>
    </Card>
  );
}
