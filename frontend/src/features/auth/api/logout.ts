import { useQueryClient } from "@tanstack/react-query";
import { useCallback } from "react";
import { api } from "@/lib/apiClient";
import { clearSession } from "@/lib/session";

export const logout = () => api.post<{ signedOut: true }>("/auth/logout");

/**
 * Signs out: the server ends the token's session (POST /api/auth/logout), so a copy of the token
 * is worth nothing afterwards; then the session and every cached answer are dropped here. A server
 * that cannot be reached does not keep anyone signed in on this screen.
 */
export function useLogout() {
  const queryClient = useQueryClient();
  return useCallback(async () => {
    await logout().catch(() => undefined);
    clearSession();
    queryClient.clear();
  }, [queryClient]);
}
