import { type QueryClient, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { OkSchema } from '#shared/schemas/common.js';
import {
  EvidenceFileSchema,
  type PortalAnswer,
  PortalAnswerSavedSchema,
  type PortalQuestionnaire,
  PortalQuestionnaireSchema,
  PortalSubmittedSchema,
} from '#shared/schemas/portal.js';
import type { AnswerValue } from '#shared/schemas/questionnaire-answers.js';
import type { Locale } from '#shared/schemas/questionnaires.js';
import { apiRequest } from '../../lib/api-client.js';
import { type UploadProgress, uploadFile } from '../../lib/upload.js';

// The supplier portal: every call carries the link's token in its path (the token is the credential). What
// the api-client writes to the console about a call has /portal/<token> redacted (shared/src/redact-url.ts).

const base = (token: string) => `/api/portal/${encodeURIComponent(token)}`;

export const portalKeys = {
  all: ['portal'] as const,
  questionnaire: (token: string) => [...portalKeys.all, token] as const,
};

export const usePortalQuestionnaire = (token: string) =>
  useQuery({
    queryKey: portalKeys.questionnaire(token),
    queryFn: ({ signal }) => apiRequest(base(token), { schema: PortalQuestionnaireSchema, signal }),
    // The supplier's own edits are the news here: no refetch under a half-typed answer.
    refetchOnWindowFocus: false,
    staleTime: Number.POSITIVE_INFINITY,
  });

/** One autosave: `revision` is the version this edit was made from (absent for a first answer). */
export const savePortalAnswer = (
  token: string,
  questionId: string,
  value: AnswerValue | null,
  revision: number | undefined,
) =>
  apiRequest(`${base(token)}/answers/${encodeURIComponent(questionId)}`, {
    method: 'PUT',
    schema: PortalAnswerSavedSchema,
    body: revision === undefined ? { value } : { value, revision },
  });

/** Keeps the cached questionnaire in step with a saved answer (so a remount starts from what is stored). */
export const storeSavedAnswer = (
  client: QueryClient,
  token: string,
  questionId: string,
  answer: PortalAnswer | null,
  progress?: PortalQuestionnaire['progress'],
) =>
  client.setQueryData<PortalQuestionnaire>(portalKeys.questionnaire(token), (old) =>
    old
      ? {
          ...old,
          status: old.status === 'sent' ? 'in_progress' : old.status,
          answers: [...old.answers.filter((a) => a.questionId !== questionId), ...(answer ? [answer] : [])],
          progress: progress ?? old.progress,
        }
      : old,
  );

export const useChoosePortalLocale = (token: string) =>
  useMutation({
    mutationFn: (locale: Locale) =>
      apiRequest(`${base(token)}/locale`, { method: 'PUT', schema: OkSchema, body: { locale } }),
  });

export const useSubmitPortal = (token: string) => {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => apiRequest(`${base(token)}/submit`, { method: 'POST', schema: PortalSubmittedSchema }),
    onSuccess: () => client.invalidateQueries({ queryKey: portalKeys.questionnaire(token) }),
  });
};

/** Uploads one evidence file for a question, reporting progress; the file is listed in the cache after. */
export const uploadPortalEvidence = (
  token: string,
  questionId: string,
  file: File,
  onProgress: (p: UploadProgress) => void,
  signal?: AbortSignal,
) =>
  uploadFile(`${base(token)}/evidence?questionId=${encodeURIComponent(questionId)}`, {
    file,
    schema: EvidenceFileSchema,
    onProgress,
    ...(signal ? { signal } : {}),
  });

export const evidenceDownloadUrl = (token: string, fileId: string) => `${base(token)}/evidence/${fileId}`;
