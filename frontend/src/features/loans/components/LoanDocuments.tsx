import { Card, Descriptions, Spin } from "antd";
import { useTranslation } from "react-i18next";
import { DocumentLink } from "@/components/documents/DocumentLink";
import { useCollateral } from "../api/getLoan";

/**
 * The documents behind a loan's collateral, each openable with its ledger check: every pledged
 * patent's certificate and its newest valuation report (the one the bank weighs). A patent the
 * caller may not read (a 404) is left out rather than failing the loan's page.
 */
export function LoanDocuments({ patentIds }: { patentIds: readonly string[] }) {
  const { t } = useTranslation();
  const patents = useCollateral(patentIds);
  if (patents.every((patent) => patent.isError)) return null;
  return (
    <Card title={t("documents.title")} data-testid="loan-documents">
      {patents.some((patent) => patent.isPending) && <Spin />}
      {patents.map(({ data: patent }) => {
        if (!patent) return null;
        const report = [...patent.appraisals].sort((a, b) => b.index - a.index)[0];
        return (
          <Descriptions key={patent.id} title={patent.number} column={{ xs: 1, lg: 2 }} size="small">
            <Descriptions.Item label={t("documents.certificate")}>
              <DocumentLink sha256={patent.certificateSha256} testId={`loan-certificate-open-${patent.id}`} />
            </Descriptions.Item>
            <Descriptions.Item label={t("documents.report")}>
              <DocumentLink sha256={report?.reportSha256} testId={`loan-report-open-${patent.id}`} />
            </Descriptions.Item>
          </Descriptions>
        );
      })}
    </Card>
  );
}
