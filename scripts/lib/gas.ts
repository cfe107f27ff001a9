/**
 * The measuring part of the gas report: every state-changing function of the registry and the
 * finance core (the inherited AccessControl ones too; owners' ERC-721 transfers and approvals are
 * refused, so none is measured), from transaction receipts on the Hardhat network it runs in, with a plain OpenZeppelin ERC-721 mint measured first as the
 * baseline. `npm run gas` (scripts/gas.ts) writes it to docs/gas.md; `npm run bench` reads it as
 * JSON (scripts/gas.ts with GAS_JSON set). Needs the Hardhat runtime: run it through `hardhat run`.
 */
import { ethers } from "hardhat";
import { time } from "@nomicfoundation/hardhat-network-helpers";
import type { ContractTransactionResponse } from "ethers";
import {
  ADMIN_TRANSFER_DELAY,
  DAY,
  DEFAULT_PARAMS,
  PRODUCT_TERMS,
  STANDARD_LOAN,
  createProduct,
  deployPlatform,
  hash,
  loanIn,
  registerPatent,
  type LoanPlan,
  type Platform,
} from "../../test/helpers/fixtures";
import { PatentKind } from "../../test/helpers/enums";
import { patentNumber } from "../../test/helpers/patentNumber";

export interface Measurement {
  name: string;
  patents?: number; // set for functions whose cost grows with the loan's collateral
  gas: bigint;
  budget?: number;
}

const PATENT_COUNTS = [1, 3];

/** The gas budgets (docs/testing.md, Gas); undefined where none is set. */
export function budgetOf(name: string, patents?: number): number | undefined {
  const fn = name.split(" ")[0];
  if (fn === "registerPatent") return 150_000;
  if (fn === "applyForLoan") return patents === 1 ? 200_000 : undefined;
  if (["approveLoan", "repay", "repayInFull"].includes(fn)) return 80_000;
  // Disbursement runs the legal-status refusal rules again: one more call and patent read each.
  if (fn === "disburse") return 85_000 + 5_000 * ((patents ?? 1) - 1);
  if (["registerPledge", "releasePledge"].includes(fn)) return 90_000 + 25_000 * ((patents ?? 1) - 1);
  return undefined;
}

/** ¥4,000,000.00 at 6% for a year: within the LTV of one patent appraised at ¥10,000,000.00. */
const planWith = (patents: number): LoanPlan => ({
  ...STANDARD_LOAN,
  patents,
  requested: 4_000_000_00n,
  amount: 4_000_000_00n,
});

export interface GasRun {
  /** In the order measured, a function's 1-patent and 3-patent rows together; ratio = gas / mintGas. */
  rows: (Measurement & { ratio: number })[];
  /** The baseline: the ERC-721's first mint to an owner. */
  mintGas: bigint;
}

/** Deploys a fresh platform on the current Hardhat network and measures every function once. */
export async function measureGas(): Promise<GasRun> {
  const measurements: Measurement[] = [];
  const measure = async (name: string, sent: Promise<ContractTransactionResponse>, patents?: number) => {
    const receipt = await (await sent).wait();
    if (!receipt) throw new Error(`${name}: no receipt`);
    measurements.push({ name, patents, gas: receipt.gasUsed, budget: budgetOf(name, patents) });
  };

  // ---- the baseline ----
  const [minter, holder] = await ethers.getSigners();
  const baseline = await ethers.deployContract("BaselineERC721");
  await measure("ERC-721 mint (first token of the owner)", baseline.connect(minter).mint(holder.address, 1));
  await measure("ERC-721 mint (owner already holds one)", baseline.connect(minter).mint(holder.address, 2));
  const mintGas = measurements[0].gas;

  const p = await deployPlatform();
  await measureRegistry(p, measure);
  await measureFinance(p, measure);
  await measureKeyRotation(p, measure);
  await measureOperatorHandover(p, measure);

  // A function's rows together: its 1-patent and 3-patent measurements side by side.
  const names = [...new Set(measurements.map((m) => m.name))];
  const rows = measurements
    .map((m) => ({ ...m, ratio: Number(m.gas) / Number(mintGas) }))
    .sort((a, b) => names.indexOf(a.name) - names.indexOf(b.name));
  return { rows, mintGas };
}

type Measure = (name: string, sent: Promise<ContractTransactionResponse>, patents?: number) => Promise<void>;

async function measureRegistry(p: Platform, measure: Measure): Promise<void> {
  const { registry } = p;
  const now = BigInt(await time.latest());
  // ent3 holds no patent yet, so its first registration also creates its ERC-721 balance.
  const register = (serial: number) => {
    const number = patentNumber(900_000 + serial);
    return registry
      .connect(p.ent3)
      .registerPatent(
        number,
        PatentKind.Invention,
        now - 365n * DAY,
        now + 15n * 365n * DAY,
        hash(`m${serial}`),
        hash(`c${serial}`),
      );
  };
  await measure("registerPatent (first patent of the owner)", register(1));
  await measure("registerPatent (owner already holds one)", register(2));

  const unverified = await registerPatent(p, { verify: false });
  await measure("verifyPatent", registry.connect(p.ipoffice).verifyPatent(unverified, now + 10n * 365n * DAY));
  const toReject = await registerPatent(p, { verify: false });
  await measure("rejectPatent", registry.connect(p.ipoffice).rejectPatent(toReject, hash("reason")));
  const toRevoke = await registerPatent(p);
  await measure("revokePatent", registry.connect(p.ipoffice).revokePatent(toRevoke, hash("reason")));
  const patentId = await registerPatent(p, { value: 0n });
  await measure(
    "updateLegalStatus",
    registry.connect(p.ipoffice).updateLegalStatus(patentId, now + 20n * 365n * DAY, true, false),
  );
  await measure(
    "recordAppraisal",
    registry.connect(p.appraiser).recordAppraisal(patentId, 5_000_000_00n, now + 365n * DAY, hash("r1")),
  );
  // Owners' ERC-721 transfers and approvals are refused: a patent changes hands as the register records it.
  await measure(
    "recordTransfer (to a new holder)",
    registry.connect(p.ipoffice).recordTransfer(patentId, p.ent2.address, hash("transfer notice")),
  );
  const sold = await registerPatent(p);
  await measure(
    "recordTransfer (to a holder)",
    registry.connect(p.ipoffice).recordTransfer(sold, p.ent2.address, hash("transfer notice")),
  );
}

/** An enterprise's key rotated, then the new key registering: the identity's extra read. */
async function measureKeyRotation(p: Platform, measure: Measure): Promise<void> {
  const { finance, registry } = p;
  const newKey = (await ethers.getSigners())[11];
  await measure("proposeKeyRotation", finance.connect(p.ent3).proposeKeyRotation(p.ent3.address, newKey.address));
  await measure("acceptKeyRotation", finance.connect(newKey).acceptKeyRotation(p.ent3.address));
  const now = BigInt(await time.latest());
  await measure(
    "registerPatent (by a rotated key; owner already holds one)",
    registry
      .connect(newKey)
      .registerPatent(patentNumber(900_100), PatentKind.Invention, now - DAY, now + 3650n * DAY, hash("m"), hash("c")),
  );
}

/** Last: afterwards the fixture's operator is another account, two days later. */
async function measureOperatorHandover(p: Platform, measure: Measure): Promise<void> {
  const { finance } = p;
  const successor = (await ethers.getSigners())[12];
  await measure("beginDefaultAdminTransfer", finance.connect(p.admin).beginDefaultAdminTransfer(successor.address));
  await measure("cancelDefaultAdminTransfer", finance.connect(p.admin).cancelDefaultAdminTransfer());
  await finance.connect(p.admin).beginDefaultAdminTransfer(successor.address);
  await time.increase(ADMIN_TRANSFER_DELAY);
  await measure("acceptDefaultAdminTransfer", finance.connect(successor).acceptDefaultAdminTransfer());
  const operator = finance.connect(successor);
  await measure("changeDefaultAdminDelay", operator.changeDefaultAdminDelay(ADMIN_TRANSFER_DELAY * 2n));
  await measure("rollbackDefaultAdminDelay", operator.rollbackDefaultAdminDelay());
}

async function measureFinance(p: Platform, measure: Measure): Promise<void> {
  const { finance } = p;
  const bank = finance.connect(p.bank1);
  const unbound = await ethers.deployContract("PledgeFinance", [p.admin.address, ADMIN_TRANSFER_DELAY, DEFAULT_PARAMS]);
  const unboundRegistry = await ethers.deployContract("PatentRegistry", [await unbound.getAddress()]);
  await measure("setRegistry", unbound.setRegistry(await unboundRegistry.getAddress()));
  await measure("setParams", finance.connect(p.admin).setParams({ ...DEFAULT_PARAMS, graceDays: 60n }));
  await measure("pause", finance.connect(p.regulator).pause());
  await measure("unpause", finance.connect(p.regulator).unpause());
  await measure("grantRole", finance.connect(p.admin).grantRole(p.roles.enterprise, p.outsider.address));
  await measure("renounceRole", finance.connect(p.outsider).renounceRole(p.roles.enterprise, p.outsider.address));
  await measure("revokeRole", finance.connect(p.admin).revokeRole(p.roles.bank, p.bank2.address));
  await measure(
    "grantRole (a regulator seats an authority)",
    finance.connect(p.regulator).grantRole(p.roles.appraiser, p.outsider.address),
  );
  await finance.connect(p.regulator).revokeRole(p.roles.appraiser, p.outsider.address);
  await measure("createProduct", bank.createProduct(PRODUCT_TERMS, hash("product")));
  await measure("setProductActive", bank.setProductActive(await finance.productCount(), false));

  for (const n of PATENT_COUNTS) {
    const plan = planWith(n);
    const productId = await createProduct(p);
    const patentIds: bigint[] = [];
    for (let i = 0; i < n; i++) patentIds.push(await registerPatent(p));
    const apply = finance
      .connect(p.ent1)
      .applyForLoan(productId, patentIds, plan.requested, plan.termDays, hash("purpose"));
    await measure("applyForLoan", apply, n);
    const loanId = await finance.loanCount();
    await measure("approveLoan", bank.approveLoan(loanId, plan.amount, plan.rateBps, plan.termDays), n);
    await measure("registerPledge", finance.connect(p.ipoffice).registerPledge(loanId, `ZY${loanId}`), n);
    await measure("disburse", bank.disburse(loanId, hash("transfer")), n);

    const withdrawn = (await loanIn(p, "Applied", plan)).loanId;
    await measure("withdrawApplication", finance.connect(p.ent1).withdrawApplication(withdrawn), n);
    const rejected = (await loanIn(p, "Applied", plan)).loanId;
    await measure("rejectApplication", bank.rejectApplication(rejected, hash("reason")), n);
    const cancelled = (await loanIn(p, "Approved", plan)).loanId;
    await measure("cancelLoan (from Approved)", bank.cancelLoan(cancelled, hash("reason")), n);
    // From Pledged the cancellation also lifts the pledge: the patents go back to Verified.
    const unpledged = (await loanIn(p, "Pledged", plan)).loanId;
    await measure("cancelLoan (from Pledged)", bank.cancelLoan(unpledged, hash("reason")), n);
    const repaid = (await loanIn(p, "Repaid", plan)).loanId;
    await measure("releasePledge (from Repaid)", finance.connect(p.ipoffice).releasePledge(repaid), n);
    const defaulted = (await loanIn(p, "DefaultedCompensated", plan)).loanId;
    await measure("dispose", bank.dispose(defaulted, p.ent2.address, 1_000_000_00n, hash("auction")), n);
    await measure("releasePledge (from Disposed)", finance.connect(p.ipoffice).releasePledge(defaulted), n);
  }

  // One loan through every kind of repayment: ¥4,000,000.00 at 6% accrues about ¥19,726 interest in 30 days.
  const loanId = (await loanIn(p, "Disbursed", planWith(1))).loanId;
  await time.increase(30n * DAY);
  await measure("repay (first repayment)", bank.repay(loanId, 1_000_000_00n, hash("r1")));
  await time.increase(30n * DAY);
  await measure("repay (later repayment)", bank.repay(loanId, 1_000_000_00n, hash("r2")));
  await time.increase(30n * DAY);
  await measure("repay (leaves interest unpaid)", bank.repay(loanId, 1_000_00n, hash("r3")));
  const { interestDue, maturityAt } = await finance.getLoan(loanId);
  if (interestDue === 0n) throw new Error("the small repayment was meant to leave interest unpaid");
  await time.increaseTo(maturityAt + 30n * DAY);
  if ((await finance.owedAt(loanId, await time.latest())).penalty === 0n) throw new Error("no penalty after maturity");
  await measure("repay (after maturity, with penalty)", bank.repay(loanId, 500_000_00n, hash("r4")));
  await time.increase(10n * DAY);
  await measure("repayInFull (after maturity, with penalty)", bank.repayInFull(loanId, hash("payoff")));

  const paidEarly = (await loanIn(p, "Disbursed", planWith(1))).loanId;
  await time.increase(180n * DAY);
  await measure("repayInFull (first repayment, before maturity)", bank.repayInFull(paidEarly, hash("payoff")));

  const defaulted = (await loanIn(p, "Disbursed", planWith(1))).loanId;
  await time.increaseTo(await finance.defaultableAt(defaulted));
  await measure("declareDefault", bank.declareDefault(defaulted));
  await measure("compensate", finance.connect(p.fund).compensate(defaulted));
}
