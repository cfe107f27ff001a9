import { Tag, Tooltip } from "antd";
import { useTranslation } from "react-i18next";

/** The loan's collateral at risk (its patents' legal status), shown beside its status; nothing otherwise. */
export function CollateralRiskTag({ atRisk }: { atRisk: boolean }) {
  const { t } = useTranslation();
  if (!atRisk) return null;
  return (
    <Tooltip title={t("loan.atRiskHint")}>
      <Tag color="error" data-testid="collateral-at-risk">
        {t("loan.atRisk")}
      </Tag>
    </Tooltip>
  );
}
