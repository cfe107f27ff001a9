/** The deployment file that scripts/deploy.ts (or the start script) writes and every instance reads. */
import { readFileSync } from "node:fs";
import { getAddress } from "ethers";
import { z } from "zod";

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
