import { screen, waitFor } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import { setSession } from "@/lib/session";
import { jsonResponse, renderWithApp } from "@/test/render";
import { HomeRoute } from "./Home";

describe("HomeRoute", { timeout: 20_000 }, () => {
  it("keeps the welcome and the open notifications above the role's workbench", async () => {
    setSession({ token: "jwt", user: { id: "3", username: "appraiser1", orgId: "6", role: "appraiser" } });
    vi.stubGlobal(
      "fetch",
      vi.fn(async (url: string) => {
        const { pathname } = new URL(url, "http://localhost");
        if (pathname === "/api/me")
          return jsonResponse(200, {
            user: { id: "3", username: "appraiser1", orgId: "6", role: "appraiser" },
            organisation: { id: "6", name: "华估资产评估", kind: "appraiser", address: "0x" },
          });
        if (pathname === "/api/notifications") return jsonResponse(200, { items: [], total: 0, open: 4 });
        if (pathname === "/api/patents") return jsonResponse(200, { items: [], total: 2 });
        return jsonResponse(404, { error: { code: "NOT_FOUND", message: pathname } });
      }),
    );
    renderWithApp(<HomeRoute />);
    expect(screen.getByText("欢迎，appraiser1")).toBeInTheDocument();
    expect(await screen.findByText("华估资产评估")).toBeInTheDocument();
    await waitFor(() => expect(screen.getByTestId("home-notifications")).toHaveTextContent("4"));
    expect(screen.getByTestId("workbench")).toBeInTheDocument();
    await waitFor(() => expect(screen.getByTestId("workbench-to-appraise-link")).toHaveTextContent("2"));
  });
});
