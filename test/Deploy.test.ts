import { expect } from "chai";
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { JsonRpcProvider, Wallet } from "ethers";
import { PatentRegistry__factory, PledgeFinance__factory } from "../typechain-types";

/**
 * scripts/deploy.ts against a real JSON-RPC node (a `hardhat node` on a free loopback port), as an
 * operator would run it: the file it writes must describe contracts that are on that chain, bound
 * to each other, with the roles and parameters asked for.
 */
const ROOT = path.join(__dirname, "..");
const HARDHAT = path.join(ROOT, "node_modules", ".bin", "hardhat");
// Hardhat's well-known first development account: a test key, never a real one.
const DEPLOYER_KEY = "0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80";
const BANK = "0x70997970C51812dc3A010C7d01b50e0d17dc79C8";

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
    server.on("error", reject);
  });
}

function run(args: string[], env: NodeJS.ProcessEnv): Promise<{ code: number; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(HARDHAT, args, { cwd: ROOT, env: { ...process.env, ...env } });
    let output = "";
    child.stdout.on("data", (chunk) => (output += chunk));
    child.stderr.on("data", (chunk) => (output += chunk));
    child.on("close", (code) => resolve({ code: code ?? 1, output }));
  });
}

async function waitForNode(provider: JsonRpcProvider): Promise<void> {
  for (let attempt = 0; attempt < 100; attempt++) {
    try {
      await provider.getBlockNumber();
      return;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
  throw new Error("the hardhat node did not answer");
}

describe("scripts/deploy.ts on a JSON-RPC node", function () {
  this.timeout(120_000);
  let node: ChildProcess;
  let rpcUrl: string;
  let provider: JsonRpcProvider;
  let directory: string;

  before(async () => {
    const port = await freePort();
    rpcUrl = `http://127.0.0.1:${port}`;
    node = spawn(HARDHAT, ["node", "--hostname", "127.0.0.1", "--port", String(port)], { cwd: ROOT, stdio: "ignore" });
    provider = new JsonRpcProvider(rpcUrl, 31337, { staticNetwork: true, cacheTimeout: -1 });
    await waitForNode(provider);
    directory = mkdtempSync(path.join(tmpdir(), "ipledge-deploy-"));
  });

  after(() => {
    provider?.destroy();
    node?.kill("SIGTERM");
    if (directory) rmSync(directory, { recursive: true, force: true });
  });

  it("deploys, binds, grants roles and writes the deployment file", async () => {
    const { code, output } = await run(["run", "scripts/deploy.ts", "--network", "external"], {
      RPC_URL: rpcUrl,
      DEPLOYER_PRIVATE_KEY: DEPLOYER_KEY,
      DEPLOYMENTS_DIR: directory,
      GRACE_DAYS: "60",
      FUND_CAPACITY_FEN: "500000000",
      FUND_DECISION_DAYS: "45",
      ROLE_GRANTS: JSON.stringify([{ role: "bank", address: BANK }]),
    });
    expect(code, output).to.equal(0);
    const deployment = JSON.parse(readFileSync(path.join(directory, "external.json"), "utf8"));
    expect(deployment.chainId).to.equal("31337");
    expect(deployment.registryBound).to.equal(true);
    expect(deployment.startBlock).to.equal(deployment.contracts.PledgeFinance.blockNumber);

    const deployer = new Wallet(DEPLOYER_KEY, provider);
    const finance = PledgeFinance__factory.connect(deployment.contracts.PledgeFinance.address, deployer);
    const registry = PatentRegistry__factory.connect(deployment.contracts.PatentRegistry.address, deployer);
    expect(await finance.registry()).to.equal(await registry.getAddress());
    expect(await registry.finance()).to.equal(await finance.getAddress());
    expect(await finance.hasRole(await finance.BANK_ROLE(), BANK)).to.equal(true);
    expect(await finance.defaultAdmin()).to.equal(deployer.address);
    expect(await finance.params()).to.deep.equal([5_000n, 60n, 5_000n, 500_000_000n, 45n]);
    const receipt = await provider.getTransactionReceipt(deployment.contracts.PatentRegistry.txHash);
    expect(receipt?.contractAddress).to.equal(deployment.contracts.PatentRegistry.address);
  });

  for (const [label, grants, message] of [
    ["an unknown role", [{ role: "banker", address: BANK }], "role must be one of"],
    [
      "the operator granting an authority's role",
      [{ role: "ipoffice", address: BANK }],
      "the ipoffice role is granted by a regulator",
    ],
  ] as const) {
    it(`refuses ${label} before sending anything`, async () => {
      const before = await provider.getBlockNumber();
      const { code, output } = await run(["run", "scripts/deploy.ts", "--network", "external"], {
        RPC_URL: rpcUrl,
        DEPLOYER_PRIVATE_KEY: DEPLOYER_KEY,
        DEPLOYMENTS_DIR: directory,
        ROLE_GRANTS: JSON.stringify(grants),
      });
      expect(code).to.not.equal(0);
      expect(output).to.contain(message);
      expect(await provider.getBlockNumber()).to.equal(before);
    });
  }
});
