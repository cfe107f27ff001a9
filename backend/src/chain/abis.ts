/**
 * The two contracts' ABIs, from the TypeChain bindings `npm run compile` generates: the ledger
 * writer encodes its calls with them and the indexer decodes the events.
 */
import { Interface } from "ethers";
import { PatentRegistry__factory, PledgeFinance__factory } from "../../../typechain-types/index.js";

export type Contract = "PledgeFinance" | "PatentRegistry";

export const INTERFACES: Record<Contract, Interface> = {
  PledgeFinance: new Interface(PledgeFinance__factory.abi),
  PatentRegistry: new Interface(PatentRegistry__factory.abi),
};
