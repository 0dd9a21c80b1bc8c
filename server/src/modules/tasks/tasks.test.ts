import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_POLICY } from '#shared/domain/scoring/default-policy.js';
import { DEFAULT_DUE_DAYS, todayUtc } from '#shared/schemas/tasks.js';
import { type Client, setupTestApp, type TestContext } from '../../../test/app.js';
import {
  auditOf,
  createApiKey,
  createSupplier,
  issuePaths,
  userIdOf,
  withKey,
} from '../../../test/factories.js';
import { publishSampleTemplate, submittedQuestionnaire } from '../../../test/questionnaires.js';
import { findings } from '../../db/schema/assignments.js';
import { remediationTasks } from '../../db/schema/tasks.js';
import { createTaskJobs } from './tasks.jobs.js';

// Remediation tasks for staff: made from findings and by hand, moved through the one transitions table
// (roles, four eyes, risk acceptance, reopening), edited under their revision, every change audited.

let t: TestContext;
let admin: Client;
let officer: Client;
let executive: Client;
let supplierId: string;
let findingIds: Record<string, string>;

const inDays = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);
const findingStatus = async (id: string) =>
  (await t.owner.select({ s: findings.status }).from(findings).where(eq(findings.id, id)))[0]!.s;
const eventsOf = async (entityId: string) =>
  (await auditOf(t, t.orgA.id)).filter((e) => e.entityId === entityId).map((e) => e.action);

beforeAll(async () => {
  t = await setupTestApp();
  admin = await t.login(t.orgA.admin);
  officer = await t.login(t.orgA.officer);
  executive = await t.login(t.orgA.executive);
  const templateId = await publishSampleTemplate(officer);
  const { supplier, id } = await submittedQuestionnaire(t, officer, templateId, { name: 'Task Gloves' });
  supplierId = supplier.id;
  const accepted = await officer.post(`/api/assignments/${id}/accept`, {});
  expect(accepted.statusCode, accepted.body).toBe(200);
  findingIds = Object.fromEntries(
    accepted.json().findings.map((f: { key: string; id: string }) => [f.key, f.id]),
  );
});
afterAll(() => t?.close());

describe('making tasks', () => {
  it('makes a task from a finding: supplier, criterion, severity from it; due by severity; once only', async () => {
    const findingId = findingIds.identity_documents_retained!;
    const res = await officer.post('/api/tasks', { findingId });
    expect(res.statusCode, res.body).toBe(201);
    const task = res.json();
    expect(task).toMatchObject({
      supplierId,
      supplierName: 'Task Gloves',
      findingId,
      criterion: 'identity_documents_retained',
      status: 'open',
      ownerId: null,
      supplierVisible: false,
      overdue: false,
      revision: 1,
      createdBy: { type: 'user', label: 'officer a' },
    });
    expect(task.title).toMatch(/\S/);
    // The suggested action is the policy's remediation for the red flag.
    expect(task.description).toBe(
      DEFAULT_POLICY.redFlags.find((f) => f.key === 'identity_documents_retained')!.remediation,
    );
    expect(task.dueDate).toBe(inDays(DEFAULT_DUE_DAYS[task.severity as 'critical']));
    expect(res.headers.etag).toBe('"1"');
    expect(await eventsOf(task.id)).toEqual(['task.created']);

    const again = await admin.post('/api/tasks', { findingId, title: 'Another' });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.current.id).toBe(task.id);
    expect(again.json().error.message).toContain(task.id);
    expect(issuePaths(again)).toEqual(['findingId']);
  });

  it('makes a task by hand, with an owner of the organisation only', async () => {
    const ownerId = await userIdOf(t, t.orgA.officer);
    const res = await officer.post('/api/tasks', {
      supplierId,
      title: '  Publish a grievance policy ',
      severity: 'medium',
      dueDate: inDays(30),
      ownerId,
      supplierVisible: true,
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({
      title: 'Publish a grievance policy',
      findingId: null,
      criterion: null,
      ownerId,
      ownerName: 'officer a',
      supplierVisible: true,
    });
    const foreign = await officer.post('/api/tasks', {
      supplierId,
      title: 'X',
      severity: 'low',
      dueDate: inDays(3),
      ownerId: await userIdOf(t, t.orgB.officer),
    });
    expect(foreign.statusCode).toBe(422);
    expect(issuePaths(foreign)).toEqual(['ownerId']);
    expect(foreign.body).not.toContain('officer b');
  });

  it('refuses a task for an archived supplier (restore it first)', async () => {
    const s = await createSupplier(officer, { name: 'Archived Mill' });
    expect((await officer.delete(`/api/suppliers/${s.id}`)).statusCode).toBe(200);
    const res = await officer.post('/api/tasks', {
      supplierId: s.id,
      title: 't',
      severity: 'low',
      dueDate: inDays(5),
    });
    expect(res.statusCode).toBe(422);
    expect(issuePaths(res)).toEqual(['supplierId']);
    expect(res.json().error.message).toMatch(/archived/);
  });

  it('refuses an executive and names what a hand-made task misses', async () => {
    expect(
      (await executive.post('/api/tasks', { findingId: findingIds.grievance_mechanism })).statusCode,
    ).toBe(403);
    const res = await officer.post('/api/tasks', {});
    expect(res.statusCode).toBe(400);
    expect(issuePaths(res).sort()).toEqual(['dueDate', 'severity', 'supplierId', 'title']);
    const mixed = await officer.post('/api/tasks', {
      findingId: findingIds.grievance_mechanism,
      severity: 'low',
    });
    expect(mixed.statusCode).toBe(400);
    expect(issuePaths(mixed)).toEqual(['severity']);
  });
});

describe('the workflow', () => {
  let taskId: string;
  let findingId: string;
  const move = (c: Client, body: Record<string, unknown>) => c.post(`/api/tasks/${taskId}/transition`, body);

  beforeAll(async () => {
    findingId = findingIds.excessive_overtime!;
    const created = (await officer.post('/api/tasks', { findingId })).json();
    taskId = created.id;
    expect(created.description).toBe(
      DEFAULT_POLICY.criteria.find((c) => c.key === 'excessive_overtime')!.remediation,
    );
  });

  it('moves open → in progress → pending verification; the submitter may not verify; another closes', async () => {
    expect((await move(executive, { to: 'in_progress' })).statusCode).toBe(403);
    const started = await move(officer, { to: 'in_progress', revision: 1 });
    expect(started.statusCode, started.body).toBe(200);
    expect(started.json()).toMatchObject({ status: 'in_progress', revision: 2 });

    const stale = await move(officer, { to: 'pending_verification', revision: 1 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.current).toMatchObject({ id: taskId, revision: 2, status: 'in_progress' });

    const done = await move(officer, { to: 'pending_verification', comment: 'Passports returned' });
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json().submittedForVerification.by).toMatchObject({ type: 'user', label: 'officer a' });
    expect(done.json().comments.map((c: { body: string }) => c.body)).toEqual(['Passports returned']);

    const own = await move(officer, { to: 'closed' });
    expect(own.statusCode).toBe(403);
    expect(own.json().error.message).toMatch(/someone else/);

    const closed = await move(admin, { to: 'closed' });
    expect(closed.statusCode, closed.body).toBe(200);
    expect(closed.json()).toMatchObject({ status: 'closed', closed: { by: { label: 'admin a' } } });
    expect(await findingStatus(findingId)).toBe('closed');

    // Reopening needs a reason; the finding is open again.
    const noReason = await move(officer, { to: 'open' });
    expect(noReason.statusCode).toBe(400);
    expect(issuePaths(noReason)).toEqual(['comment']);
    const reopened = await move(officer, { to: 'open', comment: 'Passports held again at the audit' });
    expect(reopened.statusCode, reopened.body).toBe(200);
    expect(reopened.json()).toMatchObject({ status: 'open', closed: null, submittedForVerification: null });
    expect(await findingStatus(findingId)).toBe('open');

    expect(await eventsOf(taskId)).toEqual([
      'task.created',
      'task.transitioned',
      'task.transitioned',
      'task.transitioned',
      'task.transitioned',
    ]);
    expect(await eventsOf(findingId)).toEqual(
      expect.arrayContaining(['finding.opened', 'finding.status_changed', 'finding.status_changed']),
    );
  });

  it('a move that does not exist is a 422; an API key may not verify (a person must)', async () => {
    expect((await move(officer, { to: 'closed' })).statusCode).toBe(422);
    expect((await move(officer, { to: 'open' })).statusCode).toBe(422);
    await move(officer, { to: 'pending_verification' });
    const key = await createApiKey(admin, 'admin');
    const viaKey = await withKey(t, key.key)('POST', `/api/tasks/${taskId}/transition`, { to: 'closed' });
    expect(viaKey.statusCode).toBe(403);
    expect(viaKey.json().error.message).toMatch(/signed-in person/);
    await move(admin, { to: 'in_progress', comment: 'Not yet: the policy is missing' });
  });

  it('accepting a risk: an administrator only, with a justification and an expiry in the future', async () => {
    const until = inDays(90);
    const byOfficer = await move(officer, {
      to: 'risk_accepted',
      justification: 'Why',
      riskAcceptedUntil: until,
    });
    expect(byOfficer.statusCode).toBe(403);
    expect(byOfficer.json().error.message).toMatch(/administrator/);
    const missing = await move(admin, { to: 'risk_accepted' });
    expect(missing.statusCode).toBe(400);
    expect(issuePaths(missing).sort()).toEqual(['justification', 'riskAcceptedUntil']);
    const past = await move(admin, {
      to: 'risk_accepted',
      justification: 'x',
      riskAcceptedUntil: todayUtc(),
    });
    expect(past.statusCode).toBe(400);
    expect(issuePaths(past)).toEqual(['riskAcceptedUntil']);

    const accepted = await move(admin, {
      to: 'risk_accepted',
      justification: 'Sole source; a second mill is being qualified',
      riskAcceptedUntil: until,
    });
    expect(accepted.statusCode, accepted.body).toBe(200);
    expect(accepted.json().riskAcceptance).toMatchObject({
      justification: 'Sole source; a second mill is being qualified',
      until,
      acceptedBy: { type: 'user', label: 'admin a' },
    });
    expect(await findingStatus(findingId)).toBe('risk_accepted');
    // Done work is not edited under it: reopen first.
    const edit = await officer.patch(`/api/tasks/${taskId}`, { title: 'New' });
    expect(edit.statusCode).toBe(422);
  });

  it('the platform reopens an expired risk acceptance, as the system actor, with the reason in the thread', async () => {
    const taskJobs = createTaskJobs({ db: t.db });
    expect(await taskJobs.reopenExpiredRiskAcceptance(t.orgA.id, taskId, inDays(10))).toBe(false);
    expect(await taskJobs.reopenExpiredRiskAcceptances(t.orgA.id, inDays(91))).toEqual([taskId]);
    const task = (await officer.get(`/api/tasks/${taskId}`)).json();
    expect(task).toMatchObject({ status: 'open', riskAcceptance: null });
    expect(task.comments.at(-1)).toMatchObject({
      author: { type: 'system' },
      body: expect.stringMatching(/ended/),
    });
    expect(await findingStatus(findingId)).toBe('open');
    const last = (await auditOf(t, t.orgA.id)).filter((e) => e.entityId === taskId).at(-1)!;
    expect(last).toMatchObject({ action: 'task.transitioned', actorType: 'system' });
  });
});

describe('editing', () => {
  it('changes fields under the revision (stale: 409), audits the changes, and lists overdue first', async () => {
    const created = (
      await officer.post('/api/tasks', {
        supplierId,
        title: 'Late one',
        severity: 'high',
        dueDate: inDays(-3),
      })
    ).json();
    expect(created.overdue).toBe(true);
    const patched = await officer.request(
      'PATCH',
      `/api/tasks/${created.id}`,
      { title: 'Late one, renamed', severity: 'critical' },
      { 'if-match': '"1"' },
    );
    expect(patched.statusCode, patched.body).toBe(200);
    expect(patched.json()).toMatchObject({ title: 'Late one, renamed', severity: 'critical', revision: 2 });
    const stale = await officer.patch(`/api/tasks/${created.id}`, { title: 'Lost', revision: 1 });
    expect(stale.statusCode).toBe(409);
    const [row] = await t.owner.select().from(remediationTasks).where(eq(remediationTasks.id, created.id));
    expect(row!.title).toBe('Late one, renamed');
    const events = (await auditOf(t, t.orgA.id)).filter((e) => e.entityId === created.id);
    expect(events.map((e) => e.action)).toEqual(['task.created', 'task.updated']);
    // The audit log names both events by the task's title as it is now, and finds them by it.
    const admin = await t.login(t.orgA.admin);
    const named = (await admin.get('/api/audit-events?entity=late%20one%2C%20renamed')).json();
    expect(
      named.items.map((e: { entityId: string; entityLabel: string }) => [e.entityId, e.entityLabel]),
    ).toEqual([
      [created.id, 'Late one, renamed'],
      [created.id, 'Late one, renamed'],
    ]);

    const board = (await executive.get('/api/tasks?limit=200')).json();
    expect(board.items[0].id).toBe(created.id);
    const overdue = (await executive.get('/api/tasks?overdue=true')).json();
    expect(overdue.items.map((i: { id: string }) => i.id)).toEqual([created.id]);
    const unassigned = (await executive.get(`/api/tasks?ownerId=none&supplierId=${supplierId}`)).json();
    expect(unassigned.items.every((i: { ownerId: string | null }) => i.ownerId === null)).toBe(true);
    const bySeverity = (await executive.get('/api/tasks?severity=critical')).json();
    expect(bySeverity.items.map((i: { id: string }) => i.id)).toContain(created.id);
  });

  it('bulk: assigns an owner and a due date to a selection, all or nothing, one event per task', async () => {
    const mk = async (title: string) =>
      (await officer.post('/api/tasks', { supplierId, title, severity: 'low', dueDate: inDays(40) })).json()
        .id;
    const ids = [await mk('Bulk 1'), await mk('Bulk 2')];
    const ownerId = await userIdOf(t, t.orgA.admin);
    const before = (await auditOf(t, t.orgA.id)).length;
    const res = await officer.post('/api/tasks/bulk', { ids, ownerId, dueDate: inDays(20) });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().items).toMatchObject([
      { ownerId, dueDate: inDays(20), revision: 2 },
      { ownerId, dueDate: inDays(20), revision: 2 },
    ]);
    const after = await auditOf(t, t.orgA.id);
    expect(after.slice(before).map((e) => [e.action, e.entityId])).toEqual(
      ids.map((id) => ['task.updated', id]),
    );

    // One unknown id refuses the whole selection.
    const unknown = '00000000-0000-4000-8000-000000000000';
    const refused = await officer.post('/api/tasks/bulk', { ids: [ids[0], unknown], ownerId: null });
    expect(refused.statusCode).toBe(404);
    expect(issuePaths(refused)).toEqual(['ids.1']);
    const [row] = await t.owner
      .select({ ownerId: remediationTasks.ownerId })
      .from(remediationTasks)
      .where(and(eq(remediationTasks.id, ids[0]!)));
    expect(row!.ownerId).toBe(ownerId);
  });
});

describe('comments', () => {
  it('adds to the thread and audits it; an executive may not', async () => {
    const s = await createSupplier(officer, { name: 'Thread Mill' });
    const id = (
      await officer.post('/api/tasks', {
        supplierId: s.id,
        title: 'Talk',
        severity: 'low',
        dueDate: inDays(9),
      })
    ).json().id;
    const res = await officer.post(`/api/tasks/${id}/comments`, { body: 'Called the site manager' });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({
      taskId: id,
      body: 'Called the site manager',
      author: { label: 'officer a' },
    });
    expect((await executive.post(`/api/tasks/${id}/comments`, { body: 'x' })).statusCode).toBe(403);
    expect((await officer.get(`/api/tasks/${id}`)).json().comments).toHaveLength(1);
    expect(await eventsOf(id)).toEqual(['task.created', 'task.commented']);
  });
});

describe('a verified fix feeds the next assessment', () => {
  type Criterion = { key: string; effectiveness: number; answers: { answerLabel: string }[] };
  const latest = async () => {
    const res = await executive.get(`/api/suppliers/${supplierId}/assessments?limit=1`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json().items[0];
  };
  const criterion = (a: { result: { control: { criteria: Criterion[] } } }, key: string) =>
    a.result.control.criteria.find((c) => c.key === key)!;

  it('closing counts the criterion as controlled and clears the red flag; reopening undoes it; accepting a risk does not', async () => {
    const before = await latest();
    expect(criterion(before, 'grievance_mechanism').effectiveness).toBeLessThan(50);
    expect(before.result.redFlags.map((f: { key: string }) => f.key)).toContain(
      'identity_documents_retained',
    );

    // The red flag's task (made in the first test): marked done by the officer, verified by the admin.
    const flagTask = (
      await officer.get(`/api/tasks?findingId=${findingIds.identity_documents_retained}`)
    ).json().items[0].id;
    const grievance = (await officer.post('/api/tasks', { findingId: findingIds.grievance_mechanism })).json()
      .id;
    for (const id of [flagTask, grievance]) {
      expect(
        (await officer.post(`/api/tasks/${id}/transition`, { to: 'pending_verification' })).statusCode,
      ).toBe(200);
      expect((await admin.post(`/api/tasks/${id}/transition`, { to: 'closed' })).statusCode).toBe(200);
    }
    const after = await latest();
    expect(after).toMatchObject({
      trigger: 'remediation',
      triggerDetail: expect.stringMatching(/^remediation verified: /),
    });
    expect(criterion(after, 'grievance_mechanism').effectiveness).toBe(100);
    expect(criterion(after, 'grievance_mechanism').answers[0]!.answerLabel).toMatch(
      /remediated: fix verified/,
    );
    expect(after.result.redFlags.map((f: { key: string }) => f.key)).not.toContain(
      'identity_documents_retained',
    );
    expect(after.residualScore).toBeLessThan(before.residualScore);

    const reopened = await officer.post(`/api/tasks/${grievance}/transition`, {
      to: 'open',
      comment: 'Hotline dead again',
    });
    expect(reopened.statusCode).toBe(200);
    const again = await latest();
    expect(again.triggerDetail).toMatch(/^remediation reopened: /);
    expect(criterion(again, 'grievance_mechanism').effectiveness).toBe(
      criterion(before, 'grievance_mechanism').effectiveness,
    );

    // An accepted risk is shown as accepted (the finding's status), not as fixed: no rescore, nothing counts.
    const count = (await executive.get(`/api/suppliers/${supplierId}/assessments`)).json().total;
    const accepted = await admin.post(`/api/tasks/${grievance}/transition`, {
      to: 'risk_accepted',
      justification: 'Interim: union channel in place',
      riskAcceptedUntil: inDays(30),
    });
    expect(accepted.statusCode, accepted.body).toBe(200);
    expect((await executive.get(`/api/suppliers/${supplierId}/assessments`)).json().total).toBe(count);
    const findingsNow = (
      await executive.get(`/api/suppliers/${supplierId}/findings?status=risk_accepted`)
    ).json();
    expect(findingsNow.items.map((f: { key: string }) => f.key)).toEqual(['grievance_mechanism']);
  });
});
