/**
 * The environment, read once through one zod schema. Every problem is listed at once, so a
 * misconfigured deployment fails fast with the whole list instead of one error per restart.
 */
import path from "node:path";
import { fileURLToPath } from "node:url";
import { z } from "zod";

const optionalText = z
  .string()
  .optional()
  .transform((value) => (value === undefined || value.trim() === "" ? undefined : value.trim()));

const hexKey = (name: string) =>
  optionalText.refine((value) => value === undefined || /^(0x)?[0-9a-fA-F]{64}$/.test(value), {
    message: `${name} must be 32 bytes in hex (64 hex digits)`,
  });

const EnvSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default("127.0.0.1"),
  DATA_DIR: z.string().default(".data"),
  DATABASE_URL: optionalText,
  /** Connections this instance opens for requests (the indexer and the presence connection come on top). */
  DB_POOL_SIZE: z.coerce.number().int().min(2).max(200).default(10),
  /** Port of the embedded PostgreSQL (only when DATABASE_URL is unset). */
  EMBEDDED_POSTGRES_PORT: z.coerce.number().int().min(1).max(65535).default(54329),
  RPC_URL: optionalText,
  DEPLOYMENT_FILE: optionalText,
  /** The operator's chain key (DEFAULT_ADMIN_ROLE): the platform org signs with it. */
  ADMIN_PRIVATE_KEY: hexKey("ADMIN_PRIVATE_KEY"),
  /** The first admin user's password, used once when the platform has no users. */
  ADMIN_PASSWORD: optionalText,
  JWT_SECRET: optionalText.refine((value) => value === undefined || Buffer.byteLength(value) >= 32, {
    message: "JWT_SECRET must be at least 32 bytes",
  }),
  JWT_TTL_SECONDS: z.coerce
    .number()
    .int()
    .min(60)
    .max(7 * 24 * 3600)
    .default(8 * 3600),
  JWT_ISSUER: z.string().default("ipledge"),
  JWT_AUDIENCE: z.string().default("ipledge-api"),
  /** AES-256-GCM key for the organisations' chain keys. */
  MASTER_KEY: hexKey("MASTER_KEY"),
  /** Blocks the indexer waits before it trusts a block (0 on a local dev chain). */
  CONFIRMATIONS: z.coerce.number().int().min(0).max(1000).optional(),
  INDEXER_POLL_MS: z.coerce.number().int().min(10).max(60_000).default(1000),
  INDEXER_BATCH_BLOCKS: z.coerce.number().int().min(1).max(100_000).default(2000),
  /** Wei sent to each new organisation's account on a dev chain so it can pay gas. */
  DEV_FUNDING_WEI: z
    .string()
    .regex(/^\d+$/)
    .default("100000000000000000000")
    .transform((value) => BigInt(value)),
  CALLER_CACHE_SECONDS: z.coerce.number().int().min(0).max(300).default(30),
  /** A session unused this long is refused (SESSION_IDLE); each request extends it. */
  SESSION_IDLE_SECONDS: z.coerce
    .number()
    .int()
    .min(1)
    .max(7 * 24 * 3600)
    .default(30 * 60),
  LOGIN_RATE_LIMIT: z.coerce.number().int().min(1).max(10_000).default(10),
  LOGIN_RATE_WINDOW_SECONDS: z.coerce.number().int().min(1).max(86_400).default(60),
  LOG_LEVEL: z.enum(["debug", "info", "warn", "error", "silent"]).default("info"),
  /** The web app's build, served on the same port (default: frontend/dist of this checkout). */
  WEB_DIR: optionalText,
  /** npm start: the embedded chain's port (only when RPC_URL is unset). */
  CHAIN_PORT: z.coerce.number().int().min(1).max(65535).default(8545),
  /** npm start: the demo users' password (also the first admin's when ADMIN_PASSWORD is unset). */
  IPLEDGE_DEMO_PASSWORD: z
    .string()
    .min(10, { message: "IPLEDGE_DEMO_PASSWORD has at least 10 characters" })
    .default("ipledge-demo"),
  /** npm start: seed the demo data on a fresh local dev chain. */
  SEED_DEMO: z.enum(["true", "false"]).default("true"),
});

export type Config = ReturnType<typeof loadConfig>;

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`invalid configuration:\n${problems.map((problem) => `  - ${problem}`).join("\n")}`);
  }
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env) {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`));
  }
  const value = parsed.data;
  const dataDir = path.resolve(value.DATA_DIR);
  return {
    env: value.NODE_ENV,
    port: value.PORT,
    host: value.HOST,
    dataDir,
    databaseUrl: value.DATABASE_URL,
    dbPoolSize: value.DB_POOL_SIZE,
    embeddedPostgresPort: value.EMBEDDED_POSTGRES_PORT,
    rpcUrl: value.RPC_URL ?? "http://127.0.0.1:8545",
    deploymentFile: path.resolve(value.DEPLOYMENT_FILE ?? path.join(dataDir, "deployment.json")),
    adminPrivateKey: value.ADMIN_PRIVATE_KEY,
    adminPassword: value.ADMIN_PASSWORD,
    jwt: {
      secret: value.JWT_SECRET,
      ttlSeconds: value.JWT_TTL_SECONDS,
      callerCacheSeconds: value.CALLER_CACHE_SECONDS,
      idleSeconds: value.SESSION_IDLE_SECONDS,
      issuer: value.JWT_ISSUER,
      audience: value.JWT_AUDIENCE,
    },
    masterKey: value.MASTER_KEY,
    confirmations: value.CONFIRMATIONS,
    indexer: { pollMs: value.INDEXER_POLL_MS, batchBlocks: value.INDEXER_BATCH_BLOCKS },
    devFundingWei: value.DEV_FUNDING_WEI,
    loginRateLimit: { max: value.LOGIN_RATE_LIMIT, windowSeconds: value.LOGIN_RATE_WINDOW_SECONDS },
    logLevel: value.LOG_LEVEL,
    webDir: path.resolve(value.WEB_DIR ?? fileURLToPath(new URL("../../../frontend/dist", import.meta.url))),
    start: {
      chainPort: value.CHAIN_PORT,
      demoPassword: value.IPLEDGE_DEMO_PASSWORD,
      seedDemo: value.SEED_DEMO === "true",
      embeddedChain: value.RPC_URL === undefined,
    },
  };
}
