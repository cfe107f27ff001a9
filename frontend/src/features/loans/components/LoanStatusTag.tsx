import { Tag } from "antd";
import { useTranslation } from "react-i18next";
import type { LoanStatus } from "@/lib/loanSteps";

const COLOURS: Record<LoanStatus, string> = {
  applied: "processing",
  approved: "cyan",
  rejected: "default",
  withdrawn: "default",
  pledged: "purple",
  cancelled: "default",
  disbursed: "blue",
  repaid: "success",
  defaulted: "error",
  disposed: "warning",
  closed: "success",
};

export function LoanStatusTag({ status, overdue }: { status: LoanStatus; overdue?: boolean }) {
  const { t } = useTranslation();
  return (
    <>
      <Tag color={COLOURS[status]} data-testid="loan-status" data-status={status}>
        {t(`loan.statuses.${status}`)}
      </Tag>
      {overdue && <Tag color="error">{t("loan.overdue")}</Tag>}
    </>
  );
}
