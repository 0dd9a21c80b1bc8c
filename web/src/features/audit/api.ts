import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import { AuditPageSchema, type AuditQuery } from '#shared/schemas/audit.js';
import { AuditCheckpointFileSchema, AuditVerifySchema } from '#shared/schemas/audit-anchors.js';
import { apiRequest, toQueryString } from '../../lib/api-client.js';

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

/** Walks the chain on request: it reads every event, so it runs when asked, not on every visit. */
export const useVerifyAudit = () =>
  useMutation({
    mutationFn: () => apiRequest('/api/audit-events/verify', { schema: AuditVerifySchema }),
  });

/** Fetches the signed checkpoints and saves them as a JSON file, to be kept outside Clearsource. */
export const useDownloadCheckpoints = () =>
  useMutation({
    mutationFn: async () => {
      const file = await apiRequest('/api/audit-events/checkpoints', { schema: AuditCheckpointFileSchema });
      const blob = new Blob([`${JSON.stringify(file, null, 2)}\n`], { type: 'application/json' });
      const url = URL.createObjectURL(blob);
      const a = document.createElement('a');
      a.href = url;
      a.download = `audit-checkpoints-${new Date().toISOString().slice(0, 10)}.json`;
      a.click();
      URL.revokeObjectURL(url);
      return file;
    },
  });

const EXPORT_KEYS = [
  'entityType',
  'entityId',
  'entity',
  'actorId',
  'actorType',
  'action',
  'from',
  'to',
  'order',
] as const;

/** The filtered trail as a CSV download (paging does not apply to an export). */
export const auditExportUrl = (query: AuditQuery): string =>
  `/api/audit-events/export.csv${toQueryString(Object.fromEntries(EXPORT_KEYS.map((k) => [k, query[k]])))}`;
