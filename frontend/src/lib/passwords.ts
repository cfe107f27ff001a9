/** The API's rule for a new password (backend NewPassword), checked in forms before sending. */
import type { FormRule } from "antd";
import type { TFunction } from "i18next";

export const MIN_PASSWORD_LENGTH = 10;
export const MAX_PASSWORD_LENGTH = 200;

/** The rules of a new-password field. */
export const newPasswordRules = (t: TFunction): FormRule[] => [
  { required: true, message: t("account.required") },
  { min: MIN_PASSWORD_LENGTH, message: t("account.passwordRule", { min: MIN_PASSWORD_LENGTH }) },
  { max: MAX_PASSWORD_LENGTH },
];

/** The rules of the field that repeats `field`: the same text, typed twice. */
export const repeatPasswordRules = (t: TFunction, field = "newPassword"): FormRule[] => [
  { required: true, message: t("account.required") },
  ({ getFieldValue }) => ({
    validator: (_, value) =>
      !value || value === getFieldValue(field) ? Promise.resolve() : Promise.reject(new Error(t("account.mismatch"))),
  }),
];
