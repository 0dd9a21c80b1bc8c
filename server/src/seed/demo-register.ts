import { Readable } from 'node:stream';
import { stringify } from 'csv-stringify/sync';
import type { ReferenceData } from '#shared/domain/reference/types.js';
import { SUPPLIER_CSV_COLUMNS } from '#shared/schemas/suppliers.js';
import { buildScoring } from '../container.js';
import type { Db } from '../db/client.js';
import { withTenant } from '../db/tenant.js';
import { type RequestCtx, SYSTEM_ACTOR } from '../lib/context.js';
import { policiesRepo } from '../modules/policies/policies.repo.js';
import { suppliersRepo } from '../modules/suppliers/suppliers.repo.js';
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
  const { supplierImports, assessSuppliers } = buildScoring({ db, ref });
  // Not assessed by the import: the whole register is assessed below, as demo data.
  await supplierImports.commit(systemCtx(orgId), Readable.from([Buffer.from(csv)]), 'demo-suppliers.csv', {
    assess: false,
  });
  await withTenant(db, orgId, async (tx) => {
    const policy = await policiesRepo.findPublishedPolicy(tx, orgId);
    if (!policy) return;
    const list = await suppliersRepo.listCurrentSuppliers(tx, orgId);
    await assessSuppliers(tx, { orgId, policy, suppliers: list, trigger: 'seed', actor: SYSTEM_ACTOR });
  });
};
