/**
 * The API server: configuration -> logger -> platform (database, chain, indexer) -> HTTP.
 * SIGINT/SIGTERM stop it cleanly: stop accepting, finish requests, stop the indexer, close the
 * database (and the embedded server).
 */
import type { Server } from "node:http";
import { loadConfig } from "./config/index.js";
import { createLogger } from "./logger.js";
import { startPlatform } from "./platform.js";

async function main(): Promise<void> {
  const config = loadConfig();
  const logger = createLogger(config.logLevel);
  const platform = await startPlatform(config, logger);
  const server: Server = platform.app.listen(config.port, config.host);
  await new Promise<void>((resolve, reject) => server.once("listening", resolve).once("error", reject));
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : config.port;
  logger.info("iPledge API listening", {
    url: `http://${config.host}:${port}/api`,
    docs: `http://${config.host}:${port}/api/docs`,
  });

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info("stopping", { signal });
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await platform.stop();
    process.exit(0);
  };
  process.on("SIGINT", () => void shutdown("SIGINT"));
  process.on("SIGTERM", () => void shutdown("SIGTERM"));
}

main().catch((error: Error) => {
  process.stderr.write(`iPledge API failed to start: ${error.message}\n`);
  process.exit(1);
});
