import { subtask } from "hardhat/config";
import { TASK_COMPILE_SOLIDITY_GET_SOLC_BUILD } from "hardhat/builtin-tasks/task-names";
import type { HardhatUserConfig } from "hardhat/config";
import "@nomicfoundation/hardhat-toolbox";

/** The compiler is the `solc` npm package at exactly this version: no download, ever. */
const SOLC_VERSION = "0.8.28";

subtask(TASK_COMPILE_SOLIDITY_GET_SOLC_BUILD, async (args: { solcVersion: string }, _hre, runSuper) => {
  if (args.solcVersion !== SOLC_VERSION) return runSuper();
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const solc = require("solc") as { version(): string };
  return {
    compilerPath: require.resolve("solc/soljson.js"),
    isSolcJs: true,
    version: SOLC_VERSION,
    longVersion: solc.version(),
  };
});

/** Extra networks come from the environment, so one deploy script serves every chain. */
function externalNetworks(): HardhatUserConfig["networks"] {
  const url = process.env.RPC_URL;
  if (!url) return {};
  const accounts = process.env.DEPLOYER_PRIVATE_KEY ? [process.env.DEPLOYER_PRIVATE_KEY] : "remote";
  return { external: { url, accounts } };
}

const config: HardhatUserConfig = {
  solidity: {
    version: SOLC_VERSION,
    settings: {
      optimizer: { enabled: true, runs: 200 },
      evmVersion: "cancun", // OpenZeppelin 5.x uses MCOPY; Besu and Geth run Cancun,
    },
  },
  networks: {
    hardhat: {},
    localhost: { url: "http://127.0.0.1:8545" },
    ...externalNetworks(),
  },
  gasReporter: {
    enabled: process.env.REPORT_GAS === "1",
    offline: true,
    currency: "CNY",
  },
  mocha: {
    timeout: 600_000,
  },
};

export default config;
