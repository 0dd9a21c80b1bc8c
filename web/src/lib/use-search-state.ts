import { useCallback, useRef } from 'react';
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
  // react-router applies a functional update to the params of the last render, and navigations render in a
  // transition: two changes in quick succession (a debounced search, then a click) would lose the first.
  // The ref holds the newest params, including changes not yet rendered.
  const latest = useRef(searchParams);
  const rendered = useRef(searchParams);
  if (rendered.current !== searchParams) {
    rendered.current = searchParams;
    latest.current = searchParams;
  }
  const parsed = schema.safeParse({ ...defaults, ...Object.fromEntries(searchParams) });
  const value = parsed.success ? parsed.data : schema.parse(defaults);

  const update = useCallback(
    (changes: SearchChanges) => {
      const next = new URLSearchParams(latest.current);
      for (const [key, change] of Object.entries(changes)) {
        if (change === undefined || change === '') next.delete(key);
        else next.set(key, String(change));
      }
      latest.current = next;
      setSearchParams(next, { replace: true });
    },
    [setSearchParams],
  );

  return [value, update];
}
