import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import type { SessionInfo } from '#shared/schemas/auth.js';
import { authKeys, replaceSession } from '../features/auth/api.js';
import { isApiError, setCsrfTokenSource } from '../lib/api-client.js';

const MAX_RETRIES = 2;

/**
 * The app's QueryClient. A 401 `unauthenticated` from any call means the session is gone: the cached
 * session becomes null and the router sends the person to the login page.
 */
export function createQueryClient(): QueryClient {
  const onError = (error: unknown) => {
    if (isApiError(error) && error.code === 'unauthenticated') replaceSession(queryClient, null);
    // A rejected CSRF token means our copy is stale (e.g. the session rotated): fetch the current one.
    if (isApiError(error) && error.code === 'csrf_failed') {
      void queryClient.invalidateQueries({ queryKey: authKeys.me() });
    }
  };

  const queryClient: QueryClient = new QueryClient({
    queryCache: new QueryCache({ onError }),
    mutationCache: new MutationCache({ onError }),
    defaultOptions: {
      queries: {
        // Client errors (4xx) will not change on retry; network blips and 5xx may.
        retry: (failureCount, error) =>
          failureCount < MAX_RETRIES && !(isApiError(error) && error.status >= 400 && error.status < 500),
        staleTime: 10_000,
      },
    },
  });

  setCsrfTokenSource(() => queryClient.getQueryData<SessionInfo | null>(authKeys.me())?.csrfToken);
  return queryClient;
}
