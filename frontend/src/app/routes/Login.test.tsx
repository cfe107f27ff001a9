import { screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { endSession, setSession } from "@/lib/session";
import { renderWithApp } from "@/test/render";
import { LoginRoute } from "./Login";

const user = { id: "7", username: "clerk", orgId: "2", role: "bank" } as const;

describe("LoginRoute", { timeout: 20_000 }, () => {
  it("says why the API ended the last session", async () => {
    setSession({ token: "jwt", user });
    endSession("idle");
    renderWithApp(<LoginRoute />, { url: "/login?redirectTo=%2Floans%2F12" });
    expect(await screen.findByTestId("session-ended")).toHaveTextContent("您已较长时间未操作");
  });

  it("says nothing of a session when nobody was signed out", async () => {
    renderWithApp(<LoginRoute />, { url: "/login" });
    expect(await screen.findByLabelText("用户名")).toBeInTheDocument();
    expect(screen.queryByTestId("session-ended")).toBeNull();
  });
});
