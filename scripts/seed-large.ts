// Loads a synthetic supplier base into an organisation, through the same import path an officer uses
// (validated, all-or-nothing, audited), then assesses it under the published policy:
//   npm run seed:large -- --suppliers 100000 [--org demo] [--seed 42]
import { Readable } from 'node:stream';
import { parseArgs } from 'node:util';
import { loadConfig } from '../server/src/config.js';
import { buildScoring } from '../server/src/container.js';
import { openDb } from '../server/src/db/client.js';
import { runMigrations } from '../server/src/db/migrate.js';
import { withTenant } from '../server/src/db/tenant.js';
import { findOrganizationBySlug } from '../server/src/modules/orgs/orgs.repo.js';
import { policiesRepo } from '../server/src/modules/policies/policies.repo.js';
import { systemCtx } from '../server/src/seed/demo-register.js';
import { syntheticSupplierCsv } from '../server/src/seed/synthetic.js';
import { loadReferenceData } from '../shared/src/domain/reference/load-node.js';

const { values } = parseArgs({
  options: { suppliers: { type: 'string' }, org: { type: 'string' }, seed: { type: 'string' } },
});
const count = Number(values.suppliers ?? 10_000);
if (!Number.isInteger(count) || count < 1 || count > 1_000_000) {
  console.error('--suppliers must be a whole number from 1 to 1,000,000');
  process.exit(2);
}
const config = loadConfig();
const database = await openDb({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
try {
  await runMigrations(database, config.migrationsDir, config.databaseOwnerUrl);
  const slug = values.org ?? 'demo';
  const org = await findOrganizationBySlug(database.db, slug);
  if (!org)
    throw new Error(
      `No organisation with slug "${slug}" (start the product once to create the demo, or use create-org)`,
    );
  const started = Date.now();
  console.log(`Importing ${count.toLocaleString('en')} synthetic suppliers into ${org.name}…`);
  const scoring = buildScoring({ db: database.db, ref: loadReferenceData() });
  const result = await scoring.supplierImports.commit(
    systemCtx(org.id),
    Readable.from(syntheticSupplierCsv(count, Number(values.seed ?? 42))),
    `synthetic-${count}.csv`,
    // Assessed below, every supplier under the published policy, with progress here.
    { assess: false },
  );
  console.log(
    `  created ${result.created}, updated ${result.updated}, unchanged ${result.unchanged} (${((Date.now() - started) / 1000).toFixed(1)} s)`,
  );
  const policy = await withTenant(database.db, org.id, (tx) => policiesRepo.findPublishedPolicy(tx, org.id));
  if (policy) {
    console.log(`Assessing every supplier under "${policy.name}" v${policy.version}…`);
    let last = 0;
    await scoring.rescore.rescoreOrganisation({
      orgId: org.id,
      policyId: policy.id,
      progress: async (done, total) => {
        if (done === total || done - last >= Math.max(1000, total / 20)) {
          console.log(`  ${done.toLocaleString('en')} / ${total.toLocaleString('en')}`);
          last = done;
        }
      },
    });
  }
  console.log(`Done in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
} finally {
  await database.close();
}
