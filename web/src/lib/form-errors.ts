import { useState } from 'react';
import type { FieldValues, Path, UseFormHandleSubmit, UseFormSetError } from 'react-hook-form';
import { isApiError } from './api-client.js';

/** Server issue paths may come as `email`, `body.email` or `/email`; forms know fields as `email`. */
const toFieldName = (path: string): string =>
  path
    .replace(/^\/+/, '')
    .replace(/\//g, '.')
    .replace(/^body\./, '');

/**
 * Puts server validation issues on the matching form fields and returns the message for the form-level
 * alert: the server's own message when nothing could be placed on a field, null when every issue was.
 */
export function applyServerErrors<T extends FieldValues>(
  error: unknown,
  setError: UseFormSetError<T>,
  fields: readonly Path<T>[],
): string | null {
  if (!isApiError(error)) return 'Something went wrong. Try again in a moment.';
  const unplaced: string[] = [];
  let placed = 0;
  for (const issue of error.issues) {
    const name = toFieldName(issue.path);
    const field = fields.find((candidate) => candidate === name);
    if (field) {
      setError(field, { type: 'server', message: issue.message }, { shouldFocus: placed === 0 });
      placed += 1;
    } else {
      unplaced.push(issue.message);
    }
  }
  if (placed > 0 && unplaced.length === 0) return null;
  return [error.message, ...unplaced].join(' ');
}

/** The message a screen shows for a failed call, with the request id so support can find the log line. */
export function describeError(error: unknown): string {
  if (!isApiError(error)) return 'Something went wrong. Try again in a moment.';
  if (error.code === 'internal' && error.requestId) return `${error.message} (reference ${error.requestId})`;
  return error.message;
}

/**
 * A form's submit with the server in the loop: clears the form-level message, runs `action` with the valid
 * values, and on failure puts the server's issues on `fields` (the rest in `formError`, for a FormAlert).
 * `handleError` sees a failure first and may take it over (true): an edit conflict (lib/edit-conflict.ts)
 * is shown by its own notice, not as a message.
 */
export function useServerSubmit<T extends FieldValues, V>(
  form: { handleSubmit: UseFormHandleSubmit<T, V>; setError: UseFormSetError<T> },
  fields: readonly Path<T>[],
  action: (values: V) => Promise<unknown>,
  handleError?: (error: unknown) => boolean,
) {
  const [formError, setFormError] = useState<string | null>(null);
  const onSubmit = form.handleSubmit(async (values) => {
    setFormError(null);
    try {
      await action(values);
    } catch (error) {
      if (handleError?.(error)) return;
      setFormError(applyServerErrors(error, form.setError, fields));
    }
  });
  return { formError, onSubmit };
}
