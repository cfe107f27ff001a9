/**
 * Section 1, gas: every state-changing function next to OpenZeppelin's ERC-721 mint measured in
 * the same run. The measuring is `npm run gas`'s own (scripts/lib/gas.ts); it needs the Hardhat
 * runtime, so it runs as `hardhat run scripts/gas.ts` in a child process that hands the figures
 * back as JSON (GAS_JSON) and leaves docs/gas.md alone.
 */
import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { Figure, Section } from "../section.js";

const ROOT = fileURLToPath(new URL("../../..", import.meta.url));

interface GasJson {
  mintGas: number;
  rows: { name: string; patents?: number; gas: number; budget?: number; ratio: number }[];
}

export const gas: Section = async ({ progress, workDir }) => {
  const file = path.join(workDir, "gas.json");
  progress("hardhat run scripts/gas.ts (in-process Hardhat network)");
  await run("npx", ["hardhat", "run", "scripts/gas.ts"], { ...process.env, GAS_JSON: file });
  const { mintGas, rows } = JSON.parse(readFileSync(file, "utf8")) as GasJson;
  const baseline = { name: "ERC-721 mint, first token of the owner", value: mintGas };
  const figures: Figure[] = rows.map((row) => ({
    name: row.patents === undefined ? row.name : `${row.name} [${row.patents} patent${row.patents === 1 ? "" : "s"}]`,
    value: row.gas,
    unit: "gas",
    baseline,
    ratio: row.ratio,
    ...(row.budget === undefined
      ? {}
      : { target: { text: `≤ ${row.budget.toLocaleString("en-US")} gas (budget)`, met: row.gas <= row.budget } }),
  }));
  const over = figures.filter((figure) => figure.target && !figure.target.met);
  progress(`${rows.length} measurements; ERC-721 mint ${mintGas} gas; ${over.length} over budget`);
  return {
    id: "gas",
    title: "Gas",
    figures,
    notes: [
      "Gas used from transaction receipts on the in-process Hardhat network, by the same code as `npm run gas` " +
        "(`scripts/lib/gas.ts`; its report with the compiler settings is [`gas.md`](gas.md)). The baseline is a plain " +
        "OpenZeppelin ERC-721 (`contracts/test/BaselineERC721.sol`) minted in the same run; ratio = gas ÷ that mint.",
      "Functions whose cost grows with the loan's collateral are measured with 1 and with 3 patents. Targets are the " +
        "gas budgets in docs/testing.md (Gas); functions without a budget have none.",
      ...(over.length === 0
        ? ["Every budgeted function is within its budget."]
        : [`Over budget: ${over.map((figure) => figure.name).join(", ")}.`]),
    ],
  };
};

function run(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: ROOT, env, stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    const keep = (chunk: Buffer) => (output = (output + chunk.toString()).slice(-8000));
    child.stdout.on("data", keep);
    child.stderr.on("data", keep);
    child.once("error", reject);
    child.once("exit", (code, signal) =>
      code === 0
        ? resolve()
        : reject(new Error(`${command} ${args.join(" ")} exited with ${signal ?? code}:\n${output.trim()}`)),
    );
  });
}
