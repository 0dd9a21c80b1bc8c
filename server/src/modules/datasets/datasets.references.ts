import { type LoadedEdition, withEditions } from '#shared/domain/reference/editions.js';
import type { DatasetInfo, ReferenceData } from '#shared/domain/reference/types.js';
import { LOADABLE_KINDS } from '#shared/schemas/datasets.js';
import type { PolicyDocument } from '#shared/schemas/policy.js';
import type { Tx } from '../../db/client.js';
import { type EditionRow, findEdition } from './datasets.repo.js';

const SLUG = { us_tip: 'us-tip', gsi: 'gsi', ilab: 'ilab' } as const;
/** Editions and composed references kept per process; a rescore reads each edition once, not per supplier. */
const CACHE_MAX = 200;

/** How assessments scored under a loaded edition cite it; descriptive texts come from the shipped edition. */
export const editionInfo = (row: Omit<EditionRow, 'content'>, shipped: ReferenceData): DatasetInfo => {
  const base = shipped.datasets.find((d) => d.kind === row.kind);
  const day = row.createdAt.toISOString().slice(0, 10);
  return {
    // The row id makes it unique across organisations and re-uploads (at most 48 characters).
    id: `${SLUG[row.kind]}-${row.edition}-${row.id}`,
    kind: row.kind,
    shortName: base?.shortName ?? row.kind,
    publisher: row.publisher,
    title: base?.title ?? row.kind,
    edition: row.edition,
    url: row.url,
    file: row.fileName.slice(0, 100),
    rows: row.rowCount,
    retrieved: `Loaded from ${row.fileName} by ${row.createdByLabel} on ${day}; published ${row.publishedOn}.`,
    licence: base?.licence ?? '',
    gaps: [
      "Loaded by an administrator of this organisation from the publisher's file: Clearsource did not compile or cross-check it.",
    ],
    sha256: row.sha256,
  };
};

const bounded = <V>(map: Map<string, V>, key: string, value: V) => {
  map.delete(key);
  map.set(key, value);
  if (map.size > CACHE_MAX) map.delete(map.keys().next().value!);
};

/**
 * The reference data each policy scores with: the shipped data with the policy's pinned editions swapped in.
 * Editions are immutable, so a (organisation, edition) entry never goes stale; a key always includes the
 * organisation, and an entry is only made by a read under that organisation's row-level security.
 */
export const createReferences = ({ shipped }: { shipped: ReferenceData }) => {
  const editions = new Map<string, LoadedEdition>();
  const composed = new Map<string, ReferenceData>();

  const edition = async (tx: Tx, orgId: string, id: string): Promise<LoadedEdition | undefined> => {
    const key = `${orgId}/${id}`;
    const hit = editions.get(key);
    if (hit) return hit;
    const row = await findEdition(tx, orgId, id);
    if (!row) return undefined;
    const loaded = { info: editionInfo(row, shipped), content: row.content };
    bounded(editions, key, loaded);
    return loaded;
  };

  /** The reference `doc` scores with, for `orgId` (the same object for the same pins, so indexes are reused). */
  const forDocument = async (tx: Tx, orgId: string, doc: PolicyDocument): Promise<ReferenceData> => {
    const pins = doc.datasets ?? {};
    const ids = LOADABLE_KINDS.map((k) => pins[k]).filter((id): id is string => id !== undefined);
    if (ids.length === 0) return shipped;
    const key = `${orgId}/${LOADABLE_KINDS.map((k) => pins[k] ?? '').join('|')}`;
    const hit = composed.get(key);
    if (hit) return hit;
    const loaded: LoadedEdition[] = [];
    for (const kind of LOADABLE_KINDS) {
      const id = pins[kind];
      if (!id) continue;
      const e = await edition(tx, orgId, id);
      // Pins are checked when set and a pinned edition cannot be deleted: reaching this is a bug, not input.
      if (!e || e.content.kind !== kind)
        throw new Error(`policy pins ${kind} edition ${id}, which is not found`);
      loaded.push(e);
    }
    const ref = withEditions(shipped, loaded);
    bounded(composed, key, ref);
    return ref;
  };

  /** Drops a deleted edition (and what was composed from it) from the caches. */
  const forget = (orgId: string, id: string) => {
    editions.delete(`${orgId}/${id}`);
    for (const key of [...composed.keys()])
      if (key.startsWith(`${orgId}/`) && key.includes(id)) composed.delete(key);
  };

  return { shipped, edition, forDocument, forget };
};

export type References = ReturnType<typeof createReferences>;
