import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadReferenceData } from '#shared/domain/reference/load-node.js';
import { setupTestApp, type TestContext } from '../../test/app.js';
import { reissueDemoPortalLink, seedDemoQuestionnaires } from './demo-questionnaires.js';
import { seedDemoRegister } from './demo-register.js';

let t: TestContext;
let seeded: { portalToken: string } | undefined;
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cs-demo-q-'));
const ref = loadReferenceData();
beforeAll(async () => {
  t = await setupTestApp();
  await seedDemoRegister(t.db, t.orgA.id, ref);
  seeded = await seedDemoQuestionnaires(t.db, t.orgA.id, ref, dataDir);
}, 120_000);
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));
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

describe('the demo supplier portal link (printed in the start banner)', () => {
  const portal = (token: string) => t.app.inject({ method: 'GET', url: `/api/portal/${token}` });

  it('opens the questionnaire just sent, on the first start', async () => {
    expect(seeded?.portalToken).toMatch(/^[\w-]{20,}$/);
    const res = await portal(seeded!.portalToken);
    expect(res.statusCode).toBe(200);
    const officer = await t.login(t.orgA.officer);
    const sent = (await officer.get('/api/assignments?status=sent')).json().items;
    expect(sent).toHaveLength(1);
    expect(res.json().supplierName).toBe(sent[0].supplierName);
  });

  it('is re-issued by the system on a later start: a new link works, the old one stops, the trail says so', async () => {
    const old = seeded!.portalToken;
    const fresh = await reissueDemoPortalLink(t.db, t.orgA.id, ref, dataDir);
    expect(fresh).toBeDefined();
    expect(fresh).not.toBe(old);
    expect((await portal(fresh!)).statusCode).toBe(200);
    expect((await portal(old)).statusCode).toBe(410);

    const officer = await t.login(t.orgA.officer);
    const [sent] = (await officer.get('/api/assignments?status=sent')).json().items;
    const events = (await officer.get(`/api/audit-events?entityId=${sent.id}&order=asc`)).json().items as {
      action: string;
      actor: unknown;
    }[];
    expect(events.map((e) => e.action)).toEqual(['assignment.created', 'assignment.link_reissued']);
    expect(events[1]!.actor).toEqual(events[0]!.actor);
  });

  it('is not re-issued for a questionnaire whose link an officer revoked; with none left open, there is none', async () => {
    const officer = await t.login(t.orgA.officer);
    const open = [
      ...(await officer.get('/api/assignments?status=sent')).json().items,
      ...(await officer.get('/api/assignments?status=in_progress')).json().items,
    ] as { id: string; revision: number }[];
    expect(open.length).toBeGreaterThan(1);
    for (const a of open) {
      expect((await officer.post(`/api/assignments/${a.id}/revoke-link`)).statusCode).toBe(200);
    }
    expect(await reissueDemoPortalLink(t.db, t.orgA.id, ref, dataDir)).toBeUndefined();
  });
});
