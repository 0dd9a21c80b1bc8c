import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { AssignmentPreviewSchema, SupplierFindingsSchema } from '#shared/schemas/assignment-review.js';
import {
  AssignmentAcceptedSchema,
  AssignmentAnswersSchema,
  AssignmentPageSchema,
  AssignmentSchema,
} from '#shared/schemas/assignments.js';
import { apiRequest } from '../../../lib/api-client.js';

// The officer's review of one questionnaire. Kept apart from the assignments list's hooks (another file)
// so the two grow without stepping on each other; both live under the 'assignments' key.
export const reviewKeys = {
  all: ['assignments'] as const,
  answers: (id: string) => [...reviewKeys.all, 'answers', id] as const,
  preview: (id: string, evidence: readonly string[]) =>
    [...reviewKeys.all, 'preview', id, [...evidence].sort().join(',')] as const,
  accepted: (supplierId: string) => [...reviewKeys.all, 'accepted', supplierId] as const,
  findings: (supplierId: string) => ['findings', 'supplier', supplierId] as const,
};

const path = (id: string) => `/api/assignments/${encodeURIComponent(id)}`;

/** The answers, comments, evidence and findings of one questionnaire (the assignment itself comes with them). */
export const useAssignmentAnswers = (id: string) =>
  useQuery({
    queryKey: reviewKeys.answers(id),
    queryFn: ({ signal }) => apiRequest(`${path(id)}/answers`, { schema: AssignmentAnswersSchema, signal }),
  });

/**
 * What accepting would do with the evidence of `evidence` accepted. The previous preview stays on screen
 * while a new one loads, so ticking a box does not blank the panel.
 */
export const useAssignmentPreview = (id: string, evidence: readonly string[], enabled: boolean) =>
  useQuery({
    queryKey: reviewKeys.preview(id, evidence),
    queryFn: ({ signal }) =>
      apiRequest(`${path(id)}/preview`, {
        schema: AssignmentPreviewSchema,
        query: evidence.length > 0 ? { evidenceAccepted: [...evidence].sort().join(',') } : undefined,
        signal,
      }),
    enabled,
    placeholderData: keepPreviousData,
  });

type Client = ReturnType<typeof useQueryClient>;
// A decision changes the questionnaire, the supplier's risk and its findings: every cached view of them.
// The score previews are only marked stale, not asked again: the page still shows one while the decision's
// answer comes back, and the server refuses a preview of a decided questionnaire (422).
const refreshAfterDecision = (client: Client, supplierId: string) =>
  Promise.all([
    client.invalidateQueries({ queryKey: reviewKeys.all, predicate: (q) => q.queryKey[1] !== 'preview' }),
    client.invalidateQueries({ queryKey: [...reviewKeys.all, 'preview'], refetchType: 'none' }),
    client.invalidateQueries({ queryKey: reviewKeys.findings(supplierId) }),
    client.invalidateQueries({ queryKey: ['suppliers'] }),
  ]);

export const useReturnAssignment = (id: string, supplierId: string) => {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ comments, revision }: { comments: Record<string, string>; revision: number }) =>
      apiRequest(`${path(id)}/return`, {
        method: 'POST',
        body: { comments, revision },
        schema: AssignmentSchema,
        ifMatch: revision,
      }),
    onSettled: () => refreshAfterDecision(client, supplierId),
  });
};

export const useAcceptAssignment = (id: string, supplierId: string) => {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ evidenceAccepted, revision }: { evidenceAccepted: string[]; revision: number }) =>
      apiRequest(`${path(id)}/accept`, {
        method: 'POST',
        body: { evidenceAccepted, revision },
        schema: AssignmentAcceptedSchema,
        ifMatch: revision,
      }),
    onSettled: () => refreshAfterDecision(client, supplierId),
  });
};

/** The supplier's accepted questionnaires, newest first: where the answers its assessments cite came from. */
export const useAcceptedAssignments = (supplierId: string, enabled = true) =>
  useQuery({
    enabled: enabled && supplierId !== '',
    queryKey: reviewKeys.accepted(supplierId),
    queryFn: ({ signal }) =>
      apiRequest('/api/assignments', {
        schema: AssignmentPageSchema,
        query: { supplierId, status: 'accepted', limit: 20 },
        signal,
      }),
    select: (page) => page.items,
  });

export const useSupplierFindings = (supplierId: string, enabled = true) =>
  useQuery({
    enabled,
    queryKey: reviewKeys.findings(supplierId),
    queryFn: ({ signal }) =>
      apiRequest(`/api/suppliers/${encodeURIComponent(supplierId)}/findings`, {
        schema: SupplierFindingsSchema,
        signal,
      }),
    select: (data) => data.items,
  });
