import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  type ApiKeyCreate,
  ApiKeyCreatedSchema,
  ApiKeyPageSchema,
  ApiKeySchema,
} from '#shared/schemas/api-keys.js';
import { apiRequest } from '../../lib/api-client.js';

export interface ApiKeysParams {
  limit: number;
  offset: number;
  includeRevoked: boolean;
}

export const apiKeyKeys = {
  all: ['api-keys'] as const,
  lists: () => [...apiKeyKeys.all, 'list'] as const,
  list: (params: ApiKeysParams) => [...apiKeyKeys.lists(), params] as const,
};

export const useApiKeys = (params: ApiKeysParams) =>
  useQuery({
    queryKey: apiKeyKeys.list(params),
    queryFn: ({ signal }) =>
      apiRequest('/api/api-keys', {
        schema: ApiKeyPageSchema,
        query: { limit: params.limit, offset: params.offset, includeRevoked: String(params.includeRevoked) },
        signal,
      }),
    placeholderData: keepPreviousData,
  });

export const useCreateApiKey = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ApiKeyCreate) =>
      apiRequest('/api/api-keys', { method: 'POST', body, schema: ApiKeyCreatedSchema }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: apiKeyKeys.lists() }),
  });
};

export const useRevokeApiKey = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) =>
      apiRequest(`/api/api-keys/${encodeURIComponent(id)}`, { method: 'DELETE', schema: ApiKeySchema }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: apiKeyKeys.lists() }),
  });
};
