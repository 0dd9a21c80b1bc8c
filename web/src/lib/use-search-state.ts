import { useCallback } from 'react';
import { useSearchParams } from 'react-router';
import type { z } from 'zod';

export type SearchChanges = Record<string, string | number | undefined>;

/**
 * List screens keep paging, filters and sort in the URL, so a view can be reloaded, shared and navigated
 * with Back. The query schema from shared/ parses it; a hand-edited, invalid URL falls back to the defaults.
 */
export function useSearchState<S extends z.ZodType>(
  schema: S,
  defaults: Record<string, string> = {},
): [z.output<S>, (changes: SearchChanges) => void] {
  const [searchParams, setSearchParams] = useSearchParams();
  const parsed = schema.safeParse({ ...defaults, ...Object.fromEntries(searchParams) });
  const value = parsed.success ? parsed.data : schema.parse(defaults);

  const update = useCallback(
    (changes: SearchChanges) => {
      setSearchParams(
        (previous) => {
          const next = new URLSearchParams(previous);
          for (const [key, change] of Object.entries(changes)) {
            if (change === undefined || change === '') next.delete(key);
            else next.set(key, String(change));
          }
          return next;
        },
        { replace: true },
      );
    },
    [setSearchParams],
  );

  return [value, update];
}
