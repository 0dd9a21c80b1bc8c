import { type QueryClient, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  AccountLinkInfoSchema,
  type AccountLinkPassword,
  AccountLinkPasswordSetSchema,
  type PasswordResetRequest,
  PasswordResetRequestedSchema,
} from '#shared/schemas/account-links.js';
import { type Login, type SessionInfo, SessionInfoSchema } from '#shared/schemas/auth.js';
import { OkSchema } from '#shared/schemas/common.js';
import { apiRequest, isApiError } from '../../lib/api-client.js';

export const authKeys = {
  all: ['auth'] as const,
  me: () => [...authKeys.all, 'me'] as const,
};

/** `null` means "nobody is signed in": a 401 from /me is an answer here, not an error. */
export async function fetchSession(signal?: AbortSignal): Promise<SessionInfo | null> {
  try {
    return await apiRequest('/api/me', { schema: SessionInfoSchema, signal });
  } catch (error) {
    if (isApiError(error) && error.status === 401) return null;
    throw error;
  }
}

export const useSession = () =>
  useQuery({
    queryKey: authKeys.me(),
    queryFn: ({ signal }) => fetchSession(signal),
    staleTime: 60_000,
  });

const isSessionQuery = (queryKey: readonly unknown[]) => queryKey[0] === authKeys.all[0];

/**
 * Replaces the session and drops every other cached answer, so nothing of the previous user or
 * organisation can be shown under the new one.
 */
export function replaceSession(queryClient: QueryClient, session: SessionInfo | null): void {
  queryClient.removeQueries({ predicate: (query) => !isSessionQuery(query.queryKey) });
  queryClient.setQueryData(authKeys.me(), session);
}

export const useLogin = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: Login) =>
      apiRequest('/api/auth/login', { method: 'POST', body, schema: SessionInfoSchema }),
    onSuccess: (session) => replaceSession(queryClient, session),
  });
};

export const useLogout = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => apiRequest('/api/auth/logout', { method: 'POST', schema: OkSchema }),
    // Signed out locally even if the server call failed (e.g. the session had already expired).
    onSettled: () => replaceSession(queryClient, null),
  });
};

export const useSwitchOrg = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (orgId: string) =>
      apiRequest('/api/auth/switch-org', { method: 'POST', body: { orgId }, schema: SessionInfoSchema }),
    onSuccess: async (session) => {
      queryClient.setQueryData(authKeys.me(), session);
      // Every other answer belonged to the previous organisation: reset (not merely mark stale) so no
      // screen shows the old organisation's rows while the new ones load.
      await queryClient.resetQueries({ predicate: (query) => !isSessionQuery(query.queryKey) });
    },
  });
};

/** What a password link opens (its page is reached without a session); 404 for a token never issued. */
export const useAccountLink = (token: string) =>
  useQuery({
    queryKey: [...authKeys.all, 'account-link', token] as const,
    queryFn: ({ signal }) =>
      apiRequest('/api/account-links/inspect', {
        method: 'POST',
        body: { token },
        schema: AccountLinkInfoSchema,
        signal,
      }),
    enabled: token !== '',
    retry: false,
    staleTime: Number.POSITIVE_INFINITY,
  });

export const useSetPasswordByLink = () =>
  useMutation({
    mutationFn: (body: AccountLinkPassword) =>
      apiRequest('/api/account-links/password', {
        method: 'POST',
        body,
        schema: AccountLinkPasswordSetSchema,
      }),
  });

export const useRequestPasswordReset = () =>
  useMutation({
    mutationFn: (body: PasswordResetRequest) =>
      apiRequest('/api/auth/password-reset', {
        method: 'POST',
        body,
        schema: PasswordResetRequestedSchema,
      }),
  });
