import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import {
  type Task,
  TaskBulkResultSchema,
  type TaskBulkUpdate,
  TaskCommentSchema,
  type TaskCreate,
  type TaskDetail,
  TaskDetailSchema,
  TaskEvidenceFileSchema,
  TaskPageSchema,
  TaskSchema,
  type TasksQuery,
  type TaskTransition,
  type TaskUpdate,
} from '#shared/schemas/tasks.js';
import { apiRequest } from '../../lib/api-client.js';
import { type UploadProgress, uploadFile } from '../../lib/upload.js';

/** The board's filters and paging, as the query string of `GET /api/tasks` names them. */
export type TaskListParams = Partial<TasksQuery>;

export const taskKeys = {
  all: ['tasks'] as const,
  lists: () => [...taskKeys.all, 'list'] as const,
  list: (params: TaskListParams) => [...taskKeys.lists(), params] as const,
  details: () => [...taskKeys.all, 'detail'] as const,
  detail: (id: string) => [...taskKeys.details(), id] as const,
};

const taskPath = (id: string) => `/api/tasks/${encodeURIComponent(id)}`;

/** One page of tasks: a board column is one status's page under the board's filters. */
export const useTasks = (params: TaskListParams, enabled = true) =>
  useQuery({
    queryKey: taskKeys.list(params),
    queryFn: ({ signal }) =>
      apiRequest('/api/tasks', { schema: TaskPageSchema, query: { ...params }, signal }),
    placeholderData: keepPreviousData,
    enabled,
  });

export const useTask = (id: string) =>
  useQuery({
    queryKey: taskKeys.detail(id),
    queryFn: ({ signal }) => apiRequest(taskPath(id), { schema: TaskDetailSchema, signal }),
  });

/**
 * A task as the server answered a change with it (without thread and evidence): put into the cached detail,
 * keeping the thread and evidence it had, and every list refetched (the task may have changed column).
 */
const useStoreTask = () => {
  const queryClient = useQueryClient();
  return (task: Task) => {
    queryClient.setQueryData<TaskDetail>(taskKeys.detail(task.id), (old) =>
      old ? { ...old, ...task } : undefined,
    );
    void queryClient.invalidateQueries({ queryKey: taskKeys.detail(task.id) });
    return queryClient.invalidateQueries({ queryKey: taskKeys.lists() });
  };
};

/** What a PATCH or a transition answers with: the task, with or without its thread (either is read). */
const TaskAnswerSchema = z.union([TaskDetailSchema, TaskSchema]);

export const useCreateTask = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: TaskCreate) =>
      apiRequest('/api/tasks', { method: 'POST', body, schema: TaskAnswerSchema }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: taskKeys.all }),
  });
};

/** Field changes made from `revision` (sent as If-Match): a stale one fails with a 409 carrying the current. */
export const useUpdateTask = () => {
  const store = useStoreTask();
  return useMutation({
    mutationFn: ({ id, changes, revision }: { id: string; changes: TaskUpdate; revision: number }) =>
      apiRequest(taskPath(id), {
        method: 'PATCH',
        body: changes,
        schema: TaskAnswerSchema,
        ifMatch: revision,
      }),
    onSuccess: (task) => store(task),
  });
};

/** A move along the transitions table; `revision` keeps two people from moving the same task at once. */
export const useTransitionTask = () => {
  const store = useStoreTask();
  return useMutation({
    mutationFn: ({ id, move }: { id: string; move: TaskTransition }) =>
      apiRequest(`${taskPath(id)}/transition`, { method: 'POST', body: move, schema: TaskAnswerSchema }),
    onSuccess: (task) => store(task),
  });
};

export const useBulkUpdateTasks = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: TaskBulkUpdate) =>
      apiRequest('/api/tasks/bulk', { method: 'POST', body, schema: TaskBulkResultSchema }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: taskKeys.all }),
  });
};

export const useAddTaskComment = (taskId: string) => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: string) =>
      apiRequest(`${taskPath(taskId)}/comments`, {
        method: 'POST',
        body: { body },
        schema: TaskCommentSchema,
      }),
    onSuccess: (comment) => {
      queryClient.setQueryData<TaskDetail>(taskKeys.detail(taskId), (old) =>
        old ? { ...old, comments: [...old.comments.filter((c) => c.id !== comment.id), comment] } : old,
      );
      return queryClient.invalidateQueries({ queryKey: taskKeys.detail(taskId) });
    },
  });
};

/** Uploads one evidence file for a task with progress; the detail is refetched after. */
export const useUploadTaskEvidence = (taskId: string) => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ file, onProgress }: { file: File; onProgress: (p: UploadProgress) => void }) =>
      uploadFile(`${taskPath(taskId)}/evidence`, { file, schema: TaskEvidenceFileSchema, onProgress }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: taskKeys.detail(taskId) }),
  });
};

export const taskEvidenceUrl = (taskId: string, fileId: string) =>
  `${taskPath(taskId)}/evidence/${encodeURIComponent(fileId)}`;
