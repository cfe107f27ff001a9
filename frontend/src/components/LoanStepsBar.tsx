import { Steps } from "antd";
import { useTranslation } from "react-i18next";
import { loanSteps, type LoanStatus } from "@/lib/loanSteps";

/**
 * Where a loan stands in the financing flow; `compact` fits a table row: the step names show on
 * hover and, for a screen reader, as the name of the bar read as one picture (an inline step has no
 * role of its own that could carry a name).
 */
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
      items={titles.map((title) => (compact ? { title: "", description: "" } : { title }))}
    />
  );
  return compact ? (
    <div style={{ width: 190 }} title={titles.join(" → ")} role="img" aria-label={titles.join(" → ")}>
      {steps}
    </div>
  ) : (
    steps
  );
}
