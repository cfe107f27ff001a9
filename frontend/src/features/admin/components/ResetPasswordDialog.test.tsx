import { fireEvent, screen, waitFor } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import { setSession } from "@/lib/session";
import { jsonResponse, renderWithApp } from "@/test/render";
import { ResetPasswordDialog } from "./ResetPasswordDialog";

const clerk = { id: "7", username: "clerk", orgId: "2", role: "bank" } as const;

function fillIn(next: string, repeat = next) {
  fireEvent.change(screen.getByTestId("reset-password-new"), { target: { value: next } });
  fireEvent.change(screen.getByTestId("reset-password-repeat"), { target: { value: repeat } });
  fireEvent.click(screen.getByTestId("reset-password-submit"));
}

describe("ResetPasswordDialog", { timeout: 20_000 }, () => {
  it("sets the user's new password and says how many of its sessions ended", async () => {
    setSession({ token: "admin-jwt", user: { id: "1", username: "admin", orgId: "1", role: "admin" } });
    const fetch = vi.fn(async () => jsonResponse(200, { ...clerk, revokedSessions: 3 }));
    vi.stubGlobal("fetch", fetch);
    const onClose = vi.fn();
    renderWithApp(<ResetPasswordDialog user={clerk} onClose={onClose} />);

    expect(await screen.findByText("重置 clerk 的密码")).toBeInTheDocument();
    fillIn("a fresh password");
    expect(await screen.findByTestId("reset-password-done")).toHaveTextContent(
      "clerk 的密码已重置，其 3 处登录已全部退出",
    );
    const [url, init] = fetch.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe("/api/users/7/password");
    expect(JSON.parse(String(init.body))).toEqual({ newPassword: "a fresh password" });
    fireEvent.click(screen.getByTestId("reset-password-submit"));
    await waitFor(() => expect(onClose).toHaveBeenCalled());
  });

  it("checks the password rule and the repeat before sending, and shows a refusal in words", async () => {
    setSession({ token: "admin-jwt", user: { id: "1", username: "admin", orgId: "1", role: "admin" } });
    const fetch = vi.fn(async () =>
      jsonResponse(409, { error: { code: "SELF_RESET", message: "change your own password", details: {} } }),
    );
    vi.stubGlobal("fetch", fetch);
    renderWithApp(<ResetPasswordDialog user={clerk} onClose={() => {}} />);

    fillIn("short");
    expect(await screen.findAllByText("至少 10 个字符")).not.toHaveLength(0);
    fillIn("a fresh password", "another password");
    expect(await screen.findByText("两次输入的新密码不一致")).toBeInTheDocument();
    expect(fetch).not.toHaveBeenCalled();
    fillIn("a fresh password");
    expect(await screen.findByText(/不能在此重置自己的密码/)).toBeInTheDocument();
    expect(fetch).toHaveBeenCalledTimes(1);
  });
});
