import { Alert, Spin } from "antd";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { ledgerErrorMessage } from "@/lib/ledgerErrors";
import { Hash } from "./Hash";

export interface LedgerWriteState {
  isPending: boolean;
  isError: boolean;
  isSuccess: boolean;
  error: unknown;
  data?: { txHash?: string | null } | undefined;
}

/**
 * Where a write stands: waiting for the ledger, confirmed with its transaction hash, or refused in
 * words a clerk understands. Pass a react-query mutation; nothing shows before the first submit.
 */
export function LedgerWriteStatus({
  mutation,
  success,
  testId = "ledger-write-status",
}: {
  mutation: LedgerWriteState;
  success?: ReactNode;
  testId?: string;
}) {
  const { t } = useTranslation();
  if (mutation.isPending) {
    return (
      <Alert
        data-testid={`${testId}-pending`}
        type="info"
        showIcon
        icon={<Spin size="small" />}
        title={t("ledger.confirming")}
        role="status"
      />
    );
  }
  if (mutation.isError) {
    return (
      <Alert
        data-testid={`${testId}-error`}
        type="error"
        showIcon
        title={t("ledger.failed")}
        description={ledgerErrorMessage(mutation.error, t)}
        role="alert"
      />
    );
  }
  if (mutation.isSuccess) {
    return (
      <Alert
        data-testid={`${testId}-success`}
        type="success"
        showIcon
        title={t("ledger.confirmed")}
        description={
          <>
            {mutation.data?.txHash ? (
              <div>
                <Hash value={mutation.data.txHash} />
              </div>
            ) : null}
            {success}
          </>
        }
        role="status"
      />
    );
  }
  return null;
}
