// Walks each organisation's audit chain (or one: --org <id|slug>), reports the first broken link, and holds
// the chain against its signed checkpoints: a checkpoint beyond the chain's end means events were removed
// from the end. --checkpoints <file> adds the checkpoints of a downloaded file (GET
// /api/audit-events/checkpoints), kept outside the database, which catches deleted checkpoints too.
// Exit code 1 when any chain does not verify, so it can run from cron or CI.
import fs from 'node:fs';
import { parseArgs } from 'node:util';
import { loadConfig } from '../server/src/config.js';
import { openDb } from '../server/src/db/client.js';
import { withTenant } from '../server/src/db/tenant.js';
import { configureAuditAnchoring, loadAuditSigner } from '../server/src/modules/audit/audit-anchor.js';
import { verifyAuditChain } from '../server/src/modules/audit/audit-verify.js';
import { findOrganizations } from '../server/src/modules/orgs/orgs.repo.js';
import { AuditCheckpointFileSchema } from '../shared/src/schemas/audit-anchors.js';

const { values } = parseArgs({ options: { org: { type: 'string' }, checkpoints: { type: 'string' } } });
const config = loadConfig();
configureAuditAnchoring({
  signer: loadAuditSigner(config.dataDir, config.auditSigningKey),
  checkpointEvery: config.auditCheckpointEvery,
});
const file = values.checkpoints
  ? AuditCheckpointFileSchema.parse(JSON.parse(fs.readFileSync(values.checkpoints, 'utf8')))
  : undefined;
const database = await openDb({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
let failed = 0;
try {
  const org = values.org ?? file?.orgId;
  const orgs = await findOrganizations(database.db, org);
  if (orgs.length === 0) console.log(org ? `No organisation ${org}` : 'No organisations');
  for (const o of orgs) {
    const r = await withTenant(database.db, o.id, (tx) =>
      verifyAuditChain(tx, o.id, file?.orgId === o.id ? file : undefined),
    );
    const cps = `${r.checkpoints.matched} of ${r.checkpoints.total} checkpoints hold`;
    const pd = `${r.personalValues.checked} personal values checked, ${r.personalValues.erased} erased`;
    if (r.ok) {
      console.log(
        `ok      ${o.slug}: ${r.checked} events, chain intact up to #${r.head?.seq ?? 0}; ${cps}; ${pd}`,
      );
      continue;
    }
    failed += 1;
    console.log(`FAILED  ${o.slug}: ${r.checked} events verified; ${cps}; ${pd}`);
    if (r.firstBroken) {
      console.log(
        `        first broken link at event #${r.firstBroken.seq} (${r.firstBroken.id}): ${r.firstBroken.reason}`,
      );
    }
    for (const p of r.checkpoints.problems) console.log(`        ${p.reason}`);
    for (const m of r.personalValues.mismatched) {
      console.log(`        event #${m.seq}: the kept value at ${m.path} does not match its digest`);
    }
  }
} finally {
  await database.close();
}
process.exitCode = failed > 0 ? 1 : 0;
