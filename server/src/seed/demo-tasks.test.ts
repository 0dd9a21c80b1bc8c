import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadReferenceData } from '#shared/domain/reference/load-node.js';
import type { Task } from '#shared/schemas/tasks.js';
import { type Client, setupTestApp, type TestContext } from '../../test/app.js';
import { seedDemoQuestionnaires } from './demo-questionnaires.js';
import { seedDemoRegister } from './demo-register.js';
import { seedDemoTasks } from './demo-tasks.js';

// The demo's remediation programme: every state, overdue work, a verified closure by a second person, a risk
// acceptance about to run out, the supplier taking part, six months of history, and an intact audit chain.

let t: TestContext;
let officer: Client;
let items: Task[];
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cs-demo-t-'));
const ref = loadReferenceData();
const today = new Date().toISOString().slice(0, 10);
beforeAll(async () => {
  t = await setupTestApp();
  await seedDemoRegister(t.db, t.orgA.id, ref);
  const seeded = await seedDemoQuestionnaires(t.db, t.orgA.id, ref, dataDir);
  await seedDemoTasks(t.db, t.orgA.id, ref, dataDir, seeded?.portalToken);
  officer = await t.login(t.orgA.officer);
  const res = await officer.get('/api/tasks?limit=200');
  expect(res.statusCode, res.body).toBe(200);
  items = res.json().items;
}, 240_000);
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));
afterAll(() => t?.close());

describe('the demo remediation programme', () => {
  it('has a task in every status, overdue ones, and tasks made from the findings', () => {
    const statuses = new Set(items.map((x) => x.status));
    for (const s of ['open', 'in_progress', 'pending_verification', 'closed', 'risk_accepted'])
      expect(statuses, s).toContain(s);
    expect(items.filter((x) => x.overdue).length).toBeGreaterThanOrEqual(3);
    expect(items.filter((x) => x.findingId).length).toBeGreaterThanOrEqual(3);
    expect(items.some((x) => x.ownerId === null)).toBe(true);
  });

  it('closes tasks only after a second person verified them', () => {
    const closed = items.filter((x) => x.status === 'closed');
    expect(closed.length).toBeGreaterThan(10);
    for (const x of closed) {
      expect(x.submittedForVerification?.by.id).toBeTruthy();
      expect(x.closed!.by.id).not.toBe(x.submittedForVerification!.by.id);
      expect(x.closed!.at > x.submittedForVerification!.at).toBe(true);
    }
  });

  it('has a risk acceptance that runs out within the month', () => {
    const accepted = items.filter((x) => x.status === 'risk_accepted');
    expect(accepted).toHaveLength(1);
    const until = accepted[0]!.riskAcceptance!.until;
    expect(until > today).toBe(true);
    expect(Date.parse(until) - Date.parse(today)).toBeLessThanOrEqual(30 * 86_400_000);
  });

  it('has supplier-visible tasks the supplier commented on and marked done, answered by staff', async () => {
    const shown = items.filter((x) => x.supplierVisible);
    expect(shown.length).toBeGreaterThan(3);
    expect(
      shown.some(
        (x) => x.status === 'pending_verification' && x.submittedForVerification?.by.type === 'supplier_link',
      ),
    ).toBe(true);
    const grievance = shown.find((x) => x.title.startsWith('Grievance channel'))!;
    const detail = (await officer.get(`/api/tasks/${grievance.id}`)).json();
    const authors = (detail.comments as { author: { type: string } }[]).map((c) => c.author.type);
    expect(authors).toEqual(expect.arrayContaining(['supplier_link', 'user']));
  });

  it('spreads the programme over the last six months (opened and closed in many weeks)', () => {
    const week = (iso: string) => Math.floor(Date.parse(iso) / (7 * 86_400_000));
    const opened = new Set(items.map((x) => week(x.createdAt)));
    const closed = new Set(items.filter((x) => x.closed).map((x) => week(x.closed!.at)));
    expect(opened.size).toBeGreaterThanOrEqual(15);
    expect(closed.size).toBeGreaterThanOrEqual(12);
    const oldest = Math.min(...items.map((x) => Date.parse(x.createdAt)));
    expect(Date.now() - oldest).toBeGreaterThan(150 * 86_400_000);
    expect(Date.now() - oldest).toBeLessThan(200 * 86_400_000);
  });

  it('leaves an audit chain that verifies, with every task created on the record', async () => {
    const admin = await t.login(t.orgA.admin);
    const verify = await admin.get('/api/audit-events/verify');
    expect(verify.statusCode, verify.body).toBe(200);
    expect(verify.json().ok).toBe(true);
    for (const x of items.slice(0, 5)) {
      const events = (await admin.get(`/api/audit-events?entityId=${x.id}&order=asc`)).json().items as {
        action: string;
      }[];
      expect(events[0]?.action).toBe('task.created');
    }
  });
});
