import { Card, Table, Typography, type TableProps } from "antd";
import { useTranslation } from "react-i18next";
import { OrgName } from "@/components/OrgName";
import { formatFen } from "@/lib/money";
import type { Loan } from "../api/types";
import { recoverySplit, type RecoveryShare } from "./recoverySplit";

/** A disposed loan's proceeds as the ledger split them: the bank's, the fund's and the borrower's. */
export function RecoverySplit({ loan }: { loan: Loan }) {
  const { t } = useTranslation();
  const split = recoverySplit(loan);
  if (!split) return null;
  const fen = (value: string | null) => (value === null ? "—" : formatFen(value));
  const columns: TableProps<RecoveryShare>["columns"] = [
    {
      key: "party",
      title: t("recovery.party"),
      render: (_: unknown, share) => (
        <>
          {t(`recovery.parties.${share.party}`)}
          {share.party !== "fund" && (
            <Typography.Text type="secondary">
              {" "}
              (<OrgName id={share.party === "bank" ? loan.bankOrgId : loan.enterpriseOrgId} />)
            </Typography.Text>
          )}
        </>
      ),
    },
    { key: "bore", title: t("recovery.bore"), align: "right", dataIndex: "bore", render: fen },
    { key: "recovered", title: t("recovery.recovered"), align: "right", dataIndex: "recovered", render: fen },
    { key: "lossLeft", title: t("recovery.lossLeft"), align: "right", dataIndex: "lossLeft", render: fen },
  ];
  return (
    <Card title={t("recovery.title", { amount: formatFen(loan.recovered) })} data-testid="recovery-split">
      <Table<RecoveryShare>
        rowKey="party"
        size="small"
        columns={columns}
        dataSource={split}
        pagination={false}
        scroll={{ x: "max-content" }}
        onRow={(share) => ({ "data-testid": `recovery-${share.party}` }) as React.HTMLAttributes<HTMLElement>}
      />
      <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
        {t("recovery.explain", {
          outstanding: formatFen(loan.outstandingAtDefault ?? "0"),
          compensation: formatFen(loan.compensated),
        })}
      </Typography.Paragraph>
    </Card>
  );
}
