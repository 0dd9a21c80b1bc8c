import { useEffect, useState } from 'react';

/**
 * A key for a filter bar whose free-text boxes keep their own text while typing: remounting them is how
 * "Clear filters" empties them. The remount waits for a render whose query has no active filter: the URL
 * change renders in a transition, so remounting at the click rendered the boxes from the old query (they
 * came back holding the cleared value). Returns the key and the function that asks for the remount.
 */
export function useRemountOnClear(active: boolean): [number, () => void] {
  const [generation, setGeneration] = useState(0);
  const [pending, setPending] = useState(false);
  useEffect(() => {
    if (pending && !active) {
      setPending(false);
      setGeneration((n) => n + 1);
    }
  }, [pending, active]);
  return [generation, () => setPending(true)];
}
