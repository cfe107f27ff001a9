/**
 * Gas of every state-changing function of the registry and the finance core (the inherited
 * AccessControl ones too), from transaction receipts on the in-process Hardhat network, set
 * against a plain OpenZeppelin ERC-721 mint (the measuring itself: scripts/lib/gas.ts).
 * Writes docs/gas.md and exits non-zero when a function is over its budget (docs/testing.md, Gas).
 *
 *   npm run gas
 *
 * With GAS_JSON=<file> it writes the measurements there as JSON instead (for `npm run bench`),
 * leaves docs/gas.md alone and leaves the budgets to the caller.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import hre, { ethers } from "hardhat";
import { measureGas, type Measurement } from "./lib/gas";

async function main(): Promise<void> {
  const { rows, mintGas } = await measureGas();
  const json = process.env.GAS_JSON;
  if (json) {
    const gas = (n: bigint) => Number(n);
    const data = { mintGas: gas(mintGas), rows: rows.map((m) => ({ ...m, gas: gas(m.gas) })) };
    writeFileSync(json, `${JSON.stringify(data, null, 2)}\n`);
    console.log(`wrote ${json}`);
    return;
  }
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
    "(the inherited AccessControl ones too; owners' ERC-721 transfers and approvals are refused), set against a plain OpenZeppelin ERC-721 mint",
    `(\`contracts/test/BaselineERC721.sol\`): the ratio's unit is its first mint to an owner, ${thousands(mintGas)} gas.`,
    "Functions whose cost grows with the loan's collateral are measured with 1 and with 3 patents.",
    "",
    `- Command: \`npm run gas\` (\`scripts/gas.ts\`); it exits non-zero when a function is over budget.`,
    `- Date: ${new Date().toISOString().slice(0, 10)}`,
    `- Compiler: solc ${compiler.version}, optimizer ${optimizer.enabled ? `on, ${optimizer.runs} runs` : "off"}, EVM ${compiler.settings.evmVersion ?? "default"}`,
    `- Network: in-process \`${hre.network.name}\` network (chain id ${chainId}, hardfork ${network.hardfork ?? "default"})`,
    "- Budgets (docs/testing.md, Gas): registerPatent 150,000; applyForLoan with one patent 200,000; approveLoan,",
    "  every repay and repayInFull 80,000 (checked here at 1 and 3 patents); registerPledge and releasePledge",
    "  90,000 + 25,000 per extra patent; disburse 85,000 + 5,000 per extra patent (it was 80,000 until disbursement",
    "  ran the legal-status refusal rules again: a call into the registry and one read per patent).",
    "- disburse keeps the earliest expiry found at pledge, so only the legal status is read per patent. approveLoan reads",
    "  each patent's status, expiry and newest appraisals, about 8,000 gas per patent: it stays within 80,000 up to",
    "  3 patents and exceeds it from 4 (a loan may pledge up to 10). Of a patent's appraisals only the 8 newest are",
    "  read (PatentRegistry.APPRAISAL_WINDOW): each expired one among them adds one storage read, about 2,100 gas, and",
    "  no more however many were recorded (test/PatentRegistry.test.ts: the same gas at 8 and at 1,000).",
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
