import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadReferenceData } from '#shared/domain/reference/load-node.js';
import { setupTestApp, type TestContext } from '../../test/app.js';
import { seedDemoQuestionnaires } from './demo-questionnaires.js';
import { seedDemoRegister } from './demo-register.js';

let t: TestContext;
beforeAll(async () => {
  t = await setupTestApp();
  const ref = loadReferenceData();
  await seedDemoRegister(t.db, t.orgA.id, ref);
  await seedDemoQuestionnaires(t.db, t.orgA.id, ref, fs.mkdtempSync(path.join(os.tmpdir(), 'cs-demo-q-')));
}, 120_000);
afterAll(() => t?.close());

describe('the demo questionnaires', () => {
  it('show every state an officer meets, with answers that scored two suppliers', async () => {
    const officer = await t.login(t.orgA.officer);
    const items = (await officer.get('/api/assignments?limit=50')).json().items as {
      id: string;
      status: string;
      overdue: boolean;
      supplierId: string;
      progress: { percent: number };
      locale: string | null;
    }[];
    const statuses = items.map((a) => a.status);
    for (const s of ['sent', 'in_progress', 'submitted', 'returned', 'accepted'])
      expect(statuses).toContain(s);
    expect(items.filter((a) => a.overdue)).toHaveLength(1);
    expect(items.find((a) => a.status === 'in_progress' && !a.overdue)).toMatchObject({ locale: 'es' });
    expect(items.find((a) => a.status === 'submitted')!.progress.percent).toBe(100);

    const accepted = items.filter((a) => a.status === 'accepted');
    expect(accepted).toHaveLength(2);
    const findings = await Promise.all(
      accepted.map(
        async (a) => (await officer.get(`/api/assignments/${a.id}/answers`)).json().findings.length,
      ),
    );
    expect(findings.sort()).toEqual([0, expect.any(Number)]);
    expect(Math.max(...findings)).toBeGreaterThan(3);
    for (const a of accepted) {
      const latest = (await officer.get(`/api/suppliers/${a.supplierId}/assessments`)).json().items[0];
      expect(latest.trigger).toBe('questionnaire_accepted');
    }
  });
});
