/**
 * Which actions the signed-in role may take on a loan in its current state (SPEC section 3). The
 * API and the ledger decide; this only keeps buttons that would be refused off the screen, and says
 * why a visible one is not yet possible (a default before maturity plus grace, a disposal while the
 * fund's decision window is open).
 */
import type { Role } from "@/config/roles";
import { unixSeconds } from "@/lib/dates";
import type { LoanAction } from "../api/loanActions";
import type { Loan } from "../api/types";

export interface AvailableAction {
  action: LoanAction;
  /** shown but not yet possible, with the reason's i18n key */
  disabledReason?: "notYetDefaultable" | "fundDeciding";
}

type LoanFacts = Pick<Loan, "status" | "compensationPaid" | "defaultableAt" | "fundDecisionBy">;

export function availableActions(role: Role, loan: LoanFacts, chainTimeSeconds: number): AvailableAction[] {
  const { status } = loan;
  const actions: AvailableAction[] = [];
  const add = (action: LoanAction, disabledReason?: AvailableAction["disabledReason"]) =>
    actions.push(disabledReason ? { action, disabledReason } : { action });

  switch (role) {
    case "enterprise":
      if (status === "applied") add("withdraw");
      break;
    case "bank":
      if (status === "applied") {
        add("approve");
        add("reject");
      }
      if (status === "approved" || status === "pledged") add("cancel");
      if (status === "pledged") add("disburse");
      if (status === "disbursed") {
        add("repay");
        const from = loan.defaultableAt ? unixSeconds(loan.defaultableAt) : Infinity;
        add("default", chainTimeSeconds >= from ? undefined : "notYetDefaultable");
      }
      if (status === "defaulted") {
        // After the fund's window the bank disposes without its compensation (SPEC section 8).
        const windowEnds = loan.fundDecisionBy ? unixSeconds(loan.fundDecisionBy) : 0;
        add("dispose", loan.compensationPaid || chainTimeSeconds >= windowEnds ? undefined : "fundDeciding");
      }
      break;
    case "ipoffice":
      if (status === "approved") add("pledge");
      if (status === "repaid" || status === "disposed") add("release");
      break;
    case "fund":
      if (status === "defaulted" && !loan.compensationPaid) add("compensate");
      break;
    default:
      break;
  }
  return actions;
}
