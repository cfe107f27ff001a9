/**
 * Custodial signing. Each organisation's transactions go through one queue: in this process a
 * promise chain per address, across instances a PostgreSQL advisory lock per address held while
 * the nonce is read and the transaction handed to the node, so nonces never collide. The receipt
 * is awaited outside the lock.
 *
 * The lock is a session lock on one checked-out connection, and every statement of the turn runs
 * on that connection (an idempotent request's record of the transaction, written and committed
 * before it is sent): a turn never waits on the pool for a second connection while holding one,
 * so any number of organisations can be in their turn at once whatever the pool's size.
 *
 * Before sending, the call is simulated (eth_estimateGas): a revert becomes the matching 409/422
 * and no transaction is sent. A transaction that reverts anyway (a race another writer won) is
 * replayed with eth_call on the block that mined it to name the custom error.
 */
import { Transaction, Wallet, isCallException, type TransactionReceipt } from "ethers";
import type { Database } from "../db/db.js";
import { crashPoint } from "../crashPoints.js";
import { ApiError, unavailable } from "../errors.js";
import type { Logger } from "../logger.js";
import { chainError, type Chain } from "./chain.js";
import { decodeRevert, revertToApiError } from "./revert.js";
import { noteTransactionToSend } from "./sendWatch.js";

export interface Call {
  to: string;
  data: string;
  value?: bigint;
}

/**
 * A call, or one built in the key's turn (from state no other transaction of that key can change
 * meanwhile). The turn holds a database connection: a builder reads the chain, not the database.
 */
export type CallInTurn = Call | (() => Promise<Call>);

export interface Sent {
  hash: string;
  receipt: TransactionReceipt;
}

const RECEIPT_TIMEOUT_MS = 120_000;
/** The key space of the per-address advisory locks (hashtextextended's seed). */
const SIGNER_LOCK_SPACE = 7366;

export class SignerQueues {
  private readonly tails = new Map<string, Promise<unknown>>();

  constructor(
    private readonly chain: Chain,
    private readonly db: Database,
    private readonly logger: Logger,
  ) {}

  /** Signs `call` with `privateKey`, sends it in the key's turn, and waits for its receipt. */
  async send(privateKey: string, callInTurn: CallInTurn): Promise<Sent> {
    const wallet = new Wallet(privateKey);
    let call: Call | undefined;
    const hash = await this.inTurn(wallet.address, () =>
      this.sendUnderLock(
        wallet,
        async () => (call = typeof callInTurn === "function" ? await callInTurn() : callInTurn),
      ),
    );
    crashPoint("signer-sent");
    const receipt = await this.waitForReceipt(hash);
    crashPoint("signer-mined");
    if (receipt.status !== 1) throw await this.explainFailure(wallet.address, call!, receipt);
    return { hash, receipt };
  }

  /**
   * Simulates `call` from `from` on the pending state (a transaction this key sent just before may
   * not be mined yet); throws the contract's error as an ApiError.
   */
  async simulate(from: string, call: Call): Promise<bigint> {
    try {
      return await this.chain.provider.estimateGas({ from, ...call, blockTag: "pending" });
    } catch (error) {
      throw this.toApiError(error);
    }
  }

  private inTurn<T>(address: string, work: () => Promise<T>): Promise<T> {
    const previous = this.tails.get(address) ?? Promise.resolve();
    const turn = previous.then(work, work);
    const tail = turn.catch(() => undefined);
    this.tails.set(address, tail);
    void tail.then(() => {
      if (this.tails.get(address) === tail) this.tails.delete(address);
    });
    return turn;
  }

  private sendUnderLock(wallet: Wallet, build: () => Promise<Call>): Promise<string> {
    return this.db.withSessionLock(wallet.address.toLowerCase(), SIGNER_LOCK_SPACE, async (session) => {
      const call = await build();
      const gas = await this.simulate(wallet.address, call);
      const [nonce, gasPrice] = await this.chain.call((provider) =>
        Promise.all([provider.getTransactionCount(wallet.address, "pending"), gasPriceOf(this.chain)]),
      );
      const transaction = Transaction.from({
        type: 0,
        chainId: this.chain.chainId,
        nonce,
        gasPrice,
        gasLimit: (gas * 12n) / 10n + 10_000n,
        to: call.to,
        data: call.data,
        value: call.value ?? 0n,
      });
      const raw = await wallet.signTransaction(transaction);
      await noteTransactionToSend(Transaction.from(raw).hash!, session);
      return this.chain.call(() => this.chain.provider.send("eth_sendRawTransaction", [raw]) as Promise<string>);
    });
  }

  private async waitForReceipt(hash: string): Promise<TransactionReceipt> {
    const deadline = Date.now() + RECEIPT_TIMEOUT_MS;
    for (let delay = 20; Date.now() < deadline; delay = Math.min(delay * 2, 500)) {
      const receipt = await this.chain.call((provider) => provider.getTransactionReceipt(hash));
      if (receipt) return receipt;
      await new Promise((resolve) => setTimeout(resolve, delay));
    }
    this.logger.warn("transaction not mined in time", { hash });
    throw new ApiError(504, "TRANSACTION_PENDING", `transaction ${hash} was sent but is not mined yet`, {
      txHash: hash,
    });
  }

  private async explainFailure(from: string, call: Call, receipt: TransactionReceipt): Promise<unknown> {
    try {
      await this.chain.provider.call({ from, ...call, blockTag: receipt.blockNumber });
    } catch (error) {
      return this.toApiError(error);
    }
    return new ApiError(409, "TRANSACTION_REVERTED", `transaction ${receipt.hash} reverted`, { txHash: receipt.hash });
  }

  private toApiError(error: unknown): unknown {
    if (isCallException(error)) {
      const description = decodeRevert(error.data);
      if (description) return revertToApiError(description);
      return new ApiError(409, "CONTRACT_REVERTED", "the ledger refused the transaction", { reason: error.reason });
    }
    const mapped = chainError(error);
    if (mapped instanceof ApiError) return mapped;
    this.logger.error("unexpected chain error", { error });
    return unavailable("CHAIN_UNAVAILABLE", "the ledger node did not accept the transaction; try again shortly");
  }
}

async function gasPriceOf(chain: Chain): Promise<bigint> {
  return BigInt(await chain.provider.send("eth_gasPrice", []));
}
