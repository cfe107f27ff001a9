/** The deployment file that scripts/deploy.ts (or the start script) writes and every instance reads. */
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { getAddress } from "ethers";
import { z } from "zod";
import type { PlatformDeployment } from "../../../shared/deployPlatform.js";

const DeployedContract = z.object({
  address: z.string().transform((value) => getAddress(value)),
  blockNumber: z.number().int().nonnegative(),
  txHash: z.string(),
});

const DeploymentSchema = z.object({
  chainId: z.union([z.string(), z.number()]).transform((value) => BigInt(value)),
  startBlock: z.number().int().nonnegative(),
  admin: z.string().optional(),
  contracts: z.object({ PledgeFinance: DeployedContract, PatentRegistry: DeployedContract }),
});

export type Deployment = z.infer<typeof DeploymentSchema>;

export function readDeployment(file: string): Deployment {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch {
    throw new Error(
      `no deployment file at ${file}: deploy the contracts first (npm run deploy) or set DEPLOYMENT_FILE`,
    );
  }
  const parsed = DeploymentSchema.safeParse(JSON.parse(text));
  if (!parsed.success) throw new Error(`deployment file ${file} is invalid: ${parsed.error.message}`);
  return parsed.data;
}

/** Writes the deployment file of contracts deployed on a local chain (npm start, the tests, the bench). */
export function writeDeployment(
  file: string,
  chainId: bigint,
  { startBlock, admin, contracts }: Pick<PlatformDeployment, "startBlock" | "admin" | "contracts">,
): void {
  mkdirSync(path.dirname(file), { recursive: true });
  const record = { network: "local", chainId: chainId.toString(), startBlock, admin, contracts };
  writeFileSync(file, `${JSON.stringify(record, null, 2)}\n`);
}
