/**
 * Gas of every state-changing function of the registry and the finance core (the inherited ERC-721
 * and AccessControl ones too), from transaction receipts on the in-process Hardhat network, set
 * against a plain OpenZeppelin ERC-721 mint.
 * Writes docs/gas.md and exits non-zero when a function is over the issue's budget.
 *
 *   npm run gas
 */
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import hre, { ethers } from "hardhat";
import { time } from "@nomicfoundation/hardhat-network-helpers";
import type { ContractTransactionResponse } from "ethers";
import {
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
} from "../test/helpers/fixtures";
import { PatentKind } from "../test/helpers/enums";
import { patentNumber } from "../test/helpers/patentNumber";

interface Measurement {
  name: string;
  patents?: number; // set for functions whose cost grows with the loan's collateral
  gas: bigint;
  budget?: number;
}

const PATENT_COUNTS = [1, 3];

/** The issue's budgets; undefined where it sets none. */
function budgetOf(name: string, patents?: number): number | undefined {
  const fn = name.split(" ")[0];
  if (fn === "registerPatent") return 150_000;
  if (fn === "applyForLoan") return patents === 1 ? 200_000 : undefined;
  if (["approveLoan", "disburse", "repay", "repayInFull"].includes(fn)) return 80_000;
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

async function main(): Promise<void> {
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

  // A function's rows together: its 1-patent and 3-patent measurements side by side.
  const names = [...new Set(measurements.map((m) => m.name))];
  const rows = measurements
    .map((m) => ({ ...m, ratio: Number(m.gas) / Number(mintGas) }))
    .sort((a, b) => names.indexOf(a.name) - names.indexOf(b.name));
  const over = rows.filter((m) => m.budget !== undefined && m.gas > BigInt(m.budget));
  const file = path.join(hre.config.paths.root, "docs", "gas.md");
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, await report(rows, over, mintGas));

  console.table(
    rows.map((m) => ({
      function: m.name,
      patents: m.patents ?? "",
      gas: Number(m.gas),
      "× mint": m.ratio.toFixed(2),
      budget: m.budget ?? "",
      within: withinBudget(m),
    })),
  );
  console.log(`wrote ${path.relative(process.cwd(), file)}`);
  if (over.length > 0) {
    const list = over.map((m) => `  ${label(m)}: ${m.gas} gas > budget ${m.budget}`).join("\n");
    throw new Error(`${over.length} function(s) over the gas budget:\n${list}`);
  }
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
  await measure(
    "transferFrom (ERC-721, to a new holder)",
    registry.connect(p.ent1).transferFrom(p.ent1.address, p.ent2.address, patentId),
  );
  const sold = await registerPatent(p);
  const seller = registry.connect(p.ent1);
  await measure("approve (ERC-721)", seller.approve(p.ent2.address, sold));
  await measure("setApprovalForAll (ERC-721)", seller.setApprovalForAll(p.ent2.address, true));
  await measure(
    "safeTransferFrom (ERC-721, to a holder)",
    seller["safeTransferFrom(address,address,uint256)"](p.ent1.address, p.ent2.address, sold),
  );
}

async function measureFinance(p: Platform, measure: Measure): Promise<void> {
  const { finance } = p;
  const bank = finance.connect(p.bank1);
  const unbound = await ethers.deployContract("PledgeFinance", [p.admin.address, DEFAULT_PARAMS]);
  const unboundRegistry = await ethers.deployContract("PatentRegistry", [await unbound.getAddress()]);
  await measure("setRegistry", unbound.setRegistry(await unboundRegistry.getAddress()));
  await measure("setParams", finance.connect(p.admin).setParams({ ...DEFAULT_PARAMS, graceDays: 60n }));
  await measure("pause", finance.connect(p.regulator).pause());
  await measure("unpause", finance.connect(p.regulator).unpause());
  await measure("grantRole", finance.connect(p.admin).grantRole(p.roles.enterprise, p.outsider.address));
  await measure("renounceRole", finance.connect(p.outsider).renounceRole(p.roles.enterprise, p.outsider.address));
  await measure("revokeRole", finance.connect(p.admin).revokeRole(p.roles.bank, p.bank2.address));
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

const label = (m: Measurement) => (m.patents === undefined ? m.name : `${m.name} [${m.patents} patents]`);
const withinBudget = (m: Measurement) => (m.budget === undefined ? "" : m.gas <= BigInt(m.budget) ? "yes" : "no");
const thousands = (n: number | bigint) => n.toLocaleString("en-US");

async function report(
  rows: (Measurement & { ratio: number })[],
  over: Measurement[],
  mintGas: bigint,
): Promise<string> {
  const compiler = hre.config.solidity.compilers[0];
  const optimizer = compiler.settings.optimizer ?? {};
  const network = hre.network.config as { hardfork?: string };
  const chainId = (await ethers.provider.getNetwork()).chainId;
  const registerRows = rows.filter((m) => m.name.startsWith("registerPatent"));
  const lines = [
    "# Gas",
    "",
    "Gas used, from transaction receipts, by every state-changing function of `PatentRegistry` and `PledgeFinance`",
    "(the inherited ERC-721 and AccessControl ones too), set against a plain OpenZeppelin ERC-721 mint",
    `(\`contracts/test/BaselineERC721.sol\`): the ratio's unit is its first mint to an owner, ${thousands(mintGas)} gas.`,
    "Functions whose cost grows with the loan's collateral are measured with 1 and with 3 patents.",
    "",
    `- Command: \`npm run gas\` (\`scripts/gas.ts\`); it exits non-zero when a function is over budget.`,
    `- Date: ${new Date().toISOString().slice(0, 10)}`,
    `- Compiler: solc ${compiler.version}, optimizer ${optimizer.enabled ? `on, ${optimizer.runs} runs` : "off"}, EVM ${compiler.settings.evmVersion ?? "default"}`,
    `- Network: in-process \`${hre.network.name}\` network (chain id ${chainId}, hardfork ${network.hardfork ?? "default"})`,
    "- Budgets are the issue's: registerPatent 150,000; applyForLoan with one patent 200,000; approveLoan, disburse,",
    "  every repay and repayInFull 80,000 (checked here at 1 and 3 patents); registerPledge and releasePledge",
    "  90,000 + 25,000 per extra patent.",
    "- disburse costs the same at any number of patents (the earliest expiry is kept at pledge). approveLoan reads",
    "  each patent's status, expiry and newest appraisals, about 8,000 gas per patent: it stays within 80,000 up to",
    "  3 patents and exceeds it from 4 (a loan may pledge up to 10).",
    "",
    "| Function | Patents | Gas | × ERC-721 mint | Budget | Within budget |",
    "| --- | ---: | ---: | ---: | ---: | --- |",
    ...rows.map(
      (m) =>
        `| ${m.name} | ${m.patents ?? ""} | ${thousands(m.gas)} | ${m.ratio.toFixed(2)} | ${m.budget === undefined ? "" : thousands(m.budget)} | ${withinBudget(m)} |`,
    ),
    "",
  ];
  if (registerRows.length === 2 && registerRows[0].gas > registerRows[1].gas) {
    lines.push(
      `registerPatent costs ${thousands(registerRows[0].gas - registerRows[1].gas)} gas more for an owner's first patent:`,
      "the owner's ERC-721 balance slot goes from zero to non-zero, as in the baseline's first mint.",
      "",
    );
  }
  if (over.length === 0) lines.push("Every function is within its budget.", "");
  else {
    lines.push("**Over budget:**", "");
    for (const m of over) lines.push(`- ${label(m)}: ${thousands(m.gas)} > ${thousands(m.budget ?? 0)}`);
    lines.push("");
  }
  return lines.join("\n");
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
