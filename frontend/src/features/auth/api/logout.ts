import { useQueryClient } from "@tanstack/react-query";
import { useCallback } from "react";
import { clearSession } from "@/lib/session";

/** The token is a stateless JWT: signing out forgets it here and drops every cached answer. */
export function useLogout() {
  const queryClient = useQueryClient();
  return useCallback(() => {
    clearSession();
    queryClient.clear();
  }, [queryClient]);
}
