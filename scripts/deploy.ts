/**
 * Deploys the platform to the chosen network and writes deployments/<network>.json, the file the
 * backend and the start script read.
 *
 *   npx hardhat run scripts/deploy.ts --network <name>      (or: npm run deploy -- --network <name>)
 *
 * Environment (all optional):
 *   ADMIN_ADDRESS       the operator; the deployer when unset. When it is another account, the
 *                       deployer cannot call setRegistry or grant roles (both the operator's,
 *                       DEFAULT_ADMIN_ROLE): the contracts are deployed unbound, the file says
 *                       "registryBound": false, and the script prints the call the admin must send.
 *   ADMIN_TRANSFER_DELAY_SECONDS
 *                       how long a handover of the operator role waits (default 172800, 2 days)
 *   LTV_CAP_BPS, GRACE_DAYS, FUND_SHARE_BPS, FUND_CAPACITY_FEN, FUND_DECISION_DAYS
 *                       platform parameters (defaults 5000, 90, 5000, 0, 30)
 *   ROLE_GRANTS         organisation roles to grant, as JSON: [{"role": "bank", "address": "0x..."}]
 *   ROLE_GRANTS_FILE    the same JSON in a file; roles: enterprise, bank, and one regulator (the IP
 *                       office, appraisers, the fund and further regulators are granted by a regulator)
 *   DEPLOYMENTS_DIR     where to write <network>.json (default: deployments/)
 */
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import hre, { ethers } from "hardhat";
import {
  DEFAULT_ADMIN_TRANSFER_DELAY_SECONDS,
  DEFAULT_PARAMS,
  ORGANISATION_ROLES,
  deployPlatform,
  type OrganisationRole,
  type Params,
  type RoleGrant,
} from "../shared/deployPlatform";

function envInteger(name: string, fallback: bigint): bigint {
  const value = process.env[name];
  if (value === undefined || value === "") return fallback;
  if (!/^\d+$/.test(value)) throw new Error(`${name} must be a non-negative integer, got "${value}"`);
  return BigInt(value);
}

function paramsFromEnv(): Params {
  return {
    ltvCapBps: Number(envInteger("LTV_CAP_BPS", BigInt(DEFAULT_PARAMS.ltvCapBps))),
    graceDays: Number(envInteger("GRACE_DAYS", BigInt(DEFAULT_PARAMS.graceDays))),
    fundShareBps: Number(envInteger("FUND_SHARE_BPS", BigInt(DEFAULT_PARAMS.fundShareBps))),
    fundCapacity: envInteger("FUND_CAPACITY_FEN", DEFAULT_PARAMS.fundCapacity),
    fundDecisionDays: Number(envInteger("FUND_DECISION_DAYS", BigInt(DEFAULT_PARAMS.fundDecisionDays))),
  };
}

function roleGrantsFromEnv(): RoleGrant[] {
  const { ROLE_GRANTS: inline, ROLE_GRANTS_FILE: file } = process.env;
  if (inline && file) throw new Error("set ROLE_GRANTS or ROLE_GRANTS_FILE, not both");
  const source = file ? `ROLE_GRANTS_FILE (${file})` : "ROLE_GRANTS";
  const text = file ? readFileSync(file, "utf8") : inline;
  if (!text) return [];
  const grants: unknown = JSON.parse(text);
  if (!Array.isArray(grants)) throw new Error(`${source} must be a JSON array of {"role", "address"}`);
  return grants.map((grant: { role?: unknown; address?: unknown }, i) => {
    if (!ORGANISATION_ROLES.includes(grant?.role as OrganisationRole)) {
      throw new Error(`${source}[${i}]: role must be one of ${ORGANISATION_ROLES.join(", ")}, got ${grant?.role}`);
    }
    if (typeof grant.address !== "string" || !ethers.isAddress(grant.address)) {
      throw new Error(`${source}[${i}]: not an address: ${grant.address}`);
    }
    return { role: grant.role as OrganisationRole, address: ethers.getAddress(grant.address) };
  });
}

async function main(): Promise<void> {
  const admin = process.env.ADMIN_ADDRESS;
  if (admin && !ethers.isAddress(admin)) throw new Error(`ADMIN_ADDRESS is not an address: ${admin}`);
  const options = {
    admin: admin ? ethers.getAddress(admin) : undefined,
    adminTransferDelaySeconds: Number(
      envInteger("ADMIN_TRANSFER_DELAY_SECONDS", BigInt(DEFAULT_ADMIN_TRANSFER_DELAY_SECONDS)),
    ),
    params: paramsFromEnv(),
    roleGrants: roleGrantsFromEnv(),
  };
  const [deployer] = await ethers.getSigners();
  const { chainId } = await ethers.provider.getNetwork();
  console.log(`deploying to ${hre.network.name} (chain ${chainId}) from ${deployer.address}`);

  const deployment = await deployPlatform(deployer, options);
  const buildInfo = await hre.artifacts.getBuildInfo("contracts/PledgeFinance.sol:PledgeFinance");
  const { setRegistryCall, params, ...record } = deployment;
  const directory = process.env.DEPLOYMENTS_DIR || path.join(hre.config.paths.root, "deployments");
  const file = path.join(directory, `${hre.network.name}.json`);
  const content = {
    network: hre.network.name,
    chainId: chainId.toString(),
    ...record,
    params: { ...params, fundCapacity: params.fundCapacity.toString() },
    solc: buildInfo?.solcLongVersion ?? hre.config.solidity.compilers[0].version,
    deployedAt: new Date().toISOString(),
  };
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, JSON.stringify(content, null, 2) + "\n");

  const { PledgeFinance, PatentRegistry } = deployment.contracts;
  console.log(`PledgeFinance  ${PledgeFinance.address} (block ${PledgeFinance.blockNumber})`);
  console.log(`PatentRegistry ${PatentRegistry.address} (block ${PatentRegistry.blockNumber})`);
  for (const grant of options.roleGrants) console.log(`granted ${grant.role} to ${grant.address}`);
  console.log(`wrote ${path.relative(process.cwd(), file)}`);
  if (!deployment.registryBound) {
    console.warn(
      [
        "",
        `ACTION NEEDED: the admin ${deployment.admin} is not the deployer, so the registry is NOT bound yet.`,
        `The admin must call PledgeFinance.setRegistry(${PatentRegistry.address}), i.e. send:`,
        `  to:   ${setRegistryCall.to}`,
        `  data: ${setRegistryCall.data}`,
        "Until then nothing can be registered or pledged.",
      ].join("\n"),
    );
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
