import { afterEach, describe, expect, it, vi } from "vitest";
import { ApiError, apiRequest, apiUrl } from "./apiClient";
import { setSession } from "./session";

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { "Content-Type": "application/json" } });

afterEach(() => vi.unstubAllGlobals());

describe("apiClient", () => {
  it("sends JSON with the session's bearer token and reads JSON back", async () => {
    setSession({ token: "t0k", user: { id: "2", username: "ent1", orgId: "2", role: "enterprise" } });
    const fetch = vi.fn(async () => json(201, { id: "7" }));
    vi.stubGlobal("fetch", fetch);
    await expect(apiRequest("/loans", { method: "POST", body: { amount: "100" } })).resolves.toEqual({ id: "7" });
    const [url, init] = fetch.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe("/api/loans");
    expect(init.body).toBe('{"amount":"100"}');
    expect(init.headers).toMatchObject({ Authorization: "Bearer t0k", "Content-Type": "application/json" });
  });

  it("throws the backend's error as an ApiError", async () => {
    const body = { error: { code: "LTV_EXCEEDED", message: "too much", details: { maxAmount: "5" } } };
    vi.stubGlobal("fetch", async () => json(422, body));
    const error = await apiRequest("/loans/1/approve", { body: {} }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({
      status: 422,
      code: "LTV_EXCEEDED",
      message: "too much",
      details: { maxAmount: "5" },
    });
  });

  it("turns a network failure into status 0, code NETWORK", async () => {
    vi.stubGlobal("fetch", async () => {
      throw new TypeError("Failed to fetch");
    });
    await expect(apiRequest("/me")).rejects.toMatchObject({ status: 0, code: "NETWORK" });
  });

  it("names a non-API error by its HTTP status", async () => {
    vi.stubGlobal(
      "fetch",
      async () => new Response("<html>Bad Gateway</html>", { status: 502, statusText: "Bad Gateway" }),
    );
    await expect(apiRequest("/me")).rejects.toMatchObject({ status: 502, code: "HTTP_502", message: "Bad Gateway" });
  });

  it("leaves empty query values out of the URL", () => {
    expect(apiUrl("/patents", { q: "", status: undefined, kind: null, limit: 20, open: true })).toBe(
      "/api/patents?limit=20&open=true",
    );
  });
});

describe("a write's Idempotency-Key", () => {
  const keyOf = (call: unknown[]) => ((call[1] as RequestInit).headers as Record<string, string>)["Idempotency-Key"];
  const write = () => apiRequest("/loans/1/repayments", { method: "POST", body: { amount: "100", reference: "HK-1" } });

  it("is kept for a retry while the first attempt's outcome is open, and renewed after a definite answer", async () => {
    setSession({ token: "t0k", user: { id: "2", username: "bank1", orgId: "3", role: "bank" } });
    const answers = [
      () => {
        throw new TypeError("Failed to fetch");
      },
      () => json(504, { error: { code: "TRANSACTION_PENDING", message: "sent, not mined yet" } }),
      () => json(201, { id: "1" }),
      () => json(201, { id: "1" }),
    ];
    const fetch = vi.fn(async () => answers.shift()!());
    vi.stubGlobal("fetch", fetch);
    await expect(write()).rejects.toMatchObject({ code: "NETWORK" });
    await expect(write()).rejects.toMatchObject({ code: "TRANSACTION_PENDING" });
    await expect(write()).resolves.toEqual({ id: "1" });
    await expect(write()).resolves.toEqual({ id: "1" });
    const keys = fetch.mock.calls.map(keyOf);
    expect(keys[0]).toMatch(/^[0-9a-f-]{36}$/);
    expect(keys[1]).toBe(keys[0]);
    expect(keys[2]).toBe(keys[0]);
    expect(keys[3]).not.toBe(keys[0]);
  });

  it("is renewed after a refusal (nothing was written) and differs for another body; reads carry none", async () => {
    setSession({ token: "t0k", user: { id: "2", username: "bank1", orgId: "3", role: "bank" } });
    const fetch = vi.fn(async () => json(422, { error: { code: "OVERPAYMENT", message: "more than owed" } }));
    vi.stubGlobal("fetch", fetch);
    await write().catch(() => undefined);
    await write().catch(() => undefined);
    await apiRequest("/loans/1/repayments", { method: "POST", body: { amount: "99", reference: "HK-1" } }).catch(
      () => undefined,
    );
    await apiRequest("/loans/1").catch(() => undefined);
    const keys = fetch.mock.calls.map(keyOf);
    expect(new Set(keys.slice(0, 3)).size).toBe(3);
    expect(keys[3]).toBeUndefined();
  });
});
