import { useState } from 'react';
import type { FieldValues, UseFormGetValues, UseFormReset } from 'react-hook-form';
import type { z } from 'zod';
import { isApiError } from './api-client.js';
import { changedPaths, mergeEdits } from './merge-edits.js';

/**
 * The record as it is now, carried by a stale update's 409 (`error.current`), checked against the
 * resource's schema; null for any other error (a 409 about a duplicate e-mail has no `current`).
 */
export function staleRecord<S extends z.ZodType>(error: unknown, schema: S): z.output<S> | null {
  if (!isApiError(error) || error.code !== 'conflict' || error.current === undefined) return null;
  const parsed = schema.safeParse(error.current);
  return parsed.success ? parsed.data : null;
}

export interface EditConflictOptions<R extends { revision: number }, V extends FieldValues> {
  /** The record the form was opened on (from its query); undefined when the form creates one. */
  record: R | undefined;
  /** The resource's response schema, to read the 409's `current`. */
  schema: z.ZodType<R>;
  form: { getValues: UseFormGetValues<V>; reset: UseFormReset<V> };
  /** The form values of a record (what the form is reset to). */
  toValues: (record: R) => V;
  /** Called with the newest record once the person has seen it (e.g. to put it in the query cache). */
  onLatest?: (record: R) => void;
}

/**
 * Optimistic concurrency in an edit form. The form edits `base`, the record as it was loaded (pinned: a
 * background refetch must not move the revision an edit is made from, or the edit would silently overwrite
 * what it never showed), and sends `base.revision` with its update. When the server answers 409 because
 * someone else saved meanwhile, `catchConflict` takes the error and `conflict` tells the person; they then
 * either keep their changes on top of the new record (`keepMine`: the form is reset to the server's values,
 * then the fields they had changed are set again) or drop them (`discardMine`).
 */
export function useEditConflict<R extends { revision: number }, V extends FieldValues>(
  options: EditConflictOptions<R, V>,
) {
  const { record, schema, form, toValues, onLatest } = options;
  // Deliberately a copy of server state: it is the revision this edit started from, not a cache.
  const [base, setBase] = useState(record);
  // `theirs`: what the other save changed; `collisions`: what both changed, to different values.
  const [conflict, setConflict] = useState<{ current: R; theirs: string[]; collisions: string[] } | null>(
    null,
  );
  const [reapplied, setReapplied] = useState<{ collisions: string[] } | null>(null);

  const adopt = (current: R) => {
    setBase(current);
    setConflict(null);
    onLatest?.(current);
  };

  return {
    base,
    conflict,
    /** Set after keepMine: the person's changes are back in the form, on top of the latest record. */
    reapplied,

    /** Takes a stale-update 409 (true) and shows it; any other error is left to the caller (false). */
    catchConflict(error: unknown): boolean {
      const current = staleRecord(error, schema);
      if (!current || !base) return false;
      const before = toValues(base);
      const { collisions } = mergeEdits(before, form.getValues(), toValues(current));
      setReapplied(null);
      setConflict({ current, theirs: changedPaths(before, toValues(current)), collisions });
      return true;
    },

    keepMine() {
      if (!conflict || !base) return;
      const theirs = toValues(conflict.current);
      const { values, collisions } = mergeEdits(toValues(base), form.getValues(), theirs);
      adopt(conflict.current);
      // Defaults become the server's record, so "unsaved changes" are exactly the person's own.
      form.reset(theirs);
      form.reset(values, { keepDefaultValues: true });
      setReapplied({ collisions });
    },

    discardMine() {
      if (!conflict) return;
      adopt(conflict.current);
      form.reset(toValues(conflict.current));
      setReapplied(null);
    },

    /** After a successful save: the saved record is what the next edit is made from. */
    saved(next: R) {
      setBase(next);
      setConflict(null);
      setReapplied(null);
    },
  };
}
