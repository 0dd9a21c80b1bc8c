import type { Readable } from 'node:stream';
import { stringify } from 'csv-stringify';
import type { SQL } from 'drizzle-orm';
import { summariseEvent } from '#shared/domain/audit/summary.js';
import type { AuditEvent, AuditExportQuery } from '#shared/schemas/audit.js';
import type { Db } from '../../db/client.js';
import { withTenant } from '../../db/tenant.js';
import { neutraliseCell } from '../../lib/csv-cell.js';
import { filteredEventsAfter } from './audit.repo.js';
import { drainAuditQueue } from './audit-deferred.js';
import { readEvents } from './audit-read.js';

const COLUMNS = [
  'seq',
  'time_utc',
  'actor_type',
  'actor',
  'action',
  'entity_type',
  'entity',
  'entity_id',
  'summary',
  'payload_json',
  'hash',
] as const;

const PAGE = 1000;

const toRecord = (e: AuditEvent): string[] =>
  [
    e.seq,
    e.createdAt,
    e.actorType,
    e.actorLabel ?? '',
    e.action,
    e.entityType,
    e.entityLabel ?? '',
    e.entityId,
    summariseEvent(e),
    JSON.stringify(e.payload),
    e.hash,
  ].map((v) => neutraliseCell(String(v)));

/**
 * Streams the filtered trail as CSV in the list's order, page by page (keyset on the sequence, one short
 * tenant transaction per page, so a slow download holds no connection). Every cell is neutralised: payloads
 * hold text that people typed.
 */
export const exportAuditCsv = (
  db: Db,
  orgId: string,
  q: AuditExportQuery,
  label: SQL<string | null>,
): Readable => {
  const out = stringify({ header: true, columns: [...COLUMNS], bom: true });
  (async () => {
    let after: number | undefined;
    for (;;) {
      const events = await withTenant(db, orgId, async (tx) => {
        // Every event whose change committed before the export began is in it.
        if (after === undefined) await drainAuditQueue(tx, orgId);
        return readEvents(tx, orgId, await filteredEventsAfter(tx, orgId, q, after, PAGE, label));
      });
      for (const e of events) {
        if (!out.write(toRecord(e))) await new Promise((res) => out.once('drain', res));
      }
      if (events.length < PAGE) break;
      after = events[events.length - 1]!.seq;
    }
    out.end();
  })().catch((err) => out.destroy(err));
  return out;
};
