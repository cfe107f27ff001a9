/**
 * A seeded, stateful random test of the whole ledger, in the spirit of morpho-blue's test/invariant/:
 * thousands of actions by every role, valid and invalid, against one deployment. Each action is
 * judged first by an executable model of SPEC sections 2 and 3 (test/helpers/ledgerModel.ts); the
 * chain must agree (accept what the model accepts, refuse what it refuses), and after every step these
 * invariants are checked by reading the chain (the touched loans and patents every step, everything in
 * a full sweep every ~100 steps and at the end):
 *  - a patent is in at most one active loan, and its loanId names that loan (0 when none);
 *  - a pledged patent belongs to its loan's borrower and cannot be transferred by its owner's key;
 *  - loans move only along SPEC's edges (a bank may cancel from Approved or Pledged, lifting the pledge);
 *    0 <= principal outstanding <= approved amount;
 *  - a disbursed loan keeps the grace period and fund share in force at disbursement, whatever setParams
 *    does later; the LTV limit counts no revoked or expired patent;
 *  - each repayment equals its allocation, and loan.repaid is the sum of the repayments;
 *  - the fund pays within the capacity in force, and fundPaid is the sum of its compensations;
 *  - every successful transaction emits exactly one ledger event naming the changed entity (an ERC-721
 *    transfer, approve or setApprovalForAll emits only the standard's own event); a reverted one changes nothing;
 *  - organisations' keys rotate (by the organisation, or a regulator, accepted by the new key) while
 *    their patents, products and loans keep naming them; a retired key can do nothing;
 *  - and every field of every loan, patent (with its owner), product, key record and the params equals
 *    the model's.
 *
 * Replay a failure with the seed and step count it prints:
 *   SEED=<seed> FUZZ_ACTIONS=<step> npx hardhat test test/Invariants.test.ts   (FUZZ_TRACE=1 logs every step)
 *
 * Block times are set explicitly for every transaction, so a run is the same whatever the wall clock.
 */
import { expect } from "chai";
import { ethers } from "hardhat";
import { loadFixture, setBalance, time } from "@nomicfoundation/hardhat-network-helpers";
import type { HardhatEthersSigner } from "@nomicfoundation/hardhat-ethers/signers";
import type { ContractTransactionReceipt, ContractTransactionResponse, Log, LogDescription } from "ethers";
import { DEFAULT_PARAMS, deployPlatform, hash, type Platform } from "./helpers/fixtures";
import { Random, seedFrom } from "./helpers/random";
import { LoanStatus, PatentKind, PatentStatus, loanStatusName } from "./helpers/enums";
import { informal, patentNumber } from "./helpers/patentNumber";
import {
  BPS,
  DAY,
  LedgerModel,
  MAX_AMOUNT,
  hasToken,
  isActiveLoan,
  isLegalLoanMove,
  roleAdminOf,
  roleHash,
  type EventValue,
  type LoanModel,
  type Params,
  type PatentModel,
  type ProductModel,
  type ProductTerms,
  type Role,
  type Verdict,
} from "./helpers/ledgerModel";
import type { IPledgeFinanceTypes } from "../typechain-types/contracts/PledgeFinance";
import type { IPatentRegistryTypes } from "../typechain-types/contracts/PatentRegistry";

const SEED = seedFrom(20261127);
const ACTIONS = Number(process.env.FUZZ_ACTIONS ?? 5000);
const TRACE = process.env.FUZZ_TRACE === "1";

/** A fixed starting time (2030-03-17), so the run does not depend on the wall clock. */
const START_TIME = 1_900_000_000n;
/** Chain time may advance by at most this much per action on average (keeps 50,000 actions inside uint32 time). */
const TIME_BUDGET_PER_ACTION = (DAY * 4n) / 10n;
/** Below this many actions the exploration of every loan state is reported, not asserted. */
const MIN_ACTIONS_TO_REQUIRE_EXPLORATION = 2_000;
const TERM_CHOICES = [7n, 14n, 30n, 60n, 90n, 180n, 365n, 730n];
/** Events that are not the ledger's own: ERC-721 and AccessControl bookkeeping. */
const INFRASTRUCTURE_EVENTS = new Set(["Transfer", "Approval", "ApprovalForAll", "RoleGranted", "RoleRevoked"]);
/** How many fresh keys a run can rotate in (impersonated addresses derived from the seed). */
const FRESH_KEYS = 40;
/** Statuses in which a loan's patents are in status Pledged. */
const PLEDGING_STATES = [LoanStatus.Pledged, LoanStatus.Disbursed, LoanStatus.Repaid, LoanStatus.Defaulted];

type Signer = HardhatEthersSigner;

interface Touched {
  loans: bigint[];
  patents: bigint[];
  products: bigint[];
  params: boolean;
  /** Organisations (identities) whose keys a rotation touched. */
  keys: string[];
  /** The pause flag and the loan count. */
  global: boolean;
  /** Accounts whose roles (and the regulator count) a role change touched. */
  accounts: string[];
}

type ProductView = Awaited<ReturnType<Platform["finance"]["getProduct"]>>;
type ParamsView = Awaited<ReturnType<Platform["finance"]["params"]>>;

interface TouchedState {
  loans: Map<bigint, LoanView>;
  patents: Map<bigint, PatentView>;
  products: Map<bigint, ProductView>;
  params: ParamsView | null;
  /** Each touched identity's key record on chain: current key, proposed key, whether its first key is retired. */
  keys: Map<string, [string, string, boolean]>;
  /** Each touched account's roles on chain, by name. */
  roles: Map<string, Role[]>;
  raw: string;
}

interface TxAction {
  kind: "tx";
  name: string;
  signer: Signer;
  args: string;
  verdict: Verdict;
  touched: Touched;
  send: () => Promise<ContractTransactionResponse>;
}

interface TimeAdvance {
  kind: "advance";
  name: "advanceTime";
  seconds: bigint;
}

type Action = TxAction | TimeAdvance;

const LOAN_FIELDS = [
  "borrower",
  "bank",
  "status",
  "productId",
  "termDays",
  "rateBps",
  "compensated",
  "registeredAt",
  "collateralExpiry",
  "disbursedAt",
  "defaultedAt",
  "fundDecisionBy",
  "requestedAmount",
  "amount",
  "maturityAt",
  "accruedAt",
  "principalOutstanding",
  "interestDue",
  "penaltyDue",
  "repaid",
  "outstandingAtDefault",
  "compensation",
  "recovered",
  "registrationNo",
  "graceDays",
  "fundShareBps",
] as const;

const PATENT_FIELDS = [
  "status",
  "kind",
  "grantDate",
  "expiryDate",
  "feePaidUntil",
  "preserved",
  "invalidationPending",
  "loanId",
  "metadataHash",
] as const;

/** A loan and a patent as read from the chain: the getters' fields that the model also keeps. */
type LoanView = { [F in (typeof LOAN_FIELDS)[number]]: IPledgeFinanceTypes.LoanStructOutput[F] } & {
  patentIds: bigint[];
};
type PatentView = { [F in (typeof PATENT_FIELDS)[number]]: IPatentRegistryTypes.PatentStructOutput[F] } & {
  appraisalCount: bigint;
  owner: string | null;
};

const jsonOf = (value: unknown) => JSON.stringify(value, (_, v) => (typeof v === "bigint" ? v.toString() : v));

const sameValue = (a: unknown, b: unknown) =>
  typeof a === "string" && typeof b === "string" ? a.toLowerCase() === b.toLowerCase() : a === b;

const isRevert = (error: unknown) => error instanceof Error && /revert/i.test(error.message);

function revertReason(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const match = /reverted with (?:custom error '(\w+)|reason string '([^']*)'|panic code (\w+))/.exec(message);
  if (!match) return "revert without reason";
  return match[1] ?? match[2] ?? `panic ${match[3]}`;
}

/** Reads `path` (`paid.amount`) out of an event's arguments. */
function argAt(event: LogDescription, path: string): unknown {
  return path.split(".").reduce<unknown>((value, key) => (value as Record<string, unknown>)[key], event.args);
}

const none = (): Touched => ({
  loans: [],
  patents: [],
  products: [],
  params: false,
  keys: [],
  global: false,
  accounts: [],
});
const ROLE_NAMES: readonly Role[] = ["enterprise", "appraiser", "ipoffice", "bank", "fund", "regulator", "admin"];

class InvariantRun {
  readonly model: LedgerModel;
  private readonly signers: Signer[];
  private readonly names = new Map<string, string>();
  private readonly byAddress = new Map<string, Signer>();
  private readonly enterprises: Signer[];
  private readonly banks: Signer[];
  /** Each of the ledger's parties and the role the fixture gave it, to give back when lost. */
  private readonly coreRoles: ReadonlyMap<string, Role>;
  private readonly stats = new Map<string, { tried: number; ok: number }>();
  private readonly reverts = new Map<string, number>();
  /** Money paths the run went through, for the summary. */
  private readonly notes = new Map<string, number>();
  /** The status each loan had when the chain was last read, for the edge check. */
  private readonly seenStatus = new Map<bigint, bigint>();
  /** Sums of RepaymentRecorded amounts per loan and of LossCompensated compensations, from receipts. */
  private readonly repaidByEvents = new Map<bigint, bigint>();
  private compensatedByEvents = 0n;
  /** Fresh keys for rotations, funded at the start; a rotation takes one for good. */
  private readonly freshKeys: Signer[] = [];
  private rotations = 0;
  /** Whether each disbursed loan is to be repaid or left to default (the run's plan, not the ledger's). */
  private readonly fates = new Map<bigint, "repay" | "default">();
  private serial = 0;
  private startTime = 0n;
  private step = 0;
  private sweeps = 0;
  private lastSweep = 0;

  constructor(
    private readonly p: Platform,
    private readonly rng: Random,
  ) {
    const named: [string, Signer][] = [
      ["admin", p.admin],
      ["ent1", p.ent1],
      ["ent2", p.ent2],
      ["ent3", p.ent3],
      ["appraiser", p.appraiser],
      ["ipoffice", p.ipoffice],
      ["bank1", p.bank1],
      ["bank2", p.bank2],
      ["fund", p.fund],
      ["regulator", p.regulator],
      ["outsider", p.outsider],
    ];
    const roles = new Map<string, Role>([
      [p.admin.address, "admin"],
      [p.ent1.address, "enterprise"],
      [p.ent2.address, "enterprise"],
      [p.ent3.address, "enterprise"],
      [p.appraiser.address, "appraiser"],
      [p.ipoffice.address, "ipoffice"],
      [p.bank1.address, "bank"],
      [p.bank2.address, "bank"],
      [p.fund.address, "fund"],
      [p.regulator.address, "regulator"],
    ]);
    for (const [name, signer] of named) {
      this.names.set(signer.address, name);
      this.byAddress.set(signer.address, signer);
    }
    this.signers = named.map(([, signer]) => signer);
    this.enterprises = [p.ent1, p.ent2, p.ent3];
    this.banks = [p.bank1, p.bank2];
    this.coreRoles = roles;
    this.model = new LedgerModel(roles, { ...DEFAULT_PARAMS });
  }

  async start() {
    for (let i = 0; i < FRESH_KEYS; i++) {
      const address = ethers.getAddress(ethers.dataSlice(ethers.id(`fresh key ${SEED} ${i}`), 12));
      await setBalance(address, 10n ** 21n);
      this.freshKeys.push(await ethers.getImpersonatedSigner(address));
    }
    const latest = BigInt(await time.latest());
    this.model.now = latest > START_TIME ? latest : START_TIME;
    this.startTime = this.model.now;
  }

  // =====================================================================================
  // the loop
  // =====================================================================================

  async runStep(step: number) {
    this.step = step;
    this.model.now += BigInt(this.rng.int(1, 20));
    const action = this.chooseAction();
    try {
      if (TRACE) console.log(`#${step} ${this.describe(action)}`);
      if (action.kind === "advance") {
        this.count(action.name, true);
        this.model.now += action.seconds;
      } else {
        await this.execute(action);
      }
      await this.checkFundPaid();
      if (step - this.lastSweep >= this.sweepInterval()) await this.sweep().catch(this.inSweep);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      throw new Error(
        `invariant run failed at step ${step}: ${this.describe(action)}\n  ${message}\n` +
          `  replay: SEED=${SEED} FUZZ_ACTIONS=${step} FUZZ_TRACE=1 npx hardhat test test/Invariants.test.ts`,
      );
    }
  }

  private readonly inSweep = (error: unknown): never => {
    throw new Error(`full sweep after the step: ${error instanceof Error ? error.message : String(error)}`);
  };

  /** A full sweep costs about loans + 2 x patents reads; spread it so it stays a few reads per step. */
  private sweepInterval() {
    return Math.max(100, Math.ceil((this.model.loans.length + 2 * this.model.patents.size) / 4));
  }

  private describe(action: Action) {
    if (action.kind === "advance") return `advanceTime(+${action.seconds}s)`;
    const expectation = action.verdict.ok ? `expect ${action.verdict.event}` : `expect revert: ${action.verdict.why}`;
    return `${action.name} by ${this.nameOf(action.signer.address)}(${action.args}) at t=${this.model.now} [${expectation}]`;
  }

  private nameOf(address: string) {
    return this.names.get(address) ?? address;
  }

  private count(name: string, ok: boolean) {
    const stat = this.stats.get(name) ?? { tried: 0, ok: 0 };
    stat.tried += 1;
    if (ok) stat.ok += 1;
    this.stats.set(name, stat);
  }

  private async execute(action: TxAction) {
    const { verdict } = action;
    const before = verdict.ok ? undefined : await this.readTouched(action.touched);
    await time.setNextBlockTimestamp(this.model.now);
    let receipt: ContractTransactionReceipt | null = null;
    let failure: unknown;
    try {
      receipt = await (await action.send()).wait();
    } catch (error) {
      if (!isRevert(error)) throw error;
      failure = error;
    }
    this.count(action.name, receipt !== null);
    if (verdict.ok) {
      if (!receipt) throw new Error(`the model accepts it, the chain reverted: ${revertReason(failure)}`);
      this.checkEvents(action, receipt);
      verdict.apply();
    } else if (receipt) {
      throw new Error(`the model refuses it (${verdict.why}), the chain accepted it`);
    } else {
      const reason = revertReason(failure);
      this.reverts.set(reason, (this.reverts.get(reason) ?? 0) + 1);
    }
    const after = await this.readTouched(action.touched);
    if (before) expect(after.raw).to.equal(before.raw, "a reverted transaction changed state");
    await this.checkTouched(after, action.touched);
  }

  // =====================================================================================
  // choosing actions
  // =====================================================================================

  private chooseAction(): Action {
    if (this.model.paused && this.rng.chance(0.4)) return this.unpauseAction();
    if (this.model.paused && this.rng.chance(0.25)) return this.tokenActionWhilePaused();
    const live = this.livePatents().length;
    const table: [number, () => Action][] = [
      [30, () => this.progressLoan()],
      [8, () => this.progressPatent()],
      [this.model.products.filter((pr) => pr.active).length < 3 ? 6 : 1, () => this.createProductAction()],
      [1, () => this.setProductActiveAction()],
      [9, () => this.applyAction()],
      [live < 40 ? 8 : 2, () => this.registerPatentAction()],
      [2, () => this.verifyPatentAction()],
      [1.5, () => this.rejectPatentAction()],
      [1, () => this.revokePatentAction()],
      [3, () => this.legalStatusAction()],
      [2, () => this.appraisalAction()],
      [1, () => this.transferAction()],
      [3, () => this.recordTransferAction()],
      [1.5, () => this.approveAction()],
      [1, () => this.setApprovalForAllAction()],
      [12, () => this.randomLoanAction()],
      [1, () => this.setParamsAction()],
      [1, () => this.pauseAction()],
      [1, () => this.roleAction()],
      [1, () => this.keyRotationAction()],
      [8, () => this.randomTimeAdvance()],
    ];
    const total = table.reduce((sum, [weight]) => sum + weight, 0);
    let roll = this.rng.next() * total;
    for (const [weight, make] of table) {
      roll -= weight;
      if (roll < 0) return make();
    }
    return table[0][1]();
  }

  /** The appropriate signer most of the time, anyone now and then. */
  private signerFor(appropriate: Signer, probability = 0.85): Signer {
    return this.rng.chance(probability) ? appropriate : this.rng.pick(this.signers);
  }

  /**
   * The party `address` with probability `probability`; otherwise, half the time, another account of
   * the same kind (the other bank, another enterprise), which only the loan-party rules refuse; else anyone.
   */
  private party(address: string, probability: number): Signer {
    const right = this.signerOf(address);
    const roll = this.rng.next();
    if (roll < probability) return right;
    const role = this.model.roleOf(address);
    const peers = this.signers.filter(
      (s) => s !== right && role !== undefined && this.model.roleOf(s.address) === role,
    );
    if (roll < (1 + probability) / 2 && peers.length > 0) return this.rng.pick(peers);
    return this.rng.pick(this.signers);
  }

  /** The key that signs for the organisation `address` now. */
  private signerOf(address: string): Signer {
    return this.byAddress.get(address)!;
  }

  private keyOf(identity: Signer): Signer {
    return this.signerOf(identity.address);
  }

  private days(min: number, max: number) {
    return BigInt(this.rng.int(min, max)) * DAY;
  }

  private tx(
    name: string,
    signer: Signer,
    args: string,
    verdict: Verdict,
    touched: Partial<Touched>,
    send: () => Promise<ContractTransactionResponse>,
  ): TxAction {
    return { kind: "tx", name, signer, args, verdict, touched: { ...none(), ...touched }, send };
  }

  // ---- time ----

  /** How far chain time may go now: the budget keeps long runs far from the uint32 horizon. */
  private timeAllowance(): bigint {
    return this.startTime + BigInt(this.step) * TIME_BUDGET_PER_ACTION + 60n * DAY - this.model.now;
  }

  private advance(desired: bigint): TimeAdvance {
    const allowed = this.timeAllowance();
    const seconds = desired <= allowed ? desired : allowed > 60n ? allowed : BigInt(this.rng.int(1, 60));
    return { kind: "advance", name: "advanceTime", seconds };
  }

  private randomTimeAdvance(): TimeAdvance {
    const roll = this.rng.next();
    if (roll < 0.5) return this.advance(BigInt(this.rng.int(1, 3_600)));
    if (roll < 0.8) return this.advance(BigInt(this.rng.int(3_600, 3 * 86_400)));
    if (roll < 0.95) return this.advance(this.days(3, 30));
    return this.advance(this.days(30, 120));
  }

  // ---- platform ----

  private pauseAction(): TxAction {
    const signer = this.signerFor(this.keyOf(this.p.regulator));
    const verdict = this.model.pause(this.model.actor(signer.address));
    return this.tx("pause", signer, "", verdict, { global: true }, () => this.p.finance.connect(signer).pause());
  }

  private unpauseAction(): TxAction {
    const signer = this.signerFor(this.keyOf(this.p.regulator), 0.9);
    const verdict = this.model.unpause(this.model.actor(signer.address));
    return this.tx("unpause", signer, "", verdict, { global: true }, () => this.p.finance.connect(signer).unpause());
  }

  // ---- governance ----

  /**
   * A role change by anyone, the operator and the regulator most often: grants, revocations and
   * renunciations of every role, on the spare account or on the ledger's own parties. A party that
   * lost its role gets it back from its admin half the time, so the ledger keeps moving.
   */
  private roleAction(): TxAction {
    const lost = this.corePartiesWithoutRole();
    if (lost.length > 0 && this.rng.chance(0.5)) {
      const [account, role] = this.rng.pick(lost);
      return this.grantAction(this.signerFor(this.adminSigner(role), 0.9), role, account);
    }
    const sender = this.rng.chance(0.7)
      ? this.keyOf(this.rng.pick([this.p.admin, this.p.regulator]))
      : this.rng.pick(this.signers);
    const roll = this.rng.next();
    if (roll < 0.1) return this.renounceAction(this.rng.pick(this.signers.filter((s) => this.mayRenounce(s))));
    const target = this.rng.chance(0.6) ? this.p.outsider : this.rng.pick(this.signers);
    const held = this.model.roleOf(target.address);
    if (held !== undefined && roll < 0.55) return this.revokeAction(sender, held, target.address);
    const role = this.rng.pick(ROLE_NAMES.filter((r) => r !== held));
    return this.grantAction(sender, role, target.address);
  }

  private corePartiesWithoutRole(): [string, Role][] {
    return [...this.coreRoles].filter(([account]) => this.model.roleOf(account) === undefined);
  }

  private adminSigner(role: Role): Signer {
    return this.keyOf(roleAdminOf(role) === "admin" ? this.p.admin : this.p.regulator);
  }

  private grantAction(sender: Signer, role: Role, account: string): TxAction {
    const verdict = this.model.grantRole(this.model.actor(sender.address), role, account);
    return this.tx("grantRole", sender, `${role}, ${this.nameOf(account)}`, verdict, { accounts: [account] }, () =>
      this.p.finance.connect(sender).grantRole(roleHash(role), account),
    );
  }

  private revokeAction(sender: Signer, role: Role, account: string): TxAction {
    const verdict = this.model.revokeRole(this.model.actor(sender.address), role, account);
    return this.tx("revokeRole", sender, `${role}, ${this.nameOf(account)}`, verdict, { accounts: [account] }, () =>
      this.p.finance.connect(sender).revokeRole(roleHash(role), account),
    );
  }

  /** A key whose organisation holds a role, or a retired key: renouncing a role nobody holds is a no-op. */
  private mayRenounce(key: Signer): boolean {
    return this.model.isRetired(key.address) || this.model.roleOf(this.model.actor(key.address)) !== undefined;
  }

  private renounceAction(sender: Signer): TxAction {
    const role = this.model.roleOf(this.model.actor(sender.address)) ?? "enterprise";
    const verdict = this.model.renounceRole(this.model.actor(sender.address));
    const identity = this.model.identityOf(sender.address);
    return this.tx("renounceRole", sender, role, verdict, { accounts: [identity] }, () =>
      this.p.finance.connect(sender).renounceRole(roleHash(role), identity),
    );
  }

  /**
   * Key rotation (SPEC section 8): mostly an organisation's own key or a regulator proposing a fresh
   * key, which then accepts; now and then a stranger, a retired key, a key that is not fresh, or the
   * wrong key accepting.
   */
  private keyRotationAction(): TxAction {
    const organisations = [...this.coreRoles.keys()].filter((account) => this.coreRoles.get(account) !== "admin");
    const pending = organisations.filter((identity) => this.model.proposedKeyOf(identity) !== ethers.ZeroAddress);
    if (pending.length > 0 && this.rng.chance(0.7)) return this.acceptKeyAction(this.rng.pick(pending));
    const identity = this.rng.chance(0.95) ? this.rng.pick(organisations) : this.rng.pick(this.signers).address;
    const roll = this.rng.next();
    const proposer =
      roll < 0.5
        ? (this.byAddress.get(identity) ?? this.rng.pick(this.signers))
        : roll < 0.85
          ? this.keyOf(this.p.regulator)
          : this.rng.pick(this.signers);
    const fresh = this.freshKeys[0];
    const newKey = fresh && this.rng.chance(0.9) ? fresh.address : this.rng.pick(this.signers).address;
    const verdict = this.model.proposeKeyRotation(this.model.actor(proposer.address), identity, newKey);
    const args = `${this.nameOf(identity)}, ${this.nameOf(newKey)}`;
    return this.tx("proposeKeyRotation", proposer, args, verdict, { keys: [identity] }, () =>
      this.p.finance.connect(proposer).proposeKeyRotation(identity, newKey),
    );
  }

  private acceptKeyAction(identity: string): TxAction {
    const proposed = this.model.proposedKeyOf(identity);
    const fresh = this.freshKeys.find((key) => key.address === proposed);
    const signer = fresh && this.rng.chance(0.9) ? fresh : this.rng.pick(this.signers);
    const verdict = this.model.acceptKeyRotation(signer.address, identity);
    if (verdict.ok) {
      const applyToModel = verdict.apply;
      verdict.apply = () => {
        applyToModel();
        this.rotated(identity, signer);
      };
    }
    const touched = { keys: [identity], accounts: [identity, signer.address] };
    return this.tx("acceptKeyRotation", signer, this.nameOf(identity), verdict, touched, () =>
      this.p.finance.connect(signer).acceptKeyRotation(identity),
    );
  }

  /** The new key signs for `identity` from now on; the old one stays among the signers, refused. */
  private rotated(identity: string, key: Signer) {
    this.rotations += 1;
    this.freshKeys.splice(this.freshKeys.indexOf(key), 1);
    this.byAddress.set(identity, key);
    this.names.set(key.address, `${this.nameOf(identity)}'s key ${this.rotations}`);
    this.signers.push(key);
  }

  private setParamsAction(): TxAction {
    const signer = this.signerFor(this.keyOf(this.p.admin));
    const current = this.model.params;
    const params: Params = { ...current };
    const roll = this.rng.next();
    if (roll < 0.3) params.fundCapacity = this.fundCapacityChoice();
    else if (roll < 0.5) params.fundShareBps = BigInt(this.rng.pick([0, 2_500, 5_000, 8_000, 10_000]));
    else if (roll < 0.7) params.graceDays = BigInt(this.rng.pick([0, 15, 30, 60, 90, 120]));
    else if (roll < 0.78) params.ltvCapBps = BigInt(this.rng.pick([3_000, 5_000, 6_000, 8_000]));
    else if (roll < 0.85) params.fundDecisionDays = BigInt(this.rng.pick([0, 7, 30, 60]));
    else if (roll < 0.9) params.ltvCapBps = this.rng.chance(0.5) ? 0n : 10_001n;
    else if (roll < 0.95) params.fundShareBps = 10_001n + BigInt(this.rng.int(0, 1_000));
    else params.fundCapacity = this.fundCapacityChoice();
    const verdict = this.model.setParams(this.model.actor(signer.address), params);
    return this.tx("setParams", signer, jsonOf(params), verdict, { params: true }, () =>
      this.p.finance.connect(signer).setParams(params),
    );
  }

  /** Sometimes just above what the fund has paid, sometimes below it, sometimes ample. */
  private fundCapacityChoice(): bigint {
    const paid = this.model.fundPaid;
    const roll = this.rng.next();
    if (roll < 0.35) return paid + this.rng.big(0n, 5_000_000_00n);
    if (roll < 0.5) return paid > 0n ? this.rng.big(0n, paid) : 0n;
    return DEFAULT_PARAMS.fundCapacity;
  }

  // ---- products ----

  private createProductAction(): TxAction {
    const signer = this.signerFor(this.keyOf(this.rng.pick(this.banks)));
    const terms = this.productTerms();
    const verdict = this.model.createProduct(this.model.actor(signer.address), terms);
    const products = verdict.ok ? [verdict.entity![1] as bigint] : [];
    return this.tx("createProduct", signer, jsonOf(terms), verdict, { products }, () =>
      this.p.finance.connect(signer).createProduct(terms, hash(`product ${this.step}`)),
    );
  }

  private productTerms(): ProductTerms {
    const cap = Number(this.model.params.ltvCapBps);
    const minRateBps = BigInt(this.rng.int(100, 500));
    const terms: ProductTerms = {
      maxAmount: this.rng.big(1_000_000_00n, 50_000_000_00n),
      minRateBps,
      maxRateBps: minRateBps + BigInt(this.rng.int(0, 1_000)),
      maxTermDays: this.rng.pick([30n, 90n, 180n, 365n, 730n]),
      ltvBps: BigInt(this.rng.int(Math.min(1_000, cap), Math.min(7_000, cap))),
    };
    if (this.rng.chance(0.03)) terms.maxAmount = MAX_AMOUNT;
    if (this.rng.chance(0.85)) return terms;
    const broken = this.rng.int(0, 6);
    if (broken === 0) terms.ltvBps = BigInt(cap + this.rng.int(1, 1_000));
    if (broken === 1) terms.minRateBps = terms.maxRateBps + 1n;
    if (broken === 2) terms.maxTermDays = this.rng.chance(0.5) ? 0n : 7_301n;
    if (broken === 3) terms.maxAmount = 0n;
    if (broken === 4) terms.maxRateBps = 10_001n;
    if (broken === 5) terms.ltvBps = 0n;
    if (broken === 6) terms.maxAmount = MAX_AMOUNT + (this.rng.chance(0.5) ? 1n : this.rng.big(2n, MAX_AMOUNT));
    return terms;
  }

  private setProductActiveAction(): TxAction {
    const product = this.rng.chance(0.95) ? this.pickOf(this.model.products) : undefined;
    const productId = product?.id ?? BigInt(this.model.products.length + this.rng.int(1, 3));
    const signer = this.signerFor(product ? this.signerOf(product.bank) : this.keyOf(this.rng.pick(this.banks)));
    const active = product && this.rng.chance(0.6) ? !product.active : this.rng.chance(0.5);
    const verdict = this.model.setProductActive(this.model.actor(signer.address), productId, active);
    return this.tx("setProductActive", signer, `${productId}, ${active}`, verdict, { products: [productId] }, () =>
      this.p.finance.connect(signer).setProductActive(productId, active),
    );
  }

  // ---- patents ----

  private allPatents(): PatentModel[] {
    return [...this.model.patents.values()];
  }

  /** Patents that may still serve as collateral one day. */
  private livePatents(): PatentModel[] {
    return this.allPatents().filter(
      (pt) =>
        (pt.status === PatentStatus.Registered ||
          pt.status === PatentStatus.Verified ||
          pt.status === PatentStatus.Pledged) &&
        pt.expiryDate > this.model.now &&
        this.model.roleOf(pt.owner) === "enterprise",
    );
  }

  /** Patents `owner` could put into an application right now. */
  private usablePatents(owner: string): PatentModel[] {
    return this.allPatents().filter(
      (pt) =>
        pt.owner === owner &&
        pt.status === PatentStatus.Verified &&
        pt.loanId === 0n &&
        this.model.now <= pt.expiryDate,
    );
  }

  private pickOf<T>(items: readonly T[]): T | undefined {
    return items.length > 0 ? this.rng.pick(items) : undefined;
  }

  /** A patent matching `filter` with probability `probability`, else any patent, else an unknown id. */
  private pickPatentId(filter: (pt: PatentModel) => boolean, probability = 0.8): bigint {
    const preferred = this.rng.chance(probability) ? this.pickOf(this.allPatents().filter(filter)) : undefined;
    const patent = preferred ?? (this.rng.chance(0.95) ? this.pickOf(this.allPatents()) : undefined);
    return patent?.id ?? this.unknownPatentId();
  }

  private unknownPatentId(): bigint {
    return BigInt(ethers.id(`no such patent ${this.rng.int(0, 1_000_000)}`));
  }

  private freshNumber(kind: bigint): string {
    this.serial += 1;
    const digits: Record<string, string[]> = { "0": ["1", "8"], "1": ["2", "9"], "2": ["3"] };
    return patentNumber(this.serial, this.rng.pick(digits[kind.toString()]), 2020);
  }

  private registerPatentAction(): TxAction {
    const signer = this.signerFor(this.keyOf(this.rng.pick(this.enterprises)));
    const now = this.model.now;
    let kind: bigint = this.rng.pick([PatentKind.Invention, PatentKind.UtilityModel, PatentKind.Design]);
    let number = this.freshNumber(kind);
    let grantDate = now - this.days(0, 3_650);
    let expiryDate = now + (this.rng.chance(0.2) ? this.days(30, 400) : this.days(730, 5_475));
    let metadataHash = hash(`meta ${number}`);
    let certificateHash = hash(`cert ${number}`);
    const roll = this.rng.next();
    const existing = this.pickOf(this.allPatents());
    if (roll < 0.2) number = informal(number);
    else if (roll < 0.3 && existing) {
      [number, kind] = [this.rng.chance(0.5) ? informal(existing.number) : existing.number, existing.kind];
    } else if (roll < 0.38) {
      const wrong = [..."0123456789X"].filter((c) => c !== number[15]);
      number = number.slice(0, 15) + this.rng.pick(wrong);
    } else if (roll < 0.42) kind = (kind + 1n) % 3n;
    else if (roll < 0.46) {
      if (this.rng.chance(0.5)) grantDate = now + BigInt(this.rng.int(1, 100_000));
      else expiryDate = now - BigInt(this.rng.int(0, 100_000));
    } else if (roll < 0.47) metadataHash = ethers.ZeroHash;
    else if (roll < 0.48) certificateHash = ethers.ZeroHash;
    else if (roll < 0.5) {
      number = this.rng.pick([number.slice(0, 12) + number.slice(14), "US" + number.slice(2), number + "7"]);
    }
    const verdict = this.model.registerPatent(
      this.model.actor(signer.address),
      number,
      kind,
      grantDate,
      expiryDate,
      metadataHash,
      certificateHash,
    );
    const touched = verdict.ok && verdict.entity ? [verdict.entity[1] as bigint] : [];
    return this.tx("registerPatent", signer, `${number}, kind ${kind}`, verdict, { patents: touched }, () =>
      this.p.registry
        .connect(signer)
        .registerPatent(number, kind, grantDate, expiryDate, metadataHash, certificateHash),
    );
  }

  private verifyPatentAction(patentId?: bigint): TxAction {
    const id = patentId ?? this.pickPatentId((pt) => pt.status === PatentStatus.Registered, 0.7);
    const signer = this.signerFor(this.keyOf(this.p.ipoffice));
    const fee = this.model.now + (this.rng.chance(0.8) ? this.days(365, 2_190) : this.days(1, 90));
    const verdict = this.model.verifyPatent(this.model.actor(signer.address), id, fee);
    return this.tx("verifyPatent", signer, `${id}, fee until ${fee}`, verdict, { patents: [id] }, () =>
      this.p.registry.connect(signer).verifyPatent(id, fee),
    );
  }

  private rejectPatentAction(patentId?: bigint): TxAction {
    const id = patentId ?? this.pickPatentId((pt) => pt.status === PatentStatus.Registered, 0.6);
    const signer = this.signerFor(this.keyOf(this.p.ipoffice));
    const verdict = this.model.rejectPatent(this.model.actor(signer.address), id);
    return this.tx("rejectPatent", signer, `${id}`, verdict, { patents: [id] }, () =>
      this.p.registry.connect(signer).rejectPatent(id, hash("not in the register")),
    );
  }

  private revokePatentAction(): TxAction {
    const id = this.pickPatentId((pt) => pt.status === PatentStatus.Pledged || pt.loanId !== 0n, 0.5);
    const signer = this.signerFor(this.keyOf(this.p.ipoffice));
    const verdict = this.model.revokePatent(this.model.actor(signer.address), id);
    return this.tx("revokePatent", signer, `${id}`, verdict, { patents: [id] }, () =>
      this.p.registry.connect(signer).revokePatent(id, hash("invalidated")),
    );
  }

  /** Legal status updates: clean, court preservation, invalidation pending, or a lapsed annual fee. */
  private legalStatusAction(patentId?: bigint, clean = false): TxAction {
    const id =
      patentId ??
      this.pickPatentId((pt) => pt.status === PatentStatus.Verified || pt.status === PatentStatus.Pledged, 0.85);
    const signer = clean ? this.keyOf(this.p.ipoffice) : this.signerFor(this.keyOf(this.p.ipoffice));
    const now = this.model.now;
    let [fee, preserved, invalidation] = [now + this.days(1_095, 2_190), false, false];
    const roll = clean ? 0 : this.rng.next();
    if (roll >= 0.5 && roll < 0.7) preserved = true;
    else if (roll >= 0.7 && roll < 0.85) invalidation = true;
    else if (roll >= 0.85) fee = now - this.days(0, 30) + this.days(0, 60);
    const verdict = this.model.updateLegalStatus(this.model.actor(signer.address), id, fee, preserved, invalidation);
    const args = `${id}, fee until ${fee}, preserved ${preserved}, invalidation ${invalidation}`;
    return this.tx("updateLegalStatus", signer, args, verdict, { patents: [id] }, () =>
      this.p.registry.connect(signer).updateLegalStatus(id, fee, preserved, invalidation),
    );
  }

  private appraisalAction(patentId?: bigint): TxAction {
    const id =
      patentId ??
      this.pickPatentId((pt) => pt.status === PatentStatus.Verified || pt.status === PatentStatus.Pledged, 0.85);
    const signer = patentId ? this.keyOf(this.p.appraiser) : this.signerFor(this.keyOf(this.p.appraiser));
    const roll = patentId ? 0 : this.rng.next();
    const value = roll >= 0.95 ? 0n : this.rng.big(100_000_00n, 20_000_000_00n);
    const validUntil = this.model.now + (roll >= 0.9 && roll < 0.95 ? -this.days(0, 10) : this.days(30, 720));
    const reportHash = roll >= 0.87 && roll < 0.9 ? ethers.ZeroHash : hash(`report ${id} ${this.step}`);
    const verdict = this.model.recordAppraisal(this.model.actor(signer.address), id, value, validUntil, reportHash);
    return this.tx("recordAppraisal", signer, `${id}, ${value}, until ${validUntil}`, verdict, { patents: [id] }, () =>
      this.p.registry.connect(signer).recordAppraisal(id, value, validUntil, reportHash),
    );
  }

  /**
   * The IP office records a change of owner (著录项目变更): mostly of a patent outside any loan, to
   * another enterprise, with its document; now and then of one in a loan, to a non-enterprise or the
   * owner itself, or without a document.
   */
  private recordTransferAction(): TxAction {
    const id = this.pickPatentId((pt) => pt.loanId === 0n && pt.status !== PatentStatus.Rejected, 0.8);
    const signer = this.signerFor(this.keyOf(this.p.ipoffice));
    const owner = this.model.patent(id)?.owner;
    const others = this.enterprises.filter((e) => e.address !== owner);
    const newOwner = this.rng.chance(0.85) ? this.rng.pick(others).address : this.rng.pick(this.signers).address;
    const documentHash = this.rng.chance(0.95) ? hash(`transfer notice ${id} ${this.step}`) : ethers.ZeroHash;
    const verdict = this.model.recordTransfer(this.model.actor(signer.address), id, newOwner, documentHash);
    return this.tx("recordTransfer", signer, `${id} -> ${this.nameOf(newOwner)}`, verdict, { patents: [id] }, () =>
      this.p.registry.connect(signer).recordTransfer(id, newOwner, documentHash),
    );
  }

  /** ERC-721 transferFrom, mostly by the owner, often of a pledged patent: always refused (the register records transfers). */
  private transferAction(patentId?: bigint): TxAction {
    const id = patentId ?? this.pickPatentId((pt) => pt.status === PatentStatus.Pledged, 0.3);
    const patent = this.model.patent(id);
    const owner = patent?.owner;
    const signer = patent ? this.signerFor(this.signerOf(patent.owner)) : this.rng.pick(this.signers);
    const from = owner && this.rng.chance(0.9) ? owner : this.rng.pick(this.signers).address;
    const to = this.rng.chance(0.75) ? this.rng.pick(this.enterprises).address : this.rng.pick(this.signers).address;
    const verdict = this.model.transferPatent();
    const args = `${this.nameOf(from)} -> ${this.nameOf(to)}, ${id}`;
    return this.tx("transferFrom", signer, args, verdict, { patents: [id] }, () =>
      this.p.registry.connect(signer).transferFrom(from, to, id),
    );
  }

  /** ERC-721 approve, mostly by the owner, of any patent (pledged ones too); now and then a reset to 0: always refused. */
  private approveAction(): TxAction {
    const id = this.pickPatentId((pt) => this.model.roleOf(pt.owner) === "enterprise", 0.9);
    const patent = this.model.patent(id);
    const signer = patent ? this.signerFor(this.signerOf(patent.owner)) : this.rng.pick(this.signers);
    return this.approveBy(signer, id, this.rng.chance(0.15) ? ethers.ZeroAddress : this.rng.pick(this.signers).address);
  }

  private approveBy(signer: Signer, id: bigint, to: string): TxAction {
    const verdict = this.model.approve();
    return this.tx("approve", signer, `${this.nameOf(to)}, ${id}`, verdict, { patents: [id] }, () =>
      this.p.registry.connect(signer).approve(to, id),
    );
  }

  /** ERC-721 setApprovalForAll, mostly by an enterprise; a zero operator now and then: always refused. */
  private setApprovalForAllAction(): TxAction {
    const signer = this.rng.chance(0.85) ? this.keyOf(this.rng.pick(this.enterprises)) : this.rng.pick(this.signers);
    const operator = this.rng.chance(0.04) ? ethers.ZeroAddress : this.rng.pick(this.signers).address;
    return this.setApprovalForAllBy(signer, operator, this.rng.chance(0.75));
  }

  private setApprovalForAllBy(signer: Signer, operator: string, approved: boolean): TxAction {
    const verdict = this.model.setApprovalForAll();
    return this.tx("setApprovalForAll", signer, `${this.nameOf(operator)}, ${approved}`, verdict, {}, () =>
      this.p.registry.connect(signer).setApprovalForAll(operator, approved),
    );
  }

  /** An owner's transfer, approve or setApprovalForAll that only the pause forbids. */
  private tokenActionWhilePaused(): Action {
    const movable = this.allPatents().filter((pt) => pt.status !== PatentStatus.Pledged);
    const patent = this.pickOf(movable);
    if (!patent) return this.unpauseAction();
    const owner = this.signerOf(patent.owner);
    const to = this.rng.pick(this.enterprises.filter((e) => e.address !== patent.owner));
    const roll = this.rng.next();
    if (roll < 0.25) return this.approveBy(owner, patent.id, to.address);
    if (roll < 0.4) {
      return this.setApprovalForAllBy(owner, to.address, this.rng.chance(0.75));
    }
    const verdict = this.model.transferPatent();
    const args = `${this.nameOf(patent.owner)} -> ${this.nameOf(to.address)}, ${patent.id}`;
    return this.tx("transferFrom", owner, args, verdict, { patents: [patent.id] }, () =>
      this.p.registry.connect(owner).transferFrom(patent.owner, to.address, patent.id),
    );
  }

  /** Moves a patent towards being usable: verify it, appraise it, or register a new one. */
  private progressPatent(): Action {
    const registered = this.pickOf(this.allPatents().filter((pt) => pt.status === PatentStatus.Registered));
    if (registered && this.rng.chance(0.6)) {
      return this.rng.chance(0.9) ? this.verifyPatentAction(registered.id) : this.rejectPatentAction(registered.id);
    }
    const unappraised = this.allPatents().filter(
      (pt) =>
        pt.status === PatentStatus.Verified &&
        pt.loanId === 0n &&
        this.model.currentAppraisal(pt) === 0n &&
        pt.expiryDate > this.model.now,
    );
    if (unappraised.length > 0) return this.appraisalAction(this.rng.pick(unappraised).id);
    return this.livePatents().length < 60 ? this.registerPatentAction() : this.appraisalAction();
  }

  // ---- applications ----

  private applyAction(): Action {
    const active = this.model.products.filter((pr) => pr.active);
    if (active.length === 0) return this.createProductAction();
    const candidates = this.enterprises.filter((e) => this.usablePatents(e.address).length > 0);
    if (candidates.length === 0) return this.progressPatent();
    const applicant = this.rng.pick(candidates);
    const signer = this.signerFor(this.keyOf(applicant), 0.92);
    const usable = this.usablePatents(applicant.address);
    const count = Math.min(usable.length, this.rng.chance(0.05) ? 10 : this.rng.int(1, 3));
    const patentIds = this.shuffled(usable)
      .slice(0, count)
      .map((pt) => pt.id);
    const roll = this.rng.next();
    const product = roll < 0.03 ? undefined : this.rng.pick(roll < 0.06 ? this.model.products : active);
    const productId = product?.id ?? BigInt(this.model.products.length + 1);
    if (this.rng.chance(0.15)) this.spoilCollateral(patentIds, applicant.address);
    const maxAmount = product?.maxAmount ?? 1_000_000_00n;
    const base =
      ((product ? this.model.appraisedTotal(patentIds.filter((id) => this.model.patent(id))) : 0n) * 5n) / 10n;
    let requested = base > 0n ? this.rng.big((base * 6n) / 10n, (base * 12n) / 10n) : this.rng.big(1n, maxAmount);
    requested = requested < 1n ? 1n : requested > maxAmount ? maxAmount : requested;
    let termDays = this.termWithin(product?.maxTermDays ?? 365n);
    const spoil = this.rng.next();
    if (spoil < 0.02) requested = this.rng.chance(0.5) ? 0n : maxAmount + 1n;
    else if (spoil < 0.04) termDays = this.rng.chance(0.5) ? 0n : (product?.maxTermDays ?? 365n) + 1n;
    const verdict = this.model.applyForLoan(
      this.model.actor(signer.address),
      productId,
      patentIds,
      requested,
      termDays,
    );
    const loanIds = verdict.ok ? [verdict.entity![1] as bigint] : [];
    const args = `product ${productId}, [${patentIds.length} patents], ${requested}, ${termDays} days`;
    return this.tx(
      "applyForLoan",
      signer,
      args,
      verdict,
      { loans: loanIds, patents: this.known(patentIds), global: true },
      () =>
        this.p.finance.connect(signer).applyForLoan(productId, patentIds, requested, termDays, hash("working capital")),
    );
  }

  /** Puts one bad patent into an application: someone else's, held, unverified, duplicated, unknown, or too many. */
  private spoilCollateral(patentIds: bigint[], applicant: string) {
    const patents = this.allPatents();
    const choice = this.rng.int(0, 6);
    const foreign = this.pickOf(patents.filter((pt) => pt.owner !== applicant));
    const held = this.pickOf(patents.filter((pt) => pt.loanId !== 0n));
    const unverified = this.pickOf(patents.filter((pt) => pt.status !== PatentStatus.Verified));
    if (choice === 0 && foreign) patentIds.push(foreign.id);
    else if (choice === 1 && held) patentIds.push(held.id);
    else if (choice === 2 && unverified) patentIds.push(unverified.id);
    else if (choice === 3 && patentIds.length > 0) patentIds.push(patentIds[0]);
    else if (choice === 4) patentIds.push(this.unknownPatentId());
    else if (choice === 5) while (patentIds.length <= 10) patentIds.push(this.unknownPatentId());
    else patentIds.splice(0, patentIds.length);
  }

  private known(patentIds: bigint[]) {
    return [...new Set(patentIds)].filter((id) => this.model.patent(id));
  }

  private shuffled<T>(items: readonly T[]): T[] {
    const copy = [...items];
    for (let i = copy.length - 1; i > 0; i--) {
      const j = this.rng.int(0, i);
      [copy[i], copy[j]] = [copy[j], copy[i]];
    }
    return copy;
  }

  private termWithin(maxTermDays: bigint): bigint {
    const fitting = TERM_CHOICES.filter((term) => term <= maxTermDays);
    return fitting.length > 0 ? this.rng.pick(fitting) : maxTermDays;
  }

  // ---- loans ----

  private loanAction(
    name: string,
    loanId: bigint,
    signer: Signer,
    args: string,
    verdict: Verdict,
    send: () => Promise<ContractTransactionResponse>,
  ): TxAction {
    const patents = this.model.loan(loanId)?.patentIds ?? [];
    return this.tx(
      name,
      signer,
      `loan ${loanId}${args ? ", " + args : ""}`,
      verdict,
      { loans: [loanId], patents },
      send,
    );
  }

  private withdraw(loanId: bigint, signer: Signer) {
    const verdict = this.model.withdrawApplication(this.model.actor(signer.address), loanId);
    return this.loanAction("withdrawApplication", loanId, signer, "", verdict, () =>
      this.p.finance.connect(signer).withdrawApplication(loanId),
    );
  }

  /** `valid` approves within every bound, `overLtv` just above the LTV limit, `random` anything. */
  private approve(loanId: bigint, signer: Signer, mode: "valid" | "overLtv" | "random") {
    const loan = this.model.loan(loanId);
    const product = loan && this.model.product(loan.productId);
    let amount = this.rng.big(0n, 20_000_000_00n);
    let rateBps = BigInt(this.rng.int(0, 2_000));
    let termDays = BigInt(this.rng.int(0, 800));
    if (loan && product && mode !== "random") {
      rateBps = BigInt(this.rng.int(Number(product.minRateBps), Number(product.maxRateBps)));
      termDays = this.termWithin(product.maxTermDays);
      const cap = this.model.approvableAmount(loan);
      const ltvLimit = this.model.ltvLimit(loan);
      amount = mode === "valid" ? this.rng.big(cap / 2n > 0n ? cap / 2n : 1n, cap > 0n ? cap : 1n) : ltvLimit + 1n;
    }
    const verdict = this.model.approveLoan(this.model.actor(signer.address), loanId, amount, rateBps, termDays);
    return this.loanAction("approveLoan", loanId, signer, `${amount}, ${rateBps} bps, ${termDays} days`, verdict, () =>
      this.p.finance.connect(signer).approveLoan(loanId, amount, rateBps, termDays),
    );
  }

  private reject(loanId: bigint, signer: Signer) {
    const verdict = this.model.rejectApplication(this.model.actor(signer.address), loanId);
    return this.loanAction("rejectApplication", loanId, signer, "", verdict, () =>
      this.p.finance.connect(signer).rejectApplication(loanId, hash("insufficient collateral")),
    );
  }

  private cancel(loanId: bigint, signer: Signer) {
    const verdict = this.model.cancelLoan(this.model.actor(signer.address), loanId);
    return this.loanAction("cancelLoan", loanId, signer, "", verdict, () =>
      this.p.finance.connect(signer).cancelLoan(loanId, hash("borrower declined")),
    );
  }

  private pledge(loanId: bigint, signer: Signer) {
    const roll = this.rng.next();
    const registrationNo = roll < 0.03 ? "" : roll < 0.06 ? "Z".repeat(65) : `ZY${loanId}-${this.rng.int(1, 99_999)}`;
    const verdict = this.model.registerPledge(this.model.actor(signer.address), loanId, registrationNo);
    return this.loanAction("registerPledge", loanId, signer, `"${registrationNo}"`, verdict, () =>
      this.p.finance.connect(signer).registerPledge(loanId, registrationNo),
    );
  }

  private disburse(loanId: bigint, signer: Signer) {
    const verdict = this.model.disburse(this.model.actor(signer.address), loanId);
    return this.loanAction("disburse", loanId, signer, "", verdict, () =>
      this.p.finance.connect(signer).disburse(loanId, hash(`transfer ${loanId}`)),
    );
  }

  /** `partial` pays part of what is owed, `exact` all of it, `over` more than is owed. */
  private repay(loanId: bigint, signer: Signer, mode: "partial" | "exact" | "over" | "zero") {
    const loan = this.model.loan(loanId);
    const owed = loan && loan.status === LoanStatus.Disbursed ? this.model.owed(loan).total : 1_000_000_00n;
    const amounts = {
      partial: this.rng.big(1n, owed > 1n ? owed / (this.rng.chance(0.5) ? 2n : 1n) : 1n),
      exact: owed,
      over: owed + (this.rng.chance(0.5) ? 1n : this.rng.big(1n, 1_000_000n)),
      zero: 0n,
    };
    const amount = amounts[mode];
    const verdict = this.model.repay(this.model.actor(signer.address), loanId, amount);
    return this.loanAction("repay", loanId, signer, `${amount} (${mode})`, verdict, () =>
      this.p.finance.connect(signer).repay(loanId, amount, hash(`repayment ${this.step}`)),
    );
  }

  private repayInFull(loanId: bigint, signer: Signer) {
    const verdict = this.model.repayInFull(this.model.actor(signer.address), loanId);
    return this.loanAction("repayInFull", loanId, signer, "", verdict, () =>
      this.p.finance.connect(signer).repayInFull(loanId, hash(`payoff ${loanId}`)),
    );
  }

  private declareDefault(loanId: bigint, signer: Signer) {
    const verdict = this.model.declareDefault(this.model.actor(signer.address), loanId);
    return this.loanAction("declareDefault", loanId, signer, "", verdict, () =>
      this.p.finance.connect(signer).declareDefault(loanId),
    );
  }

  private compensate(loanId: bigint, signer: Signer) {
    const verdict = this.model.compensate(this.model.actor(signer.address), loanId);
    return this.loanAction("compensate", loanId, signer, "", verdict, () =>
      this.p.finance.connect(signer).compensate(loanId),
    );
  }

  /** A buyer other than the borrower among the enterprises, or (when `valid` is false) anyone. */
  private dispose(loanId: bigint, signer: Signer, valid: boolean) {
    const loan = this.model.loan(loanId);
    const others = this.enterprises.filter((e) => e.address !== loan?.borrower);
    const buyer = valid ? this.rng.pick(others) : this.rng.pick(this.signers);
    const outstanding = loan?.outstandingAtDefault ?? 1_000_000_00n;
    const recovered = this.rng.big(0n, (outstanding * 3n) / 2n);
    const verdict = this.model.dispose(this.model.actor(signer.address), loanId, buyer.address, recovered);
    const args = `buyer ${this.nameOf(buyer.address)}, recovered ${recovered}`;
    return this.loanAction("dispose", loanId, signer, args, verdict, () =>
      this.p.finance.connect(signer).dispose(loanId, buyer.address, recovered, hash(`auction ${loanId}`)),
    );
  }

  private release(loanId: bigint, signer: Signer) {
    const verdict = this.model.releasePledge(this.model.actor(signer.address), loanId);
    return this.loanAction("releasePledge", loanId, signer, "", verdict, () =>
      this.p.finance.connect(signer).releasePledge(loanId),
    );
  }

  /** The next step of a random unfinished loan, by the right party, mostly with valid arguments. */
  private progressLoan(): Action {
    const loan = this.pickOf(this.model.loans.filter((l) => isActiveLoan(l.status)));
    if (!loan) return this.applyAction();
    const bank = this.party(loan.bank, 0.9);
    const ipoffice = this.party(this.p.ipoffice.address, 0.95);
    const fund = this.party(this.p.fund.address, 0.95);
    const roll = this.rng.next();
    switch (loan.status) {
      case LoanStatus.Applied:
        return this.progressApplication(loan, bank, roll);
      case LoanStatus.Approved:
        return this.progressApproval(loan, bank, ipoffice, roll);
      case LoanStatus.Pledged:
        return this.progressPledge(loan, bank, roll);
      case LoanStatus.Disbursed:
        return this.progressRepayment(loan, bank, roll);
      case LoanStatus.Repaid:
        return roll < 0.9 ? this.release(loan.id, ipoffice) : this.transferAction(this.rng.pick(loan.patentIds));
      case LoanStatus.Defaulted:
        // Past the fund's window the bank may dispose without compensation.
        if (!loan.compensated && this.model.now >= loan.fundDecisionBy && roll < 0.4)
          return this.dispose(loan.id, bank, true);
        if (!loan.compensated) return roll < 0.85 ? this.compensate(loan.id, fund) : this.dispose(loan.id, bank, true);
        if (roll < 0.75) return this.dispose(loan.id, bank, true);
        return roll < 0.9 ? this.compensate(loan.id, fund) : this.dispose(loan.id, bank, false);
      default:
        return roll < 0.9 ? this.release(loan.id, ipoffice) : this.compensate(loan.id, fund);
    }
  }

  /** Whether every patent of `loan` outlives a term starting now (else it can never be disbursed). */
  private outlivesTerm(loan: LoanModel): boolean {
    return loan.patentIds.every((id) => this.model.patent(id)!.expiryDate >= this.model.now + loan.termDays * DAY);
  }

  private progressApplication(loan: LoanModel, bank: Signer, roll: number): Action {
    if (roll < 0.65) {
      const unappraised = loan.patentIds.filter((id) => this.model.currentAppraisal(this.model.patent(id)!) === 0n);
      if (this.model.approvableAmount(loan) === 0n && unappraised.length > 0) {
        return this.appraisalAction(this.rng.pick(unappraised));
      }
      return this.approve(loan.id, bank, "valid");
    }
    if (roll < 0.75) return this.approve(loan.id, bank, "overLtv");
    if (roll < 0.88) return this.reject(loan.id, bank);
    return this.withdraw(loan.id, this.party(loan.borrower, 0.9));
  }

  /** Pledge when the IP office's rules allow; otherwise fix the legal status, cancel, or try anyway. */
  private progressApproval(loan: LoanModel, bank: Signer, ipoffice: Signer, roll: number): Action {
    const problem = this.model.pledgeProblem(loan);
    if (!problem) return roll < 0.88 ? this.pledge(loan.id, ipoffice) : this.cancel(loan.id, bank);
    if (problem.fixable && roll < 0.6) return this.legalStatusAction(problem.patentId, true);
    if (roll < (problem.fixable ? 0.85 : 0.75)) return this.cancel(loan.id, bank);
    return this.pledge(loan.id, ipoffice);
  }

  /**
   * Disburse, now and then cancel instead; a loan whose collateral expires before a term starting now can
   * never be disbursed, so mostly its bank cancels it, lifting the pledge (else someone tries the patents).
   */
  private progressPledge(loan: LoanModel, bank: Signer, roll: number): Action {
    if (this.outlivesTerm(loan)) return roll < 0.92 ? this.disburse(loan.id, bank) : this.cancel(loan.id, bank);
    if (roll < 0.5) return this.cancel(loan.id, bank);
    if (roll < 0.65) return this.disburse(loan.id, bank);
    return roll < 0.85 ? this.transferAction(this.rng.pick(loan.patentIds)) : this.applyAction();
  }

  /** Loans fated to be repaid get repayments (some too large); the others wait for default. */
  private progressRepayment(loan: LoanModel, bank: Signer, roll: number): Action {
    if (!this.fates.has(loan.id)) this.fates.set(loan.id, this.rng.chance(0.4) ? "default" : "repay");
    if (this.fates.get(loan.id) === "repay") {
      if (roll < 0.5) return this.repay(loan.id, bank, "partial");
      if (roll < 0.75) return this.repayInFull(loan.id, bank);
      if (roll < 0.85) return this.repay(loan.id, bank, "exact");
      if (roll < 0.95) return this.repay(loan.id, bank, "over");
      return this.declareDefault(loan.id, bank);
    }
    const defaultableAt = this.model.defaultableAt(loan);
    const wait = defaultableAt - this.model.now;
    if (wait <= 0n) return roll < 0.85 ? this.declareDefault(loan.id, bank) : this.repay(loan.id, bank, "partial");
    if (roll < 0.1) return this.declareDefault(loan.id, bank);
    if (roll < 0.3 && wait <= this.timeAllowance()) return this.defaultAtTheBoundary(loan, bank);
    if (roll < 0.4) return this.repay(loan.id, bank, this.rng.chance(0.8) ? "partial" : "zero");
    // Approach the first second a default is allowed, stopping short of it once, then cross it.
    return this.advance(wait > 3_600n ? wait - BigInt(this.rng.int(1, 3_600)) : wait + BigInt(this.rng.int(0, 600)));
  }

  /** A default declared in the block one second before, or exactly at, the first second it is allowed. */
  private defaultAtTheBoundary(loan: LoanModel, bank: Signer): TxAction {
    const at = this.model.defaultableAt(loan) - (this.rng.chance(0.5) ? 1n : 0n);
    if (at > this.model.now) this.model.now = at;
    return this.declareDefault(loan.id, bank);
  }

  /** Any loan operation on any loan (or an unknown one), by the right party half of the time. */
  private randomLoanAction(): Action {
    const loan = this.rng.chance(0.92) ? this.pickOf(this.model.loans) : undefined;
    const loanId = loan?.id ?? BigInt(this.rng.chance(0.5) ? 0 : this.model.loans.length + this.rng.int(1, 3));
    const right = (address: string | undefined, fallback: Signer) => this.party(address ?? fallback.address, 0.5);
    const bank = right(loan?.bank, this.p.bank1);
    const operations: (() => Action)[] = [
      () => this.withdraw(loanId, right(loan?.borrower, this.p.ent1)),
      () => this.approve(loanId, bank, this.rng.pick(["valid", "overLtv", "random"] as const)),
      () => this.reject(loanId, bank),
      () => this.cancel(loanId, bank),
      () => this.pledge(loanId, right(this.p.ipoffice.address, this.p.ipoffice)),
      () => this.disburse(loanId, bank),
      () => this.repay(loanId, bank, this.rng.pick(["partial", "exact", "over", "zero"] as const)),
      () => this.repayInFull(loanId, bank),
      () => this.declareDefault(loanId, bank),
      () => this.compensate(loanId, right(this.p.fund.address, this.p.fund)),
      () => this.dispose(loanId, bank, this.rng.chance(0.7)),
      () => this.release(loanId, right(this.p.ipoffice.address, this.p.ipoffice)),
    ];
    return this.rng.pick(operations)();
  }

  // =====================================================================================
  // reading the chain and checking the invariants
  // =====================================================================================

  private async readLoan(loanId: bigint): Promise<LoanView> {
    const loan = await this.p.finance.getLoan(loanId);
    const fields = Object.fromEntries(LOAN_FIELDS.map((field) => [field, loan[field]]));
    return { ...fields, patentIds: [...loan.patentIds] } as LoanView;
  }

  private async readPatent(patentId: bigint): Promise<PatentView> {
    const patent = await this.p.registry.getPatent(patentId);
    // A rejected registration's token is burnt: it has no owner to ask for.
    const held = patent.status !== PatentStatus.None && patent.status !== PatentStatus.Rejected;
    const owner = held ? await this.p.registry.ownerOf(patentId) : null;
    const fields = Object.fromEntries(PATENT_FIELDS.map((field) => [field, patent[field]]));
    return { ...fields, appraisalCount: patent.appraisalCount, owner } as PatentView;
  }

  /** The chain state of what an action touches; `raw` serialises it, to prove a revert changed nothing. */
  private async readTouched(touched: Touched): Promise<TouchedState> {
    const state: TouchedState = {
      loans: new Map(),
      patents: new Map(),
      products: new Map(),
      params: null,
      keys: new Map(),
      roles: new Map(),
      raw: "",
    };
    for (const id of touched.loans) state.loans.set(id, await this.readLoan(id));
    for (const id of touched.patents) state.patents.set(id, await this.readPatent(id));
    for (const id of touched.products) state.products.set(id, await this.p.finance.getProduct(id));
    if (touched.params) state.params = await this.p.finance.params();
    for (const identity of touched.keys) state.keys.set(identity, await this.keysOnChain(identity));
    for (const account of touched.accounts) state.roles.set(account, await this.rolesOnChain(account));
    const counters = touched.global ? [await this.p.finance.paused(), await this.p.finance.loanCount()] : null;
    const regulators = touched.accounts.length > 0 ? await this.p.finance.regulatorCount() : null;
    const { loans, patents, products, params, keys, roles } = state;
    state.raw = jsonOf([[...loans], [...patents], [...products], params, [...keys], [...roles], counters, regulators]);
    return state;
  }

  private parseLog(log: Log): LogDescription | null {
    const address = log.address.toLowerCase();
    if (address === this.p.finance.target.toString().toLowerCase()) return this.p.finance.interface.parseLog(log);
    if (address === this.p.registry.target.toString().toLowerCase()) return this.p.registry.interface.parseLog(log);
    return null;
  }

  /**
   * Every state change emits exactly one of the ledger's events, naming the entity and carrying the
   * amounts the model predicts. ERC-721 transfers and approvals are the changes whose one event is the
   * standard's own (Transfer, Approval, ApprovalForAll).
   */
  private checkEvents(action: TxAction, receipt: ContractTransactionReceipt) {
    const verdict = action.verdict as Extract<Verdict, { ok: true }>;
    const events = receipt.logs.map((log) => this.parseLog(log)).filter((e): e is LogDescription => e !== null);
    const domain = events.filter((e) => !INFRASTRUCTURE_EVENTS.has(e.name));
    let event: LogDescription;
    if (INFRASTRUCTURE_EVENTS.has(verdict.event)) {
      expect(events.map((e) => e.name)).to.deep.equal([verdict.event], `${action.name} emits only ${verdict.event}`);
      event = events[0];
    } else {
      expect(domain.map((e) => e.name)).to.deep.equal([verdict.event], "exactly one ledger event per state change");
      event = domain[0];
    }
    const expected: [string, EventValue][] = [
      ...(verdict.entity ? [verdict.entity] : []),
      ...Object.entries(verdict.details),
    ];
    for (const [path, value] of expected) {
      const actual = argAt(event, path);
      if (!sameValue(actual, value)) throw new Error(`${event.name}.${path} is ${actual}, the model says ${value}`);
    }
    if (event.name === "RepaymentRecorded") this.checkRepaymentEvent(event);
    if (event.name === "LossCompensated") this.checkCompensationEvent(event);
    if (event.name === "CollateralDisposed" && event.args.borrowerSurplus > 0n) this.note("disposals with a surplus");
    this.noteRuleChanges(event);
  }

  /** Counts the paths through the newer rules; the model (not yet updated) holds the state before the event. */
  private noteRuleChanges(event: LogDescription) {
    const loan = event.args.loanId === undefined ? undefined : this.model.loan(event.args.loanId as bigint);
    if (!loan) return;
    const { params } = this.model;
    if (event.name === "LoanCancelled" && event.args.fromStatus === LoanStatus.Pledged) {
      this.note("cancellations lifting a pledge");
    }
    if (event.name === "LoanDefaulted" && loan.graceDays !== params.graceDays) {
      this.note("defaults under a grace period changed since disbursement");
    }
    if (event.name === "CollateralDisposed" && !loan.compensated) {
      this.note("disposals without compensation after the fund's window");
    }
    if (event.name === "LossCompensated" && loan.fundShareBps !== params.fundShareBps) {
      this.note("compensations at a fund share changed since disbursement");
    }
    if (event.name === "LoanApproved") {
      const patents = loan.patentIds.map((id) => this.model.patent(id)!);
      if (patents.some((pt) => this.model.currentAppraisal(pt) > this.model.collateralValue(pt))) {
        this.note("approvals counting a revoked or expired patent as 0");
      }
    }
  }

  /** Each repayment equals its allocation, and loan.repaid must equal the sum of the repayments. */
  private checkRepaymentEvent(event: LogDescription) {
    const { paid, loanId, status } = event.args;
    expect(paid.amount).to.equal(paid.penalty + paid.interest + paid.principal, "repayment != its allocation");
    this.repaidByEvents.set(loanId, (this.repaidByEvents.get(loanId) ?? 0n) + paid.amount);
    if (paid.penalty > 0n) this.note("repayments paying penalty interest");
    if (status === LoanStatus.Repaid) this.note("repayments settling a loan");
  }

  /** The fund pays within the capacity in force when it pays, and fundPaid is the sum of its payments. */
  private checkCompensationEvent(event: LogDescription) {
    const { compensation, fundPaidTotal, outstandingAtDefault, loanId } = event.args;
    this.compensatedByEvents += compensation;
    expect(fundPaidTotal).to.equal(this.compensatedByEvents, "fundPaidTotal != sum of compensations");
    if (compensation > 0n) {
      expect(fundPaidTotal).to.be.at.most(this.model.params.fundCapacity, "the fund paid beyond its capacity");
    }
    const share = (outstandingAtDefault * this.model.loan(loanId)!.fundShareBps) / BPS;
    if (compensation < share)
      this.note(compensation === 0n ? "compensations of 0 (capacity used up)" : "compensations capped by capacity");
  }

  private note(label: string) {
    this.notes.set(label, (this.notes.get(label) ?? 0) + 1);
  }

  private compareLoan(loanId: bigint, chain: LoanView) {
    const model = this.model.loan(loanId);
    if (!model) {
      expect(chain.status).to.equal(LoanStatus.None, `loan ${loanId} exists on chain only`);
      return;
    }
    for (const field of LOAN_FIELDS) {
      if (!sameValue(chain[field], model[field])) {
        throw new Error(`loan ${loanId}.${field} is ${chain[field]} on chain, ${model[field]} in the model`);
      }
    }
    expect(jsonOf(chain.patentIds)).to.equal(jsonOf(model.patentIds), `loan ${loanId} patents`);
  }

  private comparePatent(patentId: bigint, chain: PatentView) {
    const model = this.model.patent(patentId);
    if (!model) {
      expect(chain.status).to.equal(PatentStatus.None, `patent ${patentId} exists on chain only`);
      return;
    }
    for (const field of PATENT_FIELDS) {
      if (!sameValue(chain[field], model[field])) {
        throw new Error(`patent ${patentId}.${field} is ${chain[field]} on chain, ${model[field]} in the model`);
      }
    }
    expect(chain.appraisalCount).to.equal(BigInt(model.appraisals.length), `patent ${patentId} appraisals`);
    const held = hasToken(model);
    expect(chain.owner).to.equal(held ? model.owner : null, `patent ${patentId} owner`);
  }

  private async keysOnChain(identity: string): Promise<[string, string, boolean]> {
    const { finance } = this.p;
    return [await finance.keyOf(identity), await finance.proposedKeyOf(identity), await finance.isRetiredKey(identity)];
  }

  /** An identity's current and proposed keys, and each key's identity and retirement, as the model says. */
  private async compareKeys(identity: string, [key, proposed, identityRetired]: [string, string, boolean]) {
    const name = this.nameOf(identity);
    expect(key).to.equal(this.model.keyOf(identity), `key of ${name}`);
    expect(proposed).to.equal(this.model.proposedKeyOf(identity), `proposed key of ${name}`);
    expect(identityRetired).to.equal(this.model.isRetired(identity), `${name}'s first key retired`);
    expect(await this.p.finance.identityOf(key)).to.equal(this.model.identityOf(key), `identity of ${name}'s key`);
  }

  /** Invariants of one loan read from the chain: legal move, principal bounds, repaid sum. */
  private checkLoan(loanId: bigint, loan: LoanView) {
    const seen = this.seenStatus.get(loanId) ?? LoanStatus.None;
    if (!isLegalLoanMove(seen, loan.status)) {
      throw new Error(`loan ${loanId} moved ${loanStatusName(seen)} -> ${loanStatusName(loan.status)}`);
    }
    if (loan.status !== LoanStatus.None) this.seenStatus.set(loanId, loan.status);
    expect(loan.principalOutstanding).to.be.at.most(loan.amount, `loan ${loanId} owes more principal than approved`);
    expect(loan.repaid).to.equal(this.repaidByEvents.get(loanId) ?? 0n, `loan ${loanId} repaid != sum of repayments`);
    this.compareLoan(loanId, loan);
  }

  /** The holder of a patent is an active loan that lists it; a pledged patent belongs to its borrower. */
  private checkHolding(patentId: bigint, patent: PatentView, holder: LoanView | undefined) {
    if (patent.loanId === 0n) {
      expect(patent.status).to.not.equal(PatentStatus.Pledged, `patent ${patentId} pledged outside any loan`);
      return;
    }
    expect(holder, `patent ${patentId} held by unknown loan ${patent.loanId}`).to.not.equal(undefined);
    expect(isActiveLoan(holder!.status), `patent ${patentId} held by a finished loan ${patent.loanId}`).to.equal(true);
    expect(holder!.patentIds, `loan ${patent.loanId} does not list patent ${patentId}`).to.include(patentId);
    if (patent.status === PatentStatus.Pledged) {
      expect(patent.owner).to.equal(holder!.borrower, `pledged patent ${patentId} not owned by its borrower`);
      expect(PLEDGING_STATES, `patent ${patentId} pledged by a loan in ${holder!.status}`).to.include(holder!.status);
    }
  }

  /** Checks what the action touched (and the loans holding touched patents) against the invariants and the model. */
  private async checkTouched(state: TouchedState, touched: Touched) {
    const loans = new Map(state.loans);
    for (const patent of state.patents.values()) {
      if (patent.loanId !== 0n && !loans.has(patent.loanId))
        loans.set(patent.loanId, await this.readLoan(patent.loanId));
    }
    for (const [id, loan] of loans) {
      this.checkLoan(id, loan);
      for (const patentId of loan.patentIds) {
        const patent = state.patents.get(patentId);
        if (!patent) continue;
        if (isActiveLoan(loan.status)) expect(patent.loanId).to.equal(id, `patent ${patentId} left active loan ${id}`);
        else expect(patent.loanId).to.not.equal(id, `patent ${patentId} still held by finished loan ${id}`);
      }
    }
    for (const [id, patent] of state.patents) {
      this.comparePatent(id, patent);
      this.checkHolding(id, patent, loans.get(patent.loanId));
    }
    for (const [id, product] of state.products) this.compareProduct(id, product);
    for (const [identity, keys] of state.keys) await this.compareKeys(identity, keys);
    if (state.params) this.compareParams(state.params);
    if (touched.global) await this.checkCounters();
    for (const [account, roles] of state.roles) this.compareRoles(account, roles);
    if (touched.accounts.length > 0) {
      expect(await this.p.finance.regulatorCount()).to.equal(BigInt(this.model.regulatorCount), "regulator count");
    }
  }

  private async rolesOnChain(account: string): Promise<Role[]> {
    const held: Role[] = [];
    for (const role of ROLE_NAMES) if (await this.p.finance.hasRole(roleHash(role), account)) held.push(role);
    return held;
  }

  /** One account, one role, and the one the model says. */
  private compareRoles(account: string, roles: Role[]) {
    const expected = this.model.roleOf(account);
    expect(roles).to.deep.equal(expected ? [expected] : [], `roles of ${this.nameOf(account)}`);
  }

  private compareProduct(productId: bigint, chain: ProductView) {
    const model: ProductModel | undefined = this.model.product(productId);
    const expected = model
      ? [model.bank, model.maxAmount, model.minRateBps, model.maxRateBps, model.maxTermDays, model.ltvBps, model.active]
      : [ethers.ZeroAddress, 0n, 0n, 0n, 0n, 0n, false];
    expect(jsonOf([...chain])).to.equal(jsonOf(expected), `product ${productId}`);
  }

  private compareParams(chain: ParamsView) {
    const { ltvCapBps, graceDays, fundShareBps, fundCapacity, fundDecisionDays } = this.model.params;
    expect(jsonOf([...chain])).to.equal(
      jsonOf([ltvCapBps, graceDays, fundShareBps, fundCapacity, fundDecisionDays]),
      "params",
    );
  }

  /** Cheap, every step: the fund has paid exactly the sum of its compensations. */
  private async checkFundPaid() {
    const fundPaid = await this.p.finance.fundPaid();
    expect(fundPaid).to.equal(this.compensatedByEvents, "fundPaid != sum of LossCompensated");
    expect(fundPaid).to.equal(this.model.fundPaid, "fundPaid differs from the model");
  }

  /** The pause and the loan count, after the actions that may change them and in every sweep. */
  private async checkCounters() {
    expect(await this.p.finance.paused()).to.equal(this.model.paused, "pause state");
    expect(await this.p.finance.loanCount()).to.equal(BigInt(this.model.loans.length), "loan count");
  }

  /**
   * Every loan and patent: one active loan per patent, holdings, pledged-no-transfer, owed amounts and
   * the defaultable time of running loans, the operator approvals ever named; the final sweep also checks
   * every loan's defaultable time and every pair of accounts for operator approval.
   */
  async sweep(final = false) {
    this.lastSweep = this.step;
    this.sweeps += 1;
    const loans = new Map<bigint, LoanView>();
    for (const loan of this.model.loans) loans.set(loan.id, await this.readLoan(loan.id));
    const holders = new Map<bigint, bigint[]>();
    for (const [id, loan] of loans) {
      this.checkLoan(id, loan);
      if (final || loan.status === LoanStatus.Disbursed) await this.checkDefaultableAt(id);
      if (!isActiveLoan(loan.status)) continue;
      for (const patentId of loan.patentIds) holders.set(patentId, [...(holders.get(patentId) ?? []), id]);
      if (loan.status === LoanStatus.Disbursed) await this.checkOwed(id);
    }
    for (const patentId of this.model.patents.keys()) {
      const patent = await this.readPatent(patentId);
      const holding = holders.get(patentId) ?? [];
      expect(holding.length, `patent ${patentId} in active loans ${holding}`).to.be.at.most(1);
      expect(patent.loanId).to.equal(holding[0] ?? 0n, `patent ${patentId}.loanId disagrees with the active loans`);
      this.comparePatent(patentId, patent);
      this.checkHolding(patentId, patent, loans.get(patent.loanId));
      if (patent.status === PatentStatus.Pledged) await this.checkTransferRefused(patentId, patent.owner!);
    }
    for (const product of this.model.products)
      this.compareProduct(product.id, await this.p.finance.getProduct(product.id));
    expect(await this.p.finance.productCount()).to.equal(BigInt(this.model.products.length), "product count");
    this.compareParams(await this.p.finance.params());
    for (const identity of this.coreRoles.keys()) await this.compareKeys(identity, await this.keysOnChain(identity));
    if (final) await this.checkRetiredKeysRefused();
    await this.checkCounters();
  }

  /** The chain's owedAt agrees with the model's interest and penalty arithmetic. */
  private async checkOwed(loanId: bigint) {
    const chain = await this.p.finance.owedAt(loanId, this.model.now);
    const model = this.model.owed(this.model.loan(loanId)!);
    expect(jsonOf([...chain])).to.equal(
      jsonOf([model.principal, model.interest, model.penalty, model.total]),
      `owed ${loanId}`,
    );
  }

  /** The chain's defaultableAt agrees with the model: maturity plus the grace period the loan took at disbursement. */
  private async checkDefaultableAt(loanId: bigint) {
    const expected = this.model.defaultableAtView(this.model.loan(loanId)!);
    expect(await this.p.finance.defaultableAt(loanId)).to.equal(expected, `loan ${loanId} defaultableAt`);
  }

  /** The owner's key cannot move a pledged patent. */
  private async checkTransferRefused(patentId: bigint, owner: string) {
    const to = this.enterprises.find((e) => e.address !== owner)!.address;
    const attempt = this.p.registry.connect(this.signerOf(owner)).transferFrom.staticCall(owner, to, patentId);
    await attempt.then(
      () => expect.fail(`pledged patent ${patentId} can be transferred by its owner`),
      (error: unknown) => expect(isRevert(error), String(error)).to.equal(true),
    );
  }

  /** SPEC section 8: a retired key can do nothing; each is refused as the key it is. */
  private async checkRetiredKeysRefused() {
    for (const signer of this.signers.filter((s) => this.model.isRetired(s.address))) {
      await this.p.finance
        .connect(signer)
        .pause.staticCall()
        .then(
          () => expect.fail(`retired key ${this.nameOf(signer.address)} can still act`),
          (error: unknown) => expect(revertReason(error)).to.equal("PledgeFinanceKeyRetired"),
        );
    }
  }

  // =====================================================================================
  // the report
  // =====================================================================================

  private reached(predicate: (history: bigint[]) => boolean) {
    return this.model.loans.filter((loan) => predicate(loan.history)).length;
  }

  exploration(): Record<string, number> {
    const closedVia = (via: bigint) => (h: bigint[]) => h.includes(via) && h.at(-1) === LoanStatus.Closed;
    return {
      "Closed via Repaid": this.reached(closedVia(LoanStatus.Repaid)),
      "Closed via Disposed": this.reached(closedVia(LoanStatus.Disposed)),
      Rejected: this.reached((h) => h.includes(LoanStatus.Rejected)),
      Withdrawn: this.reached((h) => h.includes(LoanStatus.Withdrawn)),
      "Cancelled from Approved": this.reached(
        (h) => h.includes(LoanStatus.Cancelled) && !h.includes(LoanStatus.Pledged),
      ),
      "Cancelled from Pledged": this.reached((h) => h.includes(LoanStatus.Cancelled) && h.includes(LoanStatus.Pledged)),
      Defaulted: this.reached((h) => h.includes(LoanStatus.Defaulted)),
    };
  }

  summary(elapsedMs: number): string {
    const lines = [`invariant run: seed ${SEED}, ${this.step} actions, ${(elapsedMs / 1000).toFixed(1)} s wall clock`];
    const years = Number(this.model.now - this.startTime) / Number(365n * DAY);
    lines.push(`  chain time advanced ${years.toFixed(2)} years; ${this.sweeps} full sweeps`);
    lines.push("  action                  tried  succeeded");
    for (const [name, { tried, ok }] of [...this.stats].sort(([a], [b]) => a.localeCompare(b))) {
      lines.push(`  ${name.padEnd(22)} ${String(tried).padStart(6)} ${String(ok).padStart(10)}`);
    }
    const tally = <T>(items: T[], key: (item: T) => string) =>
      Object.entries(
        items.reduce<Record<string, number>>((acc, item) => ({ ...acc, [key(item)]: (acc[key(item)] ?? 0) + 1 }), {}),
      )
        .map(([k, n]) => `${k} ${n}`)
        .join(", ");
    lines.push(
      `  loans (${this.model.loans.length}) by final state: ${tally(this.model.loans, (l) => loanStatusName(l.status))}`,
    );
    lines.push(
      `  loans that reached: ${Object.entries(this.exploration())
        .map(([k, n]) => `${k} ${n}`)
        .join(", ")}`,
    );
    const patentState = (pt: PatentModel) => Object.entries(PatentStatus).find(([, v]) => v === pt.status)![0];
    lines.push(`  patents (${this.model.patents.size}) by state: ${tally(this.allPatents(), patentState)}`);
    lines.push(`  products ${this.model.products.length}; fund paid ${this.model.fundPaid} fen`);
    const stuck = this.model.loans.filter((loan) => loan.status === LoanStatus.Pledged && !this.outlivesTerm(loan));
    lines.push(
      `  pledged loans that can no longer be disbursed (a patent expires first; their bank may cancel): ${stuck.map((l) => l.id)}`,
    );
    lines.push(`  keys rotated: ${this.rotations}`);
    lines.push(`  money paths: ${[...this.notes].map(([label, n]) => `${label} ${n}`).join(", ")}`);
    const topReverts = [...this.reverts].sort((a, b) => b[1] - a[1]).slice(0, 12);
    lines.push(`  reverts by error: ${topReverts.map(([reason, n]) => `${reason} ${n}`).join(", ")}`);
    return lines.join("\n");
  }
}

describe("Invariants", () => {
  it(`keeps the ledger's invariants over ${ACTIONS} random actions of every role (seed ${SEED})`, async function () {
    this.timeout(Math.max(600_000, ACTIONS * 200));
    const started = Date.now();
    const run = new InvariantRun(await loadFixture(deployPlatform), new Random(SEED));
    await run.start();
    for (let step = 1; step <= ACTIONS; step++) await run.runStep(step);
    await run.sweep(true);
    console.log(run.summary(Date.now() - started));
    if (ACTIONS < MIN_ACTIONS_TO_REQUIRE_EXPLORATION) return;
    for (const [state, loans] of Object.entries(run.exploration())) {
      expect(loans, `no loan reached ${state}`).to.be.greaterThan(0);
    }
  });
});
