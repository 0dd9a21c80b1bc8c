import type { ErrorBody } from '#shared/errors.js';
import { IF_MATCH_HINT, parseIfMatch } from '#shared/schemas/revision.js';
import { AppError, notFound } from './app-error.js';

// Optimistic concurrency on the server side (the contract is in shared/src/schemas/revision.ts). An update:
//   1. reads the record and `checkRevision`s it against the revision the client named (409 when stale);
//   2. writes with `UPDATE … SET revision = revision + 1 WHERE id = … AND revision = <the one read>`
//      (server/src/db/revision.ts), so the check and the write are one atomic step even under concurrency;
//   3. `written()` turns an UPDATE that matched nothing (another write committed in between) into the same 409.
// The audit event is appended after the write in the same transaction, so a refused update writes nothing,
// and the diff it records is against exactly the revision the write replaced.

/** The record as the API shows it; what a 409 carries as `current`. */
export type CurrentRecord = NonNullable<ErrorBody['error']['current']>;

const badIfMatch = () =>
  new AppError('validation_failed', `Check the header: if-match. ${IF_MATCH_HINT}`, [
    { path: 'if-match', message: IF_MATCH_HINT },
  ]);

/**
 * The revision an update was made from: the If-Match header or the body's `revision`; undefined when the
 * client named none (or If-Match: *), and the update then applies to whatever the record is (last write wins).
 */
export const expectedRevision = (
  ifMatch: string | string[] | undefined,
  bodyRevision?: number,
): number | undefined => {
  let fromHeader: number | undefined;
  if (ifMatch !== undefined) {
    const parsed = typeof ifMatch === 'string' ? parseIfMatch(ifMatch) : null;
    if (parsed === null) throw badIfMatch();
    fromHeader = parsed;
  }
  if (fromHeader !== undefined && bodyRevision !== undefined && fromHeader !== bodyRevision) {
    throw new AppError(
      'validation_failed',
      `If-Match names revision ${fromHeader} but the body says ${bodyRevision}: send one of them`,
      [{ path: 'revision', message: `Differs from If-Match (${fromHeader})` }],
    );
  }
  return fromHeader ?? bodyRevision;
};

/** 409: the update was made from an older revision; `current` is the record as it is now. */
export const staleRevision = (noun: string, current: CurrentRecord) =>
  new AppError(
    'conflict',
    `Someone else changed this ${noun} after you loaded it (it is now at revision ${current.revision}). ` +
      'Load the current record and apply your changes again.',
    undefined,
    current,
  );

/** The current revision, and the record as the API shows it presented only when a 409 needs it. */
export interface LazyCurrent {
  revision: number;
  present: () => CurrentRecord;
}

const isLazy = (c: CurrentRecord | LazyCurrent): c is LazyCurrent => typeof c.present === 'function';

/**
 * Refuses an update made from another revision than the record's current one (no-op updates included).
 * `current` may be given as the revision read and a function presenting the record: presenting it costs
 * (accepting a questionnaire presents the assignment with its answers and reminders), and only a 409 needs it.
 */
export const checkRevision = (
  noun: string,
  expected: number | undefined,
  current: CurrentRecord | LazyCurrent,
) => {
  if (expected === undefined || expected === current.revision) return;
  throw staleRevision(noun, isLazy(current) ? current.present() : current);
};

/**
 * The row a guarded UPDATE wrote, or, when it matched nothing because another write committed between our
 * read and our write, the 409 with the record as that write left it.
 */
export const written = async <R>(
  row: R | undefined,
  noun: string,
  reloadCurrent: () => Promise<CurrentRecord | undefined>,
): Promise<R> => {
  if (row) return row;
  const now = await reloadCurrent();
  if (!now) throw notFound(noun.charAt(0).toUpperCase() + noun.slice(1));
  throw staleRevision(noun, now);
};
