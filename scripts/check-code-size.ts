/**
 * EIP-170: every ledger contract's runtime code must fit 24,576 bytes, compiled as deployed
 * (optimizer on, no coverage instrumentation), so it deploys on any EVM chain.
 *
 *   npx hardhat run scripts/check-code-size.ts
 */
import hre from "hardhat";

const LIMIT = 24_576;
const LEDGER = ["PledgeFinance", "PatentRegistry"];

async function main(): Promise<void> {
  await hre.run("compile", { quiet: true });
  let oversized = 0;
  for (const name of LEDGER) {
    const { deployedBytecode } = await hre.artifacts.readArtifact(name);
    const size = (deployedBytecode.length - 2) / 2;
    const verdict = size <= LIMIT ? "ok" : "OVER THE LIMIT";
    console.log(`${name}: ${size.toLocaleString("en")} bytes of ${LIMIT.toLocaleString("en")} (${verdict})`);
    if (size > LIMIT) oversized++;
  }
  if (oversized > 0) process.exitCode = 1;
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
