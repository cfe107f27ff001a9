import { Card, Descriptions, Flex, Space, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { Link } from "react-router-dom";
import { EventHistory } from "@/components/EventHistory";
import { Hash } from "@/components/Hash";
import { LoanStepsBar } from "@/components/LoanStepsBar";
import { OrgName } from "@/components/OrgName";
import { PageLoader } from "@/components/PageLoader";
import { QueryError } from "@/components/QueryError";
import { paths } from "@/config/paths";
import { formatDate, formatDateTime } from "@/lib/dates";
import { formatBps, formatFen } from "@/lib/money";
import { useSession } from "@/lib/session";
import { useLoan, useLoanProduct } from "../api/getLoan";
import { LoanActions } from "./LoanActions";
import { LoanDocuments } from "./LoanDocuments";
import { CollateralRiskTag } from "./CollateralRiskTag";
import { LoanStatusTag } from "./LoanStatusTag";
import { RecoverySplit } from "./RecoverySplit";

export function LoanDetailView({ id }: { id: string }) {
  const { t } = useTranslation();
  const role = useSession()?.user.role;
  const loan = useLoan(id);

  if (loan.isPending) return <PageLoader />;
  if (loan.isError) return <QueryError error={loan.error} onRetry={() => void loan.refetch()} />;
  const l = loan.data;
  const owed = l.owed;

  return (
    <Space orientation="vertical" size="large" style={{ width: "100%" }}>
      <Flex wrap gap="small" align="center">
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t("loan.title", { id: l.id })}
        </Typography.Title>
        <LoanStatusTag status={l.status} overdue={l.overdue} />
        <CollateralRiskTag atRisk={l.collateralAtRisk} />
      </Flex>

      <Card>
        <LoanStepsBar status={l.status} defaultedAt={l.defaultedAt} />
      </Card>

      {role && <LoanActions loan={l} role={role} />}

      <Card title={t("loan.terms")}>
        <Descriptions column={{ xs: 1, sm: 2, lg: 3 }}>
          <Descriptions.Item label={t("loan.borrower")}>
            <OrgName id={l.enterpriseOrgId} />
          </Descriptions.Item>
          <Descriptions.Item label={t("loan.bank")}>
            <OrgName id={l.bankOrgId} />
          </Descriptions.Item>
          <Descriptions.Item label={t("loan.product")}>
            <ProductName id={l.productId} />
          </Descriptions.Item>
          <Descriptions.Item label={t("loan.requestedAmount")}>{formatFen(l.requestedAmount)}</Descriptions.Item>
          <Descriptions.Item label={t("loan.approvedAmount")}>{l.amount ? formatFen(l.amount) : "—"}</Descriptions.Item>
          <Descriptions.Item label={t("loan.rate")}>
            {l.rateBps !== null ? formatBps(l.rateBps) : "—"}
          </Descriptions.Item>
          <Descriptions.Item label={t("loan.term")}>{t("product.days", { count: l.termDays })}</Descriptions.Item>
          <Descriptions.Item label={t("loan.appliedAt")}>{formatDateTime(l.appliedAt)}</Descriptions.Item>
          <Descriptions.Item label={t("loan.registrationNo")}>{l.registrationNo ?? "—"}</Descriptions.Item>
          <Descriptions.Item label={t("loan.disbursedAt")}>{formatDateTime(l.disbursedAt)}</Descriptions.Item>
          <Descriptions.Item label={t("loan.maturityAt")}>
            {l.maturityAt
              ? formatDate(l.maturityAt)
              : l.estimatedMaturityAt
                ? `${formatDate(l.estimatedMaturityAt)} (${t("loan.estimated")})`
                : "—"}
          </Descriptions.Item>
          <Descriptions.Item label={t("loan.defaultableAt")}>{formatDate(l.defaultableAt)}</Descriptions.Item>
          <Descriptions.Item label={t("loan.purpose")} span="filled">
            {l.purpose ?? "—"}
          </Descriptions.Item>
        </Descriptions>
      </Card>

      <Card title={t("loan.money", { time: formatDateTime(l.chainTime) })}>
        <Descriptions column={{ xs: 1, sm: 2, lg: 4 }} data-testid="loan-owed">
          <Descriptions.Item label={t("loan.principal")}>{formatFen(owed.principal)}</Descriptions.Item>
          <Descriptions.Item label={t("loan.interest")}>{formatFen(owed.interest)}</Descriptions.Item>
          <Descriptions.Item label={t("loan.penalty")}>{formatFen(owed.penalty)}</Descriptions.Item>
          <Descriptions.Item label={t("loan.owedTotal")}>
            <Typography.Text strong data-testid="loan-owed-total">
              {formatFen(owed.total)}
            </Typography.Text>
          </Descriptions.Item>
          <Descriptions.Item label={t("loan.repaid")}>{formatFen(l.repaid)}</Descriptions.Item>
          <Descriptions.Item label={t("loan.compensated")}>{formatFen(l.compensated)}</Descriptions.Item>
          <Descriptions.Item label={t("loan.recovered")}>{formatFen(l.recovered)}</Descriptions.Item>
          {l.outstandingAtDefault && (
            <Descriptions.Item label={t("loan.outstandingAtDefault")}>
              {formatFen(l.outstandingAtDefault)}
            </Descriptions.Item>
          )}
          {l.fundDecisionBy && (
            <Descriptions.Item label={t("loan.fundDecisionBy")}>
              <span data-testid="loan-fund-decision-by">{formatDate(l.fundDecisionBy)}</span>
            </Descriptions.Item>
          )}
          {l.buyerOrgId && (
            <Descriptions.Item label={t("loan.buyer")}>
              <OrgName id={l.buyerOrgId} />
            </Descriptions.Item>
          )}
        </Descriptions>
      </Card>

      <RecoverySplit loan={l} />

      <Card title={t("loan.patents")}>
        <Flex wrap gap="middle">
          {l.patentIds.map((patentId) => (
            <Link key={patentId} to={paths.patent.href(patentId)}>
              {patentId}
            </Link>
          ))}
        </Flex>
        {l.appraisedTotal && (
          <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
            {t("loan.appraisedAtApproval", { amount: formatFen(l.appraisedTotal) })}
          </Typography.Paragraph>
        )}
      </Card>

      <LoanDocuments patentIds={l.patentIds} />

      <Card title={t("loan.ledger")}>
        {t("patent.txHash")} <Hash value={l.txHash} /> ({t("patent.block")} {l.blockNumber})
      </Card>

      <Card title={t("patent.history")}>
        <EventHistory events={l.history} />
      </Card>
    </Space>
  );
}

/** The product's name as its bank published it; its number until that is known. */
function ProductName({ id }: { id: string }) {
  const product = useLoanProduct(id);
  return <>{product.data?.name ? `${product.data.name} (#${id})` : `#${id}`}</>;
}
