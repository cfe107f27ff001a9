import { Alert, Spin } from "antd";
import { useTranslation } from "react-i18next";
import { Hash } from "./Hash";
import { txErrorMessage } from "./txErrors";

export interface TxResult {
  txHash: string;
  blockNumber: number;
}

/**
 * What a write looks like while and after it goes to the ledger: waiting for the block, then the
 * transaction that made the change, or the reason it was refused.
 */
export function TxFeedback({
  pending,
  result,
  error,
}: {
  pending: boolean;
  result?: TxResult | null;
  error?: unknown;
}) {
  const { t } = useTranslation();
  if (pending)
    return (
      <Alert
        data-testid="tx-pending"
        type="info"
        showIcon
        icon={<Spin size="small" />}
        title={t("tx.pending")}
        role="status"
      />
    );
  if (error)
    return (
      <Alert
        data-testid="tx-error"
        type="error"
        showIcon
        title={t("tx.failed")}
        description={txErrorMessage(error, t)}
      />
    );
  if (result)
    return (
      <Alert
        data-testid="tx-success"
        type="success"
        showIcon
        title={t("tx.confirmed")}
        description={
          <>
            {t("tx.txHash")} <Hash value={result.txHash} /> · {t("tx.block")} {result.blockNumber}
          </>
        }
      />
    );
  return null;
}
