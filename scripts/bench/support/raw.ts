/**
 * The writes' baseline: what the chain node alone does with transactions that need nothing from
 * anyone. ERC-721 mints of BaselineERC721 (the gas section's yardstick, about 50,000 gas: the same
 * order as a platform write), signed ahead by anvil's 10 funded dev accounts, then sent with
 * eth_sendRawTransaction by a fixed number of workers, each waiting for its receipt before the next.
 */
import { HDNodeWallet, JsonRpcProvider, Transaction, Wallet } from "ethers";
import { rawRpc } from "../../../backend/src/chain/chain.js";
import { BaselineERC721__factory } from "../../../typechain-types/index.js";

/** anvil's (and Hardhat's) development mnemonic: accounts 0-9 are funded with 10,000 ETH each. */
const DEV_MNEMONIC = "test test test test test test test test test test test junk";
export const DEV_ACCOUNTS = 10;

export interface RawResult {
  transactions: number;
  seconds: number;
  perSecond: number;
  /** Reverted, refused or never mined. */
  errors: number;
}

export interface RawBaseline {
  /** Signs `count` mints now; `run` then sends them and waits for every receipt. */
  prepare(count: number): Promise<{ run: (concurrency: number) => Promise<RawResult> }>;
}

export async function rawBaseline(rpcUrl: string): Promise<RawBaseline> {
  const root = HDNodeWallet.fromPhrase(DEV_MNEMONIC, undefined, "m/44'/60'/0'/0");
  const accounts = Array.from({ length: DEV_ACCOUNTS }, (_, i) => new Wallet(root.deriveChild(i).privateKey));
  const provider = new JsonRpcProvider(rpcUrl, undefined, { cacheTimeout: -1, staticNetwork: true });
  let token: string;
  try {
    const contract = await new BaselineERC721__factory(accounts[0].connect(provider)).deploy();
    await contract.waitForDeployment();
    token = await contract.getAddress();
  } finally {
    provider.destroy();
  }
  const mint = BaselineERC721__factory.createInterface();
  let nextTokenId = 1;

  return {
    async prepare(count) {
      const gasPrice = BigInt(await rawRpc<string>(rpcUrl, "eth_gasPrice", [])) * 2n;
      const nonces = await Promise.all(
        accounts.map(async (account) =>
          Number(BigInt(await rawRpc<string>(rpcUrl, "eth_getTransactionCount", [account.address, "pending"]))),
        ),
      );
      // Round-robin over the accounts, each account's in nonce order, so workers taking them in turn
      // rarely send one ahead of its predecessor.
      const signed: string[] = [];
      for (let i = 0; i < count; i++) {
        const a = i % accounts.length;
        const transaction = Transaction.from({
          type: 0,
          chainId: 31337n,
          nonce: nonces[a]++,
          gasPrice,
          gasLimit: 120_000n,
          to: token,
          data: mint.encodeFunctionData("mint", [accounts[a].address, nextTokenId++]),
        });
        signed.push(await accounts[a].signTransaction(transaction));
      }
      return { run: (concurrency) => send(rpcUrl, signed, concurrency) };
    },
  };
}

async function send(rpcUrl: string, signed: string[], concurrency: number): Promise<RawResult> {
  let next = 0;
  let errors = 0;
  const started = performance.now();
  const worker = async () => {
    while (next < signed.length) {
      const raw = signed[next++];
      try {
        const hash = await rawRpc<string>(rpcUrl, "eth_sendRawTransaction", [raw]);
        const receipt = await receiptOf(rpcUrl, hash);
        if (receipt.status !== "0x1") errors++;
      } catch {
        errors++;
      }
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  const seconds = (performance.now() - started) / 1000;
  const transactions = signed.length - errors;
  return { transactions, seconds, perSecond: transactions / seconds, errors };
}

/** Asks at once (anvil mines on arrival), then backs off from 5 ms up to 100 ms; 60 s at most. */
async function receiptOf(rpcUrl: string, hash: string): Promise<{ status: string }> {
  const deadline = Date.now() + 60_000;
  for (let delay = 5; Date.now() < deadline; delay = Math.min(delay * 2, 100)) {
    const receipt = await rawRpc<{ status: string } | null>(rpcUrl, "eth_getTransactionReceipt", [hash]);
    if (receipt) return receipt;
    await new Promise((resolve) => setTimeout(resolve, delay));
  }
  throw new Error(`${hash} not mined within 60 s`);
}
