import { Steps } from "antd";
import { useTranslation } from "react-i18next";
import { loanSteps, type LoanStatus } from "@/lib/loanSteps";

/** Where a loan stands in the financing flow; `compact` fits a table row (step names on hover). */
export function LoanStepsBar({
  status,
  defaultedAt,
  compact = false,
}: {
  status: LoanStatus;
  defaultedAt?: string | null;
  compact?: boolean;
}) {
  const { t } = useTranslation();
  const model = loanSteps({ status, defaultedAt });
  return (
    <Steps
      size="small"
      responsive={!compact}
      type={compact ? "inline" : "default"}
      current={model.current}
      status={model.error ? "error" : model.finished ? "finish" : "process"}
      items={model.steps.map((step) => ({ title: t(`loan.statuses.${step}`) }))}
    />
  );
}
