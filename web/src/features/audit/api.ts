import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { AuditPageSchema, type AuditQuery } from '#shared/schemas/audit.js';
import { apiRequest } from '../../lib/api-client.js';

export const auditKeys = {
  all: ['audit-events'] as const,
  lists: () => [...auditKeys.all, 'list'] as const,
  list: (params: AuditQuery) => [...auditKeys.lists(), params] as const,
};

export const useAuditEvents = (params: AuditQuery) =>
  useQuery({
    queryKey: auditKeys.list(params),
    queryFn: ({ signal }) =>
      apiRequest('/api/audit-events', { schema: AuditPageSchema, query: { ...params }, signal }),
    placeholderData: keepPreviousData,
  });
