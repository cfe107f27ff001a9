import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api, apiRequest } from "@/lib/apiClient";
import type { SessionUser } from "@/lib/session";
import type { Page } from "@/types/api";

export type User = SessionUser;

const usersKey = ["admin", "users"] as const;

export function useUsers() {
  return useQuery({
    queryKey: usersKey,
    queryFn: ({ signal }) => api.get<Page<User>>("/users", { limit: 200 }, signal),
    placeholderData: keepPreviousData,
  });
}

export function useCreateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (user: { username: string; password: string; orgId: string }) => api.post<User>("/users", user),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: usersKey }),
  });
}

export function useDeleteUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => apiRequest<User>(`/users/${encodeURIComponent(id)}`, { method: "DELETE" }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: usersKey }),
  });
}

/** Sets a user's password; the server ends every session of that user and says how many. */
export function useResetPassword() {
  return useMutation({
    mutationFn: ({ id, newPassword }: { id: string; newPassword: string }) =>
      api.post<User & { revokedSessions: number }>(`/users/${encodeURIComponent(id)}/password`, { newPassword }),
  });
}
