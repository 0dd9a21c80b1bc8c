/**
 * Readable operationIds derived from method and path, so that a generated client has `listSuppliers`,
 * `getSupplier`, `updateSupplier` rather than names made of the URL. A route that reads badly under these rules
 * sets `schema.operationId` itself; that one wins.
 *
 * - an item (`/suppliers/{id}`): get, replace (PUT), update (PATCH), delete, create (POST) + the singular noun;
 * - a collection (`/suppliers`, `/suppliers/{id}/assessments`): list (GET) or create (POST, singular);
 * - anything else ends in an action (POST `/suppliers/{id}/restore` → `restoreSupplier`, as STYLE.md names
 *   non-CRUD actions) or a thing (GET `/reference-data` → `getReferenceData`).
 * Every static segment followed by a path parameter is made singular: `/reference-data/countries/{iso2}` →
 * `getReferenceDataCountry`.
 */

const words = (segment: string) =>
  segment
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((w) => w.toLowerCase());

/** English plural to singular for the nouns URLs use (policies, addresses, suppliers); others unchanged. */
export const singular = (word: string): string => {
  if (/[^aeiou]ies$/.test(word)) return `${word.slice(0, -3)}y`;
  if (/(ss|x|ch|sh)es$/.test(word)) return word.slice(0, -2);
  if (/[^su]s$/.test(word) && !/(is|us|ss)$/.test(word)) return word.slice(0, -1);
  return word;
};

const isPlural = (word: string) => singular(word) !== word;
const pascal = (ws: string[]) => ws.map((w) => w.charAt(0).toUpperCase() + w.slice(1)).join('');
const isParam = (segment: string) => /^[{:]/.test(segment);

const ITEM_VERB: Record<string, string> = {
  get: 'get',
  put: 'replace',
  patch: 'update',
  delete: 'delete',
  post: 'create',
};

/** `method` is any case; `path` is an OpenAPI path (`/api/suppliers/{id}`); the `/api` prefix is dropped. */
export const deriveOperationId = (method: string, path: string): string => {
  const m = method.toLowerCase();
  const segments = path
    .split('/')
    .filter(Boolean)
    .filter((s, i) => !(i === 0 && s === 'api'));
  // Nouns: each static segment, made singular when a parameter follows it.
  const nouns: string[][] = [];
  segments.forEach((s, i) => {
    if (isParam(s)) return;
    const ws = words(s);
    const next = segments[i + 1];
    if (next !== undefined && isParam(next) && ws.length) ws[ws.length - 1] = singular(ws[ws.length - 1]!);
    nouns.push(ws);
  });
  const last = segments[segments.length - 1];
  const all = nouns.flat();
  if (all.length === 0) return `${m}Root`;
  if (last === undefined || isParam(last)) return `${ITEM_VERB[m] ?? m}${pascal(all)}`;

  const lastWords = nouns[nouns.length - 1]!;
  const plural = isPlural(lastWords[lastWords.length - 1] ?? '');
  switch (m) {
    case 'get':
      return `${plural ? 'list' : 'get'}${pascal(all)}`;
    case 'post': {
      if (plural) return `create${pascal([...all.slice(0, -1), singular(all[all.length - 1]!)])}`;
      // The last segment is the action's verb; what comes before it is what it acts on.
      const [verb, ...rest] = lastWords;
      return `${verb}${pascal([...rest, ...nouns.slice(0, -1).flat()])}`;
    }
    default:
      return `${ITEM_VERB[m] ?? m}${pascal(all)}`;
  }
};
