import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  type PortalTask,
  PortalTaskSchema,
  type PortalTasks,
  PortalTasksSchema,
  TaskEvidenceFileSchema,
} from '#shared/schemas/tasks.js';
import { apiRequest } from '../../lib/api-client.js';
import { type UploadProgress, uploadFile } from '../../lib/upload.js';
import { portalKeys } from './api.js';

// The supplier's remediation tasks through its portal link (the token in the path is the credential): only
// the tasks shared with it, and of them only what it needs to act.

const base = (token: string) => `/api/portal/${encodeURIComponent(token)}/tasks`;
const taskPath = (token: string, id: string) => `${base(token)}/${encodeURIComponent(id)}`;

export const portalTaskKeys = {
  list: (token: string) => [...portalKeys.all, token, 'tasks'] as const,
};

export const usePortalTasks = (token: string) =>
  useQuery({
    queryKey: portalTaskKeys.list(token),
    queryFn: ({ signal }) => apiRequest(base(token), { schema: PortalTasksSchema, signal }),
    refetchOnWindowFocus: false,
  });

/**
 * Puts the task as the server answered a change into the cached list, then asks for the list again: an
 * upload finishing meanwhile (its file not in this answer) must not be hidden by it.
 */
const useStore = (token: string) => {
  const client = useQueryClient();
  return (task: PortalTask) => {
    client.setQueryData<PortalTasks>(portalTaskKeys.list(token), (old) =>
      old ? { ...old, items: old.items.map((t) => (t.id === task.id ? task : t)) } : old,
    );
    return client.invalidateQueries({ queryKey: portalTaskKeys.list(token) });
  };
};

export const usePortalTaskComment = (token: string) => {
  const store = useStore(token);
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: string }) =>
      apiRequest(`${taskPath(token, id)}/comments`, {
        method: 'POST',
        body: { body },
        schema: PortalTaskSchema,
      }),
    onSuccess: store,
  });
};

export const usePortalTaskDone = (token: string) => {
  const store = useStore(token);
  return useMutation({
    mutationFn: (id: string) =>
      apiRequest(`${taskPath(token, id)}/done`, { method: 'POST', schema: PortalTaskSchema }),
    onSuccess: store,
  });
};

const UploadedSchema = TaskEvidenceFileSchema.omit({ uploadedBy: true, taskId: true });

/** Uploads one evidence file for a task, with progress; the task's list of files is refetched after. */
export const usePortalTaskEvidence = (token: string) => {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({
      id,
      file,
      onProgress,
    }: {
      id: string;
      file: File;
      onProgress: (p: UploadProgress) => void;
    }) => uploadFile(`${taskPath(token, id)}/evidence`, { file, schema: UploadedSchema, onProgress }),
    onSuccess: (file, { id }) => {
      client.setQueryData<PortalTasks>(portalTaskKeys.list(token), (old) =>
        old
          ? {
              ...old,
              items: old.items.map((t) => (t.id === id ? { ...t, evidence: [...t.evidence, file] } : t)),
            }
          : old,
      );
    },
  });
};
