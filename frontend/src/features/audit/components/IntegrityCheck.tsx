import { Alert, Button, Card, Descriptions, List, Progress, Space, Typography } from "antd";
import type { TFunction } from "i18next";
import { useTranslation } from "react-i18next";
import { ledgerErrorMessage } from "@/lib/errorMessages";
import {
  useLatestIntegrityCheck,
  useStartIntegrityCheck,
  type IntegrityCheckRun,
  type IntegrityProgress,
  type IntegrityReport,
  type Mismatch,
} from "../api/verifyIntegrity";

const TABLES = [
  "chain_events",
  "chain_event_orgs",
  "platform_state",
  "patents",
  "appraisals",
  "products",
  "loans",
  "loan_patents",
  "notifications",
  "indexed_blocks",
  "documents",
  "records",
] as const;
const isTable = (table: string): table is (typeof TABLES)[number] => (TABLES as readonly string[]).includes(table);
const tableName = (table: string, t: TFunction) => (isTable(table) ? t(`integrity.tables.${table}`) : table);
const shown = (value: unknown) =>
  value === null || value === undefined ? "—" : typeof value === "string" ? value : JSON.stringify(value);

/** One mismatch as a sentence: a changed value, a row added by hand, or a row deleted. */
export function mismatchInWords(mismatch: Mismatch, t: TFunction): string {
  const subject = { table: tableName(mismatch.table, t), key: mismatch.key };
  if (mismatch.field === "row") {
    return mismatch.expected === "absent" ? t("integrity.rowAdded", subject) : t("integrity.rowDeleted", subject);
  }
  return t("integrity.cellChanged", {
    ...subject,
    field: mismatch.field,
    found: shown(mismatch.found),
    expected: shown(mismatch.expected),
    interpolation: { escapeValue: false },
  });
}

/** How far a running check has come, in percent: the replay is most of the work. */
function percentOf(progress: IntegrityProgress): number {
  if (progress.phase === "comparing") return 90;
  if (progress.phase === "hashing") return 95;
  const { fromBlock = 0, block, toBlock } = progress;
  if (block === undefined || toBlock === undefined || toBlock <= fromBlock) return 0;
  return Math.floor(((block - fromBlock) / (toBlock - fromBlock)) * 85);
}

function Running({ run }: { run: IntegrityCheckRun }) {
  const { t } = useTranslation();
  const { progress } = run;
  const step = progress.phase
    ? t(`integrity.phases.${progress.phase}`, {
        block: progress.block,
        toBlock: progress.toBlock,
        events: progress.events ?? 0,
      })
    : t("integrity.starting");
  return (
    <div data-testid="integrity-progress" role="status">
      <Typography.Text>{step}</Typography.Text>
      <Progress percent={percentOf(progress)} status="active" />
    </div>
  );
}

function Result({ report, finishedAt }: { report: IntegrityReport; finishedAt: string | null }) {
  const { t } = useTranslation();
  return (
    <Space orientation="vertical" size="middle" style={{ width: "100%" }} data-testid="integrity-result">
      {report.ok ? (
        <Alert
          type="success"
          showIcon
          data-testid="integrity-ok"
          title={t("integrity.ok")}
          description={t("integrity.okDetail", { count: report.checked, block: report.atBlock })}
        />
      ) : (
        <>
          <Alert
            type="error"
            showIcon
            data-testid="integrity-failed"
            title={t("integrity.failed", { count: report.mismatchCount })}
            description={t("integrity.failedDetail", { checked: report.checked, block: report.atBlock })}
          />
          <Card size="small" title={t("integrity.mismatches")}>
            <List
              size="small"
              data-testid="integrity-mismatches"
              dataSource={report.mismatches}
              renderItem={(mismatch) => <List.Item>{mismatchInWords(mismatch, t)}</List.Item>}
            />
            {report.mismatchCount > report.mismatches.length ? (
              <Typography.Text type="secondary">
                {t("integrity.more", { count: report.mismatchCount - report.mismatches.length })}
              </Typography.Text>
            ) : null}
          </Card>
        </>
      )}
      <Card size="small" title={t("integrity.checkedByKind")}>
        <Descriptions size="small" column={{ xs: 2, md: 4 }}>
          {Object.entries(report.checkedByKind).map(([table, count]) => (
            <Descriptions.Item key={table} label={tableName(table, t)}>
              {count}
            </Descriptions.Item>
          ))}
        </Descriptions>
        {finishedAt ? (
          <Typography.Text type="secondary">
            {t("integrity.finishedAt", { time: new Date(finishedAt).toLocaleString() })}
          </Typography.Text>
        ) : null}
      </Card>
    </Space>
  );
}

/** The regulator's integrity check: started on demand, its progress while it runs, then pass (green) or each mismatch in words. */
export function IntegrityCheck() {
  const { t } = useTranslation();
  const latest = useLatestIntegrityCheck();
  const start = useStartIntegrityCheck();
  const run = latest.data;
  const running = run?.state === "running" || start.isPending;
  const failure = start.error ?? latest.error;
  return (
    <Space orientation="vertical" size="large" style={{ width: "100%" }}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        {t("integrity.title")}
      </Typography.Title>
      <Card>
        <Space orientation="vertical" size="middle" style={{ width: "100%" }}>
          <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
            {t("integrity.intro")}
          </Typography.Paragraph>
          <div>
            <Button type="primary" onClick={() => start.mutate()} loading={running} data-testid="verify-button">
              {t("integrity.run")}
            </Button>
          </div>
          {run?.state === "running" ? <Running run={run} /> : null}
          {run && (run.state === "failed" || run.state === "interrupted") ? (
            <Alert
              type="warning"
              showIcon
              data-testid="integrity-interrupted"
              title={run.state === "failed" ? t("integrity.runFailed") : t("integrity.interrupted")}
              description={run.error ?? undefined}
            />
          ) : null}
          {failure ? (
            <Alert type="error" showIcon title={t("errors.loadFailed")} description={ledgerErrorMessage(failure, t)} />
          ) : null}
        </Space>
      </Card>
      {run?.state === "done" && run.report ? <Result report={run.report} finishedAt={run.finishedAt} /> : null}
    </Space>
  );
}
