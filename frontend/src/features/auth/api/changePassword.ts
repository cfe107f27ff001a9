import { useMutation } from "@tanstack/react-query";
import { api } from "@/lib/apiClient";
import type { SessionUser } from "@/lib/session";

export interface PasswordChange {
  currentPassword: string;
  newPassword: string;
}

/** The user's own password; the server ends their other sessions and says how many. */
export const changePassword = (change: PasswordChange) =>
  api.post<{ user: SessionUser; revokedSessions: number }>("/auth/password", change);

export function useChangePassword() {
  return useMutation({ mutationFn: changePassword });
}
