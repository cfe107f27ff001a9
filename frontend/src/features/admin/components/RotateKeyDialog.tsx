import { Alert, Descriptions, Form, Input, Modal, Typography, type ButtonProps } from "antd";
import { useTranslation } from "react-i18next";
import { Hash } from "@/components/Hash";
import { LedgerWriteStatus } from "@/components/LedgerWriteStatus";
import type { Role } from "@/config/roles";
import type { Organisation } from "@/types/api";
import { useRotateKey } from "../api/orgs";

/**
 * Whether `role` may rotate `org`'s key (as the API decides): the operator the keys of enterprises
 * and banks, a regulator any organisation's but the operator's, whose role is handed over instead.
 */
export function mayRotateKey(role: Role | undefined, org: Pick<Organisation, "kind">): boolean {
  if (org.kind === "admin") return false;
  if (role === "regulator") return true;
  return role === "admin" && (org.kind === "enterprise" || org.kind === "bank");
}

/**
 * Confirms a key rotation: shows the organisation's identity address (which stays) and the key
 * that signs for it now (which is retired), and asks for the reason. Stays open with the result.
 */
export function RotateKeyDialog({
  org,
  role,
  onClose,
}: {
  org: Organisation | null;
  role: Role | undefined;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ reason: string }>();
  const rotate = useRotateKey();
  const done = rotate.isSuccess && rotate.variables?.id === org?.id;

  const close = () => {
    rotate.reset();
    onClose();
  };

  return (
    <Modal
      open={org !== null}
      title={t("admin.rotateTitle", { name: org?.name ?? "" })}
      okText={done ? t("admin.close") : t("admin.rotateConfirm")}
      okButtonProps={{ danger: !done, "data-testid": "rotate-key-submit" } as ButtonProps}
      onOk={() => (done ? close() : form.submit())}
      onCancel={close}
      cancelButtonProps={{ style: done ? { display: "none" } : undefined }}
      confirmLoading={rotate.isPending}
      destroyOnHidden
    >
      {org && (
        <>
          <Typography.Paragraph type="secondary">{t("admin.rotateIntro")}</Typography.Paragraph>
          <Typography.Paragraph>
            {t(org.kind !== "admin" && role === "admin" ? "admin.rotateByOwnKey" : "admin.rotateByRegulator")}
          </Typography.Paragraph>
          <Descriptions size="small" column={1} bordered style={{ marginBottom: 16 }}>
            <Descriptions.Item label={t("admin.identityAddress")}>
              <Hash value={org.address} />
            </Descriptions.Item>
            <Descriptions.Item label={t("admin.currentSigningKey")}>
              <span data-testid="rotate-key-current">
                <Hash value={(done ? rotate.data.signingAddress : org.signingAddress) ?? org.address} />
              </span>
            </Descriptions.Item>
          </Descriptions>
          {done ? (
            <Alert
              type="success"
              showIcon
              data-testid="rotate-key-done"
              title={t("admin.rotateDone", { name: org.name, address: rotate.data.signingAddress ?? "" })}
            />
          ) : (
            <Form<{ reason: string }>
              form={form}
              layout="vertical"
              requiredMark={false}
              disabled={rotate.isPending}
              clearOnDestroy
              data-testid="rotate-key-form"
              onFinish={({ reason }) => rotate.mutate({ id: org.id, reason: reason.trim() })}
            >
              <Form.Item
                name="reason"
                label={t("admin.rotateReason")}
                rules={[{ required: true, whitespace: true, message: t("admin.rotateReasonRequired") }]}
              >
                <Input.TextArea
                  rows={2}
                  maxLength={500}
                  placeholder={t("admin.rotateReasonPlaceholder")}
                  data-testid="rotate-key-reason"
                />
              </Form.Item>
            </Form>
          )}
          <LedgerWriteStatus write={rotate} testId="rotate-key-status" />
        </>
      )}
    </Modal>
  );
}
