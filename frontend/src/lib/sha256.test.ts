import { describe, expect, it } from "vitest";
import { sha256Fallback, sha256Of } from "./sha256";

const hexOf = (bytes: Uint8Array) => Array.from(bytes, (byte) => byte.toString(16).padStart(2, "0")).join("");
const randomBytes = (size: number): Uint8Array<ArrayBuffer> => {
  const bytes = new Uint8Array(size);
  for (let i = 0; i < size; i += 65_536) crypto.getRandomValues(bytes.subarray(i, i + 65_536));
  return bytes;
};
const webCrypto = async (bytes: Uint8Array<ArrayBuffer>) =>
  hexOf(new Uint8Array(await crypto.subtle.digest("SHA-256", bytes)));

describe("sha256", () => {
  it("matches the standard's test vectors without Web Crypto", () => {
    expect(hexOf(sha256Fallback(new Uint8Array()))).toBe(
      "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
    );
    expect(hexOf(sha256Fallback(new TextEncoder().encode("abc")))).toBe(
      "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
    );
  });

  it("matches Web Crypto's SHA-256 across block boundaries (55, 56, 64 bytes and more)", async () => {
    for (const size of [1, 55, 56, 63, 64, 65, 119, 120, 1000, 70_000]) {
      const bytes = randomBytes(size);
      expect(hexOf(sha256Fallback(bytes)), String(size)).toBe(await webCrypto(bytes));
    }
  });

  it("names a file as the API does: 0x and the hex of its bytes' digest", async () => {
    const bytes = randomBytes(3000);
    expect(await sha256Of(new Blob([bytes]))).toBe(`0x${await webCrypto(bytes)}`);
  });
});
