// Walks each organisation's audit chain (or one: --org <id|slug>) and reports the first broken link.
// Exit code 1 when any chain is broken, so it can run from cron or CI.
import { parseArgs } from 'node:util';
import { loadConfig } from '../server/src/config.js';
import { openDb } from '../server/src/db/client.js';
import { withTenant } from '../server/src/db/tenant.js';
import { verifyAuditChain } from '../server/src/modules/audit/audit-verify.js';
import { findOrganizations } from '../server/src/modules/orgs/orgs.repo.js';

const { values } = parseArgs({ options: { org: { type: 'string' } } });
const config = loadConfig();
const database = await openDb({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
let broken = 0;
try {
  const orgs = await findOrganizations(database.db, values.org);
  if (orgs.length === 0) console.log(values.org ? `No organisation ${values.org}` : 'No organisations');
  for (const org of orgs) {
    const r = await withTenant(database.db, org.id, (tx) => verifyAuditChain(tx, org.id));
    if (r.ok) console.log(`ok      ${org.slug}: ${r.checked} events, chain intact`);
    else {
      broken += 1;
      console.log(
        `BROKEN  ${org.slug}: first broken link at event #${r.firstBroken!.seq} (${r.firstBroken!.id}): ${r.firstBroken!.reason}; ${r.checked} events before it verified`,
      );
    }
  }
} finally {
  await database.close();
}
process.exitCode = broken > 0 ? 1 : 0;
