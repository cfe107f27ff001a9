import { Button, Result } from "antd";
import { useTranslation } from "react-i18next";
import { isApiError } from "@/lib/apiClient";

/** What a failed load looks like: the API's own message, and a way to try again. */
export function QueryError({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useTranslation();
  const message = errorMessage(error, t);
  const status = isApiError(error) && (error.status === 403 || error.status === 404) ? error.status : "error";
  return (
    <Result
      status={status}
      title={t("errors.loadFailed")}
      subTitle={message}
      extra={onRetry ? <Button onClick={onRetry}>{t("app.retry")}</Button> : undefined}
    />
  );
}

type Translate = ReturnType<typeof useTranslation>["t"];

/** A message for an error from the API client, in the user's language where it is a known case. */
export function errorMessage(error: unknown, t: Translate): string {
  if (!isApiError(error)) return t("errors.generic", { message: error instanceof Error ? error.message : "?" });
  if (error.status === 0) return t("errors.network");
  if (error.status === 503) return t("errors.unavailable");
  return error.message;
}
