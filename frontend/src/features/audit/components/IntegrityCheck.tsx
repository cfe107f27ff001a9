import { Alert, Button, Card, Descriptions, Progress, Space, Table, Typography, type TableProps } from "antd";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { ledgerErrorMessage } from "@/lib/errorMessages";
import { useIntegrityCheck, type IntegrityReport, type Mismatch } from "../api/verifyIntegrity";

const KINDS = ["events", "documents", "records", "params", "patents", "appraisals", "products", "loans"] as const;
const isKind = (kind: string): kind is (typeof KINDS)[number] => (KINDS as readonly string[]).includes(kind);
const shown = (value: unknown) =>
  value === null || value === undefined ? "—" : typeof value === "string" ? value : JSON.stringify(value);

/** The check has no progress of its own to report; this bar creeps towards 95% until the answer comes. */
function useCreepingProgress(running: boolean) {
  const [percent, setPercent] = useState(0);
  useEffect(() => {
    if (!running) return;
    const timer = setInterval(() => setPercent((p) => Math.min(95, p + Math.max(1, Math.round((95 - p) / 10)))), 400);
    return () => {
      clearInterval(timer);
      setPercent(0);
    };
  }, [running]);
  return percent;
}

function Result({ report }: { report: IntegrityReport }) {
  const { t } = useTranslation();
  const columns: TableProps<Mismatch>["columns"] = [
    { key: "entity", title: t("integrity.entity"), dataIndex: "entity" },
    { key: "id", title: t("integrity.id"), dataIndex: "id" },
    { key: "field", title: t("integrity.field"), dataIndex: "field" },
    { key: "database", title: t("integrity.database"), dataIndex: "database", render: shown },
    { key: "chain", title: t("integrity.chain"), dataIndex: "chain", render: shown },
  ];
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
            title={t("integrity.failed", { count: report.mismatches.length })}
            description={t("integrity.failedDetail", { checked: report.checked, block: report.atBlock })}
          />
          <Table<Mismatch>
            rowKey={(m) => `${m.entity}/${m.id}/${m.field}`}
            size="small"
            columns={columns}
            dataSource={report.mismatches}
            scroll={{ x: "max-content" }}
            data-testid="integrity-mismatches"
          />
        </>
      )}
      <Card size="small" title={t("integrity.checkedByKind")}>
        <Descriptions size="small" column={{ xs: 2, md: 4 }}>
          {Object.entries(report.checkedByKind).map(([kind, count]) => (
            <Descriptions.Item key={kind} label={isKind(kind) ? t(`integrity.kinds.${kind}`) : kind}>
              {count}
            </Descriptions.Item>
          ))}
        </Descriptions>
      </Card>
    </Space>
  );
}

/** The regulator's integrity check: run on demand, then pass (green) or each mismatch. */
export function IntegrityCheck() {
  const { t } = useTranslation();
  const check = useIntegrityCheck();
  const percent = useCreepingProgress(check.isPending);
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
            <Button type="primary" onClick={() => check.mutate()} loading={check.isPending} data-testid="verify-button">
              {t("integrity.run")}
            </Button>
          </div>
          {check.isPending ? (
            <div data-testid="integrity-progress" role="status">
              <Typography.Text>{t("integrity.running")}</Typography.Text>
              <Progress percent={percent} status="active" showInfo={false} />
            </div>
          ) : null}
          {check.isError ? (
            <Alert
              type="error"
              showIcon
              title={t("errors.loadFailed")}
              description={ledgerErrorMessage(check.error, t)}
            />
          ) : null}
        </Space>
      </Card>
      {check.data && !check.isPending ? <Result report={check.data} /> : null}
    </Space>
  );
}
