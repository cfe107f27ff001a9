import { CheckCircleFilled, CloseCircleFilled } from "@ant-design/icons";
import { Alert, Spin } from "antd";
import type { UseQueryResult } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import type { DocumentCheck } from "@/lib/documents";
import { errorMessage } from "@/lib/errorMessages";

/** Whether the stored bytes still hash to their name, and that name is the hash on the ledger. */
export function LedgerCheck({ query }: { query: UseQueryResult<DocumentCheck> }) {
  const { t } = useTranslation();
  if (query.isPending) return <Spin size="small" />;
  if (query.isError) return <Alert type="warning" showIcon title={errorMessage(query.error, t)} />;
  const check = query.data;
  const anchors = check.anchors
    .map((anchor) =>
      t(anchor.match ? "documents.anchorMatches" : "documents.anchorDiffers", {
        kind: t(anchor.kind === "report" ? "documents.report" : "documents.certificate"),
        patent: anchor.patentId,
      }),
    )
    .join("; ");
  return (
    <Alert
      data-testid="document-ledger-check"
      data-ok={String(check.ok)}
      type={check.ok ? "success" : "error"}
      showIcon
      icon={check.ok ? <CheckCircleFilled /> : <CloseCircleFilled />}
      title={check.ok ? t("documents.matches") : t("documents.differs")}
      description={[check.storedBytesMatch ? t("documents.bytesMatch") : t("documents.bytesDiffer"), anchors]
        .filter(Boolean)
        .join(" ")}
    />
  );
}
