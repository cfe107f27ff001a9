/**
 * Organisations' chain keys at rest: AES-256-GCM under the master key, each with a fresh 96-bit
 * nonce; the organisation's id and address are bound in as associated data, so a ciphertext
 * copied onto another organisation's row does not decrypt.
 */
import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";

const NONCE_BYTES = 12;
const TAG_BYTES = 16;

export class KeyVault {
  constructor(private readonly masterKey: Buffer) {
    if (masterKey.length !== 32) throw new Error("the master key must be 32 bytes");
  }

  seal(privateKey: string, address: string): Buffer {
    const nonce = randomBytes(NONCE_BYTES);
    const cipher = createCipheriv("aes-256-gcm", this.masterKey, nonce);
    cipher.setAAD(Buffer.from(address.toLowerCase()));
    const body = Buffer.concat([cipher.update(Buffer.from(privateKey.replace(/^0x/, ""), "hex")), cipher.final()]);
    return Buffer.concat([nonce, cipher.getAuthTag(), body]);
  }

  open(sealed: Buffer, address: string): string {
    const nonce = sealed.subarray(0, NONCE_BYTES);
    const tag = sealed.subarray(NONCE_BYTES, NONCE_BYTES + TAG_BYTES);
    const decipher = createDecipheriv("aes-256-gcm", this.masterKey, nonce);
    decipher.setAAD(Buffer.from(address.toLowerCase()));
    decipher.setAuthTag(tag);
    const key = Buffer.concat([decipher.update(sealed.subarray(NONCE_BYTES + TAG_BYTES)), decipher.final()]);
    return `0x${key.toString("hex")}`;
  }
}
