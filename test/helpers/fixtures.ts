import { ethers } from "hardhat";
import { time } from "@nomicfoundation/hardhat-network-helpers";
import type { HardhatEthersSigner } from "@nomicfoundation/hardhat-ethers/signers";
import type { PatentRegistry, PledgeFinance } from "../../typechain-types";
import { LoanStatus, PatentKind } from "./enums";
import { KIND_DIGITS, patentNumber } from "./patentNumber";

export const DAY = 86_400n;
export const YEAR = 365n * DAY;

export const DEFAULT_PARAMS = {
  ltvCapBps: 5_000n,
  graceDays: 90n,
  fundShareBps: 5_000n,
  fundCapacity: 100_000_000_00n, // ¥100,000,000.00
  fundDecisionDays: 30n,
};

export const PRODUCT_TERMS = {
  maxAmount: 50_000_000_00n, // ¥50,000,000.00
  minRateBps: 300n,
  maxRateBps: 1_200n,
  maxTermDays: 1_095n,
  ltvBps: 5_000n,
};

/** How long a handover of the operator role waits in the fixture. */
export const ADMIN_TRANSFER_DELAY = 2n * DAY;

export const hash = (text: string) => ethers.id(text);

export type Platform = Awaited<ReturnType<typeof deployPlatform>>;

/** The two contracts bound together, and one signer per organisation (two enterprises, two banks). */
export async function deployPlatform() {
  const [admin, ent1, ent2, ent3, appraiser, ipoffice, bank1, bank2, fund, regulator, outsider] =
    await ethers.getSigners();
  const finance = (await ethers.deployContract("PledgeFinance", [
    admin.address,
    ADMIN_TRANSFER_DELAY,
    DEFAULT_PARAMS,
  ])) as unknown as PledgeFinance;
  const registry = (await ethers.deployContract("PatentRegistry", [
    await finance.getAddress(),
  ])) as unknown as PatentRegistry;
  await finance.setRegistry(await registry.getAddress());

  const roles = {
    enterprise: await finance.ENTERPRISE_ROLE(),
    appraiser: await finance.APPRAISER_ROLE(),
    ipoffice: await finance.IPOFFICE_ROLE(),
    bank: await finance.BANK_ROLE(),
    fund: await finance.FUND_ROLE(),
    regulator: await finance.REGULATOR_ROLE(),
    admin: await finance.DEFAULT_ADMIN_ROLE(),
  };
  // The operator seats the market and the first regulator; the regulator seats the authorities.
  const grants: [HardhatEthersSigner, string, HardhatEthersSigner][] = [
    [admin, roles.regulator, regulator],
    [admin, roles.enterprise, ent1],
    [admin, roles.enterprise, ent2],
    [admin, roles.enterprise, ent3],
    [admin, roles.bank, bank1],
    [admin, roles.bank, bank2],
    [regulator, roles.appraiser, appraiser],
    [regulator, roles.ipoffice, ipoffice],
    [regulator, roles.fund, fund],
  ];
  for (const [granter, role, signer] of grants) await finance.connect(granter).grantRole(role, signer.address);

  return {
    finance,
    registry,
    roles,
    admin,
    ent1,
    ent2,
    ent3,
    appraiser,
    ipoffice,
    bank1,
    bank2,
    fund,
    regulator,
    outsider,
  };
}

let serial = 0;
/** A fresh valid patent number of the given kind, unique within a test run. */
export function nextNumber(kind: bigint = PatentKind.Invention): string {
  serial += 1;
  return patentNumber(serial, KIND_DIGITS[Number(kind)]);
}

export interface PatentOptions {
  owner?: HardhatEthersSigner;
  kind?: bigint;
  value?: bigint; // appraisal in fen; 0 for none
  expiresIn?: bigint;
  feePaidFor?: bigint;
  verify?: boolean;
}

/** Registers a patent and, unless told otherwise, verifies it and records one appraisal. */
export async function registerPatent(p: Platform, options: PatentOptions = {}): Promise<bigint> {
  const owner = options.owner ?? p.ent1;
  const kind = options.kind ?? PatentKind.Invention;
  const now = BigInt(await time.latest());
  const number = nextNumber(kind);
  await p.registry
    .connect(owner)
    .registerPatent(
      number,
      kind,
      now - YEAR,
      now + (options.expiresIn ?? 15n * YEAR),
      hash(`meta ${number}`),
      hash(`cert ${number}`),
    );
  const patentId = await p.registry.patentIdOf(number);
  if (options.verify === false) return patentId;
  await p.registry.connect(p.ipoffice).verifyPatent(patentId, now + (options.feePaidFor ?? 10n * YEAR));
  const value = options.value ?? 10_000_000_00n;
  if (value > 0n)
    await p.registry.connect(p.appraiser).recordAppraisal(patentId, value, now + YEAR, hash(`report ${number}`));
  return patentId;
}

/** bank1's standard product. */
export async function createProduct(p: Platform, bank = p.bank1, terms = PRODUCT_TERMS): Promise<bigint> {
  await p.finance.connect(bank).createProduct(terms, hash("product"));
  return p.finance.productCount();
}

export interface LoanPlan {
  patents: number;
  requested: bigint;
  amount: bigint;
  rateBps: bigint;
  termDays: bigint;
}

export const STANDARD_LOAN: LoanPlan = {
  patents: 2,
  requested: 8_000_000_00n,
  amount: 8_000_000_00n,
  rateBps: 600n,
  termDays: 365n,
};

export interface LoanHandle {
  loanId: bigint;
  patentIds: bigint[];
  productId: bigint;
}

/** Applies for a loan with fresh patents of ent1 at bank1. */
export async function applyForLoan(p: Platform, plan: LoanPlan = STANDARD_LOAN): Promise<LoanHandle> {
  const productId = await createProduct(p);
  const patentIds: bigint[] = [];
  for (let i = 0; i < plan.patents; i++) patentIds.push(await registerPatent(p));
  await p.finance.connect(p.ent1).applyForLoan(productId, patentIds, plan.requested, plan.termDays, hash("purpose"));
  return { loanId: await p.finance.loanCount(), patentIds, productId };
}

/** The path through SPEC's state machine to each state, as the roles themselves would walk it. */
const PATH_TO: Record<string, bigint[]> = {
  Applied: [],
  Approved: [LoanStatus.Approved],
  Rejected: [LoanStatus.Rejected],
  Withdrawn: [LoanStatus.Withdrawn],
  Pledged: [LoanStatus.Approved, LoanStatus.Pledged],
  Cancelled: [LoanStatus.Approved, LoanStatus.Cancelled],
  Disbursed: [LoanStatus.Approved, LoanStatus.Pledged, LoanStatus.Disbursed],
  Repaid: [LoanStatus.Approved, LoanStatus.Pledged, LoanStatus.Disbursed, LoanStatus.Repaid],
  Defaulted: [LoanStatus.Approved, LoanStatus.Pledged, LoanStatus.Disbursed, LoanStatus.Defaulted],
  Disposed: [LoanStatus.Approved, LoanStatus.Pledged, LoanStatus.Disbursed, LoanStatus.Defaulted, LoanStatus.Disposed],
  Closed: [LoanStatus.Approved, LoanStatus.Pledged, LoanStatus.Disbursed, LoanStatus.Repaid, LoanStatus.Closed],
};

/** Takes a loan of `plan` to `state` (`DefaultedCompensated` stops after the fund paid). */
export async function loanIn(p: Platform, state: string, plan: LoanPlan = STANDARD_LOAN): Promise<LoanHandle> {
  const handle = await applyForLoan(p, plan);
  const steps = state === "DefaultedCompensated" ? [...PATH_TO.Defaulted, -1n] : PATH_TO[state];
  if (!steps) throw new Error(`no path to ${state}`);
  for (const step of steps) await stepTo(p, handle.loanId, step, plan);
  return handle;
}

async function stepTo(p: Platform, loanId: bigint, step: bigint, plan: LoanPlan): Promise<void> {
  const { finance } = p;
  switch (step) {
    case LoanStatus.Approved:
      await finance.connect(p.bank1).approveLoan(loanId, plan.amount, plan.rateBps, plan.termDays);
      return;
    case LoanStatus.Rejected:
      await finance.connect(p.bank1).rejectApplication(loanId, hash("reason"));
      return;
    case LoanStatus.Withdrawn:
      await finance.connect(p.ent1).withdrawApplication(loanId);
      return;
    case LoanStatus.Pledged:
      await finance.connect(p.ipoffice).registerPledge(loanId, `ZY${loanId}`);
      return;
    case LoanStatus.Cancelled:
      await finance.connect(p.bank1).cancelLoan(loanId, hash("reason"));
      return;
    case LoanStatus.Disbursed:
      await finance.connect(p.bank1).disburse(loanId, hash("transfer"));
      return;
    case LoanStatus.Repaid:
      await finance.connect(p.bank1).repayInFull(loanId, hash("payoff"));
      return;
    case LoanStatus.Defaulted:
      await time.increaseTo(await finance.defaultableAt(loanId));
      await finance.connect(p.bank1).declareDefault(loanId);
      return;
    case -1n:
      await finance.connect(p.fund).compensate(loanId);
      return;
    case LoanStatus.Disposed:
      await finance.connect(p.fund).compensate(loanId);
      await finance.connect(p.bank1).dispose(loanId, p.ent2.address, 1_000_000_00n, hash("auction"));
      return;
    case LoanStatus.Closed:
      await finance.connect(p.ipoffice).releasePledge(loanId);
      return;
  }
}
