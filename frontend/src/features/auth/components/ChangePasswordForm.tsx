import { Alert, Button, Form, Input } from "antd";
import { useTranslation } from "react-i18next";
import { NewPasswordFields, type NewPasswordValues } from "@/components/NewPasswordFields";
import { isApiError } from "@/lib/apiClient";
import { ledgerErrorMessage } from "@/lib/errorMessages";
import { useChangePassword } from "../api/changePassword";

interface Values extends NewPasswordValues {
  currentPassword: string;
}

/**
 * Changes the signed-in user's password: the current one, the new one twice. The user stays signed
 * in here; their sessions elsewhere end. A refusal keeps what was typed.
 */
export function ChangePasswordForm() {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const change = useChangePassword();

  const problem = (() => {
    const error = change.error;
    if (!error) return null;
    if (isApiError(error) && error.status === 429) {
      const seconds = (error.details as { retryAfterSeconds?: number } | null)?.retryAfterSeconds ?? 60;
      return t("auth.rateLimited", { seconds });
    }
    return ledgerErrorMessage(error, t);
  })();

  return (
    <Form<Values>
      form={form}
      layout="vertical"
      requiredMark={false}
      disabled={change.isPending}
      style={{ maxWidth: 420 }}
      data-testid="change-password-form"
      onFinish={({ currentPassword, newPassword }) =>
        change.mutate({ currentPassword, newPassword }, { onSuccess: () => form.resetFields() })
      }
    >
      {problem && (
        <Alert type="error" showIcon title={problem} style={{ marginBottom: 16 }} data-testid="change-password-error" />
      )}
      {change.isSuccess && (
        <Alert
          type="success"
          showIcon
          style={{ marginBottom: 16 }}
          data-testid="change-password-done"
          title={t("account.changed")}
          description={t("account.otherSessionsEnded", { n: change.data.revokedSessions })}
        />
      )}
      <Form.Item
        name="currentPassword"
        label={t("account.currentPassword")}
        rules={[{ required: true, message: t("account.required") }]}
      >
        <Input.Password autoComplete="current-password" />
      </Form.Item>
      <NewPasswordFields testIdPrefix="change-password" />
      <Button type="primary" htmlType="submit" loading={change.isPending} data-testid="change-password-submit">
        {t("account.submit")}
      </Button>
    </Form>
  );
}
