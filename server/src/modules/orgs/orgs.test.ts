import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { count } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setupTestApp, type TestContext } from '../../../test/app.js';
import { rowCounts } from '../../../test/factories.js';
import { organizations } from '../../db/schema/orgs.js';
import { seedDemo } from '../../seed/demo.js';
import { createOrganization } from './orgs.service.js';

let t: TestContext;
beforeAll(async () => {
  t = await setupTestApp();
});
afterAll(() => t?.close());

const orgCount = async () => (await t.owner.select({ n: count() }).from(organizations))[0]!.n;

describe('passwords set outside the API (create-org, demo) follow the same rule', () => {
  it.each(['aaaaaaaaaaaa', 'password1234', 'ada@acme.example'])(
    'createOrganization refuses %s for a new administrator and creates nothing',
    async (password) => {
      const before = { ...(await rowCounts(t)), orgs: await orgCount() };
      const attempt = createOrganization(t.db, {
        name: 'Acme',
        slug: `acme-${before.users}`,
        members: [{ email: 'ada@acme.example', name: 'Ada Ops', role: 'admin', password }],
      });
      await expect(attempt).rejects.toMatchObject({
        code: 'validation_failed',
        issues: [{ path: 'members.0.password', message: expect.any(String) }],
      });
      expect({ ...(await rowCounts(t)), orgs: await orgCount() }).toEqual(before);
    },
  );

  it('a weak DEMO_PASSWORD stops the start with a message naming the variable', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cs-demo-'));
    await expect(seedDemo(t.db, dir, 'password1234')).rejects.toThrow(
      /^DEMO_PASSWORD is too weak \(for admin@demo\.test\): It is too easy to guess\./,
    );
    await expect(seedDemo(t.db, dir, 'Amara-Okafor-2026')).rejects.toThrow(/e-mail address or name/);
  });

  it('the generated demo password passes (and is kept for the next start)', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cs-demo-'));
    // Organisations exist already, so nothing is seeded; the password is generated and checked all the same.
    await expect(seedDemo(t.db, dir)).resolves.toBeUndefined();
    expect(fs.readFileSync(path.join(dir, 'demo-password'), 'utf8')).toMatch(/^Demo-/);
  });
});
