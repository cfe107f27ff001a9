import { expect } from "chai";
import { loadFixture, time } from "@nomicfoundation/hardhat-network-helpers";
import type { ContractTransactionResponse } from "ethers";
import { deployPlatform, hash, loanIn, type LoanHandle, type Platform } from "./helpers/fixtures";
import { LoanStatus, loanStatusName, stateBits } from "./helpers/enums";

/**
 * Every loan action in every loan state. A legal pair (an edge of SPEC's state machine) emits
 * exactly its one event; an illegal pair reverts with PledgeFinanceUnexpectedLoanState and the
 * exact (loanId, current, expected) arguments. Each action is sent by the party entitled to it,
 * so the state is the only reason for a refusal.
 */
type LoanAction = {
  name: string;
  from: bigint[];
  event: string;
  /** Brings about the conditions other than the state (time passed, compensation paid). */
  prepare?: (p: Platform, loanId: bigint) => Promise<unknown>;
  send: (p: Platform, loanId: bigint) => Promise<ContractTransactionResponse>;
};

const ACTIONS: LoanAction[] = [
  {
    name: "withdrawApplication",
    from: [LoanStatus.Applied],
    event: "LoanWithdrawn",
    send: (p, id) => p.finance.connect(p.ent1).withdrawApplication(id),
  },
  {
    name: "approveLoan",
    from: [LoanStatus.Applied],
    event: "LoanApproved",
    send: (p, id) => p.finance.connect(p.bank1).approveLoan(id, 1_000_00n, 600n, 365n),
  },
  {
    name: "rejectApplication",
    from: [LoanStatus.Applied],
    event: "LoanRejected",
    send: (p, id) => p.finance.connect(p.bank1).rejectApplication(id, hash("r")),
  },
  {
    name: "cancelLoan",
    from: [LoanStatus.Approved, LoanStatus.Pledged],
    event: "LoanCancelled",
    send: (p, id) => p.finance.connect(p.bank1).cancelLoan(id, hash("r")),
  },
  {
    name: "registerPledge",
    from: [LoanStatus.Approved],
    event: "PledgeRegistered",
    send: (p, id) => p.finance.connect(p.ipoffice).registerPledge(id, "ZY1"),
  },
  {
    name: "disburse",
    from: [LoanStatus.Pledged],
    event: "LoanDisbursed",
    send: (p, id) => p.finance.connect(p.bank1).disburse(id, hash("w")),
  },
  {
    name: "repay",
    from: [LoanStatus.Disbursed],
    event: "RepaymentRecorded",
    send: (p, id) => p.finance.connect(p.bank1).repay(id, 1n, hash("r")),
  },
  {
    name: "repayInFull",
    from: [LoanStatus.Disbursed],
    event: "RepaymentRecorded",
    send: (p, id) => p.finance.connect(p.bank1).repayInFull(id, hash("r")),
  },
  {
    name: "declareDefault",
    from: [LoanStatus.Disbursed],
    event: "LoanDefaulted",
    prepare: async (p, id) => time.increaseTo(await p.finance.defaultableAt(id)),
    send: (p, id) => p.finance.connect(p.bank1).declareDefault(id),
  },
  {
    name: "compensate",
    from: [LoanStatus.Defaulted],
    event: "LossCompensated",
    send: (p, id) => p.finance.connect(p.fund).compensate(id),
  },
  {
    name: "dispose",
    from: [LoanStatus.Defaulted],
    event: "CollateralDisposed",
    prepare: (p, id) => p.finance.connect(p.fund).compensate(id),
    send: (p, id) => p.finance.connect(p.bank1).dispose(id, p.ent2.address, 1n, hash("a")),
  },
  {
    name: "releasePledge",
    from: [LoanStatus.Repaid, LoanStatus.Disposed],
    event: "PledgeReleased",
    send: (p, id) => p.finance.connect(p.ipoffice).releasePledge(id),
  },
];

/** One named fixture per state, so loadFixture snapshots each once. */
const STATES = Object.keys(LoanStatus) as (keyof typeof LoanStatus)[];
const FIXTURES = Object.fromEntries(
  STATES.map((state) => {
    const fixture = async (): Promise<{ p: Platform; loan: LoanHandle }> => {
      const p = await deployPlatform();
      const loan = state === "None" ? { loanId: 99n, patentIds: [], productId: 0n } : await loanIn(p, state);
      return { p, loan };
    };
    Object.defineProperty(fixture, "name", { value: `loan${state}` });
    return [state, fixture];
  }),
);

describe("Loan state x action matrix", () => {
  for (const state of STATES) {
    const current = LoanStatus[state];
    for (const action of ACTIONS) {
      const legal = action.from.includes(current);
      it(`${action.name} in ${state}: ${legal ? `emits ${action.event}` : "unexpected state"}`, async () => {
        const { p, loan } = await loadFixture(FIXTURES[state]);
        if (!legal) {
          await expect(action.send(p, loan.loanId))
            .to.be.revertedWithCustomError(p.finance, "PledgeFinanceUnexpectedLoanState")
            .withArgs(loan.loanId, current, stateBits(...action.from));
          return;
        }
        await action.prepare?.(p, loan.loanId);
        const receipt = await (await action.send(p, loan.loanId)).wait();
        const events = receipt!.logs.map((log) => p.finance.interface.parseLog(log)?.name).filter(Boolean);
        expect(events).to.deep.equal([action.event]);
        const after = (await p.finance.getLoan(loan.loanId)).status;
        expect(EDGES[loanStatusName(current)]).to.include(loanStatusName(after));
      });
    }
  }
});

/** SPEC section 3's edges; a step that changes amounts only (a partial repayment, compensation) stays put. */
const EDGES: Record<string, string[]> = {
  Applied: ["Approved", "Rejected", "Withdrawn"],
  Approved: ["Pledged", "Cancelled"],
  Pledged: ["Disbursed", "Cancelled"],
  Disbursed: ["Disbursed", "Repaid", "Defaulted"],
  Repaid: ["Closed"],
  Defaulted: ["Defaulted", "Disposed"],
  Disposed: ["Closed"],
};
