import { useEffect, useRef } from 'react';

/** Calls `callback` once input has settled for `delayMs`, e.g. to search while the person types. */
export function useDebouncedCallback<A extends unknown[]>(callback: (...args: A) => void, delayMs = 300) {
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const latest = useRef(callback);
  latest.current = callback;
  useEffect(() => () => clearTimeout(timer.current), []);
  return (...args: A) => {
    clearTimeout(timer.current);
    timer.current = setTimeout(() => latest.current(...args), delayMs);
  };
}
