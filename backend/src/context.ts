/** What the HTTP modules are built from: created once in platform.ts (by npm start or a test) and passed down. */
import type { Chain } from "./chain/chain.js";
import type { KeyVault } from "./chain/keyVault.js";
import type { LedgerWriter } from "./chain/ledgerWriter.js";
import type { SignerQueues } from "./chain/signer.js";
import type { Config } from "./config/index.js";
import type { Database } from "./db/db.js";
import type { LoginLimiter, Tokens } from "./http/auth.js";
import type { Indexer } from "./indexer/indexer.js";
import type { Logger } from "./logger.js";

export interface AppContext {
  config: Config;
  logger: Logger;
  db: Database;
  chain: Chain;
  vault: KeyVault;
  signer: SignerQueues;
  indexer: Indexer;
  ledger: LedgerWriter;
  tokens: Tokens;
  loginLimiter: LoginLimiter;
  /** Keys the idempotency store's request fingerprints (http/idempotency.ts); the same on every instance. */
  fingerprintSecret: Buffer;
}
