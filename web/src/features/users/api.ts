import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { AccountLinkIssuedSchema } from '#shared/schemas/account-links.js';
import {
  type UserCreate,
  UserCreatedSchema,
  UserPageSchema,
  UserSchema,
  type UsersQuery,
  type UserUpdate,
} from '#shared/schemas/users.js';
import { apiRequest } from '../../lib/api-client.js';

export const userKeys = {
  all: ['users'] as const,
  lists: () => [...userKeys.all, 'list'] as const,
  list: (params: UsersQuery) => [...userKeys.lists(), params] as const,
};

export const useUsers = (params: UsersQuery) =>
  useQuery({
    queryKey: userKeys.list(params),
    queryFn: ({ signal }) =>
      apiRequest('/api/users', { schema: UserPageSchema, query: { ...params }, signal }),
    placeholderData: keepPreviousData,
  });

export const useCreateUser = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: UserCreate) =>
      apiRequest('/api/users', { method: 'POST', body, schema: UserCreatedSchema }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: userKeys.lists() }),
  });
};

/**
 * Changes a member's role or status, made from the `revision` the table showed (sent as If-Match): when
 * someone else changed the member meanwhile, it fails with a 409 carrying the member as they are now.
 */
export const useUpdateUser = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, changes, revision }: { id: string; changes: UserUpdate; revision: number }) =>
      apiRequest(`/api/users/${encodeURIComponent(id)}`, {
        method: 'PATCH',
        body: changes,
        schema: UserSchema,
        ifMatch: revision,
      }),
    // Also after a failure: a 409 means the table is out of date.
    onSettled: () => queryClient.invalidateQueries({ queryKey: userKeys.lists() }),
  });
};

/** Sends a member a single-use link to set their password (an invitation until they first sign in). */
export const useIssuePasswordLink = () =>
  useMutation({
    mutationFn: (user: { id: string }) =>
      apiRequest(`/api/users/${user.id}/password-link`, { method: 'POST', schema: AccountLinkIssuedSchema }),
  });
