/**
 * How a write reaches the ledger: encode the contract call, simulate it as the organisation (a
 * revert is a clear 409/422 and nothing is sent), sign it with the organisation's current key
 * (organisation_keys: rotated keys sign for the organisation's first address, its identity) through
 * that key's queue, wait for the receipt, then for the indexer to apply the block, so the caller
 * reads the resulting state from the projections.
 */
import type { Database } from "../db/db.js";
import { saveRecord, type StoredRecord } from "../domain/records.js";
import { ApiError, notFound } from "../errors.js";
import type { Indexer } from "../indexer/indexer.js";
import { INTERFACES } from "./abis.js";
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

  /** Simulates `call` as organisation `orgId` would send it: from its current signing key. */
  async simulate(orgId: string, call: Call): Promise<void> {
    await this.signer.simulate((await this.accountOf(orgId)).address, call);
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
      await this.signer.simulate(address, call);
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

  /**
   * Sends `call` signed by the key at `keyAddress` (a key of the platform's that is not, or not
   * yet, an organisation's current one: the new key accepting its rotation).
   */
  async sendWithKey(keyAddress: string, call: Call): Promise<TxRef> {
    const { rows } = await this.db.query<{ encrypted_key: Buffer | null }>(
      "select encrypted_key from organisation_keys where address = $1",
      [keyAddress.toLowerCase()],
    );
    if (!rows[0]?.encrypted_key) throw keyNotHeld(keyAddress);
    return this.confirm(await this.signer.send(this.vault.open(rows[0].encrypted_key, keyAddress), call));
  }

  /** The organisation's current signing key: its private key (opened) and address. */
  private async accountOf(orgId: string): Promise<{ key: string; address: string }> {
    const { rows } = await this.db.query<{ address: string | null; encrypted_key: Buffer | null }>(
      `select k.address, k.encrypted_key from organisations o
         left join organisation_keys k on k.org_id = o.id and k.state = 'current'
        where o.id = $1`,
      [orgId],
    );
    if (!rows[0]) throw notFound("organisation", orgId);
    const { address, encrypted_key: sealed } = rows[0];
    if (!address || !sealed) throw keyNotHeld(address ?? orgId);
    return { key: this.vault.open(sealed, address), address };
  }
}

/** The chain names a key for the organisation that the platform does not hold (rotated outside it). */
const keyNotHeld = (address: string) =>
  new ApiError(
    409,
    "SIGNING_KEY_NOT_HELD",
    "the platform does not hold this organisation's current chain key; a regulator can rotate it to a new one",
    { key: address },
  );
