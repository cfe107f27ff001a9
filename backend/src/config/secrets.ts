/**
 * Secrets that may come from the environment or, when unset, are generated once and kept in the
 * data folder (mode 0600), so a restart keeps tokens valid and keys readable.
 */
import { randomBytes } from "node:crypto";
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

export function secretFromEnvOrFile(value: string | undefined, dataDir: string, name: string): Buffer {
  if (value !== undefined) return /^(0x)?[0-9a-fA-F]{64}$/.test(value) ? hex(value) : Buffer.from(value, "utf8");
  const directory = path.join(dataDir, "secrets");
  const file = path.join(directory, `${name}.key`);
  if (existsSync(file)) return hex(readFileSync(file, "utf8").trim());
  mkdirSync(directory, { recursive: true, mode: 0o700 });
  const secret = randomBytes(32);
  writeFileSync(file, `${secret.toString("hex")}\n`, { mode: 0o600, flag: "wx" });
  chmodSync(file, 0o600);
  return secret;
}

function hex(value: string): Buffer {
  return Buffer.from(value.replace(/^0x/, ""), "hex");
}
