import { Form, Input } from "antd";
import { useTranslation } from "react-i18next";
import { MIN_PASSWORD_LENGTH, newPasswordRules, repeatPasswordRules } from "@/lib/passwords";

/** The values the fields add to the form they are in. */
export interface NewPasswordValues {
  newPassword: string;
  repeatPassword: string;
}

/**
 * A new password typed twice, checked against the API's rule and against each other before the
 * form sends anything: the same two fields wherever a password is set (a user changing their own,
 * an operator or a regulator resetting someone's). Inside an antd `Form`; the inputs' test ids are
 * `<testIdPrefix>-new` and `<testIdPrefix>-repeat`.
 */
export function NewPasswordFields({ testIdPrefix }: { testIdPrefix: string }) {
  const { t } = useTranslation();
  return (
    <>
      <Form.Item
        name="newPassword"
        label={t("account.newPassword")}
        extra={t("account.passwordRule", { min: MIN_PASSWORD_LENGTH })}
        rules={newPasswordRules(t)}
      >
        <Input.Password autoComplete="new-password" data-testid={`${testIdPrefix}-new`} />
      </Form.Item>
      <Form.Item
        name="repeatPassword"
        label={t("account.repeatPassword")}
        dependencies={["newPassword"]}
        rules={repeatPasswordRules(t)}
      >
        <Input.Password autoComplete="new-password" data-testid={`${testIdPrefix}-repeat`} />
      </Form.Item>
    </>
  );
}
