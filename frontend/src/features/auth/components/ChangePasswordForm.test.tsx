import { fireEvent, screen, waitFor } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import { getSession, setSession } from "@/lib/session";
import { jsonResponse, renderWithApp } from "@/test/render";
import { ChangePasswordForm } from "./ChangePasswordForm";

const user = { id: "7", username: "clerk", orgId: "2", role: "bank" } as const;

function fillIn(current: string, next: string, repeat = next) {
  fireEvent.change(screen.getByLabelText("当前密码"), { target: { value: current } });
  fireEvent.change(screen.getByLabelText("新密码"), { target: { value: next } });
  fireEvent.change(screen.getByLabelText("再次输入新密码"), { target: { value: repeat } });
  fireEvent.click(screen.getByTestId("change-password-submit"));
}

describe("ChangePasswordForm", { timeout: 20_000 }, () => {
  it("sends the current and the new password, says the other sessions ended, and stays signed in", async () => {
    setSession({ token: "jwt", user });
    const fetch = vi.fn(async () => jsonResponse(200, { user, revokedSessions: 2 }));
    vi.stubGlobal("fetch", fetch);
    renderWithApp(<ChangePasswordForm />);

    fillIn("old password 1", "a new password 2");
    expect(await screen.findByTestId("change-password-done")).toHaveTextContent("密码已修改");
    expect(screen.getByTestId("change-password-done")).toHaveTextContent("2 处登录已退出");
    const [url, init] = fetch.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe("/api/auth/password");
    expect(init.method).toBe("POST");
    expect(new Headers(init.headers).get("Authorization")).toBe("Bearer jwt");
    expect(JSON.parse(String(init.body))).toEqual({
      currentPassword: "old password 1",
      newPassword: "a new password 2",
    });
    // the form is emptied, the session kept
    await waitFor(() => expect(screen.getByLabelText("新密码")).toHaveValue(""));
    expect(getSession()?.token).toBe("jwt");
  });

  it("says the current password is wrong, keeps what was typed, and does not sign out", async () => {
    setSession({ token: "jwt", user });
    vi.stubGlobal("fetch", async () =>
      jsonResponse(400, {
        error: { code: "WRONG_CURRENT_PASSWORD", message: "the current password is wrong", details: {} },
      }),
    );
    renderWithApp(<ChangePasswordForm />);

    fillIn("not it at all", "a new password 2");
    expect(await screen.findByTestId("change-password-error")).toHaveTextContent("当前密码不正确，密码未修改。");
    expect(screen.getByLabelText("当前密码")).toHaveValue("not it at all");
    expect(screen.getByLabelText("新密码")).toHaveValue("a new password 2");
    expect(getSession()?.token).toBe("jwt");
  });

  it("asks for the API's password rule and the same new password twice before sending anything", async () => {
    setSession({ token: "jwt", user });
    const fetch = vi.fn();
    vi.stubGlobal("fetch", fetch);
    renderWithApp(<ChangePasswordForm />);

    fillIn("old password 1", "short");
    expect(await screen.findAllByText("至少 10 个字符")).not.toHaveLength(0);
    fillIn("old password 1", "a new password 2", "a new password 3");
    expect(await screen.findByText("两次输入的新密码不一致")).toBeInTheDocument();
    expect(fetch).not.toHaveBeenCalled();
  });
});
