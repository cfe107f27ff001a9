import {
  Alert,
  Button,
  Descriptions,
  Flex,
  Form,
  Input,
  InputNumber,
  Radio,
  Select,
  Table,
  Tag,
  Typography,
} from "antd";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { LedgerWriteStatus } from "@/components/LedgerWriteStatus";
import { formatDate } from "@/lib/dates";
import { maxLoanAmount, currentAppraisal } from "@/lib/ltv";
import { fenToYuan, formatBps, formatFen, parseYuan } from "@/lib/money";
import { useOrgs } from "@/lib/orgs";
import { bpsToPercent, parsePercent } from "@/lib/percent";
import { useChainTime, usePlatformParams } from "@/lib/platform";
import { useCollateral, useLoanProduct, usePledgeChecks } from "../api/getLoan";
import { useLoanAction, type LoanAction } from "../api/loanActions";
import type { CollateralPatent, Loan, LoanTx } from "../api/types";

type Values = Record<string, string | number | undefined>;

interface Props {
  loan: Loan;
  action: LoanAction;
  onDone: (result: LoanTx) => void;
  onCancel: () => void;
}

const yuanRule = (message: string, max?: bigint, tooMuch?: string) => ({
  validator: (_: unknown, value: string | undefined) => {
    if (!value) return Promise.resolve();
    const fen = parseYuan(value);
    if (fen === null || BigInt(fen) <= 0n) return Promise.reject(new Error(message));
    if (max !== undefined && BigInt(fen) > max) return Promise.reject(new Error(tooMuch ?? message));
    return Promise.resolve();
  },
});

/**
 * One action's form. The body is built from what was typed; a refused submit leaves every field as
 * it was, and the reason is shown in words (components/LedgerWriteStatus).
 */
export function ActionForm({ loan, action, onDone, onCancel }: Props) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const mutation = useLoanAction(loan.id, action);

  // Not mutate(body, { onSuccess }): the refetched loan usually no longer offers this action, so the
  // form unmounts before such a callback would run; the promise still reaches the parent.
  const submit = (body: Record<string, unknown>) =>
    mutation
      .mutateAsync(body)
      .then((result) => onDone({ txHash: result.txHash, blockNumber: result.blockNumber }))
      .catch(() => {
        // shown by LedgerWriteStatus from the mutation's state; the fields keep what was typed
      });

  const text = (name: string, label: string, max = 200) => (
    <Form.Item name={name} label={label} rules={[{ required: true, whitespace: true, max }]}>
      <Input data-testid={`loan-input-${name}`} />
    </Form.Item>
  );

  let fields: ReactNode = null;
  let toBody: (values: Values) => Record<string, unknown> = () => ({});
  let initialValues: Values = {};
  switch (action) {
    case "withdraw":
      fields = <Typography.Paragraph>{t("loan.confirm.withdraw")}</Typography.Paragraph>;
      break;
    case "approve":
      fields = <ApproveFields loan={loan} />;
      initialValues = { amount: fenToYuan(loan.requestedAmount), termDays: loan.termDays };
      toBody = (v) => ({
        amount: parseYuan(String(v.amount))!,
        rateBps: parsePercent(String(v.rate))!,
        termDays: Number(v.termDays),
      });
      break;
    case "reject":
      fields = text("reason", t("loan.reason"), 2000);
      toBody = (v) => ({ reason: String(v.reason).trim() });
      break;
    case "cancel":
      fields = (
        <>
          {loan.status === "pledged" && (
            <Alert type="warning" showIcon title={t("loan.confirm.cancelPledged")} style={{ marginBottom: 16 }} />
          )}
          {text("reason", t("loan.reason"), 2000)}
        </>
      );
      toBody = (v) => ({ reason: String(v.reason).trim() });
      break;
    case "pledge":
      fields = (
        <>
          <PledgeChecksTable loanId={loan.id} />
          {text("registrationNo", t("loan.registrationNo"), 100)}
        </>
      );
      toBody = (v) => ({ registrationNo: String(v.registrationNo).trim() });
      break;
    case "disburse":
      fields = text("reference", t("loan.reference"));
      toBody = (v) => ({ reference: String(v.reference).trim() });
      break;
    case "repay":
      fields = <RepayFields loan={loan} />;
      initialValues = { mode: "amount" };
      toBody = (v) =>
        v.mode === "payoff"
          ? { payoff: true, reference: String(v.reference).trim() }
          : { amount: parseYuan(String(v.amount))!, reference: String(v.reference).trim() };
      break;
    case "default":
      fields = (
        <Typography.Paragraph>{t("loan.confirm.default", { amount: formatFen(loan.owed.total) })}</Typography.Paragraph>
      );
      break;
    case "compensate":
      fields = <CompensateFields loan={loan} />;
      break;
    case "dispose":
      fields = <DisposeFields loan={loan} />;
      toBody = (v) => ({
        buyerOrgId: String(v.buyerOrgId),
        recoveredAmount: parseYuan(String(v.recoveredAmount))!,
        reference: String(v.reference).trim(),
      });
      break;
    case "release":
      fields = <Typography.Paragraph>{t("loan.confirm.release")}</Typography.Paragraph>;
      break;
  }

  return (
    <Form<Values>
      form={form}
      layout="vertical"
      data-testid={`loan-form-${action}`}
      initialValues={initialValues}
      disabled={mutation.isPending}
      onFinish={(values) => submit(toBody(values))}
      style={{ maxWidth: 720 }}
    >
      {fields}
      <Flex gap="small" style={{ marginBottom: 16 }}>
        <Button
          type="primary"
          htmlType="submit"
          danger={action === "reject" || action === "cancel" || action === "default"}
          loading={mutation.isPending}
          data-testid={`loan-submit-${action}`}
        >
          {t(`loan.action.${action}`)}
        </Button>
        <Button onClick={onCancel} disabled={mutation.isPending}>
          {t("form.cancel")}
        </Button>
      </Flex>
      <LedgerWriteStatus write={mutation} />
    </Form>
  );
}

/** The bank's terms, within the product and the LTV maximum over the appraisals valid at chain time. */
function ApproveFields({ loan }: { loan: Loan }) {
  const { t } = useTranslation();
  const product = useLoanProduct(loan.productId);
  const params = usePlatformParams();
  const chainTime = useChainTime();
  const collateral = useCollateral(loan.patentIds);
  const patents = collateral.map((q) => q.data).filter((p): p is CollateralPatent => p !== undefined);
  const ready = product.data && params.data && chainTime.data !== undefined && patents.length === loan.patentIds.length;
  const ltvMax = ready
    ? maxLoanAmount({
        patents,
        productLtvBps: product.data!.ltvBps,
        ltvCapBps: params.data!.ltvCapBps,
        now: chainTime.data!,
      })
    : undefined;
  const requested = BigInt(loan.requestedAmount);
  const max = ltvMax === undefined ? undefined : ltvMax < requested ? ltvMax : requested;
  const p = product.data;

  return (
    <>
      <Descriptions size="small" column={{ xs: 1, sm: 2 }} bordered style={{ marginBottom: 16 }}>
        <Descriptions.Item label={t("loan.requestedAmount")}>{formatFen(loan.requestedAmount)}</Descriptions.Item>
        <Descriptions.Item label={t("product.rateRange")}>
          {p ? `${formatBps(p.minRateBps)} – ${formatBps(p.maxRateBps)}` : "…"}
        </Descriptions.Item>
        <Descriptions.Item label={t("product.maxTerm")}>
          {p ? t("product.days", { count: p.maxTermDays }) : "…"}
        </Descriptions.Item>
        <Descriptions.Item label={t("product.ltv")}>
          {p && params.data ? formatBps(Math.min(p.ltvBps, params.data.ltvCapBps)) : "…"}
        </Descriptions.Item>
        <Descriptions.Item label={t("loan.ltvMax")} span={2}>
          <Typography.Text strong data-testid="loan-ltv-max">
            {ltvMax !== undefined ? formatFen(ltvMax) : "…"}
          </Typography.Text>
        </Descriptions.Item>
      </Descriptions>
      <CollateralTable patents={patents} now={chainTime.data} />
      <Form.Item
        name="amount"
        label={t("loan.approvedAmountYuan")}
        extra={max !== undefined ? t("loan.atMost", { amount: formatFen(max) }) : undefined}
        rules={[
          { required: true },
          yuanRule(t("form.badAmount"), max, max !== undefined ? t("loan.aboveMax", { amount: formatFen(max) }) : ""),
        ]}
      >
        <Input prefix="¥" inputMode="decimal" data-testid="loan-input-amount" />
      </Form.Item>
      <Form.Item
        name="rate"
        label={t("loan.ratePercent")}
        rules={[
          { required: true },
          {
            validator: (_, value: string | undefined) => {
              if (!value) return Promise.resolve();
              const bps = parsePercent(value);
              if (bps === null) return Promise.reject(new Error(t("form.badPercent")));
              if (p && (bps < p.minRateBps || bps > p.maxRateBps))
                return Promise.reject(
                  new Error(
                    t("loan.rateOutside", { min: bpsToPercent(p.minRateBps), max: bpsToPercent(p.maxRateBps) }),
                  ),
                );
              return Promise.resolve();
            },
          },
        ]}
      >
        <Input suffix="%" inputMode="decimal" data-testid="loan-input-rate" />
      </Form.Item>
      <Form.Item
        name="termDays"
        label={t("loan.termDays")}
        rules={[{ required: true }, { type: "number", min: 1, max: p?.maxTermDays ?? 7300 }]}
      >
        <InputNumber min={1} precision={0} style={{ width: "100%" }} data-testid="loan-input-termDays" />
      </Form.Item>
    </>
  );
}

function CollateralTable({ patents, now }: { patents: readonly CollateralPatent[]; now: number | undefined }) {
  const { t } = useTranslation();
  return (
    <Table<CollateralPatent>
      size="small"
      rowKey="id"
      pagination={false}
      style={{ marginBottom: 16 }}
      dataSource={[...patents]}
      columns={[
        { key: "number", title: t("patent.number"), dataIndex: "number" },
        { key: "title", title: t("patent.title"), dataIndex: "title", ellipsis: true },
        {
          key: "appraisal",
          title: t("loan.validAppraisal"),
          align: "right",
          render: (_: unknown, patent) => {
            const appraisal = now === undefined ? undefined : currentAppraisal(patent, now);
            return appraisal ? (
              `${formatFen(appraisal.value)} (${t("patent.validUntil")} ${formatDate(appraisal.validUntil)})`
            ) : (
              <Tag color="warning">{t("loan.noValidAppraisal")}</Tag>
            );
          },
        },
      ]}
    />
  );
}

function PledgeChecksTable({ loanId }: { loanId: string }) {
  const { t } = useTranslation();
  const checks = usePledgeChecks(loanId, true);
  if (!checks.data) return <Typography.Paragraph type="secondary">{t("app.loading")}</Typography.Paragraph>;
  return (
    <>
      <Alert
        type={checks.data.ok ? "success" : "error"}
        showIcon
        title={checks.data.ok ? t("loan.checksPass") : t("loan.checksFail")}
        style={{ marginBottom: 12 }}
      />
      <Table
        size="small"
        rowKey={(c) => `${c.patentId}-${c.check}`}
        pagination={false}
        style={{ marginBottom: 16 }}
        data-testid="pledge-checks"
        dataSource={checks.data.checks}
        columns={[
          { key: "patent", title: t("patent.number"), dataIndex: "patentId" },
          {
            key: "check",
            title: t("loan.check"),
            dataIndex: "check",
            render: (check: string) => t(`loan.checks.${check}` as "loan.checks.owner"),
          },
          {
            key: "ok",
            title: t("loan.result"),
            dataIndex: "ok",
            render: (ok: boolean) =>
              ok ? <Tag color="success">{t("loan.ok")}</Tag> : <Tag color="error">{t("loan.notOk")}</Tag>,
          },
          { key: "detail", title: t("loan.detail"), dataIndex: "detail" },
        ]}
      />
    </>
  );
}

function RepayFields({ loan }: { loan: Loan }) {
  const { t } = useTranslation();
  const mode = Form.useWatch("mode") as string | undefined;
  const owed = BigInt(loan.owed.total);
  return (
    <>
      <Descriptions size="small" column={{ xs: 1, sm: 2 }} bordered style={{ marginBottom: 16 }}>
        <Descriptions.Item label={t("loan.principal")}>{formatFen(loan.owed.principal)}</Descriptions.Item>
        <Descriptions.Item label={t("loan.interest")}>{formatFen(loan.owed.interest)}</Descriptions.Item>
        <Descriptions.Item label={t("loan.penalty")}>{formatFen(loan.owed.penalty)}</Descriptions.Item>
        <Descriptions.Item label={t("loan.owedTotal")}>{formatFen(loan.owed.total)}</Descriptions.Item>
      </Descriptions>
      <Form.Item name="mode" label={t("loan.repayMode")}>
        <Radio.Group
          options={[
            { value: "amount", label: t("loan.repayAmount") },
            { value: "payoff", label: t("loan.payoff") },
          ]}
        />
      </Form.Item>
      {mode === "payoff" ? (
        <Alert type="info" showIcon title={t("loan.payoffHint")} style={{ marginBottom: 16 }} />
      ) : (
        <Form.Item
          name="amount"
          label={t("loan.repaymentYuan")}
          rules={[
            { required: true },
            yuanRule(t("form.badAmount"), owed, t("loan.moreThanOwed", { amount: formatFen(owed) })),
          ]}
        >
          <Input prefix="¥" inputMode="decimal" data-testid="loan-input-amount" />
        </Form.Item>
      )}
      <Form.Item name="reference" label={t("loan.reference")} rules={[{ required: true, whitespace: true, max: 200 }]}>
        <Input data-testid="loan-input-reference" />
      </Form.Item>
    </>
  );
}

function CompensateFields({ loan }: { loan: Loan }) {
  const { t } = useTranslation();
  const params = usePlatformParams();
  const share = loan.fundShareBps ?? params.data?.fundShareBps;
  const due =
    loan.outstandingAtDefault !== null && share !== undefined
      ? (BigInt(loan.outstandingAtDefault) * BigInt(share)) / 10_000n
      : undefined;
  return (
    <Descriptions size="small" column={{ xs: 1, sm: 2 }} bordered style={{ marginBottom: 16 }}>
      <Descriptions.Item label={t("loan.outstandingAtDefault")}>
        {loan.outstandingAtDefault ? formatFen(loan.outstandingAtDefault) : "—"}
      </Descriptions.Item>
      <Descriptions.Item label={t("loan.fundShare")}>{share !== undefined ? formatBps(share) : "…"}</Descriptions.Item>
      <Descriptions.Item label={t("loan.compensationDue")}>
        {due !== undefined ? formatFen(due) : "—"}
      </Descriptions.Item>
      <Descriptions.Item label={t("loan.fundCapacity")}>
        {params.data ? formatFen(params.data.fundCapacity) : "…"}
      </Descriptions.Item>
      <Descriptions.Item label={t("loan.fundPaid")}>
        {params.data ? formatFen(params.data.fundPaid) : "…"}
      </Descriptions.Item>
      <Descriptions.Item label={t("loan.fundRemaining")}>
        <span data-testid="fund-remaining">{params.data ? formatFen(params.data.fundRemaining) : "…"}</span>
      </Descriptions.Item>
    </Descriptions>
  );
}

function DisposeFields({ loan }: { loan: Loan }) {
  const { t } = useTranslation();
  const orgs = useOrgs();
  const buyers = [...(orgs.data?.values() ?? [])].filter(
    (org) => org.kind === "enterprise" && org.id !== loan.enterpriseOrgId,
  );
  return (
    <>
      <Form.Item name="buyerOrgId" label={t("loan.buyer")} rules={[{ required: true }]}>
        <Select
          data-testid="loan-input-buyer"
          showSearch={{ optionFilterProp: "label" }}
          options={buyers.map((org) => ({ value: org.id, label: org.name }))}
        />
      </Form.Item>
      <Form.Item
        name="recoveredAmount"
        label={t("loan.recoveredYuan")}
        rules={[
          { required: true },
          {
            validator: (_, value: string | undefined) =>
              !value || parseYuan(value) !== null ? Promise.resolve() : Promise.reject(new Error(t("form.badAmount"))),
          },
        ]}
      >
        <Input prefix="¥" inputMode="decimal" data-testid="loan-input-recoveredAmount" />
      </Form.Item>
      <Form.Item name="reference" label={t("loan.reference")} rules={[{ required: true, whitespace: true, max: 200 }]}>
        <Input data-testid="loan-input-reference" />
      </Form.Item>
    </>
  );
}
