import type { Readable } from 'node:stream';
import { stringify } from 'csv-stringify';
import type { SQL } from 'drizzle-orm';
import { SUPPLIER_CSV_COLUMNS, SUPPLIER_CSV_EXPORT_ONLY_COLUMNS } from '#shared/schemas/suppliers.js';
import type { Db } from '../../db/client.js';
import { withTenant } from '../../db/tenant.js';
import { neutraliseCell } from '../../lib/csv-cell.js';
import * as repo from './suppliers.repo.js';
import { TEMPLATE_ROWS } from './suppliers-csv.js';

const PAGE = 2000;

const toRecord = (s: repo.SupplierRow, refOf: Map<string, string | null>): string[] => {
  const c = s.contacts[0];
  const values: Record<string, unknown> = {
    external_ref: s.externalRef,
    name: s.name,
    legal_name: s.legalName,
    country: s.country,
    goods: s.goods.join(';'),
    sector: s.sector,
    tier: s.tier,
    parent_external_ref: s.parentId ? refOf.get(s.parentId) : null,
    annual_spend: s.annualSpend,
    currency: s.currency,
    headcount: s.headcount,
    migrant_worker_share: s.migrantWorkerShare,
    agency_worker_share: s.agencyWorkerShare,
    status: s.status,
    tags: s.tags.join(';'),
    contact_name: c?.name,
    contact_email: c?.email,
    contact_phone: c?.phone,
    rating: s.rating,
    inherent_score: s.inherentScore,
    residual_score: s.residualScore,
    assessed_at: s.assessedAt?.toISOString(),
    policy_version: s.policyVersion,
  };
  return [...SUPPLIER_CSV_COLUMNS, ...SUPPLIER_CSV_EXPORT_ONLY_COLUMNS].map((k) =>
    neutraliseCell(values[k] == null ? '' : String(values[k])),
  );
};

/** Streams the filtered register as CSV, page by page (keyset on name, id), so 100,000 rows never sit in memory. */
export const exportSuppliersCsv = (db: Db, orgId: string, where: SQL | undefined): Readable => {
  const out = stringify({
    header: true,
    columns: [...SUPPLIER_CSV_COLUMNS, ...SUPPLIER_CSV_EXPORT_ONLY_COLUMNS],
    bom: true,
  });
  (async () => {
    let after: { name: string; id: string } | undefined;
    const refOf = new Map<string, string | null>();
    for (;;) {
      const page = await withTenant(db, orgId, async (tx) => {
        const rows = await repo.exportPage(tx, where, after, PAGE);
        const missing = [
          ...new Set(rows.flatMap((r) => (r.parentId && !refOf.has(r.parentId) ? [r.parentId] : []))),
        ];
        if (missing.length > 0) {
          for (const p of await repo.externalRefsOf(tx, missing)) refOf.set(p.id, p.ref);
        }
        return rows;
      });
      for (const r of page)
        if (!out.write(toRecord(r, refOf))) await new Promise((res) => out.once('drain', res));
      if (page.length < PAGE) break;
      const last = page[page.length - 1]!;
      after = { name: last.name, id: last.id };
    }
    out.end();
  })().catch((err) => out.destroy(err));
  return out;
};

export const templateCsv = (): Promise<string> =>
  new Promise((resolve, reject) => {
    stringify(TEMPLATE_ROWS, { header: true, columns: [...SUPPLIER_CSV_COLUMNS], bom: true }, (err, text) =>
      err ? reject(err) : resolve(text),
    );
  });
