/**
 * The app's react-query client. A 401 from any request means the token is gone or expired: the
 * session is dropped and the router sends the user to the login page. Nothing else is retried
 * except network failures and 503s, which may pass on their own.
 */
import { MutationCache, QueryCache, QueryClient } from "@tanstack/react-query";
import { isApiError } from "./apiClient";
import { clearSession } from "./session";

function onError(error: unknown): void {
  if (isApiError(error) && error.status === 401) clearSession();
}

export function createQueryClient(): QueryClient {
  return new QueryClient({
    queryCache: new QueryCache({ onError }),
    mutationCache: new MutationCache({ onError }),
    defaultOptions: {
      queries: {
        staleTime: 15_000,
        refetchOnWindowFocus: false,
        retry: (failures, error) => failures < 2 && isApiError(error) && (error.status === 0 || error.status === 503),
      },
      mutations: { retry: false },
    },
  });
}
