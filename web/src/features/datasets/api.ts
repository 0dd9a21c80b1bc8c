import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { OkSchema } from '#shared/schemas/common.js';
import {
  DatasetsOverviewSchema,
  EditionDiffSchema,
  type EditionUploadFields,
  EditionUploadResultSchema,
  type LoadableKind,
} from '#shared/schemas/datasets.js';
import { type Policy, PolicySchema } from '#shared/schemas/policy.js';
import { apiRequest } from '../../lib/api-client.js';
import { uploadFile } from '../../lib/upload.js';
import { policyKeys } from '../policies/api.js';

export const datasetKeys = {
  all: ['datasets'] as const,
  overview: () => [...datasetKeys.all, 'overview'] as const,
  diff: (id: string) => [...datasetKeys.all, 'diff', id] as const,
};

const editionPath = (id: string) => `/api/datasets/editions/${encodeURIComponent(id)}`;

/** The shipped editions and the ones this organisation loaded. */
export const useDatasets = () =>
  useQuery({
    queryKey: datasetKeys.overview(),
    queryFn: ({ signal }) => apiRequest('/api/datasets', { schema: DatasetsOverviewSchema, signal }),
  });

export const useEditionDiff = (id: string | null) =>
  useQuery({
    queryKey: datasetKeys.diff(id ?? ''),
    queryFn: ({ signal }) =>
      apiRequest(`${editionPath(id ?? '')}/diff`, { schema: EditionDiffSchema, signal }),
    enabled: Boolean(id),
  });

/** Uploads an edition with its provenance: stored with its diff, or refused with its row errors. */
export const useUploadEdition = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ fields, file }: { fields: EditionUploadFields; file: File }) =>
      uploadFile('/api/datasets/editions', {
        file,
        fields: { ...fields },
        schema: EditionUploadResultSchema,
      }),
    onSuccess: (result) => {
      if (result.accepted) void queryClient.invalidateQueries({ queryKey: datasetKeys.all });
    },
  });
};

export const useDeleteEdition = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => apiRequest(editionPath(id), { method: 'DELETE', schema: OkSchema }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: datasetKeys.all }),
  });
};

/**
 * Pins an edition in a draft: the draft's document with `datasets[kind]` set, sent at the revision read
 * (If-Match), so the draft then goes through what-if and publish like any policy change.
 */
export const usePinEdition = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ draft, kind, editionId }: { draft: Policy; kind: LoadableKind; editionId: string }) =>
      apiRequest(`/api/policies/${encodeURIComponent(draft.id)}`, {
        method: 'PATCH',
        body: {
          document: { ...draft.document, datasets: { ...draft.document.datasets, [kind]: editionId } },
        },
        schema: PolicySchema,
        ifMatch: draft.revision,
      }),
    onSuccess: (policy) => {
      queryClient.setQueryData(policyKeys.detail(policy.id), policy);
      void queryClient.invalidateQueries({ queryKey: policyKeys.list() });
      void queryClient.invalidateQueries({ queryKey: datasetKeys.all });
    },
  });
};
