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
  const titles = model.steps.map((step) => t(`loan.statuses.${step}`));
  const steps = (
    <Steps
      size="small"
      responsive={!compact}
      type={compact ? "inline" : "default"}
      current={model.current}
      status={model.error ? "error" : model.finished ? "finish" : "process"}
      items={titles.map((title) => (compact ? { title: "", description: "", "aria-label": title } : { title }))}
    />
  );
  return compact ? (
    <div style={{ width: 190 }} title={titles.join(" → ")}>
      {steps}
    </div>
  ) : (
    steps
  );
}
