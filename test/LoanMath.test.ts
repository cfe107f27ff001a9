import { expect } from "chai";
import { loadFixture, time } from "@nomicfoundation/hardhat-network-helpers";
import type { HardhatEthersSigner } from "@nomicfoundation/hardhat-ethers/signers";
import type { ContractTransactionResponse } from "ethers";
import { DAY, YEAR, createProduct, deployPlatform, hash, registerPatent, type Platform } from "./helpers/fixtures";
import { LoanStatus, loanStatusName, stateBits } from "./helpers/enums";
import { Random, seedFrom } from "./helpers/random";

/*
 * The money maths of SPEC section 3 ("Interest: simple, ACT/365 ..."), checked to the fen against a
 * reference model written here from the SPEC text alone (it does not use LoanMath.sol):
 *
 * - A loan of principal P fen at r bps for T days, disbursed at t0, matures at t0 + T x 86,400.
 * - At each checkpoint t (every repayment), from the previous checkpoint a, the outstanding principal
 *   accrues normal interest for the seconds of [a, min(t, maturity)], floor(P x r x s / (10^4 x 365 days)),
 *   and penalty interest at 150% of r for the seconds of [max(a, maturity), t],
 *   floor(P x r x 15,000 x s / (10^4 x 10^4 x 365 days)), each rounded down to the fen there.
 * - A repayment of 1 fen up to everything owed pays penalty, then interest, then principal; the loan
 *   is Repaid once no principal is left. A payoff pays exactly what is owed at its block.
 */

// ---- the reference model ----

const MODEL_BPS = 10_000n;
const SECONDS_PER_DAY = 86_400n;
const ACT_365 = 365n * SECONDS_PER_DAY;
const PENALTY_OF_RATE_BPS = 15_000n; // 罚息: 150% of the contract rate

const MAX_UINT96 = (1n << 96n) - 1n;
/** The largest product maxAmount the contract accepts (PledgeFinance.MAX_AMOUNT): ¥10 trillion. */
const MAX_AMOUNT = 10n ** 15n;

interface Owed {
  principal: bigint;
  interest: bigint;
  penalty: bigint;
  total: bigint;
}

interface Allocation {
  amount: bigint;
  penalty: bigint;
  interest: bigint;
  principal: bigint;
}

const minOf = (a: bigint, b: bigint) => (a < b ? a : b);
const maxOf = (a: bigint, b: bigint) => (a > b ? a : b);
const owed = (principal: bigint, interest: bigint, penalty: bigint): Owed => ({
  principal,
  interest,
  penalty,
  total: principal + interest + penalty,
});

class LoanModel {
  readonly maturityAt: bigint;
  principal: bigint;
  interest = 0n;
  penalty = 0n;
  repaid = 0n;
  accruedAt: bigint;
  status: bigint = LoanStatus.Disbursed;

  constructor(
    readonly amount: bigint,
    readonly rateBps: bigint,
    readonly termDays: bigint,
    readonly disbursedAt: bigint,
  ) {
    this.principal = amount;
    this.accruedAt = disbursedAt;
    this.maturityAt = disbursedAt + termDays * SECONDS_PER_DAY;
  }

  /** What the loan owes at `t`: the stored dues plus what accrued since the last checkpoint. */
  owedAt(t: bigint): Owed {
    if (this.status !== LoanStatus.Disbursed) return owed(this.principal, this.interest, this.penalty);
    if (t < this.accruedAt) throw new Error(`model: ${t} is before the last accrual ${this.accruedAt}`);
    const normalSeconds = maxOf(0n, minOf(t, this.maturityAt) - this.accruedAt);
    const penaltySeconds = maxOf(0n, t - maxOf(this.accruedAt, this.maturityAt));
    const interest = (this.principal * this.rateBps * normalSeconds) / (MODEL_BPS * ACT_365);
    const penalty =
      (this.principal * this.rateBps * PENALTY_OF_RATE_BPS * penaltySeconds) / (MODEL_BPS * MODEL_BPS * ACT_365);
    return owed(this.principal, this.interest + interest, this.penalty + penalty);
  }

  /** A repayment of `amount` at `t`: penalty first, then interest, then principal. */
  repay(t: bigint, amount: bigint): { paid: Allocation; remaining: Owed } {
    const due = this.owedAt(t);
    if (this.status !== LoanStatus.Disbursed || amount < 1n || amount > due.total) {
      throw new Error(`model: cannot repay ${amount} of ${due.total}`);
    }
    const penalty = minOf(amount, due.penalty);
    const interest = minOf(amount - penalty, due.interest);
    const principal = amount - penalty - interest;
    this.penalty = due.penalty - penalty;
    this.interest = due.interest - interest;
    this.principal = due.principal - principal;
    this.accruedAt = t;
    this.repaid += amount;
    if (this.principal === 0n) this.status = LoanStatus.Repaid;
    return { paid: { amount, penalty, interest, principal }, remaining: this.owedAt(t) };
  }

  /** The loan as getLoan() should show it. */
  state() {
    return {
      status: this.status,
      amount: this.amount,
      rateBps: this.rateBps,
      termDays: this.termDays,
      disbursedAt: this.disbursedAt,
      maturityAt: this.maturityAt,
      accruedAt: this.accruedAt,
      principalOutstanding: this.principal,
      interestDue: this.interest,
      penaltyDue: this.penalty,
      repaid: this.repaid,
    };
  }
}

// ---- reading the contract ----

type Loan = Awaited<ReturnType<Platform["finance"]["getLoan"]>>;

function loanState(loan: Loan) {
  return {
    status: loan.status,
    amount: loan.amount,
    rateBps: loan.rateBps,
    termDays: loan.termDays,
    disbursedAt: loan.disbursedAt,
    maturityAt: loan.maturityAt,
    accruedAt: loan.accruedAt,
    principalOutstanding: loan.principalOutstanding,
    interestDue: loan.interestDue,
    penaltyDue: loan.penaltyDue,
    repaid: loan.repaid,
  };
}

const owedOf = (o: Owed): Owed => ({
  principal: o.principal,
  interest: o.interest,
  penalty: o.penalty,
  total: o.total,
});

/** The single RepaymentRecorded event of a mined repayment, as plain values. */
async function repaymentRecorded(p: Platform, response: ContractTransactionResponse) {
  const receipt = await response.wait();
  if (!receipt) throw new Error("no receipt");
  const events = receipt.logs
    .map((log) => p.finance.interface.parseLog({ topics: [...log.topics], data: log.data }))
    .filter((parsed) => parsed?.name === "RepaymentRecorded");
  expect(events, "RepaymentRecorded events").to.have.lengthOf(1);
  const [loanId, bank, paid, remaining, status, referenceHash] = events[0]!.args;
  return {
    loanId: loanId as bigint,
    bank: bank as string,
    paid: {
      amount: paid.amount,
      penalty: paid.penalty,
      interest: paid.interest,
      principal: paid.principal,
    } as Allocation,
    remaining: owedOf(remaining as Owed),
    status: status as bigint,
    referenceHash: referenceHash as string,
  };
}

/** An application for a loan on one patent; returns the loan's id. */
async function applyFor(
  p: Platform,
  borrower: HardhatEthersSigner,
  productId: bigint,
  patentId: bigint,
  requested: bigint,
  termDays: bigint,
): Promise<bigint> {
  await p.finance.connect(borrower).applyForLoan(productId, [patentId], requested, termDays, hash("purpose"));
  return p.finance.loanCount();
}

/** The rest of the way, as fixtures.stepTo walks it: approval, pledge registration, disbursement at `disburseAt`. */
async function approveAndPledge(
  p: Platform,
  bank: HardhatEthersSigner,
  loanId: bigint,
  amount: bigint,
  rateBps: bigint,
  termDays: bigint,
): Promise<void> {
  await p.finance.connect(bank).approveLoan(loanId, amount, rateBps, termDays);
  await p.finance.connect(p.ipoffice).registerPledge(loanId, `ZY${loanId}`);
}

async function disburseAt(p: Platform, bank: HardhatEthersSigner, loanId: bigint, at: bigint): Promise<void> {
  await time.setNextBlockTimestamp(at);
  await p.finance.connect(bank).disburse(loanId, hash(`transfer ${loanId}`));
}

// ---- random cases ----

const SEED = seedFrom(20_250_601);
const BATCHES = 40;
const MAX_TERM_DAYS = 7_300n;
/** Pool patents outlive the longest loan: maturity <= expiry and fee paid through maturity. */
const POOL_PATENT_LIFE = MAX_TERM_DAYS * DAY + 30n * DAY;

interface ProductSpec {
  slots: number; // how many of a batch's loans use it
  bank: "bank1" | "bank2";
  terms: { maxAmount: bigint; minRateBps: bigint; maxRateBps: bigint; maxTermDays: bigint; ltvBps: bigint };
}

const PRODUCTS: ProductSpec[] = [
  // the widest product the contract allows
  {
    slots: 12,
    bank: "bank1",
    terms: { maxAmount: MAX_AMOUNT, minRateBps: 0n, maxRateBps: 10_000n, maxTermDays: 7_300n, ltvBps: 5_000n },
  },
  // a typical bank product: up to ¥50,000,000.00, 3%..12%, three years
  {
    slots: 5,
    bank: "bank1",
    terms: { maxAmount: 50_000_000_00n, minRateBps: 300n, maxRateBps: 1_200n, maxTermDays: 1_095n, ltvBps: 5_000n },
  },
  // one fixed rate
  {
    slots: 3,
    bank: "bank2",
    terms: { maxAmount: 10n ** 12n, minRateBps: 435n, maxRateBps: 435n, maxTermDays: 3_650n, ltvBps: 3_000n },
  },
  // interest-free
  {
    slots: 2,
    bank: "bank2",
    terms: { maxAmount: MAX_AMOUNT, minRateBps: 0n, maxRateBps: 0n, maxTermDays: 7_300n, ltvBps: 5_000n },
  },
  // very high rates
  {
    slots: 3,
    bank: "bank2",
    terms: { maxAmount: MAX_AMOUNT, minRateBps: 9_000n, maxRateBps: 10_000n, maxTermDays: 7_300n, ltvBps: 4_000n },
  },
];

/** The product of each loan of a batch. */
const SLOT_PRODUCTS = PRODUCTS.flatMap((product, i) => Array<number>(product.slots).fill(i));
const LOANS_PER_BATCH = SLOT_PRODUCTS.length; // 25: 1,000 cases in all

/**
 * One deployment, the products above, and one application per loan of a batch, each on a fresh patent
 * (verified, and appraised at the uint96 maximum, far above twice any principal a case draws). Every
 * batch starts from this snapshot and takes each application through approval with its own terms.
 */
async function poolFixture() {
  const p = await deployPlatform();
  const productIds: bigint[] = [];
  for (const product of PRODUCTS) productIds.push(await createProduct(p, p[product.bank], product.terms));
  const owners = [p.ent1, p.ent2, p.ent3];
  const loanIds: bigint[] = [];
  for (const [i, productIndex] of SLOT_PRODUCTS.entries()) {
    const owner = owners[i % owners.length];
    const { terms } = PRODUCTS[productIndex];
    const life = { expiresIn: POOL_PATENT_LIFE, feePaidFor: POOL_PATENT_LIFE };
    const patentId = await registerPatent(p, { owner, value: MAX_UINT96, ...life });
    // Approval may lower the amount and change the term: the random terms are set there.
    loanIds.push(await applyFor(p, owner, productIds[productIndex], patentId, terms.maxAmount, terms.maxTermDays));
  }
  return { p, loanIds };
}

type AmountKind =
  | "belowCharges" // less than the penalty and interest due
  | "tiny" // 1..100 fen
  | "charges" // exactly the penalty and interest due
  | "aboveCharges" // all charges and part of the principal
  | "any" // 1 fen..everything owed
  | "exactTotal" // repay(everything owed): Repaid
  | "payoff" // repayInFull: Repaid
  | "over" // more than owed: refused
  | "zero"; // nothing: refused

const AMOUNT_KINDS: readonly (readonly [AmountKind, number])[] = [
  ["belowCharges", 22],
  ["tiny", 8],
  ["charges", 8],
  ["aboveCharges", 22],
  ["any", 18],
  ["exactTotal", 4],
  ["payoff", 4],
  ["over", 7],
  ["zero", 3],
];

type Action = { kind: "repay"; amount: AmountKind } | { kind: "view" };

interface CasePlan {
  label: string;
  rng: Random;
  productIndex: number;
  amount: bigint;
  rateBps: bigint;
  termDays: bigint;
  /** Seconds after disbursement, ascending. */
  events: { offset: bigint; action: Action }[];
}

function weighted<T>(rng: Random, table: readonly (readonly [T, number])[]): T {
  const total = table.reduce((acc, [, weight]) => acc + weight, 0);
  let roll = rng.next() * total;
  for (const [item, weight] of table) {
    roll -= weight;
    if (roll < 0) return item;
  }
  return table[table.length - 1][0];
}

/** Mixes the run's seed with a case's position: a case's draws depend on nothing else. */
function caseSeed(batch: number, index: number): number {
  let h =
    Math.imul(SEED ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul(batch + 1, 0xc2b2ae35) ^ Math.imul(index + 1, 0x27d4eb2f);
  h ^= h >>> 15;
  h = Math.imul(h, 0x2c1b3c6d);
  h ^= h >>> 13;
  return h >>> 0;
}

/** 1 fen up to the product's maximum (at most MAX_AMOUNT, ¥10^13): mostly up to ¥10^10, now and then the maximum itself. */
function drawPrincipal(rng: Random, maxAmount: bigint): bigint {
  const roll = rng.next();
  if (roll < 0.01) return 1n;
  if (roll < 0.08) return rng.big(1n, 100n); // a few fen
  if (roll < 0.1) return maxAmount;
  const digits = roll < 0.2 ? rng.int(12, 14) : rng.int(0, 11); // up to ¥10^13, mostly up to ¥10^10
  return minOf(rng.big(10n ** BigInt(digits), 10n ** BigInt(digits + 1)), maxAmount);
}

function drawTermDays(rng: Random, maxTermDays: bigint): bigint {
  const roll = rng.next();
  const days = roll < 0.35 ? rng.int(1, 60) : roll < 0.8 ? rng.int(61, 1_095) : rng.int(1_096, 7_300);
  return minOf(BigInt(days), maxTermDays);
}

function planCase(batch: number, index: number): CasePlan {
  const rng = new Random(caseSeed(batch, index));
  const productIndex = SLOT_PRODUCTS[index];
  const { terms } = PRODUCTS[productIndex];
  const amount = drawPrincipal(rng, terms.maxAmount);
  const rateRoll = rng.next();
  const rateBps =
    rateRoll < 0.1
      ? terms.minRateBps
      : rateRoll < 0.2
        ? terms.maxRateBps
        : BigInt(rng.int(Number(terms.minRateBps), Number(terms.maxRateBps)));
  const termDays = drawTermDays(rng, terms.maxTermDays);

  // Repayments and owedAt checks before, at and after maturity, some close together.
  const term = termDays * SECONDS_PER_DAY;
  const lateBy = rng.pick([DAY, 30n * DAY, 400n * DAY, 3n * YEAR]);
  const repayments = rng.pick([0, 1, 1, 1, 2, 2, 2, 3, 4]);
  const views = rng.chance(0.15) ? 2 : 1;
  const offsets: bigint[] = [];
  let last = 0n;
  for (let k = 0; k < repayments + views; k++) {
    const roll = rng.next();
    let offset: bigint;
    if (roll < 0.4) offset = rng.big(1n, term);
    else if (roll < 0.5) offset = maxOf(1n, term + BigInt(rng.int(-2, 2)));
    else if (roll < 0.75) offset = term + rng.big(1n, lateBy);
    else offset = last + BigInt(rng.int(1, 3_600));
    offsets.push(offset);
    last = offset;
  }
  offsets.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const actions: Action[] = [];
  for (let k = 0; k < repayments; k++) actions.push({ kind: "repay", amount: weighted(rng, AMOUNT_KINDS) });
  for (let k = 0; k < views; k++) actions.splice(rng.int(0, actions.length), 0, { kind: "view" });
  const events = offsets.map((offset, k) => ({ offset, action: actions[k] }));
  const end = offsets.length ? offsets[offsets.length - 1] : 0n;
  const finish = rng.next();
  if (finish < 0.35) events.push({ offset: end + rng.big(1n, 30n * DAY), action: { kind: "repay", amount: "payoff" } });
  else if (finish < 0.45) {
    events.push({ offset: end + rng.big(1n, 30n * DAY), action: { kind: "repay", amount: "exactTotal" } });
  }
  return {
    label: `case ${batch}.${index}`,
    rng,
    productIndex,
    amount,
    rateBps,
    termDays,
    events,
  };
}

/** What the random cases did, so a generator change cannot silently stop testing something. */
const stats = {
  cases: 0,
  repayments: 0,
  beforeMaturity: 0,
  atMaturity: 0,
  afterMaturity: 0,
  belowInterestDue: 0,
  penaltyPaid: 0,
  principalPartlyPaid: 0,
  repaidByRepay: 0,
  payoffs: 0,
  overpayments: 0,
  zeroAmounts: 0,
  views: 0,
  viewsBeforeAccrual: 0,
  afterRepaid: 0,
  flooredToZero: 0,
  onePenny: 0,
  huge: 0,
  atProductMax: 0,
  atMaxAmount: 0,
  zeroRate: 0,
  fullRate: 0,
  overTenYears: 0,
};

interface LiveCase {
  plan: CasePlan;
  loanId: bigint;
  bank: HardhatEthersSigner;
  model: LoanModel;
  repaymentsRecorded: number;
  checkedAfterRepaid: boolean;
}

function amountFor(kind: AmountKind, due: Owed, rng: Random): bigint | "full" {
  const charges = due.penalty + due.interest;
  switch (kind) {
    case "belowCharges":
      if (charges >= 2n) return rng.big(1n, charges - 1n);
      break;
    case "tiny":
      return rng.big(1n, minOf(100n, due.total));
    case "charges":
      if (charges > 0n) return charges;
      break;
    case "aboveCharges":
      if (due.total - 1n > charges) return rng.big(charges + 1n, due.total - 1n);
      break;
    case "exactTotal":
      return due.total;
    case "payoff":
      return "full";
    case "over":
      return due.total + (rng.chance(0.5) ? 1n : rng.big(2n, 1_000n));
    case "zero":
      return 0n;
    case "any":
      break;
  }
  return rng.big(1n, due.total);
}

async function repayStep(p: Platform, c: LiveCase, kind: AmountKind, at: bigint, step: string): Promise<void> {
  const { finance } = p;
  const { model, loanId } = c;
  const due = model.owedAt(at);
  const amount = amountFor(kind, due, c.plan.rng);
  const where = `${step}: ${kind} ${amount} of ${due.total} owed at maturity${at - model.maturityAt >= 0n ? "+" : ""}${
    at - model.maturityAt
  }s`;
  const referenceHash = hash(step);
  const bank = finance.connect(c.bank);

  if (amount !== "full" && amount > due.total) {
    await expect(bank.repay(loanId, amount, referenceHash), where)
      .to.be.revertedWithCustomError(finance, "PledgeFinanceOverpayment")
      .withArgs(loanId, amount, due.total);
    stats.overpayments++;
    return;
  }
  if (amount === 0n) {
    await expect(bank.repay(loanId, amount, referenceHash), where)
      .to.be.revertedWithCustomError(finance, "PledgeFinanceAmountOutOfRange")
      .withArgs(0n, 1n, due.total);
    stats.zeroAmounts++;
    return;
  }

  const sinceCheckpoint = at - model.accruedAt;
  const event = await repaymentRecorded(
    p,
    amount === "full" ? await bank.repayInFull(loanId, referenceHash) : await bank.repay(loanId, amount, referenceHash),
  );
  const expected = model.repay(at, amount === "full" ? due.total : amount);
  expect(event, where).to.deep.equal({
    loanId,
    bank: c.bank.address,
    paid: expected.paid,
    remaining: expected.remaining,
    status: model.status,
    referenceHash,
  });
  expect(loanState(await finance.getLoan(loanId)), where).to.deep.equal(model.state());

  stats.repayments++;
  c.repaymentsRecorded++;
  if (at < model.maturityAt) stats.beforeMaturity++;
  else if (at === model.maturityAt) stats.atMaturity++;
  else stats.afterMaturity++;
  if (expected.paid.amount < due.interest + due.penalty) stats.belowInterestDue++;
  if (expected.paid.penalty > 0n) stats.penaltyPaid++;
  if (expected.paid.principal > 0n && model.status === LoanStatus.Disbursed) stats.principalPartlyPaid++;
  if (amount === "full") stats.payoffs++;
  else if (model.status === LoanStatus.Repaid) stats.repaidByRepay++;
  if (c.plan.rateBps > 0n && sinceCheckpoint > 0n && due.interest + due.penalty === 0n) stats.flooredToZero++;
}

async function viewStep(p: Platform, c: LiveCase, plannedAt: bigint, step: string): Promise<void> {
  const { model, loanId, plan } = c;
  const roll = plan.rng.next();
  if (model.status === LoanStatus.Disbursed && roll < 0.1 && model.accruedAt > model.disbursedAt) {
    const t = model.accruedAt - plan.rng.big(1n, minOf(model.accruedAt - model.disbursedAt, 10n * DAY));
    await expect(p.finance.owedAt(loanId, t), step)
      .to.be.revertedWithCustomError(p.finance, "PledgeFinanceTimeBeforeAccrual")
      .withArgs(loanId, t, model.accruedAt);
    stats.viewsBeforeAccrual++;
    return;
  }
  let t = maxOf(plannedAt, model.accruedAt);
  if (roll > 0.8) t += plan.rng.big(0n, 5n * YEAR);
  expect(owedOf(await p.finance.owedAt(loanId, t)), `${step}: owedAt(+${t - model.disbursedAt}s)`).to.deep.equal(
    model.owedAt(t),
  );
  stats.views++;
}

async function afterRepaidStep(p: Platform, c: LiveCase, at: bigint, step: string): Promise<void> {
  const bank = p.finance.connect(c.bank);
  const attempt = c.plan.rng.chance(0.5)
    ? bank.repayInFull(c.loanId, hash(step))
    : bank.repay(c.loanId, 1n, hash(step));
  await expect(attempt, step)
    .to.be.revertedWithCustomError(p.finance, "PledgeFinanceUnexpectedLoanState")
    .withArgs(c.loanId, LoanStatus.Repaid, stateBits(LoanStatus.Disbursed));
  expect(owedOf(await p.finance.owedAt(c.loanId, at)), step).to.deep.equal(owed(0n, 0n, 0n));
  stats.afterRepaid++;
}

async function runBatch(batch: number): Promise<void> {
  const { p, loanIds } = await loadFixture(poolFixture);

  // Every loan up to Pledged, then all disbursed a second apart at known times.
  const opened: { plan: CasePlan; loanId: bigint; bank: HardhatEthersSigner }[] = [];
  for (const [i, loanId] of loanIds.entries()) {
    const plan = planCase(batch, i);
    const bank = p[PRODUCTS[plan.productIndex].bank];
    await approveAndPledge(p, bank, loanId, plan.amount, plan.rateBps, plan.termDays);
    opened.push({ plan, loanId, bank });
  }
  const start = BigInt(await time.latest()) + 1n;
  const cases: LiveCase[] = [];
  for (const [i, { plan, loanId, bank }] of opened.entries()) {
    const disbursedAt = start + BigInt(i);
    await disburseAt(p, bank, loanId, disbursedAt);
    cases.push({
      plan,
      loanId,
      bank,
      model: new LoanModel(plan.amount, plan.rateBps, plan.termDays, disbursedAt),
      repaymentsRecorded: 0,
      checkedAfterRepaid: false,
    });
    stats.cases++;
    if (plan.amount === 1n) stats.onePenny++;
    if (plan.amount > 10n ** 12n) stats.huge++;
    if (plan.amount === PRODUCTS[plan.productIndex].terms.maxAmount) stats.atProductMax++;
    if (plan.amount === MAX_AMOUNT) stats.atMaxAmount++;
    if (plan.rateBps === 0n) stats.zeroRate++;
    if (plan.rateBps === 10_000n) stats.fullRate++;
    if (plan.termDays > 3_650n) stats.overTenYears++;
  }

  // All loans' events on one timeline: the loans are independent, so interleaving must not matter.
  const queue = cases.flatMap((c, i) =>
    c.plan.events.map((event, k) => ({ at: c.model.disbursedAt + event.offset, c, i, k, action: event.action })),
  );
  queue.sort((a, b) => (a.at !== b.at ? (a.at < b.at ? -1 : 1) : a.i !== b.i ? a.i - b.i : a.k - b.k));
  let now = start + BigInt(cases.length - 1);
  for (const { at: plannedAt, c, k, action } of queue) {
    const step = `${c.plan.label} (seed ${SEED}, loan ${c.loanId}, P=${c.model.amount} fen, ${c.model.rateBps} bps, ${
      c.model.termDays
    } days) event ${k}`;
    if (action.kind === "view") {
      await viewStep(p, c, plannedAt, step);
      continue;
    }
    // A repaid loan refuses further repayments: checked on half of them, once each.
    if (c.model.status !== LoanStatus.Disbursed && (c.checkedAfterRepaid || c.plan.rng.chance(0.5))) {
      c.checkedAfterRepaid = true;
      continue;
    }
    const at = plannedAt > now ? plannedAt : now + 1n;
    await time.setNextBlockTimestamp(at);
    now = at;
    if (c.model.status !== LoanStatus.Disbursed) {
      await afterRepaidStep(p, c, at, step);
      c.checkedAfterRepaid = true;
      continue;
    }
    await repayStep(p, c, action.amount, at, step);
  }

  // Loans never repaid: getLoan() was not checked yet, and their dues keep growing.
  for (const c of cases.filter((c) => c.repaymentsRecorded === 0)) {
    const step = `${c.plan.label} (seed ${SEED}, loan ${c.loanId}) at the end`;
    expect(loanState(await p.finance.getLoan(c.loanId)), step).to.deep.equal(c.model.state());
    const t = maxOf(now, c.model.accruedAt) + c.plan.rng.big(0n, 2n * YEAR);
    expect(owedOf(await p.finance.owedAt(c.loanId, t)), step).to.deep.equal(c.model.owedAt(t));
  }
}

describe(`LoanMath: ${BATCHES * LOANS_PER_BATCH} random loans against a reference model (SEED=${SEED})`, () => {
  for (let batch = 0; batch < BATCHES; batch++) {
    it(`batch ${batch}: ${LOANS_PER_BATCH} loans, repaid to the fen (SEED=${SEED})`, async () => {
      await runBatch(batch);
    });
  }

  it("exercised every kind of case", () => {
    const s = stats;
    const summary = JSON.stringify(s);
    expect(s.cases, summary).to.be.at.least(1_000);
    expect(s.repayments, summary).to.be.at.least(1_000);
    for (const key of ["beforeMaturity", "afterMaturity", "belowInterestDue", "penaltyPaid", "principalPartlyPaid"]) {
      expect(s[key as keyof typeof s], `${key}: ${summary}`).to.be.at.least(100);
    }
    for (const key of Object.keys(s)) expect(s[key as keyof typeof s], `${key}: ${summary}`).to.be.above(0);
  });
});

// ---- hand-computed cases ----

const YUAN = 100n; // fen

describe("LoanMath: hand-computed cases", () => {
  async function fixedFixture() {
    const p = await deployPlatform();
    const productId = await createProduct(p, p.bank1, PRODUCTS[0].terms);
    return { p, productId };
  }

  /** A disbursed loan of `amount` fen on a patent appraised at exactly twice that; returns its disbursement time. */
  async function disbursed(amount: bigint, rateBps: bigint, termDays: bigint) {
    const { p, productId } = await loadFixture(fixedFixture);
    const life = termDays * DAY + 30n * DAY;
    const patentId = await registerPatent(p, { value: 2n * amount, expiresIn: life, feePaidFor: life });
    const loanId = await applyFor(p, p.ent1, productId, patentId, amount, termDays);
    await approveAndPledge(p, p.bank1, loanId, amount, rateBps, termDays);
    const t0 = BigInt(await time.latest()) + 10n;
    await disburseAt(p, p.bank1, loanId, t0);
    const loan = await p.finance.getLoan(loanId);
    expect([loan.disbursedAt, loan.maturityAt]).to.deep.equal([t0, t0 + termDays * DAY]);
    return { p, loanId, t0, maturity: t0 + termDays * DAY };
  }

  async function repayAt(p: Platform, loanId: bigint, at: bigint, amount: bigint | "full") {
    await time.setNextBlockTimestamp(at);
    const bank = p.finance.connect(p.bank1);
    const response =
      amount === "full" ? await bank.repayInFull(loanId, hash("r")) : await bank.repay(loanId, amount, hash("r"));
    const event = await repaymentRecorded(p, response);
    return { paid: event.paid, remaining: event.remaining, status: event.status };
  }

  const paid = (amount: bigint, penalty: bigint, interest: bigint, principal: bigint) => ({
    amount,
    penalty,
    interest,
    principal,
  });

  it("¥1,000,000.00 at 600 bps for 365 days earns exactly ¥60,000.00", async () => {
    const { p, loanId, t0, maturity } = await disbursed(1_000_000n * YUAN, 600n, 365n);
    expect(owedOf(await p.finance.owedAt(loanId, t0 + YEAR / 2n))).to.deep.equal(
      owed(1_000_000n * YUAN, 30_000n * YUAN, 0n),
    );
    expect(owedOf(await p.finance.owedAt(loanId, maturity))).to.deep.equal(owed(1_000_000n * YUAN, 60_000n * YUAN, 0n));
    expect(await repayAt(p, loanId, maturity, "full")).to.deep.equal({
      paid: paid(1_060_000n * YUAN, 0n, 60_000n * YUAN, 1_000_000n * YUAN),
      remaining: owed(0n, 0n, 0n),
      status: LoanStatus.Repaid,
    });
    const loan = await p.finance.getLoan(loanId);
    expect([loan.repaid, loan.principalOutstanding, loan.interestDue, loan.penaltyDue]).to.deep.equal([
      1_060_000n * YUAN,
      0n,
      0n,
      0n,
    ]);
  });

  it("30 days late adds penalty at 150% of the rate: 9% x 30/365 of ¥1,000,000.00 = ¥7,397.26", async () => {
    const { p, loanId, maturity } = await disbursed(1_000_000n * YUAN, 600n, 365n);
    // Interest stops at maturity: one day later there is penalty only (9% / 365 of the principal, ¥246.57).
    expect(owedOf(await p.finance.owedAt(loanId, maturity + DAY))).to.deep.equal(
      owed(1_000_000n * YUAN, 60_000n * YUAN, 24_657n),
    );
    expect(await repayAt(p, loanId, maturity + 30n * DAY, "full")).to.deep.equal({
      paid: paid(106_739_726n, 739_726n, 60_000n * YUAN, 1_000_000n * YUAN),
      remaining: owed(0n, 0n, 0n),
      status: LoanStatus.Repaid,
    });
  });

  it("pays penalty first, then interest, then principal", async () => {
    const { p, loanId, maturity } = await disbursed(1_000_000n * YUAN, 600n, 365n);
    const late = maturity + 30n * DAY;
    expect(await repayAt(p, loanId, late, 5_000n * YUAN)).to.deep.equal({
      paid: paid(5_000n * YUAN, 5_000n * YUAN, 0n, 0n),
      remaining: owed(1_000_000n * YUAN, 60_000n * YUAN, 239_726n),
      status: LoanStatus.Disbursed,
    });
    // One more second of penalty on ¥1,000,000.00 is 0.29 fen: nothing.
    expect(await repayAt(p, loanId, late + 1n, 70_000n * YUAN)).to.deep.equal({
      paid: paid(70_000n * YUAN, 239_726n, 60_000n * YUAN, 760_274n),
      remaining: owed(99_239_726n, 0n, 0n),
      status: LoanStatus.Disbursed,
    });
    // A day later: 9% / 365 of the ¥992,397.26 left is ¥244.70.
    expect(await repayAt(p, loanId, late + 1n + DAY, "full")).to.deep.equal({
      paid: paid(99_239_726n + 24_470n, 24_470n, 0n, 99_239_726n),
      remaining: owed(0n, 0n, 0n),
      status: LoanStatus.Repaid,
    });
    expect((await p.finance.getLoan(loanId)).repaid).to.equal(5_000n * YUAN + 70_000n * YUAN + 99_239_726n + 24_470n);
  });

  it("rounds down to the fen at every repayment", async () => {
    const { p, loanId, t0, maturity } = await disbursed(1_000_000n * YUAN, 600n, 365n);
    // Day 100: ¥16,438.356... due, ¥16,438.35 computed; ¥10,000.00 pays interest only.
    expect(await repayAt(p, loanId, t0 + 100n * DAY, 10_000n * YUAN)).to.deep.equal({
      paid: paid(10_000n * YUAN, 0n, 10_000n * YUAN, 0n),
      remaining: owed(1_000_000n * YUAN, 1_643_835n - 1_000_000n, 0n),
      status: LoanStatus.Disbursed,
    });
    // Days 100..365: ¥43,561.643... computed as ¥43,561.64, so the year costs ¥59,999.99, a fen under ¥60,000.00.
    expect(await repayAt(p, loanId, maturity, "full")).to.deep.equal({
      paid: paid(104_999_999n, 0n, 643_835n + 4_356_164n, 1_000_000n * YUAN),
      remaining: owed(0n, 0n, 0n),
      status: LoanStatus.Repaid,
    });
  });

  it("1 fen: 6% for a year rounds to nothing; 100% for 7,300 days is 20 fen, a year late 1.5 fen is 1", async () => {
    const small = await disbursed(1n, 600n, 365n);
    expect(owedOf(await small.p.finance.owedAt(small.loanId, small.maturity))).to.deep.equal(owed(1n, 0n, 0n));
    const { p, loanId, maturity } = await disbursed(1n, 10_000n, 7_300n);
    expect(owedOf(await p.finance.owedAt(loanId, maturity))).to.deep.equal(owed(1n, 20n, 0n));
    expect(await repayAt(p, loanId, maturity + YEAR, "full")).to.deep.equal({
      paid: paid(22n, 1n, 20n, 1n),
      remaining: owed(0n, 0n, 0n),
      status: LoanStatus.Repaid,
    });
  });

  it("¥1,000,000.00 at 100% for 7,300 days owes 20 times the principal, a year late 150% more", async () => {
    const { p, loanId, maturity } = await disbursed(1_000_000n * YUAN, 10_000n, 7_300n);
    expect(owedOf(await p.finance.owedAt(loanId, maturity + YEAR))).to.deep.equal(
      owed(1_000_000n * YUAN, 20_000_000n * YUAN, 1_500_000n * YUAN),
    );
    expect(await repayAt(p, loanId, maturity + YEAR, 1_500_001n * YUAN)).to.deep.equal({
      paid: paid(1_500_001n * YUAN, 1_500_000n * YUAN, 1n * YUAN, 0n),
      remaining: owed(1_000_000n * YUAN, 19_999_999n * YUAN, 0n),
      status: LoanStatus.Disbursed,
    });
  });

  it("the largest loan (MAX_AMOUNT, ¥10^13) at 100% for 7,300 days: 20 times it by maturity, 150% a year after", async () => {
    const { p, loanId, maturity } = await disbursed(MAX_AMOUNT, 10_000n, 7_300n);
    expect(await p.finance.MAX_AMOUNT()).to.equal(MAX_AMOUNT);
    const terms = { ...PRODUCTS[0].terms, maxAmount: MAX_AMOUNT + 1n };
    await expect(p.finance.connect(p.bank1).createProduct(terms, hash("too large")))
      .to.be.revertedWithCustomError(p.finance, "PledgeFinanceInvalidProduct")
      .withArgs(Object.values(terms));
    // Fifty years late it owes 96 times the principal: far inside uint96, so no loan is stuck by an overflow.
    expect(owedOf(await p.finance.owedAt(loanId, maturity + 50n * YEAR))).to.deep.equal(
      owed(MAX_AMOUNT, 20n * MAX_AMOUNT, 75n * MAX_AMOUNT),
    );
    expect(await repayAt(p, loanId, maturity + YEAR, "full")).to.deep.equal({
      paid: paid(225n * (MAX_AMOUNT / 10n), 15n * (MAX_AMOUNT / 10n), 20n * MAX_AMOUNT, MAX_AMOUNT),
      remaining: owed(0n, 0n, 0n),
      status: LoanStatus.Repaid,
    });
  });

  it("an interest-free loan owes only its principal, even late", async () => {
    const { p, loanId, maturity } = await disbursed(123_456_789n, 0n, 30n);
    expect(owedOf(await p.finance.owedAt(loanId, maturity + 5n * YEAR))).to.deep.equal(owed(123_456_789n, 0n, 0n));
    expect(await repayAt(p, loanId, maturity + YEAR, "full")).to.deep.equal({
      paid: paid(123_456_789n, 0n, 0n, 123_456_789n),
      remaining: owed(0n, 0n, 0n),
      status: LoanStatus.Repaid,
    });
  });

  it("a repayment of exactly everything owed makes the loan Repaid; then nothing more is taken", async () => {
    const { p, loanId, t0 } = await disbursed(1_000_000n * YUAN, 600n, 365n);
    // 73 days are a fifth of the year: ¥12,000.00.
    expect(await repayAt(p, loanId, t0 + 73n * DAY, 1_012_000n * YUAN)).to.deep.equal({
      paid: paid(1_012_000n * YUAN, 0n, 12_000n * YUAN, 1_000_000n * YUAN),
      remaining: owed(0n, 0n, 0n),
      status: LoanStatus.Repaid,
    });
    expect(loanStatusName((await p.finance.getLoan(loanId)).status)).to.equal("Repaid");
    expect(owedOf(await p.finance.owedAt(loanId, t0 + 2n * YEAR))).to.deep.equal(owed(0n, 0n, 0n));
    await expect(p.finance.connect(p.bank1).repay(loanId, 1n, hash("r")))
      .to.be.revertedWithCustomError(p.finance, "PledgeFinanceUnexpectedLoanState")
      .withArgs(loanId, LoanStatus.Repaid, stateBits(LoanStatus.Disbursed));
  });

  it("refuses nothing and more than is owed, naming what is owed at that block", async () => {
    const { p, loanId, t0 } = await disbursed(1_000_000n * YUAN, 600n, 365n);
    const bank = p.finance.connect(p.bank1);
    const owedThen = 1_000_000n * YUAN + 12_000n * YUAN;
    await time.setNextBlockTimestamp(t0 + 73n * DAY);
    await expect(bank.repay(loanId, owedThen + 1n, hash("r")))
      .to.be.revertedWithCustomError(p.finance, "PledgeFinanceOverpayment")
      .withArgs(loanId, owedThen + 1n, owedThen);
    // Nothing was recorded: a day later the 74 days' interest is ¥12,164.383..., computed as ¥12,164.38.
    await time.setNextBlockTimestamp(t0 + 74n * DAY);
    await expect(bank.repay(loanId, 0n, hash("r")))
      .to.be.revertedWithCustomError(p.finance, "PledgeFinanceAmountOutOfRange")
      .withArgs(0n, 1n, 1_000_000n * YUAN + 1_216_438n);
  });

  it("owedAt cannot look before the last repayment", async () => {
    const { p, loanId, t0 } = await disbursed(1_000_000n * YUAN, 600n, 365n);
    await expect(p.finance.owedAt(loanId, t0 - 1n))
      .to.be.revertedWithCustomError(p.finance, "PledgeFinanceTimeBeforeAccrual")
      .withArgs(loanId, t0 - 1n, t0);
    await repayAt(p, loanId, t0 + DAY, 1n);
    await expect(p.finance.owedAt(loanId, t0 + DAY - 1n))
      .to.be.revertedWithCustomError(p.finance, "PledgeFinanceTimeBeforeAccrual")
      .withArgs(loanId, t0 + DAY - 1n, t0 + DAY);
    // ¥164.38 of interest for the day, 1 fen of it paid.
    expect(owedOf(await p.finance.owedAt(loanId, t0 + DAY))).to.deep.equal(owed(1_000_000n * YUAN, 16_437n, 0n));
  });
});
