import { describe, expect, it } from "vitest";
import { ApiError } from "./apiClient";
import { createQueryClient } from "./queryClient";
import { getSession, sessionEndReason, setSession } from "./session";

const user = { id: "7", username: "clerk", orgId: "2", role: "bank" } as const;

/** Runs a query that fails with `error` through the app's client. */
async function failWith(error: ApiError) {
  const queryClient = createQueryClient();
  await queryClient
    .fetchQuery({ queryKey: ["x"], queryFn: () => Promise.reject(error), retry: false })
    .catch(() => undefined);
}

describe("the app's query client on a 401", () => {
  it.each([
    ["SESSION_IDLE", "idle"],
    ["SESSION_REVOKED", "revoked"],
    ["TOKEN_EXPIRED", "expired"],
    ["UNAUTHORIZED", "expired"],
  ])("%s ends the session and keeps why (%s) for the login page", async (code, reason) => {
    setSession({ token: "jwt", user });
    await failWith(new ApiError(401, code, "…"));
    expect(getSession()).toBeNull();
    expect(sessionEndReason()).toBe(reason);
    // the next sign-in forgets it
    setSession({ token: "jwt2", user });
    expect(sessionEndReason()).toBeNull();
  });

  it("keeps the session on other errors, and gives no reason for a 401 without a session (a failed sign-in)", async () => {
    setSession({ token: "jwt", user });
    await failWith(new ApiError(403, "FORBIDDEN", "…"));
    await failWith(new ApiError(400, "WRONG_CURRENT_PASSWORD", "…"));
    expect(getSession()?.token).toBe("jwt");
    localStorage.clear();
    await failWith(new ApiError(401, "BAD_CREDENTIALS", "…"));
    expect(sessionEndReason()).toBeNull();
  });
});
