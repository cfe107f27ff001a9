import { Alert, Spin } from "antd";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router-dom";
import { mayOpen, paths } from "@/config/paths";
import { ledgerErrorMessage } from "@/lib/errorMessages";
import { useSession } from "@/lib/session";
import { Hash } from "./Hash";

/**
 * A write as react-query's useMutation reports it. A write confirmed earlier, whose form has gone,
 * is `{ status: "success", data }`.
 */
export interface LedgerWrite {
  status: "idle" | "pending" | "error" | "success";
  error?: unknown;
  data?: { txHash?: string | null; blockNumber?: number | null } | undefined;
}

/**
 * Where a write stands: waiting for the ledger, confirmed with the transaction that made the change,
 * or refused in words a clerk understands. Nothing shows before the first submit; a refusal leaves
 * the form's fields as they were typed. The test ids are `${testId}-pending`, `-error` and `-success`.
 */
export function LedgerWriteStatus({
  write,
  success,
  testId = "tx",
}: {
  write: LedgerWrite;
  /** shown under the transaction once confirmed, e.g. a link to what the write created */
  success?: ReactNode;
  testId?: string;
}) {
  const { t } = useTranslation();
  switch (write.status) {
    case "idle":
      return null;
    case "pending":
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
    case "error":
      return (
        <Alert
          data-testid={`${testId}-error`}
          type="error"
          showIcon
          title={t("ledger.failed")}
          description={ledgerErrorMessage(write.error, t)}
          role="alert"
        />
      );
    case "success":
      return (
        <Alert
          data-testid={`${testId}-success`}
          type="success"
          showIcon
          title={t("ledger.confirmed")}
          description={
            <>
              {write.data?.txHash ? (
                <Transaction txHash={write.data.txHash} blockNumber={write.data.blockNumber} />
              ) : null}
              {success}
            </>
          }
          role="status"
        />
      );
  }
}

/** The transaction's hash (copyable) and block, and the way to it in the audit trail. */
function Transaction({ txHash, blockNumber }: { txHash: string; blockNumber?: number | null }) {
  const { t } = useTranslation();
  const role = useSession()?.user.role;
  return (
    <div>
      {t("ledger.txHash")} <Hash value={txHash} />
      {blockNumber != null ? ` · ${t("ledger.block")} ${blockNumber}` : null}
      {role && mayOpen(role, "auditTransaction") ? (
        <>
          {" · "}
          <Link to={paths.auditTransaction.href(txHash)}>{t("ledger.viewTransaction")}</Link>
        </>
      ) : null}
    </div>
  );
}
