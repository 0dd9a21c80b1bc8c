import { keepPreviousData, useMutation, useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import { AssessmentPageSchema, AssessmentSchema } from '#shared/schemas/assessments.js';
import {
  ImportPreviewSchema,
  ImportResultSchema,
  SUPPLIER_FILTER_KEYS,
  type Supplier,
  SupplierChainRiskSchema,
  type SupplierCreate,
  type SupplierFilter,
  SupplierPageSchema,
  SupplierSchema,
  type SuppliersQuery,
  SupplierTreeNodeSchema,
  type SupplierUpdate,
} from '#shared/schemas/suppliers.js';
import { apiRequest, toQueryString } from '../../lib/api-client.js';
import { type UploadProgress, uploadFile } from '../../lib/upload.js';

export interface AssessmentsPage {
  limit: number;
  offset: number;
}

export const supplierKeys = {
  all: ['suppliers'] as const,
  lists: () => [...supplierKeys.all, 'list'] as const,
  list: (params: SuppliersQuery) => [...supplierKeys.lists(), params] as const,
  search: (q: string) => [...supplierKeys.all, 'search', q] as const,
  counts: () => [...supplierKeys.all, 'count'] as const,
  count: (filter: SupplierCountFilter) => [...supplierKeys.counts(), filter] as const,
  details: () => [...supplierKeys.all, 'detail'] as const,
  detail: (id: string) => [...supplierKeys.details(), id] as const,
  tree: (id: string) => [...supplierKeys.detail(id), 'tree'] as const,
  chainRisk: (id: string) => [...supplierKeys.detail(id), 'chain-risk'] as const,
  assessments: (id: string, page: AssessmentsPage) =>
    [...supplierKeys.detail(id), 'assessments', page] as const,
};

const supplierPath = (id: string) => `/api/suppliers/${encodeURIComponent(id)}`;

export const useSuppliers = (params: SuppliersQuery) =>
  useQuery({
    queryKey: supplierKeys.list(params),
    queryFn: ({ signal }) =>
      apiRequest('/api/suppliers', { schema: SupplierPageSchema, query: { ...params }, signal }),
    placeholderData: keepPreviousData,
  });

/** A few suppliers whose name or reference matches `q`, for pickers (e.g. the parent supplier). */
export const useSupplierSearch = (q: string, enabled = true) =>
  useQuery({
    queryKey: supplierKeys.search(q),
    queryFn: ({ signal }) =>
      apiRequest('/api/suppliers', {
        schema: SupplierPageSchema,
        query: { q: q.trim() || undefined, limit: 10, sort: 'name', order: 'asc' },
        signal,
      }),
    placeholderData: keepPreviousData,
    enabled,
  });

/** Filters of the list, without paging or sort: what a count is taken over. */
export type SupplierCountFilter = Partial<SupplierFilter>;

/**
 * How many current suppliers match each filter, in order; `undefined` while a count loads. Each is the
 * `total` of a one-row page, so a count can never disagree with the list it links to.
 */
export const useSupplierCounts = (filters: readonly SupplierCountFilter[], enabled = true) =>
  useQueries({
    queries: filters.map((filter) => ({
      queryKey: supplierKeys.count(filter),
      queryFn: ({ signal }: { signal: AbortSignal }) =>
        apiRequest('/api/suppliers', { schema: SupplierPageSchema, query: { ...filter, limit: 1 }, signal }),
      select: (page: { total: number }) => page.total,
      enabled,
    })),
    combine: (results) => ({
      counts: results.map((result) => result.data),
      isPending: results.some((result) => result.isPending),
      error: results.find((result) => result.error)?.error ?? null,
      refetch: () => Promise.all(results.map((result) => result.refetch())),
    }),
  });

export const useSupplier = (id: string | null | undefined) =>
  useQuery({
    queryKey: supplierKeys.detail(id ?? ''),
    queryFn: ({ signal }) => apiRequest(supplierPath(id ?? ''), { schema: SupplierSchema, signal }),
    enabled: Boolean(id),
  });

export const useSupplierTree = (id: string) =>
  useQuery({
    queryKey: supplierKeys.tree(id),
    queryFn: ({ signal }) =>
      apiRequest(`${supplierPath(id)}/tree`, { schema: SupplierTreeNodeSchema, signal }),
  });

export const useSupplierChainRisk = (id: string) =>
  useQuery({
    queryKey: supplierKeys.chainRisk(id),
    queryFn: ({ signal }) =>
      apiRequest(`${supplierPath(id)}/chain-risk`, { schema: SupplierChainRiskSchema, signal }),
  });

export const useSupplierAssessments = (id: string, page: AssessmentsPage) =>
  useQuery({
    queryKey: supplierKeys.assessments(id, page),
    queryFn: ({ signal }) =>
      apiRequest(`${supplierPath(id)}/assessments`, {
        schema: AssessmentPageSchema,
        query: { ...page },
        signal,
      }),
    placeholderData: keepPreviousData,
  });

export const useCreateSupplier = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: SupplierCreate) =>
      apiRequest('/api/suppliers', { method: 'POST', body, schema: SupplierSchema }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: supplierKeys.all }),
  });
};

/** Puts a supplier the person has seen (e.g. the newer one a 409 carried) where every view reads it. */
export const useStoreSupplier = () => {
  const queryClient = useQueryClient();
  return (supplier: Supplier) => {
    queryClient.setQueryData(supplierKeys.detail(supplier.id), supplier);
    void queryClient.invalidateQueries({ queryKey: supplierKeys.lists() });
  };
};

/** Changes a supplier made from `revision` (sent as If-Match): a stale one fails with a 409 carrying the current. */
export const useUpdateSupplier = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, changes, revision }: { id: string; changes: SupplierUpdate; revision: number }) =>
      apiRequest(supplierPath(id), {
        method: 'PATCH',
        body: changes,
        schema: SupplierSchema,
        ifMatch: revision,
      }),
    onSuccess: (supplier) => {
      queryClient.setQueryData(supplierKeys.detail(supplier.id), supplier);
      // Lists, trees (a parent may have changed) and searches may all show this supplier.
      return queryClient.invalidateQueries({ queryKey: supplierKeys.all });
    },
  });
};

export const useArchiveSupplier = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => apiRequest(supplierPath(id), { method: 'DELETE', schema: SupplierSchema }),
    onSuccess: (supplier) => {
      queryClient.setQueryData(supplierKeys.detail(supplier.id), supplier);
      return queryClient.invalidateQueries({ queryKey: supplierKeys.all });
    },
  });
};

export const useRestoreSupplier = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) =>
      apiRequest(`${supplierPath(id)}/restore`, { method: 'POST', schema: SupplierSchema }),
    onSuccess: (supplier) => {
      queryClient.setQueryData(supplierKeys.detail(supplier.id), supplier);
      return queryClient.invalidateQueries({ queryKey: supplierKeys.all });
    },
  });
};

export const useAssessSupplier = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) =>
      apiRequest(`${supplierPath(id)}/assess`, { method: 'POST', schema: AssessmentSchema }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: supplierKeys.all }),
  });
};

export interface UploadVariables {
  file: File;
  onProgress: (progress: UploadProgress) => void;
}

export const usePreviewImport = () =>
  useMutation({
    mutationFn: ({ file, onProgress }: UploadVariables) =>
      uploadFile('/api/suppliers/import/preview', { file, schema: ImportPreviewSchema, onProgress }),
  });

export const useCommitImport = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ file, onProgress }: UploadVariables) =>
      uploadFile('/api/suppliers/import/commit', { file, schema: ImportResultSchema, onProgress }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: supplierKeys.all }),
  });
};

export const TEMPLATE_CSV_URL = '/api/suppliers/import/template.csv';

/** The filtered register as a CSV download (paging and sort do not apply to an export). */
export const exportCsvUrl = (query: SuppliersQuery): string => {
  const filters = Object.fromEntries(SUPPLIER_FILTER_KEYS.map((key) => [key, query[key]]));
  return `/api/suppliers/export.csv${toQueryString(filters)}`;
};
