import { Steps } from "antd";
import { useTranslation } from "react-i18next";
import { loanSteps, type LoanStatus } from "@/lib/loanSteps";

/** Where a loan stands in the financing flow. */
export function LoanStepsBar({ status, defaultedAt }: { status: LoanStatus; defaultedAt?: string | null }) {
  const { t } = useTranslation();
  const model = loanSteps({ status, defaultedAt });
  return (
    <Steps
      size="small"
      responsive
      current={model.current}
      status={model.error ? "error" : model.finished ? "finish" : "process"}
      items={model.steps.map((step) => ({ title: t(`loan.statuses.${step}`) }))}
    />
  );
}
