import { screen } from "@testing-library/react";
import { Suspense } from "react";
import { Route, Routes } from "react-router-dom";
import { describe, expect, it } from "vitest";
import type { Role } from "@/config/roles";
import { setSession } from "@/lib/session";
import { renderWithApp } from "@/test/render";
import { RequireRole, RequireSession } from "./guards";

const signIn = (role: Role) => setSession({ token: "jwt", user: { id: "1", username: `${role}1`, orgId: "1", role } });

function app(url: string) {
  return renderWithApp(
    <Suspense fallback="loading">
      <Routes>
        <Route path="/login" element={<p>login page</p>} />
        <Route
          path="/patents"
          element={
            <RequireSession>
              <RequireRole page="patents">
                <p>patents page</p>
              </RequireRole>
            </RequireSession>
          }
        />
      </Routes>
    </Suspense>,
    { url },
  );
}

describe("guards", { timeout: 20_000 }, () => {
  it("sends someone not signed in to the login page", () => {
    app("/patents");
    expect(screen.getByText("login page")).toBeInTheDocument();
  });

  it("opens the page for a role that may see it", () => {
    signIn("enterprise");
    app("/patents");
    expect(screen.getByText("patents page")).toBeInTheDocument();
  });

  it("shows the forbidden page, at the same URL, to a role that may not", async () => {
    signIn("admin");
    app("/patents");
    // The forbidden page is its own chunk, loaded on first use.
    expect(await screen.findByText("无权访问", undefined, { timeout: 10_000 })).toBeInTheDocument();
    expect(screen.queryByText("patents page")).toBeNull();
  });
});
