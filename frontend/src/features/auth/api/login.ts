import { useMutation, useQueryClient } from "@tanstack/react-query";
import { api } from "@/lib/apiClient";
import { setSession, type Session } from "@/lib/session";

export interface Credentials {
  username: string;
  password: string;
}

export const login = (credentials: Credentials) => api.post<Session>("/auth/login", credentials);

/** Signs in and keeps the session; whatever another user had cached is dropped first. */
export function useLogin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: login,
    onSuccess: (session) => {
      queryClient.clear();
      setSession(session);
    },
  });
}
