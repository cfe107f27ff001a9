import { LockOutlined, UserOutlined } from "@ant-design/icons";
import { Alert, Button, Form, Input } from "antd";
import { useTranslation } from "react-i18next";
import { isApiError } from "@/lib/apiClient";
import { errorMessage } from "@/lib/errorMessages";
import { useLogin, type Credentials } from "../api/login";

/** Signs in; the login page follows the session to wherever the user was going. */
export function LoginForm({ onSignedIn }: { onSignedIn?: () => void }) {
  const { t } = useTranslation();
  const login = useLogin();

  const problem = (() => {
    const error = login.error;
    if (!error) return null;
    if (isApiError(error) && error.status === 401) return t("auth.badCredentials");
    if (isApiError(error) && error.status === 429) {
      const seconds = (error.details as { retryAfterSeconds?: number } | null)?.retryAfterSeconds ?? 60;
      return t("auth.rateLimited", { seconds });
    }
    return errorMessage(error, t);
  })();

  return (
    <Form<Credentials>
      layout="vertical"
      requiredMark={false}
      onFinish={(credentials) => login.mutate(credentials, { onSuccess: onSignedIn })}
    >
      {problem && <Alert type="error" showIcon title={problem} style={{ marginBottom: 16 }} />}
      <Form.Item
        name="username"
        label={t("auth.username")}
        rules={[{ required: true, whitespace: true, message: t("auth.usernameRequired") }]}
      >
        <Input prefix={<UserOutlined />} autoComplete="username" autoFocus />
      </Form.Item>
      <Form.Item
        name="password"
        label={t("auth.password")}
        rules={[{ required: true, message: t("auth.passwordRequired") }]}
      >
        <Input.Password prefix={<LockOutlined />} autoComplete="current-password" />
      </Form.Item>
      <Button type="primary" htmlType="submit" block loading={login.isPending}>
        {t("auth.submit")}
      </Button>
    </Form>
  );
}
