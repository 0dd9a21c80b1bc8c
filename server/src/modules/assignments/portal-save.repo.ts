import { sql } from 'drizzle-orm';
import { OPEN_ASSIGNMENT_STATUSES } from '#shared/schemas/assignments.js';
import { uuidArray } from '../../db/bulk.js';
import type { Db } from '../../db/client.js';
import { rowsOf } from '../../db/tenant.js';

/** An answer as portal_save_answer() returns it (timestamps as JSON text). */
export interface SavedAnswerJson {
  id: string;
  questionId: string;
  value: unknown;
  revision: number;
  updatedAt: string;
}

/** What portal_save_answer() did, or why it wrote nothing (migration 0030 says when each is answered). */
export type SaveOutcome =
  | { outcome: 'saved'; answer: SavedAnswerJson | null; answers: SavedAnswerJson[] }
  | { outcome: 'unchanged'; answers: SavedAnswerJson[] }
  | { outcome: 'stale'; current: SavedAnswerJson | null }
  | { outcome: 'invalid' }
  | { outcome: 'expired' | 'revoked'; organisation: string | null }
  | { outcome: 'not_editable'; status: string }
  | { outcome: 'renamed'; supplierName: string }
  | { outcome: 'evidence_not_own' };

export interface SaveAtOnce {
  tokenHash: string;
  orgId: string;
  assignmentId: string;
  /** The name the audit event's actor label was made with. */
  supplierName: string;
  questionId: string;
  /** The revision the supplier last saw (undefined: none). */
  revision: number | undefined;
  /** Validated; null clears. */
  value: unknown;
  /** A file answer's evidence ids; undefined for other questions. */
  evidenceIds: string[] | undefined;
  /** The audit event's canonical text around its time and number (pendingAuditRow). */
  audit: { canonicalBeforeTime: string; canonicalBeforeSeq: string };
}

/** As one parameter, an array literal (the statuses are plain words). */
const OPEN_STATUSES = `{${OPEN_ASSIGNMENT_STATUSES.join(',')}}`;

/**
 * Saves one answer in a single statement, outside any transaction (it is its own): the link, the lock, the
 * checks, the write, the status and the audit event inside portal_save_answer() (migration 0030), which sets
 * the link's tenant itself. One round trip: the portal's autosave is the request 200 suppliers make at once.
 */
export const saveAnswerAtOnce = async (db: Db, s: SaveAtOnce): Promise<SaveOutcome> => {
  const rows = rowsOf<{ r: SaveOutcome }>(
    await db.execute(sql`select portal_save_answer(${s.tokenHash}, ${s.orgId}::uuid, ${s.assignmentId}::uuid,
      ${s.supplierName}, ${OPEN_STATUSES}::text[], ${s.questionId}, ${s.revision ?? null}::integer,
      ${s.value === null ? null : JSON.stringify(s.value)}::jsonb,
      ${s.evidenceIds ? uuidArray(s.evidenceIds) : sql`null::uuid[]`}, ${s.audit.canonicalBeforeTime},
      ${s.audit.canonicalBeforeSeq}) as r`),
  );
  const r = rows[0]?.r;
  // postgres.js parses jsonb; PGlite too. Either way a row always comes back.
  if (!r) throw new Error('portal_save_answer() answered nothing');
  return typeof r === 'string' ? (JSON.parse(r) as SaveOutcome) : r;
};
