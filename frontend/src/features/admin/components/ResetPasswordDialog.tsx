import { Alert, Form, Modal, type ButtonProps } from "antd";
import { useTranslation } from "react-i18next";
import { NewPasswordFields, type NewPasswordValues } from "@/components/NewPasswordFields";
import { ledgerErrorMessage } from "@/lib/errorMessages";
import { useResetPassword, type User } from "../api/users";

/**
 * The operator or a regulator (for the organisations each manages) sets a new password for `user`
 * (one who forgot theirs, or whose password someone else may know). Every session of that user
 * ends; the dialog says how many and stays open until closed, so the manager can read the result
 * before handing the password over.
 */
export function ResetPasswordDialog({ user, onClose }: { user: User | null; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<NewPasswordValues>();
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
        <Form<NewPasswordValues>
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
          <NewPasswordFields testIdPrefix="reset-password" />
        </Form>
      )}
    </Modal>
  );
}
