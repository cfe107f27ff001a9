/**
 * Builds the running platform from the configuration: database (embedded unless DATABASE_URL),
 * migrations, chain, key vault, signer queues, indexer, the operator organisation, the HTTP app.
 * start/stack.ts (npm start) and the tests both use it; stop() undoes it in reverse order.
 */
import { createHmac } from "node:crypto";
import { createServer, type Server } from "node:http";
import path from "node:path";
import { Wallet } from "ethers";
import { createApp } from "./app.js";
import { checkLedgerBinding, checkSharedSecrets, LedgerMismatchError } from "./chain/binding.js";
import { Chain, DeploymentMissingError } from "./chain/chain.js";
import { readDeployment } from "./chain/deployment.js";
import { KeyVault } from "./chain/keyVault.js";
import { LedgerWriter } from "./chain/ledgerWriter.js";
import type { LocalChain } from "./chain/localChain.js";
import { SignerQueues } from "./chain/signer.js";
import type { Config } from "./config/index.js";
import { secretFromEnvOrFile } from "./config/secrets.js";
import type { AppContext } from "./context.js";
import { Database } from "./db/db.js";
import { startEmbeddedPostgres, type EmbeddedDatabase } from "./db/embedded.js";
import { migrate } from "./db/migrate.js";
import { hashPassword, LoginLimiter, Tokens } from "./http/auth.js";
import { Indexer } from "./indexer/indexer.js";
import type { Logger } from "./logger.js";
import { sendDueNotices } from "./modules/notifications/timeNotices.js";

/** Hardhat's and anvil's first development account: the deployer and operator on a local dev chain. */
export const DEV_OPERATOR_KEY = "0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80";
/**
 * How many connections may wait for the server to accept them (the kernel caps it at
 * net.core.somaxconn). Node's default, 511, overflows when a thousand clients connect at once
 * while the event loop is busy, and the kernel then resets the connections that did not fit.
 */
export const LISTEN_BACKLOG = 4096;
/**
 * How long the server keeps an idle keep-alive connection open. Node's default, 5 s, is shorter
 * than the idle timeout of a load balancer or a pooling client (AWS ALB, nginx's upstream
 * keepalive: 60 s), so the server would close a socket just as the other side sends a request on
 * it, which that side sees as a reset connection. Longer than theirs, the other side closes first.
 */
export const KEEP_ALIVE_TIMEOUT_MS = 65_000;
/**
 * Above the keep-alive timeout, as Node's documentation advises: a request's headers that begin to
 * arrive on a connection just before it would have idled out are not cut off by the shorter timer.
 */
export const HEADERS_TIMEOUT_MS = KEEP_ALIVE_TIMEOUT_MS + 5_000;

/**
 * The HTTP server for `app` listening on `port` (0: any free one), with the backlog and the
 * timeouts above: `npm start`, the tests and the benchmarks all serve the API through it.
 */
export async function listen(app: Platform["app"], port: number, host: string): Promise<Server> {
  const server = createServer({ keepAliveTimeout: KEEP_ALIVE_TIMEOUT_MS, headersTimeout: HEADERS_TIMEOUT_MS }, app);
  server.listen(port, host, LISTEN_BACKLOG);
  await new Promise<void>((resolve, reject) => server.once("listening", resolve).once("error", reject));
  return server;
}

export interface Platform {
  ctx: AppContext;
  app: ReturnType<typeof createApp>["app"];
  stop(): Promise<void>;
}

export interface PlatformOptions {
  /** npm start's embedded chain: brought forward from the block journal before indexing, which then feeds it. */
  localChain?: LocalChain;
}

export async function startPlatform(config: Config, logger: Logger, options: PlatformOptions = {}): Promise<Platform> {
  const { localChain } = options;
  const stops: (() => Promise<void>)[] = [];
  const stop = async () => {
    for (const undo of stops.reverse()) await undo().catch((error) => logger.warn("stop step failed", { error }));
  };
  try {
    let databaseUrl = config.databaseUrl;
    if (!databaseUrl) {
      const embedded: EmbeddedDatabase = await startEmbeddedPostgres({
        directory: path.join(config.dataDir, "postgres"),
        port: config.embeddedPostgresPort,
      });
      stops.push(() => embedded.stop());
      databaseUrl = embedded.url;
      logger.info("embedded PostgreSQL started", {
        port: config.embeddedPostgresPort,
        dataDir: path.join(config.dataDir, "postgres"),
      });
    }
    const db = new Database(databaseUrl, logger, config.dbPoolSize);
    stops.push(() => db.close());
    await db.announce();
    const applied = await migrate(db);
    if (applied.length) logger.info("migrations applied", { applied });
    const replayed = await localChain?.restore(db, logger);
    if (replayed) logger.warn("the local chain was brought forward from the block journal", { blocks: replayed });

    const deployment = readDeployment(config.deploymentFile);
    const chain = await Chain.connect(config.rpcUrl, deployment).catch(async (error: unknown) => {
      if (!(error instanceof DeploymentMissingError)) throw error;
      // a database that already describes a ledger: the chain lost it, so say how to start over
      const known = await db.query("select 1 from platform_meta limit 1");
      throw known.rows.length > 0 ? new LedgerMismatchError(`there is ${error.message}`) : error;
    });
    stops.push(async () => chain.destroy());
    await checkLedgerBinding(db, chain);

    const masterKey = secretFromEnvOrFile(config.masterKey, config.dataDir, "master");
    const jwtSecret = secretFromEnvOrFile(config.jwt.secret, config.dataDir, "jwt");
    await checkSharedSecrets(db, { masterKey, jwtSecret });
    const vault = new KeyVault(masterKey);
    const signer = new SignerQueues(chain, db, logger);
    const indexer = new Indexer(db, chain, logger, {
      confirmations: config.confirmations ?? (chain.isDevChain ? 0 : 12),
      pollMs: config.indexer.pollMs,
      batchBlocks: config.indexer.batchBlocks,
      startBlock: deployment.startBlock,
      journalBlocks: localChain !== undefined,
      atHead: async (client, head) => void (await sendDueNotices(client, head)),
    });
    const tokens = new Tokens(db, {
      secret: jwtSecret,
      ttlSeconds: config.jwt.ttlSeconds,
      callerCacheSeconds: config.jwt.callerCacheSeconds,
      idleSeconds: config.jwt.idleSeconds,
      issuer: config.jwt.issuer,
      audience: config.jwt.audience,
    });
    const ctx: AppContext = {
      config,
      logger,
      db,
      chain,
      vault,
      signer,
      indexer,
      ledger: new LedgerWriter(db, chain, signer, vault, indexer),
      tokens,
      // Derived from the JWT secret, which every instance shares (checkSharedSecrets).
      fingerprintSecret: createHmac("sha256", jwtSecret).update("ipledge idempotency fingerprints").digest(),
      loginLimiter: new LoginLimiter(config.loginRateLimit.max, config.loginRateLimit.windowSeconds),
    };
    await ensureOperator(ctx);
    indexer.start();
    stops.push(() => indexer.stop());
    if (localChain) {
      localChain.keepSaving(db, logger);
      stops.push(async () => localChain.stopSaving());
    }
    const { app } = createApp(ctx);
    return { ctx, app, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

/**
 * The platform operator's organisation holds the key with the operator role (DEFAULT_ADMIN_ROLE); the first start creates
 * it (with ADMIN_PRIVATE_KEY, or the dev account on a local chain) and the `admin` user.
 */
async function ensureOperator(ctx: AppContext): Promise<void> {
  const { rows } = await ctx.db.query("select id from organisations where kind = 'admin' limit 1");
  let orgId = rows[0]?.id as string | undefined;
  if (!orgId) {
    const key = ctx.config.adminPrivateKey ?? (ctx.chain.isDevChain ? DEV_OPERATOR_KEY : undefined);
    if (!key)
      throw new Error(
        "ADMIN_PRIVATE_KEY is required on first start: the operator's key with the platform's admin roles",
      );
    const wallet = new Wallet(key.startsWith("0x") ? key : `0x${key}`);
    const operatorAccount = await ctx.chain.finance.defaultAdmin();
    if (operatorAccount !== wallet.address)
      throw new Error(
        `the operator key's account ${wallet.address} is not this deployment's operator (its default admin is ${operatorAccount})`,
      );
    const address = wallet.address.toLowerCase();
    orgId = await ctx.db.withTransaction(async (client) => {
      const inserted = await client.query(
        "insert into organisations (name, kind, address) values ($1, 'admin', $2) on conflict do nothing returning id",
        ["iPledge 平台运营方", address],
      );
      if (!inserted.rows[0]) return undefined;
      await client.query(
        "insert into organisation_keys (address, org_id, state, encrypted_key) values ($1, $2, 'current', $3)",
        [address, inserted.rows[0].id, ctx.vault.seal(wallet.privateKey, address)],
      );
      return inserted.rows[0].id as string;
    });
    orgId ??= (await ctx.db.query("select id from organisations where kind = 'admin' limit 1")).rows[0].id as string;
  }
  const users = await ctx.db.query("select 1 from users u where u.org_id = $1 limit 1", [orgId]);
  if (users.rows.length === 0) {
    if (!ctx.config.adminPassword) {
      throw new Error("ADMIN_PASSWORD is required on first start: the password of the operator's first user, `admin`");
    }
    await ctx.db.query(
      "insert into users (username, password_hash, org_id) values ('admin', $1, $2) on conflict do nothing",
      [await hashPassword(ctx.config.adminPassword), orgId],
    );
  }
}
