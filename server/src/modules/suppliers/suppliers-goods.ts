import { type SQL, sql } from 'drizzle-orm';
import { goodFilterKeys, storedGoodKeys } from '#shared/domain/reference/goods-keys.js';
import { GOODS_SYNONYMS_VERSION } from '#shared/domain/reference/goods-synonyms.js';
import { loadReferenceData } from '#shared/domain/reference/load-node.js';
import { indexReference } from '#shared/domain/reference/reference-index.js';
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
    const rows = rowsOf<{ id: string; goods: string[] }>(
      await run(sql`
        select id, goods from suppliers
        where good_keys_version is distinct from ${GOODS_SYNONYMS_VERSION} and id > ${after}::uuid
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
