import { Alert, Form, Input, Modal, type ButtonProps } from "antd";
import { useTranslation } from "react-i18next";
import { ledgerErrorMessage } from "@/lib/errorMessages";
import { newPasswordRules, repeatPasswordRules } from "@/lib/passwords";
import { useResetPassword, type User } from "../api/users";

interface Values {
  newPassword: string;
  repeatPassword: string;
}

/**
 * The operator sets a new password for `user` (one who forgot theirs, or whose password someone
 * else may know). Every session of that user ends; the dialog says how many and stays open until
 * closed, so the operator can read the result before handing the password over.
 */
export function ResetPasswordDialog({ user, onClose }: { user: User | null; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const reset = useResetPassword();
  const done = reset.isSuccess && reset.variables?.id === user?.id;

  const close = () => {
    reset.reset();
    onClose();
  };

  return (
    <Modal
      open={user !== null}
      title={t("admin.resetTitle", { username: user?.username ?? "" })}
      okText={done ? t("admin.close") : t("admin.resetPassword")}
      onOk={() => (done ? close() : form.submit())}
      onCancel={close}
      cancelButtonProps={{ style: done ? { display: "none" } : undefined }}
      confirmLoading={reset.isPending}
      okButtonProps={{ "data-testid": "reset-password-submit" } as ButtonProps}
      destroyOnHidden
    >
      {done ? (
        <Alert
          type="success"
          showIcon
          data-testid="reset-password-done"
          title={t("admin.resetDone", { username: reset.data.username, n: reset.data.revokedSessions })}
        />
      ) : (
        <Form<Values>
          form={form}
          layout="vertical"
          requiredMark={false}
          disabled={reset.isPending}
          clearOnDestroy
          data-testid="reset-password-form"
          onFinish={({ newPassword }) => user && reset.mutate({ id: user.id, newPassword })}
        >
          {reset.isError && (
            <Alert type="error" showIcon style={{ marginBottom: 16 }} title={ledgerErrorMessage(reset.error, t)} />
          )}
          <Form.Item name="newPassword" label={t("account.newPassword")} rules={newPasswordRules(t)}>
            <Input.Password autoComplete="new-password" data-testid="reset-password-new" />
          </Form.Item>
          <Form.Item
            name="repeatPassword"
            label={t("account.repeatPassword")}
            dependencies={["newPassword"]}
            rules={repeatPasswordRules(t)}
          >
            <Input.Password autoComplete="new-password" data-testid="reset-password-repeat" />
          </Form.Item>
        </Form>
      )}
    </Modal>
  );
}
