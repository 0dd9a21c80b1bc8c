// Creates an organisation with its first administrator, for production set-up without demo data:
//   npm run create-org -- --name "Acme Ltd" --slug acme --admin-email ops@acme.example --admin-name "Ada Ops"
// The password is read from ADMIN_PASSWORD, or generated and printed once.
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { loadConfig } from '../server/src/config.js';
import { openDb } from '../server/src/db/client.js';
import { runMigrations } from '../server/src/db/migrate.js';
import { randomToken } from '../server/src/lib/tokens.js';
import { createOrganization } from '../server/src/modules/orgs/orgs.service.js';
import { describeVerdict, loadPasswordChecker } from '../shared/src/domain/passwords/strength.js';
import { PasswordSchema } from '../shared/src/schemas/auth.js';
import { EmailSchema } from '../shared/src/schemas/common.js';

const { values } = parseArgs({
  options: {
    name: { type: 'string' },
    slug: { type: 'string' },
    'admin-email': { type: 'string' },
    'admin-name': { type: 'string' },
  },
});
const Args = z.object({
  name: z.string().trim().min(1, '--name is required').max(200),
  slug: z.string().regex(/^[a-z0-9][a-z0-9-]{1,62}$/, '--slug: lower-case letters, digits and dashes'),
  email: EmailSchema,
  adminName: z.string().trim().min(1, '--admin-name is required').max(200),
  password: PasswordSchema,
});
const generated = process.env.ADMIN_PASSWORD ? undefined : randomToken(18);
const parsed = Args.safeParse({
  name: values.name,
  slug: values.slug,
  email: values['admin-email'],
  adminName: values['admin-name'],
  password: process.env.ADMIN_PASSWORD ?? generated,
});
if (!parsed.success) {
  console.error(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('\n'));
  process.exit(2);
}
const a = parsed.data;
const verdict = (await loadPasswordChecker()).check(a.password, { email: a.email, name: a.adminName });
if (!verdict.ok) {
  console.error(`ADMIN_PASSWORD is too weak: ${describeVerdict(verdict)}`);
  process.exit(2);
}
const config = loadConfig();
const database = await openDb({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
try {
  await runMigrations(database, config.migrationsDir, config.databaseOwnerUrl);
  const orgId = await createOrganization(database.db, {
    name: a.name,
    slug: a.slug,
    members: [{ email: a.email, name: a.adminName, role: 'admin', password: a.password }],
  });
  console.log(`Created organisation ${a.name} (${orgId}) with administrator ${a.email}.`);
  if (generated) console.log(`Generated password (shown once, hand it over securely): ${generated}`);
} catch (err) {
  console.error(err instanceof Error ? err.message : err);
  process.exitCode = 1;
} finally {
  await database.close();
}
