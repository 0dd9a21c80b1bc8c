import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadReferenceData } from '#shared/domain/reference/load-node.js';
import { expandStoredResult, type StoredResult } from '#shared/domain/scoring/stored.js';
import { AssessmentInputsSchema } from '#shared/domain/scoring/types.js';
import type { PolicyDocument } from '#shared/schemas/policy.js';
import { setupTestApp, type TestContext } from '../../test/app.js';
import { assessments, policies } from '../db/schema/scoring.js';
import { suppliers } from '../db/schema/suppliers.js';
import { reproduce } from '../modules/assessments/assessments.engine.js';
import { DEMO_HISTORY_AUTHOR, seedDemoHistory } from './demo-history.js';
import { seedDemoQuestionnaires } from './demo-questionnaires.js';
import { seedDemoRegister } from './demo-register.js';

// The demo's assessment history: a year of real engine runs, back-dated, that never displace a supplier's
// current assessment and leave the audit chain intact.

let t: TestContext;
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cs-demo-h-'));
const ref = loadReferenceData();
let currentBefore: Map<string, string | null>;
const currentIds = async () =>
  new Map(
    (
      await t.owner
        .select({ id: suppliers.id, current: suppliers.currentAssessmentId })
        .from(suppliers)
        .where(eq(suppliers.orgId, t.orgA.id))
    ).map((s) => [s.id, s.current]),
  );
beforeAll(async () => {
  t = await setupTestApp();
  await seedDemoRegister(t.db, t.orgA.id, ref);
  await seedDemoQuestionnaires(t.db, t.orgA.id, ref, dataDir);
  currentBefore = await currentIds();
  await seedDemoHistory(t.db, t.orgA.id, ref);
}, 240_000);
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));
afterAll(() => t?.close());

const orgAssessments = () => t.owner.select().from(assessments).where(eq(assessments.orgId, t.orgA.id));

describe('the demo assessment history', () => {
  it('spans at least six months of the past year, a few hundred rows at most', async () => {
    const all = await orgAssessments();
    const history = all.filter((a) => a.createdBy === DEMO_HISTORY_AUTHOR);
    expect(history.length).toBeGreaterThan(50);
    expect(history.length).toBeLessThan(400);
    const months = new Set(all.map((a) => a.createdAt.toISOString().slice(0, 7)));
    expect(months.size).toBeGreaterThanOrEqual(6);
    expect(Math.min(...history.map((a) => a.createdAt.getTime()))).toBeGreaterThan(
      Date.now() - 330 * 86_400_000,
    );
  });

  it('stores real engine results: each reproduces from its stored inputs, byte for byte', async () => {
    const docs = new Map((await t.owner.select().from(policies)).map((p) => [p.id, p.document]));
    const history = (await orgAssessments()).filter((a) => a.createdBy === DEMO_HISTORY_AUTHOR);
    for (const a of history) {
      const doc = docs.get(a.policyId) as unknown as PolicyDocument;
      const inputs = AssessmentInputsSchema.parse(a.inputs);
      const again = reproduce(doc, inputs);
      expect(again.sha256, `assessment ${a.id}`).toBe(a.resultSha256);
      const expanded = JSON.stringify(expandStoredResult(doc, a.result as StoredResult));
      expect(createHash('sha256').update(expanded).digest('hex')).toBe(a.resultSha256);
      expect(again.result.residual.score).toBe(a.residualScore);
      expect(again.result.rating).toBe(a.rating);
    }
  });

  it('shows risk falling as the programme matured: the first year-old runs score worse than today', async () => {
    const all = await orgAssessments();
    const current = new Set(currentBefore.values());
    const avg = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;
    const first = all.filter((a) => a.trigger === 'import' && a.createdBy === DEMO_HISTORY_AUTHOR);
    const now = all.filter((a) => current.has(a.id));
    expect(avg(first.map((a) => a.residualScore))).toBeGreaterThan(avg(now.map((a) => a.residualScore)));
  });

  it("never becomes a supplier's current assessment, and lists newest first still start with it", async () => {
    expect(await currentIds()).toEqual(currentBefore);
    const officer = await t.login(t.orgA.officer);
    const [supplierId, currentId] = [...currentBefore].find(([, c]) => c)!;
    const res = await officer.get(`/api/suppliers/${supplierId}/assessments?limit=10`);
    expect(res.statusCode, res.body).toBe(200);
    const items = res.json().items as { id: string }[];
    expect(items.length).toBeGreaterThanOrEqual(3);
    expect(items[0]!.id).toBe(currentId);
  });

  it('is on the record, and the audit chain verifies', async () => {
    const admin = await t.login(t.orgA.admin);
    const verify = await admin.get('/api/audit-events/verify');
    expect(verify.statusCode, verify.body).toBe(200);
    expect(verify.json().ok).toBe(true);
    const a = (await orgAssessments()).find((x) => x.createdBy === DEMO_HISTORY_AUTHOR)!;
    const events = (await admin.get(`/api/audit-events?entityId=${a.id}`)).json().items as {
      action: string;
    }[];
    expect(events.map((e) => e.action)).toEqual(['assessment.created']);
  });

  it('shows on the dashboard as a trend over the months', async () => {
    const exec = await t.login(t.orgA.executive);
    const res = await exec.get('/api/dashboard/summary');
    expect(res.statusCode, res.body).toBe(200);
    const trend = res.json().trend as { assessed: number }[];
    expect(trend.filter((p) => p.assessed > 0).length).toBeGreaterThanOrEqual(6);
  });
});
