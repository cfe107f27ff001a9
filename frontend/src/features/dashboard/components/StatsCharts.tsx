/**
 * The dashboard's charts. echarts is imported piece by piece (core, the two chart types, the
 * components they use, the canvas renderer) and only here, so it lives in the dashboard's chunk.
 */
import { Card, Col, Empty, Row } from "antd";
import { BarChart, LineChart } from "echarts/charts";
import { GridComponent, LegendComponent, TooltipComponent } from "echarts/components";
import * as echarts from "echarts/core";
import { CanvasRenderer } from "echarts/renderers";
// The ES module build: the CommonJS one (lib/) reaches Vite as a module object, not a component.
import ReactEChartsCore from "echarts-for-react/esm/core";
import { useTranslation } from "react-i18next";
import type { Stats } from "../api/getStats";
import { byBank, defaultRatePercent, financedPerMonth, loansByState, months } from "./chartSeries";

echarts.use([BarChart, LineChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

const HEIGHT = 320;
const GRID = { left: 16, right: 24, top: 48, bottom: 16, containLabel: true };
const yuan = (value: unknown) =>
  `¥${Number(value).toLocaleString(undefined, { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;

function Chart({ title, option, testId, empty }: { title: string; option: object; testId: string; empty: boolean }) {
  const { t } = useTranslation();
  return (
    <Card title={title} data-testid={testId}>
      {empty ? (
        <Empty description={t("dashboard.noData")} />
      ) : (
        <ReactEChartsCore echarts={echarts} option={option} notMerge style={{ height: HEIGHT }} />
      )}
    </Card>
  );
}

export function StatsCharts({ stats }: { stats: Stats }) {
  const { t } = useTranslation();
  const xMonths = { type: "category", data: months(stats.series) };
  const noMonths = stats.series.length === 0;
  const banks = byBank(stats.byBank);

  const financed = {
    grid: GRID,
    tooltip: { trigger: "axis", valueFormatter: yuan },
    xAxis: xMonths,
    yAxis: { type: "value", name: t("dashboard.amountYuan") },
    series: [{ type: "bar", name: t("dashboard.financed"), data: financedPerMonth(stats.series) }],
  };
  const states = {
    grid: GRID,
    tooltip: { trigger: "axis" },
    legend: { type: "scroll", top: 0 },
    xAxis: xMonths,
    yAxis: { type: "value", minInterval: 1 },
    series: loansByState(stats.series).map(({ state, counts }) => ({
      type: "bar",
      stack: "loans",
      name: t(`loan.statuses.${state}`),
      data: counts,
    })),
  };
  const defaultRate = {
    grid: GRID,
    tooltip: { trigger: "axis", valueFormatter: (value: unknown) => `${String(value)}%` },
    xAxis: xMonths,
    yAxis: { type: "value", axisLabel: { formatter: "{value}%" } },
    series: [{ type: "line", name: t("dashboard.defaultRate"), data: defaultRatePercent(stats.series) }],
  };
  const perBank = {
    grid: GRID,
    tooltip: { trigger: "axis" },
    legend: { top: 0 },
    xAxis: { type: "category", data: banks.names, axisLabel: { interval: 0, width: 180, overflow: "truncate" } },
    yAxis: [
      { type: "value", name: t("dashboard.amountYuan") },
      { type: "value", name: t("dashboard.loanCount"), minInterval: 1 },
    ],
    series: [
      { type: "bar", name: t("dashboard.financed"), data: banks.financed, tooltip: { valueFormatter: yuan } },
      { type: "bar", name: t("dashboard.loanCount"), yAxisIndex: 1, data: banks.loans },
      { type: "bar", name: t("dashboard.defaultedCount"), yAxisIndex: 1, data: banks.defaulted },
    ],
  };

  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} xl={12}>
        <Chart title={t("dashboard.financedPerMonth")} option={financed} testId="chart-financed" empty={noMonths} />
      </Col>
      <Col xs={24} xl={12}>
        <Chart title={t("dashboard.loansByState")} option={states} testId="chart-loan-states" empty={noMonths} />
      </Col>
      <Col xs={24} xl={12}>
        <Chart
          title={t("dashboard.defaultRateOverTime")}
          option={defaultRate}
          testId="chart-default-rate"
          empty={noMonths}
        />
      </Col>
      <Col xs={24} xl={12}>
        <Chart title={t("dashboard.byBank")} option={perBank} testId="chart-by-bank" empty={banks.names.length === 0} />
      </Col>
    </Row>
  );
}
