type Plain = Record<string, unknown>;

const isPlain = (value: unknown): value is Plain =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Deep equality of form values (plain objects, arrays, primitives), key order ignored. */
export function sameValue(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  // An emptied optional box reads as '' or null or undefined depending on the input; all mean "nothing".
  if ((a ?? '') === '' && (b ?? '') === '') return true;
  if (Array.isArray(a) && Array.isArray(b)) {
    return a.length === b.length && a.every((item, i) => sameValue(item, b[i]));
  }
  if (isPlain(a) && isPlain(b)) {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    return [...keys].every((key) => sameValue(a[key], b[key]));
  }
  return false;
}

export interface MergedEdits<T> {
  values: T;
  /** Dotted paths that both sides changed, to different values: the person's value was kept. */
  collisions: string[];
}

const merge = (
  base: unknown,
  mine: unknown,
  theirs: unknown,
  path: string[],
  collisions: string[],
): unknown => {
  if (sameValue(mine, base)) return theirs;
  if (sameValue(theirs, base) || sameValue(theirs, mine)) return mine;
  if (isPlain(base) && isPlain(mine) && isPlain(theirs)) {
    const out: Plain = {};
    for (const key of new Set([...Object.keys(theirs), ...Object.keys(mine)])) {
      out[key] = merge(base[key], mine[key], theirs[key], [...path, key], collisions);
    }
    return out;
  }
  // Lists of records that kept their length (a policy's criteria, bands) merge item by item; any other
  // list (tags, goods, contacts added or removed) is one value: the person's, as they last saw it.
  if (
    Array.isArray(base) &&
    Array.isArray(mine) &&
    Array.isArray(theirs) &&
    base.length === mine.length &&
    base.length === theirs.length &&
    base.every(isPlain)
  ) {
    return base.map((item, i) => merge(item, mine[i], theirs[i], [...path, String(i)], collisions));
  }
  collisions.push(path.join('.'));
  return mine;
};

/**
 * The dotted paths where `after` differs from `before`, walked as `mergeEdits` walks them (records key by key,
 * lists of records of one length item by item, anything else as one value): what someone else changed.
 */
export function changedPaths(before: unknown, after: unknown, path: string[] = []): string[] {
  if (sameValue(before, after)) return [];
  if (isPlain(before) && isPlain(after)) {
    return [...new Set([...Object.keys(before), ...Object.keys(after)])].flatMap((key) =>
      changedPaths(before[key], after[key], [...path, key]),
    );
  }
  if (
    Array.isArray(before) &&
    Array.isArray(after) &&
    before.length === after.length &&
    before.every(isPlain)
  ) {
    return before.flatMap((item, i) => changedPaths(item, after[i], [...path, String(i)]));
  }
  return [path.join('.')];
}

/**
 * Re-applies a person's edits on top of a record someone else saved meanwhile: a three-way merge of form
 * values from `base` (what the form was loaded with), `mine` (what the person has now) and `theirs` (the
 * record as it is now). Whatever the person changed keeps their value; everything else takes the new one.
 */
export function mergeEdits<T>(base: T, mine: T, theirs: T): MergedEdits<T> {
  const collisions: string[] = [];
  const values = merge(base, mine, theirs, [], collisions) as T;
  return { values, collisions };
}
