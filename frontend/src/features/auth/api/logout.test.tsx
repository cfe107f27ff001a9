import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { act, renderHook } from "@testing-library/react";
import type { ReactNode } from "react";
import { describe, expect, it, vi } from "vitest";
import { getSession, setSession } from "@/lib/session";
import { jsonResponse } from "@/test/render";
import { useLogout } from "./logout";

const user = { id: "7", username: "clerk", orgId: "2", role: "bank" } as const;

function signOut() {
  const queryClient = new QueryClient();
  queryClient.setQueryData(["loans"], ["a loan only this user may see"]);
  const wrapper = ({ children }: { children: ReactNode }) => (
    <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>
  );
  const { result } = renderHook(() => useLogout(), { wrapper });
  return { queryClient, logout: result.current };
}

describe("useLogout", () => {
  it("ends the session on the server with its own token, then forgets it and every cached answer", async () => {
    setSession({ token: "the-token", user });
    const fetch = vi.fn(async () => jsonResponse(200, { signedOut: true }));
    vi.stubGlobal("fetch", fetch);
    const { queryClient, logout } = signOut();
    await act(() => logout());

    const [url, init] = fetch.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe("/api/auth/logout");
    expect(init.method).toBe("POST");
    expect(new Headers(init.headers).get("Authorization")).toBe("Bearer the-token");
    expect(getSession()).toBeNull();
    expect(queryClient.getQueryData(["loans"])).toBeUndefined();
  });

  it("signs out here even when the server cannot be reached or no longer knows the session", async () => {
    for (const answer of [
      async () => {
        throw new TypeError("Failed to fetch");
      },
      async () => jsonResponse(401, { error: { code: "SESSION_IDLE", message: "idle", details: {} } }),
    ]) {
      setSession({ token: "the-token", user });
      vi.stubGlobal("fetch", vi.fn(answer));
      const { logout } = signOut();
      await act(() => logout());
      expect(getSession()).toBeNull();
    }
  });
});
