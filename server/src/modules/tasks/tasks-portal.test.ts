import fs from 'node:fs';
import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, setupTestApp, type TestContext } from '../../../test/app.js';
import { auditOf, createSupplier, issuePaths, multipartBody, userIdOf } from '../../../test/factories.js';
import { exeBytes, pdfBytes } from '../../../test/files.js';
import { publishSampleTemplate, tokenOf } from '../../../test/questionnaires.js';
import { taskEvidenceFiles } from '../../db/schema/tasks.js';

// The supplier's remediation tasks through its portal link: only its own supplier-visible tasks, without the
// organisation's internals; it comments, uploads evidence and marks done (someone at the organisation then
// verifies). Files are checked as the questionnaire's are (type by content, size, quota per task).

let t: TestContext;
let officer: Client;
let admin: Client;
let token: string;
let assignmentId: string;
let otherToken: string;
let storageDir: string;
const ids: Record<string, string> = {};

const inDays = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);
const portal = (method: 'GET' | 'POST', url: string, payload?: object) =>
  t.app.inject({ method, url, ...(payload ? { payload } : {}) });
const upload = (tok: string, id: string, content: Buffer, name = 'proof.pdf') => {
  const { payload, headers } = multipartBody(content, name);
  return t.app.inject({ method: 'POST', url: `/api/portal/${tok}/tasks/${id}/evidence`, payload, headers });
};
const storedFiles = () =>
  fs.existsSync(storageDir)
    ? fs.readdirSync(storageDir, { recursive: true }).filter((f) => /task-evidence\/./.test(String(f))).length
    : 0;
const fileRows = async () => (await t.owner.select({ n: count() }).from(taskEvidenceFiles))[0]!.n;

beforeAll(async () => {
  storageDir = fs.mkdtempSync('/tmp/cs-task-portal-');
  t = await setupTestApp({
    storage: { driver: 'local', dir: storageDir },
    evidenceMaxBytes: 4096,
    evidenceQuota: { maxFiles: 2, maxTotalBytes: 1_000_000 },
  });
  officer = await t.login(t.orgA.officer);
  admin = await t.login(t.orgA.admin);
  const templateId = await publishSampleTemplate(officer);
  const send = async (name: string) => {
    const s = await createSupplier(officer, { name });
    const sent = await officer.post('/api/assignments', {
      templateId,
      supplierIds: [s.id],
      dueDate: inDays(14),
    });
    const item = sent.json().items[0];
    return { supplierId: s.id as string, id: item.id as string, token: tokenOf(item.portalUrl) };
  };
  const mine = await send('Portal Mill');
  ({ token, id: assignmentId } = mine);
  const other = await send('Neighbour Mill');
  otherToken = other.token;
  const make = async (key: string, supplierId: string, supplierVisible: boolean, dueDate = inDays(20)) => {
    const res = await officer.post('/api/tasks', {
      supplierId,
      title: `Task ${key}`,
      severity: 'high',
      dueDate,
      supplierVisible,
      ownerId: await userIdOf(t, t.orgA.officer),
    });
    expect(res.statusCode, res.body).toBe(201);
    ids[key] = res.json().id;
  };
  await make('shown', mine.supplierId, true);
  await make('late', mine.supplierId, true, inDays(-2));
  await make('hidden', mine.supplierId, false);
  await make('neighbour', other.supplierId, true);
});
afterAll(() => t?.close());

describe('portal tasks', () => {
  it("lists only this supplier's supplier-visible tasks, overdue first, without internal fields", async () => {
    await officer.post(`/api/tasks/${ids.shown}/comments`, { body: 'Please send the new policy' });
    const res = await portal('GET', `/api/portal/${token}/tasks`);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.supplierName).toBe('Portal Mill');
    expect(body.items.map((i: { id: string }) => i.id)).toEqual([ids.late, ids.shown]);
    expect(body.items[0]).toMatchObject({ overdue: true, canMarkDone: true, status: 'open' });
    expect(body.items[1].comments).toEqual([
      expect.objectContaining({
        author: 'organisation',
        authorLabel: 'Org A',
        body: 'Please send the new policy',
      }),
    ]);
    expect(res.body).not.toContain('ownerId');
    expect(res.body).not.toContain('officer a');
    const other = (await portal('GET', `/api/portal/${otherToken}/tasks`)).json();
    expect(other.items.map((i: { id: string }) => i.id)).toEqual([ids.neighbour]);
  });

  it('comments and marks done as the supplier link; an officer then verifies and closes', async () => {
    const c = await portal('POST', `/api/portal/${token}/tasks/${ids.shown}/comments`, {
      body: 'Policy attached',
    });
    expect(c.statusCode, c.body).toBe(201);
    expect(c.json().comments.at(-1)).toMatchObject({ author: 'supplier', authorLabel: 'Portal Mill' });
    const done = await portal('POST', `/api/portal/${token}/tasks/${ids.shown}/done`);
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json()).toMatchObject({ status: 'pending_verification', canMarkDone: false });
    const again = await portal('POST', `/api/portal/${token}/tasks/${ids.shown}/done`);
    expect(again.statusCode).toBe(422);

    const staffView = (await officer.get(`/api/tasks/${ids.shown}`)).json();
    expect(staffView.submittedForVerification.by).toMatchObject({ type: 'supplier_link', id: assignmentId });
    const events = (await auditOf(t, t.orgA.id)).filter((e) => e.entityId === ids.shown);
    expect(events.slice(-2).map((e) => [e.action, e.actorType])).toEqual([
      ['task.commented', 'supplier_link'],
      ['task.transitioned', 'supplier_link'],
    ]);
    const closed = await officer.post(`/api/tasks/${ids.shown}/transition`, { to: 'closed' });
    expect(closed.statusCode, closed.body).toBe(200);
  });

  it('answers 404 for a task not shown to the supplier or of another supplier', async () => {
    for (const id of [ids.hidden, ids.neighbour]) {
      expect(
        (await portal('POST', `/api/portal/${token}/tasks/${id}/comments`, { body: 'x' })).statusCode,
      ).toBe(404);
      expect((await portal('POST', `/api/portal/${token}/tasks/${id}/done`)).statusCode).toBe(404);
      expect((await upload(token, id!, pdfBytes())).statusCode).toBe(404);
    }
    expect(storedFiles()).toBe(0);
  });

  it('keeps a checked file with its SHA-256; refuses a wrong type, a file too large, and past the quota', async () => {
    const ok = await upload(token, ids.late!, pdfBytes('one'));
    expect(ok.statusCode, ok.body).toBe(201);
    expect(ok.json()).toMatchObject({ mediaType: 'application/pdf', fileName: 'proof.pdf' });
    expect(ok.json().uploadedBy).toBeUndefined();
    const exe = await upload(token, ids.late!, exeBytes(), 'proof.pdf');
    expect(exe.statusCode).toBe(422);
    expect(issuePaths(exe)).toEqual(['file']);
    const big = await upload(token, ids.late!, Buffer.concat([pdfBytes(), Buffer.alloc(5000, 0x20)]));
    expect(big.statusCode).toBe(413);
    expect((await upload(token, ids.late!, pdfBytes('two'))).statusCode).toBe(201);
    const full = await upload(token, ids.late!, pdfBytes('three'));
    expect(full.statusCode).toBe(422);
    expect(full.json().error.message).toMatch(/most one task may hold \(2\)/);
    expect(await fileRows()).toBe(2);
    expect(storedFiles()).toBe(2);
    const listed = (await portal('GET', `/api/portal/${token}/tasks`))
      .json()
      .items.find((i: { id: string }) => i.id === ids.late);
    expect(listed.evidence).toHaveLength(2);
    // Staff download it, as an attachment, with its hash.
    const fileId = ok.json().id;
    const dl = await officer.get(`/api/tasks/${ids.late}/evidence/${fileId}`);
    expect(dl.statusCode).toBe(200);
    expect(dl.headers['content-disposition']).toMatch(/^attachment/);
    expect(dl.headers['x-evidence-sha256']).toBe(ok.json().sha256);
  });

  it('a revoked link answers 410 as the questionnaire does; an unknown one 404', async () => {
    expect((await admin.post(`/api/assignments/${assignmentId}/revoke-link`, {})).statusCode).toBe(200);
    expect((await portal('GET', `/api/portal/${token}/tasks`)).statusCode).toBe(410);
    expect((await portal('POST', `/api/portal/${token}/tasks/${ids.late}/done`)).statusCode).toBe(410);
    expect((await portal('GET', `/api/portal/${'x'.repeat(43)}/tasks`)).statusCode).toBe(404);
    const row = await t.owner.select().from(taskEvidenceFiles).where(eq(taskEvidenceFiles.taskId, ids.late!));
    expect(row).toHaveLength(2);
  });
});
