import { type SQL, sql } from 'drizzle-orm';
import { resolveGood } from '#shared/domain/reference/goods.js';
import { goodFilterKeys, storedGoodKeys } from '#shared/domain/reference/goods-keys.js';
import { closestGoods } from '#shared/domain/reference/goods-suggest.js';
import { GOODS_SYNONYMS_VERSION } from '#shared/domain/reference/goods-synonyms.js';
import { loadReferenceData } from '#shared/domain/reference/load-node.js';
import { indexReference } from '#shared/domain/reference/reference-index.js';
import type { ImportGoodWarning } from '#shared/schemas/suppliers.js';
import { rowsOf } from '../../db/tenant.js';

// Goods are matched against the shipped ILAB list: good_keys is a search aid (the "good" filter), not a
// score. Scores match goods against the edition their policy uses, at scoring time.
const shippedIndex = () => indexReference(loadReferenceData());

/** The derived columns of a supplier's goods, written with every write of `goods`. */
export const goodKeysColumns = (goods: readonly string[]) => ({
  goodKeys: storedGoodKeys(shippedIndex(), goods),
  goodKeysVersion: GOODS_SYNONYMS_VERSION,
});

/** The stored keys the list's "good" filter looks for (see goodFilterKeys). */
export const goodKeysToFind = (text: string): string[] => goodFilterKeys(shippedIndex(), text);

/** The goods of a list that match no listed good, in their order. */
export const goodsNotRecognised = (goods: readonly string[]): string[] =>
  goods.filter((g) => resolveGood(shippedIndex(), g).members === null);

/** How many closest goods an import warning offers. */
const SUGGESTIONS = 3;

/**
 * The goods of an import's rows that match no listed good: how many, and the first `shown` of them with the
 * closest listed goods (computed once per distinct good: a file repeats its goods).
 */
export const importGoodWarnings = (
  rows: readonly { row: number; goods: readonly string[] }[],
  shown: number,
): { count: number; warnings: ImportGoodWarning[] } => {
  const suggestions = new Map<string, string[]>();
  const warnings: ImportGoodWarning[] = [];
  let count = 0;
  for (const { row, goods } of rows) {
    for (const good of goodsNotRecognised(goods)) {
      count++;
      if (warnings.length >= shown) continue;
      let closest = suggestions.get(good);
      if (!closest) {
        closest = closestGoods(shippedIndex(), good, SUGGESTIONS);
        suggestions.set(good, closest);
      }
      warnings.push({ row, good, suggestions: closest });
    }
  }
  return { count, warnings };
};

/** Runs one statement on a handle that may step over row-level security (the tables' owner). */
export type OwnerExecute = (query: SQL) => Promise<unknown>;

const NIL_UUID = '00000000-0000-0000-0000-000000000000';

/**
 * Recomputes good_keys of every supplier, in every organisation, whose keys were computed under another
 * goods synonym table version (or none), in id order, a batch per statement pair. Run after the migrations,
 * as the owner: it crosses tenants, which the request role cannot and must not. Not audited: good_keys is
 * derived from `goods` (audited when written) and never shown; the revision and updated_at stay as they are.
 * Idempotent; a process that starts with an older table writes its version, which the next start corrects.
 */
export const refreshGoodKeys = async (run: OwnerExecute, batchSize = 2000): Promise<number> => {
  let after = NIL_UUID;
  let total = 0;
  for (;;) {
    // "is distinct from", spelt as three ranges so that suppliers_good_keys_version_idx answers it: at a
    // start with nothing to do (the usual case) that is three empty index probes, not a scan of every row.
    const rows = rowsOf<{ id: string; goods: string[] }>(
      await run(sql`
        select id, goods from suppliers
        where (good_keys_version is null or good_keys_version < ${GOODS_SYNONYMS_VERSION}
               or good_keys_version > ${GOODS_SYNONYMS_VERSION})
          and id > ${after}::uuid
        order by id limit ${batchSize}`),
    );
    if (rows.length === 0) return total;
    const keys = JSON.stringify(
      rows.map((r) => ({ id: r.id, keys: storedGoodKeys(shippedIndex(), r.goods) })),
    );
    await run(sql`
      update suppliers s set good_keys = x.keys, good_keys_version = ${GOODS_SYNONYMS_VERSION}
      from jsonb_to_recordset(${keys}::jsonb) as x(id uuid, keys text[])
      where s.id = x.id`);
    total += rows.length;
    after = rows[rows.length - 1]!.id;
  }
};
