import { fireEvent, screen, waitFor } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import { getSession } from "@/lib/session";
import { jsonResponse, renderWithApp } from "@/test/render";
import { LoginForm } from "./LoginForm";

function fillIn(username: string, password: string) {
  fireEvent.change(screen.getByLabelText("用户名"), { target: { value: username } });
  fireEvent.change(screen.getByLabelText("密码"), { target: { value: password } });
  fireEvent.click(screen.getByRole("button", { name: /登\s*录/ }));
}

describe("LoginForm", () => {
  it("keeps the session and reports success", async () => {
    const user = { id: "2", username: "ent1", orgId: "2", role: "enterprise" };
    const fetch = vi.fn(async () => jsonResponse(200, { token: "jwt", user }));
    vi.stubGlobal("fetch", fetch);
    const onSignedIn = vi.fn();
    renderWithApp(<LoginForm onSignedIn={onSignedIn} />);

    fillIn("ent1", "ipledge-demo");
    await waitFor(() => expect(onSignedIn).toHaveBeenCalled());
    expect(getSession()).toEqual({ token: "jwt", user });
    const [url, init] = fetch.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe("/api/auth/login");
    expect(JSON.parse(String(init.body))).toEqual({ username: "ent1", password: "ipledge-demo" });
  });

  it("says the credentials are wrong on a 401 and keeps what was typed", async () => {
    vi.stubGlobal("fetch", async () =>
      jsonResponse(401, {
        error: { code: "BAD_CREDENTIALS", message: "the username or password is wrong", details: {} },
      }),
    );
    const onSignedIn = vi.fn();
    renderWithApp(<LoginForm onSignedIn={onSignedIn} />);

    fillIn("ent1", "wrong");
    expect(await screen.findByText("用户名或密码错误")).toBeInTheDocument();
    expect(screen.getByLabelText("用户名")).toHaveValue("ent1");
    expect(onSignedIn).not.toHaveBeenCalled();
    expect(getSession()).toBeNull();
  });

  it("asks for the fields it needs before calling the API", async () => {
    const fetch = vi.fn();
    vi.stubGlobal("fetch", fetch);
    renderWithApp(<LoginForm onSignedIn={() => {}} />);
    fireEvent.click(screen.getByRole("button", { name: /登\s*录/ }));
    expect(await screen.findByText("请输入用户名")).toBeInTheDocument();
    expect(fetch).not.toHaveBeenCalled();
  });
});
