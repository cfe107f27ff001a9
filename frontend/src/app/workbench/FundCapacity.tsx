import { Card, Col, Progress, Row, Statistic, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { formatFen } from "@/lib/money";
import { usePlatformParams } from "@/lib/platform";

/**
 * The share of the fund's capacity already paid out, in percent rounded down to 0.01 and capped at
 * 100 (the capacity may be lowered below what was paid), worked in fen as bigints so a large
 * capacity loses nothing.
 */
export function capacityUsedPercent(capacity: string | bigint, paid: string | bigint): number {
  const total = BigInt(capacity);
  if (total <= 0n) return BigInt(paid) > 0n ? 100 : 0;
  const basisPoints = (BigInt(paid) * 10_000n) / total;
  return Number(basisPoints > 10_000n ? 10_000n : basisPoints < 0n ? 0n : basisPoints) / 100;
}

/** The risk-compensation fund's capacity (platform parameters): in all, paid out, left, and how much is used. */
export function FundCapacity() {
  const { t } = useTranslation();
  const params = usePlatformParams();
  const data = params.data;
  return (
    <Card data-testid="workbench-fund-capacity" title={t("home.fundCapacity")} style={{ height: "100%" }}>
      {params.isError && !data ? (
        <Typography.Text type="danger">{t("home.loadFailed")}</Typography.Text>
      ) : (
        <>
          <Row gutter={[16, 16]}>
            <Col xs={24} md={8}>
              <Statistic
                title={t("home.fundTotal")}
                loading={!data}
                value={data ? formatFen(data.fundCapacity) : "…"}
              />
            </Col>
            <Col xs={24} md={8}>
              <Statistic
                title={t("home.fundPaid")}
                loading={!data}
                value={data ? formatFen(data.fundPaid) : "…"}
                valueRender={(node) => <span data-testid="fund-capacity-paid">{node}</span>}
              />
            </Col>
            <Col xs={24} md={8}>
              <Statistic
                title={t("home.fundRemaining")}
                loading={!data}
                value={data ? formatFen(data.fundRemaining) : "…"}
                valueRender={(node) => <span data-testid="fund-capacity-remaining">{node}</span>}
              />
            </Col>
          </Row>
          {data && (
            <div style={{ marginTop: 16 }}>
              <Typography.Text type="secondary">{t("home.capacityUsed")}</Typography.Text>
              <Progress
                data-testid="fund-capacity-used"
                percent={capacityUsedPercent(data.fundCapacity, data.fundPaid)}
                format={(percent) => `${percent}%`}
              />
            </div>
          )}
        </>
      )}
    </Card>
  );
}
