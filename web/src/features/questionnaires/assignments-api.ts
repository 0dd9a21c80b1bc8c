import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  AnswerCoverageSchema,
  type AssignmentCreate,
  AssignmentIssuedSchema,
  AssignmentPageSchema,
  AssignmentSchema,
  AssignmentsCreatedSchema,
  type AssignmentsQuery,
} from '#shared/schemas/assignments.js';
import { apiRequest } from '../../lib/api-client.js';

export const assignmentKeys = {
  all: ['assignments'] as const,
  lists: () => [...assignmentKeys.all, 'list'] as const,
  list: (params: AssignmentsQuery) => [...assignmentKeys.lists(), params] as const,
  details: () => [...assignmentKeys.all, 'detail'] as const,
  detail: (id: string) => [...assignmentKeys.details(), id] as const,
  coverage: () => [...assignmentKeys.all, 'coverage'] as const,
};

const assignmentPath = (id: string) => `/api/assignments/${encodeURIComponent(id)}`;

/** How many active suppliers have accepted answers that still count, and how many expire within 30 days. */
export const useAnswerCoverage = () =>
  useQuery({
    queryKey: assignmentKeys.coverage(),
    queryFn: ({ signal }) =>
      apiRequest('/api/assignments/coverage', { schema: AnswerCoverageSchema, signal }),
  });

/** One page of questionnaires sent, newest first, filtered as the query says. */
export const useAssignments = (params: AssignmentsQuery) =>
  useQuery({
    queryKey: assignmentKeys.list(params),
    queryFn: ({ signal }) =>
      apiRequest('/api/assignments', { schema: AssignmentPageSchema, query: { ...params }, signal }),
    placeholderData: keepPreviousData,
  });

/**
 * Sends a published template to one or many suppliers. The answer is the only place a handed-over link
 * (`portalUrl`) ever appears, so it lives in the mutation's data and nowhere else: never in the query cache.
 */
export const useSendQuestionnaires = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: AssignmentCreate) =>
      apiRequest('/api/assignments', { method: 'POST', body, schema: AssignmentsCreatedSchema }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: assignmentKeys.all }),
  });
};

interface LinkChange {
  id: string;
  /** The revision the officer saw (If-Match): a questionnaire changed since answers 409. */
  revision: number;
}

/** Stops the supplier's link at once; the answers stay. */
export const useRevokeLink = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, revision }: LinkChange) =>
      apiRequest(`${assignmentPath(id)}/revoke-link`, {
        method: 'POST',
        schema: AssignmentSchema,
        ifMatch: revision,
      }),
    // A 409 means someone else changed it: the list should show what is true now.
    onSettled: () => queryClient.invalidateQueries({ queryKey: assignmentKeys.all }),
  });
};

/** A new link replaces the old one: e-mailed, or (`portalUrl`) handed to the officer once. */
export const useReissueLink = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, revision }: LinkChange) =>
      apiRequest(`${assignmentPath(id)}/reissue-link`, {
        method: 'POST',
        schema: AssignmentIssuedSchema,
        ifMatch: revision,
      }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: assignmentKeys.all }),
  });
};

/** The questionnaire is no longer sent again automatically (its recurrence stops; nothing else changes). */
export const useStopRecurrence = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, revision }: LinkChange) =>
      apiRequest(`${assignmentPath(id)}/stop-recurrence`, {
        method: 'POST',
        schema: AssignmentSchema,
        ifMatch: revision,
      }),
    // The review page's answers and the lists all live under the 'assignments' key.
    onSettled: () => queryClient.invalidateQueries({ queryKey: assignmentKeys.all }),
  });
};

/**
 * The questionnaires of one template not yet accepted (newest 200), so the send form can say which chosen
 * suppliers already have one open before a second is sent.
 */
export const useOpenAssignmentsOf = (templateId: string) =>
  useQuery({
    queryKey: assignmentKeys.list({ templateId, limit: 200, offset: 0 }),
    queryFn: ({ signal }) =>
      apiRequest('/api/assignments', {
        schema: AssignmentPageSchema,
        query: { templateId, limit: 200, offset: 0 },
        signal,
      }),
    enabled: Boolean(templateId),
    select: (page) => page.items.filter((a) => a.status !== 'accepted'),
  });
