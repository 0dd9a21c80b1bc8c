import { Readable } from 'node:stream';
import { stringify } from 'csv-stringify/sync';
import { and, eq, isNull } from 'drizzle-orm';
import type { ReferenceData } from '#shared/domain/reference/types.js';
import { SUPPLIER_CSV_COLUMNS } from '#shared/schemas/suppliers.js';
import type { Db } from '../db/client.js';
import { suppliers } from '../db/schema/suppliers.js';
import { withTenant } from '../db/tenant.js';
import { type RequestCtx, SYSTEM_ACTOR } from '../lib/context.js';
import { assessSuppliers } from '../modules/assessments/assessments.write.js';
import { findPublishedPolicy } from '../modules/policies/policies.repo.js';
import { createSupplierImportService } from '../modules/suppliers/suppliers-import.service.js';
import { DEMO_SUPPLIERS } from './demo-suppliers.js';

/** The context of work the platform does itself, acting with admin rights inside one organisation. */
export const systemCtx = (orgId: string): RequestCtx => ({
  orgId,
  userId: null,
  role: 'admin',
  actor: SYSTEM_ACTOR,
  via: 'api_key',
});

/**
 * Loads the demo supplier base through the same import path an officer uses (validated, audited), then
 * assesses every supplier under the published policy.
 */
export const seedDemoRegister = async (db: Db, orgId: string, ref: ReferenceData) => {
  const rows = DEMO_SUPPLIERS.map(
    ([ref_, name, country, goods, tier, parent, spend, headcount, migrant, agency, status, tags]) => ({
      external_ref: ref_,
      name,
      country,
      goods,
      tier,
      parent_external_ref: parent ?? '',
      annual_spend: spend ?? '',
      currency: 'USD',
      headcount: headcount ?? '',
      migrant_worker_share: migrant ?? '',
      agency_worker_share: agency ?? '',
      status,
      tags,
    }),
  );
  const csv = stringify(rows, {
    header: true,
    columns: SUPPLIER_CSV_COLUMNS.filter(
      (c) => !c.startsWith('contact_') && c !== 'legal_name' && c !== 'sector',
    ),
  });
  await createSupplierImportService({ db }).commit(
    systemCtx(orgId),
    Readable.from([Buffer.from(csv)]),
    'demo-suppliers.csv',
  );
  await withTenant(db, orgId, async (tx) => {
    const policy = await findPublishedPolicy(tx, orgId);
    if (!policy) return;
    const list = await tx
      .select()
      .from(suppliers)
      .where(and(eq(suppliers.orgId, orgId), isNull(suppliers.archivedAt)));
    await assessSuppliers(tx, { orgId, policy, suppliers: list, ref, trigger: 'seed', actor: SYSTEM_ACTOR });
  });
};
