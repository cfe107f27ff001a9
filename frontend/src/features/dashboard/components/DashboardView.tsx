import { Card, Col, Flex, Row, Space, Statistic, Tag, Typography } from "antd";
import { lazy, Suspense, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { PageLoader } from "@/components/PageLoader";
import { QueryError } from "@/components/QueryError";
import { formatFen } from "@/lib/money";
import { everyValueOf, type Schemas } from "@/types/api";
import { useStats } from "../api/getStats";
import { LOAN_STATES, toPercent } from "./chartSeries";
import { PlatformPauseControl } from "./PlatformPauseControl";

// The charts bring echarts (its own chunk, about 550 kB raw): loaded once the totals are on screen.
const StatsCharts = lazy(() => import("./StatsCharts").then((module) => ({ default: module.StatsCharts })));

/** Every patent status, in the order the card lists them. */
const PATENT_STATES = everyValueOf<Schemas["Patent"]["status"]>()([
  "registered",
  "verified",
  "pledged",
  "rejected",
  "revoked",
]);
const sum = (counts: Record<string, number>) => Object.values(counts).reduce((total, n) => total + n, 0);

function CountsCard({
  title,
  total,
  children,
  testId,
}: {
  title: string;
  total: number;
  children: ReactNode;
  testId: string;
}) {
  return (
    <Card data-testid={testId}>
      <Statistic title={title} value={total} />
      <Flex wrap gap={4} style={{ marginTop: 8 }}>
        {children}
      </Flex>
    </Card>
  );
}

/** The regulator's view of the whole platform: totals, monthly charts, the pause switch. */
export function DashboardView() {
  const { t } = useTranslation();
  const stats = useStats();

  if (stats.isPending) return <PageLoader />;
  if (stats.isError) return <QueryError error={stats.error} onRetry={() => void stats.refetch()} />;
  const { totals } = stats.data;

  const money: [string, string, string][] = [
    ["financed", t("dashboard.financed"), totals.financed],
    ["outstanding", t("dashboard.outstanding"), totals.outstandingPrincipal],
    ["repaid", t("dashboard.repaid"), totals.repaid],
    ["defaulted", t("dashboard.defaulted"), totals.defaultedAmount],
    ["fund-paid", t("dashboard.fundPaid"), totals.fundPaid],
    ["recovered", t("dashboard.recovered"), totals.recovered],
  ];

  return (
    <Space orientation="vertical" size="large" style={{ width: "100%" }}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        {t("dashboard.title")}
      </Typography.Title>
      <PlatformPauseControl />
      <Row gutter={[16, 16]}>
        <Col xs={24} md={12}>
          <CountsCard title={t("dashboard.patents")} total={sum(totals.patents)} testId="total-patents">
            {PATENT_STATES.filter((state) => totals.patents[state]).map((state) => (
              <Tag key={state}>
                {t(`patent.statuses.${state}`)} {totals.patents[state]}
              </Tag>
            ))}
          </CountsCard>
        </Col>
        <Col xs={24} md={12}>
          <CountsCard title={t("dashboard.loans")} total={sum(totals.loans)} testId="total-loans">
            {LOAN_STATES.filter((state) => totals.loans[state]).map((state) => (
              <Tag key={state}>
                {t(`loan.statuses.${state}`)} {totals.loans[state]}
              </Tag>
            ))}
          </CountsCard>
        </Col>
        {money.map(([key, title, fen]) => (
          <Col key={key} xs={24} sm={12} lg={6}>
            <Card data-testid={`total-${key}`}>
              <Statistic title={title} value={formatFen(fen)} />
            </Card>
          </Col>
        ))}
        <Col xs={24} sm={12} lg={6}>
          <Card data-testid="total-default-rate">
            <Statistic
              title={t("dashboard.defaultRate")}
              value={toPercent(totals.defaultRate)}
              precision={2}
              suffix="%"
            />
          </Card>
        </Col>
      </Row>
      <Suspense fallback={<PageLoader />}>
        <StatsCharts stats={stats.data} />
      </Suspense>
    </Space>
  );
}
