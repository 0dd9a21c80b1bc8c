import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays } from '#shared/domain/questionnaires/schedule.js';
import { loadReferenceData } from '#shared/domain/reference/load-node.js';
import { MailParamsSchema } from '#shared/schemas/mail.js';
import { type Client, setupTestApp, type TestContext } from '../../../test/app.js';
import { auditOf, createSupplier, userIdOf } from '../../../test/factories.js';
import { publishSampleTemplate, submittedQuestionnaire, tokenOf } from '../../../test/questionnaires.js';
import { buildQuestionnaires, buildScoring } from '../../container.js';
import { findings } from '../../db/schema/assignments.js';
import { mailOutbox } from '../../db/schema/mail.js';
import { taskReminders } from '../../db/schema/task-reminders.js';
import { remediationTasks } from '../../db/schema/tasks.js';
import { loadSealer } from '../../lib/sealing.js';
import { createLocalDiskStorage } from '../../lib/storage/local-disk.js';
import { createOutbox } from '../mail/mail.outbox.js';
import { renderMail } from '../mail/mail.render.js';
import { mailRepo } from '../mail/mail.repo.js';
import { usersRepo } from '../users/users.repo.js';
import { createTaskJobs } from './tasks.jobs.js';
import { createTaskSchedule, type TaskSchedule } from './tasks.schedule.js';

// The remediation task schedule: overdue reminders to the owner and (supplier-visible tasks) the supplier,
// escalation to the organisation's administrators after N days, expired risk acceptances reopened; exactly once
// however many runners, and never another organisation's tasks. Two runners share the database and the outbox
// as two API processes would; the schedule runs at chosen days (runDue(now)).

const ESCALATE_AFTER = 10;
let t: TestContext;
let officer: Client;
let admin: Client;
let runners: [TaskSchedule, TaskSchedule];
const silent = { info: () => {}, warn: () => {}, error: () => {} };
const today = new Date().toISOString().slice(0, 10);
/** Noon of the day `days` after today, when the schedule is run. */
const at = (days: number) => new Date(Date.parse(`${addDays(today, days)}T12:00:00Z`));
const ids: Record<string, string> = {};
let portalToken: string;
let templateId: string;

const makeRunner = (): TaskSchedule => {
  const sealer = loadSealer(t.config.dataDir, t.config.linkSealingKey);
  const outbox = createOutbox({ repo: mailRepo, sealer, configured: true });
  const q = buildQuestionnaires({
    db: t.db,
    log: silent,
    outbox,
    kickMail: () => {},
    publicUrl: 'https://cs.example.test',
    scoring: buildScoring({ db: t.db, ref: loadReferenceData() }),
    storage: createLocalDiskStorage({ root: t.config.dataDir }),
  });
  return createTaskSchedule({
    db: t.db,
    log: silent,
    outbox,
    links: q.links,
    users: usersRepo,
    jobs: createTaskJobs({ db: t.db }),
    kickMail: () => {},
    publicUrl: 'https://cs.example.test',
    escalateAfterDays: ESCALATE_AFTER,
  });
};
const runBoth = (days: number) => Promise.all(runners.map((r) => r.runDue(at(days))));
const mailsOf = (taskId: string) =>
  t.owner
    .select()
    .from(mailOutbox)
    .where(and(eq(mailOutbox.entityType, 'task'), eq(mailOutbox.entityId, taskId)))
    .orderBy(mailOutbox.createdAt);
const textOf = (m: { toAddress: string; params: unknown }) =>
  renderMail(m.toAddress, MailParamsSchema.parse(m.params), undefined).text;

beforeAll(async () => {
  t = await setupTestApp();
  officer = await t.login(t.orgA.officer);
  admin = await t.login(t.orgA.admin);
  templateId = await publishSampleTemplate(officer);
  const s = await createSupplier(officer, {
    name: 'Reminder Mill',
    contacts: [{ name: 'Rana', email: 'rana@mill.test' }],
  });
  const sent = await officer.post('/api/assignments', {
    templateId,
    supplierIds: [s.id],
    dueDate: addDays(today, 30),
  });
  expect(sent.statusCode, sent.body).toBe(201);
  portalToken = tokenOf(sent.json().items[0].portalUrl);
  const ownerId = await userIdOf(t, t.orgA.officer);
  const make = async (key: string, body: Record<string, unknown>, client = officer) => {
    const res = await client.post('/api/tasks', {
      supplierId: s.id,
      title: `Fix ${key}`,
      severity: 'high',
      dueDate: addDays(today, -1),
      ...body,
    });
    expect(res.statusCode, res.body).toBe(201);
    ids[key] = res.json().id;
  };
  await make('visible', { ownerId, supplierVisible: true });
  await make('internal', { ownerId, supplierVisible: false });
  await make('unowned', { supplierVisible: false });
  await make('notYet', { ownerId, dueDate: addDays(today, 5) });
  // Another organisation's overdue task: never touched by A's reminders, and its admins never told.
  const bOfficer = await t.login(t.orgB.officer);
  const bs = await createSupplier(bOfficer, {
    name: 'B Mill',
    contacts: [{ name: 'B', email: 'b@mill.test' }],
  });
  const bt = await bOfficer.post('/api/tasks', {
    supplierId: bs.id,
    title: 'B task',
    severity: 'low',
    dueDate: addDays(today, -30),
    ownerId: await userIdOf(t, t.orgB.officer),
  });
  expect(bt.statusCode, bt.body).toBe(201);
  ids.b = bt.json().id;
  runners = [makeRunner(), makeRunner()];
});
afterAll(() => t?.close());

describe('task schedule', () => {
  it('reminds the owner and, for a supplier-visible task, the supplier with a working portal link, once', async () => {
    const runs = await runBoth(0);
    expect(runs.reduce((n, r) => n + r.reminded, 0)).toBeGreaterThan(0);
    const mails = await mailsOf(ids.visible!);
    expect(mails.map((m) => m.toAddress).sort()).toEqual(['officer@a.test', 'rana@mill.test']);
    const owner = mails.find((m) => m.toAddress === 'officer@a.test')!;
    expect(textOf(owner)).toContain('"Fix visible" for Reminder Mill, which you own at Org A');
    expect(textOf(owner)).toContain('1 day overdue');
    const supplier = mails.find((m) => m.toAddress === 'rana@mill.test')!;
    expect(textOf(supplier)).toContain('Org A is still waiting for Reminder Mill to complete "Fix visible"');
    // The supplier's link is sealed in the outbox; opened, it is a working link to the supplier's tasks.
    const link = loadSealer(t.config.dataDir, t.config.linkSealingKey).unseal(supplier.linkSealed!);
    const token = tokenOf(link!);
    expect(token).not.toBe(portalToken);
    const tasks = await t.app.inject({ method: 'GET', url: `/api/portal/${token}/tasks` });
    expect(tasks.statusCode, tasks.body).toBe(200);
    expect(JSON.stringify(tasks.json())).toContain('Fix visible');
    // The owner's message links to the task in the dashboard.
    expect(loadSealer(t.config.dataDir, t.config.linkSealingKey).unseal(owner.linkSealed!)).toBe(
      `https://cs.example.test/remediation/${ids.visible}`,
    );
    // An internal task reaches its owner only; a task not yet due reaches nobody.
    expect((await mailsOf(ids.internal!)).map((m) => m.toAddress)).toEqual(['officer@a.test']);
    expect(await mailsOf(ids.notYet!)).toEqual([]);
  });

  it('records a reminder with nobody to send it to on the task, for the officer', async () => {
    expect(await mailsOf(ids.unowned!)).toEqual([]);
    const rows = await t.owner.select().from(taskReminders).where(eq(taskReminders.taskId, ids.unowned!));
    expect(rows.map((r) => [r.audience, r.delivery])).toEqual([['owner', 'no_email']]);
    const events = (await auditOf(t, t.orgA.id)).filter(
      (e) => e.action === 'task.reminded' && e.entityId === ids.unowned,
    );
    expect(events.map((e) => e.payload)).toEqual([
      expect.objectContaining({ audience: 'owner', delivery: 'no_email', daysOverdue: 1 }),
    ]);
  });

  it('runs twice at once, or again the same day, without a second reminder', async () => {
    await runBoth(0);
    await runBoth(3);
    expect(await mailsOf(ids.visible!)).toHaveLength(2);
    const events = (await auditOf(t, t.orgA.id)).filter(
      (e) => e.action === 'task.reminded' && e.entityId === ids.visible,
    );
    expect(events).toHaveLength(2);
  });

  it('reminds again a week later, and escalates to the admins of the organisation only after N days, once', async () => {
    await runBoth(7);
    expect(await mailsOf(ids.visible!)).toHaveLength(4);
    expect((await mailsOf(ids.visible!)).every((m) => m.kind === 'task_reminder')).toBe(true);
    // Overdue by 10 days: not more than N yet.
    await runBoth(9);
    expect((await mailsOf(ids.visible!)).filter((m) => m.kind === 'task_escalation')).toEqual([]);
    const runs = await runBoth(10);
    expect(runs.reduce((n, r) => n + r.escalated, 0)).toBe(3); // visible, internal, unowned: once each
    const escalations = (await mailsOf(ids.visible!)).filter((m) => m.kind === 'task_escalation');
    expect(escalations.map((m) => m.toAddress)).toEqual(['admin@a.test']);
    expect(textOf(escalations[0]!)).toContain('is 11 days overdue');
    expect(textOf(escalations[0]!)).toContain('Its owner, officer a, has been reminded');
    const unowned = (await mailsOf(ids.unowned!)).filter((m) => m.kind === 'task_escalation');
    expect(textOf(unowned[0]!)).toContain('It has no owner');
    await runBoth(12);
    expect((await mailsOf(ids.visible!)).filter((m) => m.kind === 'task_escalation')).toHaveLength(1);
    const escalated = (await auditOf(t, t.orgA.id)).filter((e) => e.action === 'task.escalated');
    expect(escalated).toHaveLength(3);
    expect(escalated[0]!.payload).toEqual(
      expect.objectContaining({ delivery: 'email', recipients: 1, afterDays: ESCALATE_AFTER }),
    );
  });

  it("keeps each organisation's reminders and escalations to its own people", async () => {
    // B's overdue task is B's own work: its reminders and escalation go to B's owner and admins only.
    const bMails = await mailsOf(ids.b!);
    expect(new Set(bMails.map((m) => m.toAddress))).toEqual(new Set(['officer@b.test', 'admin@b.test']));
    expect(bMails.every((m) => m.orgId === t.orgB.id)).toBe(true);
    // Nothing of A's went to B's people, and nothing of B's to A's.
    const all = await t.owner.select().from(mailOutbox);
    for (const m of all) {
      const org = m.orgId === t.orgA.id ? 'a' : 'b';
      if (m.toAddress.endsWith('.test') && /@[ab]\.test$/.test(m.toAddress))
        expect(m.toAddress.endsWith(`@${org}.test`), m.toAddress).toBe(true);
    }
    expect((await auditOf(t, t.orgB.id)).filter((e) => e.entityId === ids.visible)).toEqual([]);
  });

  it('reopens an expired risk acceptance with its audit, its finding open again, and reminds it anew', async () => {
    // A task made from a finding (of an accepted questionnaire), its risk accepted until tomorrow.
    const { id: assignmentId } = await submittedQuestionnaire(t, officer, templateId, {
      name: 'Finding Mill',
    });
    const acceptedQ = await officer.post(`/api/assignments/${assignmentId}/accept`, {});
    expect(acceptedQ.statusCode, acceptedQ.body).toBe(200);
    const finding = acceptedQ.json().findings[0] as { id: string };
    const made = await officer.post('/api/tasks', {
      findingId: finding.id,
      dueDate: addDays(today, -20),
      ownerId: await userIdOf(t, t.orgA.officer),
    });
    expect(made.statusCode, made.body).toBe(201);
    const id = made.json().id as string;
    const accepted = await admin.post(`/api/tasks/${id}/transition`, {
      to: 'risk_accepted',
      justification: 'Payroll system replaced next quarter',
      riskAcceptedUntil: addDays(today, 1),
    });
    expect(accepted.statusCode, accepted.body).toBe(200);
    await runBoth(1); // still accepted on its last day
    expect(
      (await t.owner.select().from(remediationTasks).where(eq(remediationTasks.id, id)))[0]!.status,
    ).toBe('risk_accepted');
    const runs = await runBoth(2);
    expect(runs.reduce((n, r) => n + r.reopened, 0)).toBe(1);
    expect(
      (await t.owner.select().from(remediationTasks).where(eq(remediationTasks.id, id)))[0]!.status,
    ).toBe('open');
    expect((await t.owner.select().from(findings).where(eq(findings.id, finding.id)))[0]!.status).toBe(
      'open',
    );
    const trail = await auditOf(t, t.orgA.id);
    const moved = trail.filter((e) => e.action === 'task.transitioned' && e.entityId === id).at(-1)!;
    expect(moved.payload).toEqual(expect.objectContaining({ from: 'risk_accepted', to: 'open' }));
    expect(moved.actorType).toBe('system');
    expect(
      trail.some(
        (e) =>
          e.action === 'finding.status_changed' &&
          e.entityId === finding.id &&
          (e.payload as { to: string }).to === 'open',
      ),
    ).toBe(true);
    // Reopened past its due date: a new overdue period, so its owner is reminded at once (once).
    const reminders = (await mailsOf(id)).filter((m) => m.kind === 'task_reminder');
    expect(reminders.map((m) => m.toAddress)).toEqual(['officer@a.test']);
    // …and it is escalated N days into the new period, not at once (its due date is long past).
    expect((await mailsOf(id)).filter((m) => m.kind === 'task_escalation')).toEqual([]);
  });
});
