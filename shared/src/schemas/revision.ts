import { z } from 'zod';

/**
 * Optimistic concurrency, one mechanism for every editable record (suppliers, users, policy drafts, and the
 * modules to come: questionnaire autosave, remediation tasks).
 *
 * - Each record carries `revision`: the number of its edits, 1 when created. Answers for one record send it
 *   as a strong entity tag too: `ETag: "<revision>"`.
 * - An update names the revision it was made from: the `If-Match: "<revision>"` header, or `revision` in the
 *   body. When the record has moved on, the update is refused with 409 `conflict`, and the error body's
 *   `current` holds the record as it is now, so the client can show it and re-apply its own changes.
 * - An update that names no revision applies to whatever the record is then (last write wins).
 *
 * "revision", not "version": a policy's `version` is already its published number.
 */
export const RevisionSchema = z
  .number()
  .int('Must be a whole number')
  .min(1, 'Revisions start at 1')
  .max(2_147_483_647, 'Not a revision')
  .meta({
    description:
      'The number of edits the record has had (1 when created); its ETag is this number in quotes. An update ' +
      'may send it back (or If-Match) so that a stale one is refused with 409.',
  });

/** A record's entity tag: its revision in quotes (strong, so If-Match may compare it). */
export const etagOf = (revision: number): string => `"${revision}"`;

// One entity tag, strong or weak (proxies that compress answers weaken tags; the revision is what counts),
// or `*` (any revision: the same as sending none). Lists of tags are refused: a record has one revision.
const IF_MATCH = /^\s*(?:\*|(?:W\/)?"([1-9]\d{0,9})")\s*$/;
export const IF_MATCH_HINT = 'Send one entity tag as the ETag gave it, e.g. If-Match: "3"';

/** The revision an If-Match header names: a number, `undefined` for `*`, or `null` when malformed. */
export const parseIfMatch = (header: string): number | undefined | null => {
  const m = IF_MATCH.exec(header);
  if (!m) return null;
  if (m[1] === undefined) return undefined;
  const n = Number(m[1]);
  return n <= 2_147_483_647 ? n : null;
};

/** Route header schema: documents If-Match in OpenAPI; other headers pass through untouched. */
export const IfMatchHeadersSchema = z.looseObject({
  'if-match': z
    .string()
    .refine((v) => parseIfMatch(v) !== null, IF_MATCH_HINT)
    .optional()
    .meta({
      description:
        'The entity tag (ETag) of the record this update was made from. A stale one answers 409 `conflict` ' +
        'with the current record; without it the update applies to the record as it is (last write wins).',
    }),
});

/** The body alternative to If-Match, for clients that cannot set headers: spread into an update schema. */
export const ExpectedRevisionShape = {
  /** The revision this update was made from (as If-Match); a stale one answers 409. */
  revision: RevisionSchema.optional(),
};
