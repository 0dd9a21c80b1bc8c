import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { OkSchema } from '#shared/schemas/common.js';
import {
  type Template,
  type TemplateCreate,
  TemplatePageSchema,
  TemplateSchema,
  type TemplateUpdate,
} from '#shared/schemas/templates.js';
import { apiRequest } from '../../lib/api-client.js';

export const templateKeys = {
  all: ['templates'] as const,
  list: () => [...templateKeys.all, 'list'] as const,
  details: () => [...templateKeys.all, 'detail'] as const,
  detail: (id: string) => [...templateKeys.details(), id] as const,
};

const templatePath = (id: string) => `/api/templates/${encodeURIComponent(id)}`;

/**
 * Every template version of the organisation, most recently changed first. One page of 200: an organisation
 * keeps a handful of templates with a few versions each, far below that.
 */
export const useTemplates = () =>
  useQuery({
    queryKey: templateKeys.list(),
    queryFn: ({ signal }) =>
      apiRequest('/api/templates', { query: { limit: 200 }, schema: TemplatePageSchema, signal }),
    select: (data) => data.items,
  });

export const useTemplate = (id: string | undefined) =>
  useQuery({
    queryKey: templateKeys.detail(id ?? ''),
    queryFn: ({ signal }) => apiRequest(templatePath(id ?? ''), { schema: TemplateSchema, signal }),
    enabled: Boolean(id),
  });

type Client = ReturnType<typeof useQueryClient>;
const storeTemplate = (queryClient: Client, template: Template) => {
  queryClient.setQueryData(templateKeys.detail(template.id), template);
  return queryClient.invalidateQueries({ queryKey: templateKeys.list() });
};

/** Puts a template the person has seen (e.g. the newer one a 409 carried) where every view reads it. */
export const useStoreTemplate = () => {
  const queryClient = useQueryClient();
  return (template: Template) => void storeTemplate(queryClient, template);
};

/** A new draft: from the shipped questionnaire, from a published version, or from an imported definition. */
export const useCreateTemplate = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: TemplateCreate) =>
      apiRequest('/api/templates', { method: 'POST', body, schema: TemplateSchema }),
    onSuccess: (template) => storeTemplate(queryClient, template),
  });
};

/** Saves a draft made from `revision` (If-Match): a stale one fails with a 409 carrying the current draft. */
export const useUpdateTemplate = (id: string) => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ changes, revision }: { changes: Omit<TemplateUpdate, 'revision'>; revision: number }) =>
      apiRequest(templatePath(id), {
        method: 'PATCH',
        body: changes,
        schema: TemplateSchema,
        ifMatch: revision,
      }),
    onSuccess: (template) => storeTemplate(queryClient, template),
  });
};

/** Publishes the draft at `revision`: 409 when it changed since, 422 with `issues` when the policy refuses it. */
export const usePublishTemplate = (id: string) => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (revision: number) =>
      // The body names the revision too: the route reads a JSON body, and an empty POST is not one.
      apiRequest(`${templatePath(id)}/publish`, {
        method: 'POST',
        body: { revision },
        schema: TemplateSchema,
        ifMatch: revision,
      }),
    onSuccess: (template) => {
      queryClient.setQueryData(templateKeys.detail(template.id), template);
      // Publishing retires the family's previous version too: every cached template may be stale.
      return queryClient.invalidateQueries({ queryKey: templateKeys.all });
    },
  });
};

/** Deletes a draft never published, as the person saw it (`revision` as If-Match). */
export const useDeleteTemplate = (id: string) => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (revision: number) =>
      apiRequest(templatePath(id), { method: 'DELETE', schema: OkSchema, ifMatch: revision }),
    onError: () => queryClient.invalidateQueries({ queryKey: templateKeys.detail(id) }),
    onSuccess: () => {
      queryClient.removeQueries({ queryKey: templateKeys.detail(id) });
      void queryClient.invalidateQueries({ queryKey: templateKeys.list() });
    },
  });
};
