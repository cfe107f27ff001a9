/**
 * The plain JSON-RPC client (rawRpc, rawRpcBatch in src/chain/chain.ts) against a real loopback
 * HTTP server that answers as a node or a proxy in front of one might: every failure names the
 * call and what the node said, never an undefined result.
 */
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rawRpc, rawRpcBatch } from "../src/chain/chain.js";

/** What the server answers next: status, content type and body. */
let next: { status: number; type: string; body: string };
const answer = (status: number, body: unknown, type = "application/json") =>
  (next = { status, type, body: typeof body === "string" ? body : JSON.stringify(body) });

describe("plain JSON-RPC", () => {
  let server: http.Server;
  let url: string;

  beforeAll(async () => {
    server = http.createServer((req, res) => {
      req.resume();
      req.on("end", () => res.writeHead(next.status, { "content-type": next.type }).end(next.body));
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it("returns a result, also a null one", async () => {
    answer(200, { jsonrpc: "2.0", id: 1, result: "0x10" });
    expect(await rawRpc(url, "eth_blockNumber", [])).toBe("0x10");
    answer(200, [
      { jsonrpc: "2.0", id: 1, result: null },
      { jsonrpc: "2.0", id: 0, result: { number: "0x1" } },
    ]);
    expect(
      await rawRpcBatch(url, [
        { method: "eth_getBlockByNumber", params: ["0x1", false] },
        { method: "eth_getBlockByNumber", params: ["0x2", false] },
      ]),
    ).toEqual([{ number: "0x1" }, null]);
  });

  it("names the method and the node's message for a JSON-RPC error, whatever the HTTP status", async () => {
    answer(200, { jsonrpc: "2.0", id: 1, error: { code: -32000, message: "header not found" } });
    await expect(rawRpc(url, "eth_getBlockByNumber", ["0x99", false])).rejects.toThrow(
      "eth_getBlockByNumber: header not found",
    );
    answer(429, { jsonrpc: "2.0", id: null, error: { code: -32005, message: "rate limited" } });
    await expect(rawRpcBatch(url, [{ method: "eth_getLogs", params: [{}] }])).rejects.toThrow(
      "JSON-RPC batch (eth_getLogs): rate limited",
    );
  });

  it("names the HTTP status of a proxy's answer that is no JSON-RPC reply", async () => {
    answer(502, "<html><body>Bad gateway</body></html>", "text/html");
    await expect(rawRpc(url, "eth_chainId", [])).rejects.toThrow("eth_chainId: HTTP 502 from the node, and not JSON");
    answer(503, { message: "upstream unavailable" });
    await expect(rawRpc(url, "eth_chainId", [])).rejects.toThrow(
      "eth_chainId: HTTP 503 from the node: upstream unavailable",
    );
  });

  it("refuses an answer without a result, or a batch without the call's answer", async () => {
    answer(200, { jsonrpc: "2.0", id: 1 });
    await expect(rawRpc(url, "eth_blockNumber", [])).rejects.toThrow(
      "eth_blockNumber: the node's answer has no result",
    );
    answer(200, [{ jsonrpc: "2.0", id: 0, result: "0x1" }]);
    await expect(
      rawRpcBatch(url, [
        { method: "eth_blockNumber", params: [] },
        { method: "eth_chainId", params: [] },
      ]),
    ).rejects.toThrow("eth_chainId: no answer from the node");
  });

  it("names the call when the node cannot be reached", async () => {
    const closed = http.createServer();
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    await expect(rawRpc(`http://127.0.0.1:${port}`, "eth_chainId", [])).rejects.toThrow(/^eth_chainId: fetch failed/);
  });
});
