/**
 * The web app's build on the API's port, precompressed: the copy sent follows the request's
 * Accept-Encoding (brotli first, then gzip, else the file itself; a coding with q=0 is never sent),
 * says so in Content-Encoding and `Vary: Accept-Encoding`, keeps the original file's Content-Type,
 * and decompresses to the original bytes. Hashed assets are cached for good, index.html is asked
 * for again every time. Raw node:http requests: fetch would ask for and undo the coding itself.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import http from "node:http";
import { tmpdir } from "node:os";
import path from "node:path";
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestPlatform, type TestPlatform } from "./support/platform.js";

const SCRIPT = Buffer.from(`export const greeting = ${JSON.stringify("iPledge 知识产权 ".repeat(200))};\n`);
const STYLE = Buffer.from(`body { color: #1f5fbf; }\n`.repeat(100));
const INDEX = Buffer.from(`<!doctype html><title>iPledge</title><div id=root></div>${"<!-- page -->".repeat(100)}`);

interface RawReply {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

function get(url: string, acceptEncoding?: string, method = "GET"): Promise<RawReply> {
  return new Promise((resolve, reject) => {
    const headers = acceptEncoding === undefined ? {} : { "Accept-Encoding": acceptEncoding };
    const request = http.request(url, { method, headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on("data", (chunk: Buffer) => chunks.push(chunk));
      response.on("end", () =>
        resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks) }),
      );
    });
    request.on("error", reject);
    request.end();
  });
}

function decoded(reply: RawReply): Buffer {
  const coding = reply.headers["content-encoding"];
  if (coding === "br") return brotliDecompressSync(reply.body);
  if (coding === "gzip") return gunzipSync(reply.body);
  expect(coding).toBeUndefined();
  return reply.body;
}

describe("the web app, precompressed", () => {
  let platform: TestPlatform;
  let webDir: string;
  const asset = () => `${platform.url}/assets/app-1a2b3c.js`;

  beforeAll(async () => {
    webDir = mkdtempSync(path.join(tmpdir(), "ipledge-web-"));
    mkdirSync(path.join(webDir, "assets"));
    const write = (name: string, bytes: Buffer, codings = true) => {
      writeFileSync(path.join(webDir, name), bytes);
      if (!codings) return;
      writeFileSync(path.join(webDir, `${name}.br`), brotliCompressSync(bytes));
      writeFileSync(path.join(webDir, `${name}.gz`), gzipSync(bytes));
    };
    write("index.html", INDEX);
    write("assets/app-1a2b3c.js", SCRIPT);
    write("assets/style-4d5e6f.css", STYLE);
    write("assets/logo-7a8b9c.png", Buffer.from([0x89, 0x50, 0x4e, 0x47]), false);
    platform = await startTestPlatform({ env: { WEB_DIR: webDir } });
  });
  afterAll(async () => {
    await platform?.stop();
    rmSync(webDir, { recursive: true, force: true });
  });

  it("sends brotli to a browser that takes it, gzip to one that takes only gzip, the file itself otherwise", async () => {
    for (const [acceptEncoding, coding] of [
      ["gzip, deflate, br, zstd", "br"],
      ["br", "br"],
      ["gzip, deflate", "gzip"],
      ["GZIP", "gzip"],
      ["*", "br"],
      ["deflate", undefined],
      ["", undefined],
      [undefined, undefined],
    ] as const) {
      const reply = await get(asset(), acceptEncoding);
      expect(reply.status, `Accept-Encoding: ${acceptEncoding}`).toBe(200);
      expect(reply.headers["content-encoding"], `Accept-Encoding: ${acceptEncoding}`).toBe(coding);
      expect(reply.headers.vary).toMatch(/Accept-Encoding/i);
      expect(reply.headers["content-type"]).toMatch(/^text\/javascript/);
      expect(Number(reply.headers["content-length"])).toBe(reply.body.length);
      expect(decoded(reply).equals(SCRIPT), `Accept-Encoding: ${acceptEncoding}`).toBe(true);
    }
    expect((await get(asset(), "br")).body.length).toBeLessThan(SCRIPT.length / 4);
  });

  it("honours q-values: the highest wins (the file itself counts 1 unless named), q=0 refuses a coding, refusing everything still gets the file", async () => {
    for (const [acceptEncoding, coding] of [
      ["gzip;q=1.0, br;q=0.5", "gzip"],
      ["br;q=0, gzip", "gzip"],
      ["br;q=0, gzip;q=0", undefined],
      ["br; q=0 , gzip ; q=1", "gzip"],
      ["gzip;q=0.001", undefined],
      ["*;q=0, gzip;q=0.2", "gzip"],
      ["br;q=0.8, identity;q=0.9", undefined],
      ["identity;q=0, br;q=0, gzip;q=0.1", "gzip"],
      ["identity;q=0, *;q=0", undefined],
      ["br;q=nonsense, gzip", "gzip"],
    ] as const) {
      const reply = await get(asset(), acceptEncoding);
      expect(reply.status).toBe(200);
      expect(reply.headers["content-encoding"], `Accept-Encoding: ${acceptEncoding}`).toBe(coding);
      expect(decoded(reply).equals(SCRIPT)).toBe(true);
    }
  });

  it("keeps each file's Content-Type and cache rule, for every page URL and for HEAD", async () => {
    const style = await get(`${platform.url}/assets/style-4d5e6f.css`, "gzip");
    expect(style.headers["content-type"]).toMatch(/^text\/css/);
    expect(style.headers["content-encoding"]).toBe("gzip");
    expect(decoded(style).equals(STYLE)).toBe(true);
    for (const reply of [style, await get(asset(), "br")]) {
      expect(reply.headers["cache-control"]).toBe("public, max-age=31536000, immutable");
    }
    for (const page of ["/", "/index.html", "/loans/42", "/regulator/audit?kind=LoanApplied"]) {
      const reply = await get(`${platform.url}${page}`, "gzip, deflate, br");
      expect(reply.status, page).toBe(200);
      expect(reply.headers["content-type"], page).toMatch(/^text\/html/);
      expect(reply.headers["content-encoding"], page).toBe("br");
      expect(reply.headers.vary, page).toMatch(/Accept-Encoding/i);
      expect(reply.headers["cache-control"], page).toBe("no-cache");
      expect(reply.headers["content-security-policy"], page).toContain("script-src 'self'");
      expect(decoded(reply).equals(INDEX), page).toBe(true);
    }
    const head = await get(asset(), "br", "HEAD");
    expect(head.status).toBe(200);
    expect(head.headers["content-encoding"]).toBe("br");
    expect(head.body.length).toBe(0);
  });

  it("sends a file without precompressed copies as it is, and answers 404 for what was not built", async () => {
    const logo = await get(`${platform.url}/assets/logo-7a8b9c.png`, "gzip, deflate, br");
    expect(logo.status).toBe(200);
    expect(logo.headers["content-type"]).toBe("image/png");
    expect(logo.headers["content-encoding"]).toBeUndefined();
    expect(logo.body.length).toBe(4);
    for (const missing of ["/assets/missing.js", "/assets/app-1a2b3c.js.br", "/assets/..%2Findex.html"]) {
      expect((await get(`${platform.url}${missing}`, "br")).status, missing).toBe(404);
    }
  });
});
