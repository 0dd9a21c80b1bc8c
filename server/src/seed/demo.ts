import fs from 'node:fs';
import path from 'node:path';
import { describeVerdict, loadPasswordChecker } from '#shared/domain/passwords/strength.js';
import { loadReferenceData } from '#shared/domain/reference/load-node.js';
import type { Db } from '../db/client.js';
import { randomToken } from '../lib/tokens.js';
import { findLoginUser } from '../modules/auth/auth.repo.js';
import { verifyPassword } from '../modules/auth/passwords.js';
import { countOrganizations } from '../modules/orgs/orgs.repo.js';
import { createOrganization } from '../modules/orgs/orgs.service.js';
import { seedDemoQuestionnaires } from './demo-questionnaires.js';
import { seedDemoRegister } from './demo-register.js';

/** DEMO_PASSWORD if set; otherwise one generated on first start and kept (mode 600) in the data directory. */
const demoPassword = (dataDir: string, fromEnv?: string): string => {
  if (fromEnv) return fromEnv;
  const file = path.join(dataDir, 'demo-password');
  if (fs.existsSync(file)) return fs.readFileSync(file, 'utf8').trim();
  fs.mkdirSync(dataDir, { recursive: true });
  const generated = `Demo-${randomToken(12)}`;
  fs.writeFileSync(file, `${generated}\n`, { mode: 0o600 });
  return generated;
};

const DEMO_PEOPLE = [
  { email: 'admin@demo.test', name: 'Amara Okafor', role: 'admin' },
  { email: 'officer@demo.test', name: 'Tomás Silva', role: 'officer' },
  { email: 'executive@demo.test', name: 'Helen Marsh', role: 'executive' },
  { email: 'admin@other.test', name: 'Lars Eriksen', role: 'admin' },
] as const;

/**
 * Loads the demo organisations into an empty database. Returns the demo password while the demo admin
 * still uses it (so the start banner can print it), else undefined.
 */
export const seedDemo = async (
  db: Db,
  dataDir: string,
  envPassword?: string,
): Promise<string | undefined> => {
  const password = demoPassword(dataDir, envPassword);
  // Checked at every start, by its variable's name: the same rule as every other password, for each demo user.
  const checker = await loadPasswordChecker();
  for (const person of DEMO_PEOPLE) {
    const verdict = checker.check(password, person);
    if (!verdict.ok) {
      throw new Error(`DEMO_PASSWORD is too weak (for ${person.email}): ${describeVerdict(verdict)}`);
    }
  }
  if ((await countOrganizations(db)) === 0) {
    const people = DEMO_PEOPLE.map((p) => ({ ...p, password }));
    const demoOrg = await createOrganization(db, {
      name: 'Northwind Apparel Ltd (demo)',
      slug: 'demo',
      members: people.filter((p) => p.email.endsWith('@demo.test')),
    });
    await createOrganization(db, {
      name: 'Other Trading Co (demo)',
      slug: 'other',
      members: people.filter((p) => p.email.endsWith('@other.test')),
    });
    const ref = loadReferenceData();
    await seedDemoRegister(db, demoOrg, ref);
    await seedDemoQuestionnaires(db, demoOrg, ref, dataDir);
  }
  const admin = await findLoginUser(db, 'admin@demo.test');
  return admin && (await verifyPassword(admin.passwordHash, password)) ? password : undefined;
};
