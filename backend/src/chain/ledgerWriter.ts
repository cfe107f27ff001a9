/**
 * How a write reaches the ledger: encode the contract call, simulate it as the organisation (a
 * revert is a clear 409/422 and nothing is sent), sign it with the organisation's key through its
 * queue, wait for the receipt, then for the indexer to apply the block, so the caller reads the
 * resulting state from the projections.
 */
import type { Database } from "../db/db.js";
import { saveRecord, type StoredRecord } from "../domain/records.js";
import { notFound } from "../errors.js";
import type { Indexer } from "../indexer/indexer.js";
import { INTERFACES } from "../indexer/events.js";
import type { Chain } from "./chain.js";
import type { KeyVault } from "./keyVault.js";
import type { Call, Sent, SignerQueues } from "./signer.js";

/** A call and the off-chain records whose hashes it anchors: stored only once the call would succeed. */
export interface PreparedCall extends Call {
  records?: { kind: string; record: StoredRecord }[];
}

export interface TxRef {
  txHash: string;
  blockNumber: number;
}

export class LedgerWriter {
  constructor(
    private readonly db: Database,
    private readonly chain: Chain,
    private readonly signer: SignerQueues,
    private readonly vault: KeyVault,
    private readonly indexer: Indexer,
  ) {}

  finance(method: string, args: unknown[]): Call {
    return { to: this.chain.addresses.finance, data: INTERFACES.PledgeFinance.encodeFunctionData(method, args) };
  }

  registry(method: string, args: unknown[]): Call {
    return { to: this.chain.addresses.registry, data: INTERFACES.PatentRegistry.encodeFunctionData(method, args) };
  }

  async simulate(orgAddress: string, call: Call): Promise<void> {
    await this.signer.simulate(orgAddress, call);
  }

  /**
   * Sends `prepared` as organisation `orgId` and returns once the projections include it. A
   * function is called in the organisation's turn, so what it reads cannot change under it.
   */
  async send(orgId: string, prepared: PreparedCall | (() => Promise<Call>)): Promise<TxRef> {
    if (typeof prepared === "function")
      return this.confirm(await this.signer.send((await this.accountOf(orgId)).key, prepared));
    const { records = [], ...call } = prepared;
    const { key, address } = await this.accountOf(orgId);
    if (records.length > 0) {
      await this.simulate(address, call);
      await this.db.withTransaction(async (client) => {
        for (const { kind, record } of records) await saveRecord(client, kind, record);
      });
    }
    return this.confirm(await this.signer.send(key, call));
  }

  private async confirm({ hash, receipt }: Sent): Promise<TxRef> {
    // A block with the contracts' events is recorded by hash, so the wait is for this very block.
    const { finance, registry } = this.chain.addresses;
    const ours = new Set([finance.toLowerCase(), registry.toLowerCase()]);
    const emitted = receipt.logs.some((log) => ours.has(log.address.toLowerCase()));
    await this.indexer.waitFor(receipt.blockNumber, emitted ? receipt.blockHash : undefined);
    return { txHash: hash, blockNumber: receipt.blockNumber };
  }

  private async accountOf(orgId: string): Promise<{ key: string; address: string }> {
    const { rows } = await this.db.query<{ address: string; encrypted_key: Buffer }>(
      "select address, encrypted_key from organisations where id = $1",
      [orgId],
    );
    if (!rows[0]) throw notFound("organisation", orgId);
    return { key: this.vault.open(rows[0].encrypted_key, rows[0].address), address: rows[0].address };
  }
}
