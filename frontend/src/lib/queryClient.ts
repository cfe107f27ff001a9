/**
 * The app's react-query client. A 401 from any request means the session is over (idle too long,
 * signed out or its password changed elsewhere, expired, the user deleted): the session is dropped
 * with the reason, and the router sends the user to the login page, which says why and comes back
 * to the page afterwards. Nothing else is retried except network failures and 503s, which may pass
 * on their own.
 */
import { MutationCache, QueryCache, QueryClient } from "@tanstack/react-query";
import { isApiError } from "./apiClient";
import { endSession, getSession, reasonForCode } from "./session";

function onError(error: unknown): void {
  // a failed sign-in is a 401 too, but there is no session to end
  if (isApiError(error) && error.status === 401 && getSession()) endSession(reasonForCode(error.code));
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
