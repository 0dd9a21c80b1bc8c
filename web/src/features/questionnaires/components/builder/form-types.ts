import { type FieldError, type FieldPath, get, useFormContext, useFormState } from 'react-hook-form';
import type { TemplateDefinition } from '#shared/schemas/questionnaires.js';

/** The builder edits the definition as the shared schema has it; field names are its dotted paths. */
export type BuilderValues = TemplateDefinition;

/** Dotted paths are built at run time ("sections.2.questions.0.label"); RHF's path type cannot follow them. */
export const fieldPath = (path: string) => path as FieldPath<BuilderValues>;

export const useBuilderForm = () => useFormContext<BuilderValues>();

/** The message of the error at `name` (from the schema or the server), if any. */
export const useFieldError = (name: string): string | undefined => {
  const { errors } = useFormState<BuilderValues>({ name: fieldPath(name) });
  const error = get(errors, name) as (FieldError & { root?: FieldError }) | undefined;
  return error?.message ?? error?.root?.message;
};
