import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  type CreateReport,
  type Report,
  type ReportFormat,
  type ReportListQuery,
  ReportPageSchema,
  ReportSchema,
  VerifyReportResponseSchema,
} from '#shared/schemas/reports.js';
import { apiRequest } from '../../lib/api-client.js';
import { type UploadProgress, uploadFile } from '../../lib/upload.js';
import { JOB_POLL_MS } from '../jobs/api.js';

/** The register's filter and paging, as the query string of `GET /api/reports` names them. */
export type ReportListParams = Partial<ReportListQuery>;

export const reportKeys = {
  all: ['reports'] as const,
  lists: () => [...reportKeys.all, 'list'] as const,
  list: (params: ReportListParams) => [...reportKeys.lists(), params] as const,
  detail: (id: string) => [...reportKeys.all, 'detail', id] as const,
};

const reportPath = (id: string) => `/api/reports/${encodeURIComponent(id)}`;

/** Queued or running: the PDF is not there yet, so its progress is worth asking for again. */
export const isReportPending = (report: Pick<Report, 'status'>): boolean =>
  report.status === 'queued' || report.status === 'running';

/** One page of the register, newest first. */
export const useReports = (params: ReportListParams) =>
  useQuery({
    queryKey: reportKeys.list(params),
    queryFn: ({ signal }) =>
      apiRequest('/api/reports', { schema: ReportPageSchema, query: { ...params }, signal }),
    placeholderData: keepPreviousData,
  });

/**
 * One register entry, asked for again every JOB_POLL_MS while it is queued or running (its progress), and
 * not any more once it is ready or failed. When it ends, the register's pages are refetched so the row that
 * showed the progress shows the result.
 */
export const useReport = (id: string, enabled = true) => {
  const queryClient = useQueryClient();
  return useQuery({
    queryKey: reportKeys.detail(id),
    queryFn: async ({ signal }) => {
      const before = queryClient.getQueryData<Report>(reportKeys.detail(id));
      const report = await apiRequest(reportPath(id), { schema: ReportSchema, signal });
      if (before && isReportPending(before) && !isReportPending(report)) {
        void queryClient.invalidateQueries({ queryKey: reportKeys.lists() });
      }
      return report;
    },
    enabled: enabled && Boolean(id),
    staleTime: 0,
    refetchInterval: (query) => {
      const report = query.state.data;
      // A report that ended, or one we cannot read (gone, other organisation), will not change: stop asking.
      if (query.state.status === 'error' || (report && !isReportPending(report))) return false;
      return JOB_POLL_MS;
    },
  });
};

/** Issues a report: the register entry comes back at once (queued, or ready when it was quick). */
export const useCreateReport = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateReport) =>
      apiRequest('/api/reports', { method: 'POST', body, schema: ReportSchema }),
    onSuccess: (report) => {
      queryClient.setQueryData(reportKeys.detail(report.id), report);
      return queryClient.invalidateQueries({ queryKey: reportKeys.lists() });
    },
  });
};

/** Where a format of a report downloads from (the server sends it as an attachment). */
export const reportFileUrl = (id: string, format: ReportFormat) => `${reportPath(id)}/${format}`;

/** Sends a PDF to the public check (no session needed) with upload progress. */
export const verifyReportFile = (file: File, onProgress: (p: UploadProgress) => void) =>
  uploadFile('/api/reports/verify', { file, schema: VerifyReportResponseSchema, onProgress });
