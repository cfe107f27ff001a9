import { Button, Card, Flex, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { LedgerWriteStatus } from "@/components/LedgerWriteStatus";
import type { Role } from "@/config/roles";
import { formatDate, unixSeconds } from "@/lib/dates";
import { useChainTime } from "@/lib/platform";
import type { LoanAction } from "../api/loanActions";
import type { Loan, LoanTx } from "../api/types";
import { ActionForm } from "./ActionForm";
import { availableActions, type AvailableAction } from "./availableActions";

const DANGER: ReadonlySet<LoanAction> = new Set(["reject", "cancel", "default", "withdraw"]);

/** The actions the signed-in role may take on the loan now; one form open at a time. */
export function LoanActions({ loan, role }: { loan: Loan; role: Role }) {
  const { t } = useTranslation();
  const whyNotYet = (reason: NonNullable<AvailableAction["disabledReason"]>) =>
    reason === "fundDeciding"
      ? t("loan.fundDeciding", { date: formatDate(loan.fundDecisionBy) })
      : t("loan.notYetDefaultable", { date: formatDate(loan.defaultableAt) });
  const chainTime = useChainTime();
  const now = chainTime.data ?? unixSeconds(loan.chainTime);
  const actions = availableActions(role, loan, now);
  const [open, setOpen] = useState<LoanAction | null>(null);
  const [done, setDone] = useState<{ action: LoanAction; result: LoanTx } | null>(null);

  if (actions.length === 0 && !done) return null;
  const openAction = actions.find((a) => a.action === open && !a.disabledReason);

  return (
    <Card title={t("loan.actions")} data-testid="loan-actions">
      <Flex vertical gap="middle">
        {done && (
          <div>
            <Typography.Text>{t(`loan.done.${done.action}`)}</Typography.Text>
            <LedgerWriteStatus write={{ status: "success", data: done.result }} />
          </div>
        )}
        {actions.length > 0 && (
          <Flex wrap gap="small" align="center">
            {actions.map(({ action, disabledReason }) => (
              <Button
                key={action}
                data-testid={`loan-action-${action}`}
                type={open === action ? "primary" : "default"}
                danger={DANGER.has(action)}
                disabled={!!disabledReason}
                title={disabledReason ? whyNotYet(disabledReason) : undefined}
                onClick={() => {
                  setDone(null);
                  setOpen(open === action ? null : action);
                }}
              >
                {t(`loan.action.${action}`)}
              </Button>
            ))}
            {actions.map(({ action, disabledReason }) =>
              disabledReason ? (
                <Typography.Text key={`${action}-why`} type="secondary">
                  {whyNotYet(disabledReason)}
                </Typography.Text>
              ) : null,
            )}
          </Flex>
        )}
        {openAction && (
          <ActionForm
            key={openAction.action}
            loan={loan}
            action={openAction.action}
            onCancel={() => setOpen(null)}
            onDone={(result) => {
              setOpen(null);
              setDone({ action: openAction.action, result });
            }}
          />
        )}
      </Flex>
    </Card>
  );
}
