import { Button, Result } from "antd";
import { useTranslation } from "react-i18next";
import { isApiError } from "@/lib/apiClient";
import { errorMessage } from "@/lib/errorMessages";

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
