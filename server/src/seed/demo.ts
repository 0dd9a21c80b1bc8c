import fs from 'node:fs';
import path from 'node:path';
import { loadReferenceData } from '#shared/domain/reference/load-node.js';
import type { Db } from '../db/client.js';
import { randomToken } from '../lib/tokens.js';
import { findLoginUser } from '../modules/auth/auth.repo.js';
import { verifyPassword } from '../modules/auth/passwords.js';
import { countOrganizations } from '../modules/orgs/orgs.repo.js';
import { createOrganization } from '../modules/orgs/orgs.service.js';
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
  if ((await countOrganizations(db)) === 0) {
    const demoOrg = await createOrganization(db, {
      name: 'Northwind Apparel Ltd (demo)',
      slug: 'demo',
      members: [
        { email: 'admin@demo.test', name: 'Amara Okafor', role: 'admin', password },
        { email: 'officer@demo.test', name: 'Tomás Silva', role: 'officer', password },
        { email: 'executive@demo.test', name: 'Helen Marsh', role: 'executive', password },
      ],
    });
    await createOrganization(db, {
      name: 'Other Trading Co (demo)',
      slug: 'other',
      members: [{ email: 'admin@other.test', name: 'Lars Eriksen', role: 'admin', password }],
    });
    await seedDemoRegister(db, demoOrg, loadReferenceData());
  }
  const admin = await findLoginUser(db, 'admin@demo.test');
  return admin && (await verifyPassword(admin.passwordHash, password)) ? password : undefined;
};
