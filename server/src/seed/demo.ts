import fs from 'node:fs';
import path from 'node:path';
import { describeVerdict, loadPasswordChecker } from '#shared/domain/passwords/strength.js';
import { loadReferenceData } from '#shared/domain/reference/load-node.js';
import type { Db } from '../db/client.js';
import { randomToken } from '../lib/tokens.js';
import { findLoginUser } from '../modules/auth/auth.repo.js';
import { verifyPassword } from '../modules/auth/passwords.js';
import { countOrganizations, findOrganizationBySlug } from '../modules/orgs/orgs.repo.js';
import { createOrganization } from '../modules/orgs/orgs.service.js';
import { seedDemoHistory } from './demo-history.js';
import { reissueDemoPortalLink, seedDemoQuestionnaires } from './demo-questionnaires.js';
import { seedDemoRegister } from './demo-register.js';
import { seedDemoTasks } from './demo-tasks.js';

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

/** What the start banner prints about the demo: the password and a supplier portal token, when there is one. */
export interface DemoBanner {
  password: string;
  /** The token of a working supplier portal link (`/portal/<token>`); absent when no demo questionnaire is open. */
  portalToken?: string;
}

/**
 * Loads the demo organisations into an empty database. While the demo admin still uses the demo password
 * (the data is still a demo), returns it for the start banner with a working supplier portal link: minted by
 * the seed on the first start, re-issued on later ones (see reissueDemoPortalLink). Else undefined.
 */
export const seedDemo = async (
  db: Db,
  dataDir: string,
  envPassword?: string,
): Promise<DemoBanner | undefined> => {
  const password = demoPassword(dataDir, envPassword);
  // Checked at every start, by its variable's name: the same rule as every other password, for each demo user.
  const checker = await loadPasswordChecker();
  for (const person of DEMO_PEOPLE) {
    const verdict = checker.check(password, person);
    if (!verdict.ok) {
      throw new Error(`DEMO_PASSWORD is too weak (for ${person.email}): ${describeVerdict(verdict)}`);
    }
  }
  let portalToken: string | undefined;
  let seeded = false;
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
    portalToken = (await seedDemoQuestionnaires(db, demoOrg, ref, dataDir))?.portalToken;
    await seedDemoTasks(db, demoOrg, ref, dataDir, portalToken);
    await seedDemoHistory(db, demoOrg, ref);
    seeded = true;
  }
  const admin = await findLoginUser(db, 'admin@demo.test');
  if (!admin || !(await verifyPassword(admin.passwordHash, password))) return undefined;
  if (!seeded) {
    const demoOrg = await findOrganizationBySlug(db, 'demo');
    if (demoOrg) portalToken = await reissueDemoPortalLink(db, demoOrg.id, loadReferenceData(), dataDir);
  }
  return portalToken ? { password, portalToken } : { password };
};
