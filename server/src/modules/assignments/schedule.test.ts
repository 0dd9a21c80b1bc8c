import { and, eq, inArray, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SAMPLE_TEMPLATE } from '#shared/domain/questionnaires/fixtures/sample-template.js';
import { addDays, utcDay } from '#shared/domain/questionnaires/schedule.js';
import { loadReferenceData } from '#shared/domain/reference/load-node.js';
import { describeTrigger } from '#shared/domain/scoring/explain.js';
import { type Client, setupTestApp, type TestContext } from '../../../test/app.js';
import { auditOf, createSupplier, failureOf, issuePaths } from '../../../test/factories.js';
import { startSmtpServer } from '../../../test/smtp.js';
import { buildQuestionnaires, buildScoring } from '../../container.js';
import { assignmentReminders, portalLinks, questionnaireAssignments } from '../../db/schema/assignments.js';
import { mailOutbox } from '../../db/schema/mail.js';
import { rowsOf, withTenant } from '../../db/tenant.js';
import { loadSealer } from '../../lib/sealing.js';
import { createLocalDiskStorage } from '../../lib/storage/local-disk.js';
import { createOutbox } from '../mail/mail.outbox.js';
import { mailRepo } from '../mail/mail.repo.js';
import { createSmtpTransport } from '../mail/mail.transport.js';
import { createMailWorker } from '../mail/mail.worker.js';
import { acceptedCriterionAnswers, lockSupplierAnswers } from './assignments.repo.js';

// The questionnaire schedule: reminders of open questionnaires (once per slot, however many runners),
// recurring questionnaires re-sent once, and accepted answers that stop counting when they expire. A real
// SMTP server receives what is sent; the schedule runs at chosen days (runDue(now)).

let t: TestContext;
let officer: Client;
let templateId: string;
let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
type Schedule = ReturnType<typeof buildQuestionnaires>['schedule'];
let runners: [Schedule, Schedule];
let mailWorker: ReturnType<typeof createMailWorker>;

const DAY = 86_400_000;
const silent = { info: () => {}, warn: () => {}, error: () => {} };
const portal = (token: string, method: 'GET' | 'POST' = 'GET', path = '') =>
  t.app.inject({ method, url: `/api/portal/${token}${path}` });
const put = (token: string, q: string, value: unknown) =>
  t.app.inject({ method: 'PUT', url: `/api/portal/${token}/answers/${q}`, payload: { value } });
const tokensIn = (text: string | undefined) =>
  [...(text ?? '').matchAll(/\/portal\/([A-Za-z0-9_-]{43})/g)].map((m) => m[1]!);
/** Noon of the day `days` after `due` (a date), when the schedule is run. */
const at = (due: string, days: number) => new Date(Date.parse(`${addDays(due, days)}T12:00:00Z`));

/** Two schedule runners as two API processes would have them, on the same database and mail outbox. */
const makeRunner = (): Schedule => {
  const outbox = createOutbox({
    repo: mailRepo,
    sealer: loadSealer(t.config.dataDir, t.config.linkSealingKey),
    configured: true,
  });
  const scoring = buildScoring({ db: t.db, ref: loadReferenceData() });
  return buildQuestionnaires({
    db: t.db,
    log: silent,
    outbox,
    kickMail: () => {},
    publicUrl: t.config.publicUrl,
    scoring,
    storage: createLocalDiskStorage({ root: t.config.dataDir }),
  }).schedule;
};

/** Sends every queued message (whichever worker claims it) and answers what each address received. */
const delivered = async () => {
  for (;;) {
    await mailWorker.deliverDue();
    const [left] = await t.owner
      .select({ n: sql<number>`count(*)::int` })
      .from(mailOutbox)
      .where(inArray(mailOutbox.status, ['queued', 'sending']));
    if (left!.n === 0) return smtp.received;
    await new Promise((r) => setTimeout(r, 50));
  }
};
const mailsTo = async (to: string) => (await delivered()).filter((m) => JSON.stringify(m.to).includes(to));

const send = async (supplierId: string, dueDate: string, extra: Record<string, unknown> = {}) => {
  const res = await officer.post('/api/assignments', {
    templateId,
    supplierIds: [supplierId],
    dueDate,
    ...extra,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().items[0] as { id: string; portalUrl?: string; delivery: string };
};
const supplierWith = (name: string, email?: string) =>
  createSupplier(officer, {
    name,
    country: 'MY',
    goods: ['rubber gloves'],
    contacts: [{ name: 'Ana Lim', ...(email ? { email } : {}) }],
  });
const answerAll = async (token: string) => {
  for (const [q, v] of [
    ['passports_held', 'no'],
    ['uses_agencies', 'no'],
    ['weekly_hours', 48],
    ['grievance_channels', ['hotline']],
  ] as const) {
    expect((await put(token, q, v)).statusCode).toBe(200);
  }
  expect((await portal(token, 'POST', '/submit')).statusCode).toBe(200);
};
const invitationToken = async (to: string) => tokensIn((await mailsTo(to))[0]?.text)[0]!;
const get = async (id: string) => (await officer.get(`/api/assignments/${id}`)).json();

beforeAll(async () => {
  smtp = await startSmtpServer();
  t = await setupTestApp({
    smtpUrl: smtp.url,
    publicUrl: 'https://cs.example.test',
    // The app's own loop stays off: the tests run the schedule at the days they choose.
    questionnaireScheduleMinutes: 0,
  });
  officer = await t.login(t.orgA.officer);
  const draft = (
    await officer.post('/api/templates', { name: 'Sample', definition: SAMPLE_TEMPLATE })
  ).json();
  templateId = (await officer.post(`/api/templates/${draft.id}/publish`)).json().id;
  runners = [makeRunner(), makeRunner()];
  mailWorker = createMailWorker({
    db: t.db,
    log: silent as unknown as Parameters<typeof createMailWorker>[0]['log'],
    transport: createSmtpTransport(smtp.url, t.config.mailFrom),
    sealer: loadSealer(t.config.dataDir, t.config.linkSealingKey),
    maxAttempts: 3,
  });
});
afterAll(async () => {
  await mailWorker?.stop();
  await t?.close();
  await smtp?.close();
});

// Each test walks a questionnaire through weeks of schedule runs: more than the default 30 s on 2 shared cores.
const SLOW = { timeout: 180_000 };

describe('reminders', () => {
  it(
    'sends each slot once under two concurrent runners, each with a new link, the earlier ones still working',
    SLOW,
    async () => {
      const supplier = await supplierWith('Tessellate Gloves', 'ana@tessellate.test');
      const due = addDays(utcDay(new Date()), 10);
      const { id } = await send(supplier.id, due);
      const invitation = await invitationToken('ana@tessellate.test');
      expect((await portal(invitation)).statusCode).toBe(200);

      // Not yet: 8 days before.
      expect((await Promise.all(runners.map((r) => r.runDue(at(due, -8))))).map((x) => x.reminded)).toEqual([
        0, 0,
      ]);
      expect((await get(id)).reminders).toEqual({
        sent: [],
        next: { slot: 'before_7', kind: 'due_soon', on: addDays(due, -7) },
      });

      // 7 days before, both runners at once: one reminder.
      const runs = await Promise.all(runners.map((r) => r.runDue(at(due, -7))));
      expect(runs.reduce((n, r) => n + r.reminded, 0)).toBe(1);
      const mails = await mailsTo('ana@tessellate.test');
      expect(mails).toHaveLength(2);
      const reminder = mails[1]!;
      expect(reminder.subject).toMatch(/^Reminder: Org A's questionnaire is due by/);
      const [fresh] = tokensIn(reminder.text);
      expect(fresh).toBeDefined();
      expect(fresh).not.toBe(invitation);
      // The reminder's link works, and so does the one the supplier may still have open.
      expect((await portal(fresh!)).statusCode).toBe(200);
      expect((await portal(invitation)).statusCode).toBe(200);
      // Neither link is stored readably anywhere, nor in the trail.
      const dump = JSON.stringify([
        await t.owner.select().from(portalLinks),
        await t.owner.select().from(mailOutbox),
        await auditOf(t, t.orgA.id),
      ]);
      expect(dump).not.toContain(fresh);
      expect(dump).not.toContain(invitation);

      // Run again the same day: nothing more.
      await Promise.all(runners.map((r) => r.runDue(at(due, -7))));
      expect(await mailsTo('ana@tessellate.test')).toHaveLength(2);

      const shown = await get(id);
      expect(shown.reminders.sent).toEqual([
        expect.objectContaining({
          slot: 'before_7',
          kind: 'due_soon',
          slotDate: addDays(due, -7),
          delivery: 'email',
          recipient: 'ana@tessellate.test',
          mailStatus: 'sent',
        }),
      ]);
      expect(shown.reminders.next).toEqual({ slot: 'before_3', kind: 'due_soon', on: addDays(due, -3) });
      const events = (await auditOf(t, t.orgA.id)).filter(
        (e) => e.action === 'assignment.reminded' && e.entityId === id,
      );
      expect(events.map((e) => e.payload)).toEqual([
        expect.objectContaining({ slot: 'before_7', delivery: 'email', dueDate: due }),
      ]);

      // Overdue: the day after, then weekly, up to the cap (4 in the default policy), then nothing.
      for (const [day, slot] of [
        [1, 'overdue_1'],
        [8, 'overdue_2'],
        [15, 'overdue_3'],
        [22, 'overdue_4'],
        [29, undefined],
        [36, undefined],
      ] as const) {
        const results = await Promise.all(runners.map((r) => r.runDue(at(due, day))));
        expect(
          results.reduce((n, r) => n + r.reminded, 0),
          `day ${day}`,
        ).toBe(slot ? 1 : 0);
      }
      const all = await mailsTo('ana@tessellate.test');
      expect(all).toHaveLength(6);
      expect(all[2]!.subject).toMatch(/^Reminder: Org A's questionnaire was due on/);
      expect((await get(id)).reminders.sent.map((r: { slot: string }) => r.slot)).toEqual([
        'overdue_4',
        'overdue_3',
        'overdue_2',
        'overdue_1',
        'before_7',
      ]);
      expect((await get(id)).reminders.next).toBeNull();
      // Every link minted so far still works (all share the assignment's expiry) …
      const tokens = all.flatMap((m) => tokensIn(m.text));
      expect(new Set(tokens).size).toBe(6);
      for (const token of tokens) expect((await portal(token)).statusCode).toBe(200);
      // … until the officer revokes: then none does.
      expect((await officer.post(`/api/assignments/${id}/revoke-link`)).statusCode).toBe(200);
      for (const token of tokens) expect((await portal(token)).statusCode).toBe(410);
      const links = await t.owner.select().from(portalLinks).where(eq(portalLinks.assignmentId, id));
      expect(links).toHaveLength(6);
      expect(links.every((l) => l.revokedAt !== null)).toBe(true);
      // Re-issuing mints one new link; the revoked ones stay dead.
      const reissued = await officer.post(`/api/assignments/${id}/reissue-link`);
      expect(reissued.statusCode, reissued.body).toBe(200);
      const after = await mailsTo('ana@tessellate.test');
      const newest = tokensIn(after.at(-1)!.text)[0]!;
      expect((await portal(newest)).statusCode).toBe(200);
      expect((await portal(invitation)).statusCode).toBe(410);
    },
  );

  it('records a reminder due when the supplier has no e-mail on file, and sends nothing', async () => {
    const supplier = await supplierWith('Handover Rubber');
    const due = addDays(utcDay(new Date()), 5);
    const { id } = await send(supplier.id, due);
    const before = smtp.received.length;
    const runs = await Promise.all(runners.map((r) => r.runDue(at(due, -3))));
    expect(runs.reduce((n, r) => n + r.noEmail, 0)).toBe(1);
    await delivered();
    expect(smtp.received.length).toBe(before);
    expect((await get(id)).reminders.sent).toEqual([
      expect.objectContaining({ slot: 'before_3', delivery: 'no_email', recipient: null, mailStatus: null }),
    ]);
    const [event] = (await auditOf(t, t.orgA.id)).filter(
      (e) => e.action === 'assignment.reminded' && e.entityId === id,
    );
    expect(event!.payload).toMatchObject({ delivery: 'no_email', slot: 'before_3' });
  });

  it('sends none for submitted, accepted or revoked questionnaires', SLOW, async () => {
    const due = addDays(utcDay(new Date()), 9);
    const ids: string[] = [];
    for (const [name, email] of [
      ['Submitted Co', 'sub@a.test'],
      ['Accepted Co', 'acc@a.test'],
      ['Revoked Co', 'rev@a.test'],
    ] as const) {
      const s = await supplierWith(name, email);
      ids.push((await send(s.id, due)).id);
    }
    await answerAll(await invitationToken('sub@a.test'));
    await answerAll(await invitationToken('acc@a.test'));
    expect((await officer.post(`/api/assignments/${ids[1]}/accept`, {})).statusCode).toBe(200);
    expect((await officer.post(`/api/assignments/${ids[2]}/revoke-link`)).statusCode).toBe(200);
    for (const day of [-7, -3, 1, 8]) await Promise.all(runners.map((r) => r.runDue(at(due, day))));
    for (const to of ['sub@a.test', 'acc@a.test', 'rev@a.test']) expect(await mailsTo(to)).toHaveLength(1);
    const reminders = await t.owner
      .select()
      .from(assignmentReminders)
      .where(inArray(assignmentReminders.assignmentId, ids));
    expect(reminders).toEqual([]);
    for (const id of ids) expect((await get(id)).reminders).toEqual({ sent: [], next: null });
  });

  it('sends none once the supplier is archived, though its link still works', async () => {
    const supplier = await supplierWith('Archived Gloves', 'arch@a.test');
    const due = addDays(utcDay(new Date()), 9);
    const { id } = await send(supplier.id, due);
    const archived = await officer.delete(`/api/suppliers/${supplier.id}`);
    expect(archived.statusCode, archived.body).toBe(200);
    for (const day of [-7, -3, 1]) await Promise.all(runners.map((r) => r.runDue(at(due, day))));
    expect(await mailsTo('arch@a.test')).toHaveLength(1);
    expect((await get(id)).reminders.sent).toEqual([]);
  });
});

describe('recurrence and expiry', () => {
  it(
    're-sends a recurring questionnaire once, before its answers expire, to the latest published version',
    SLOW,
    async () => {
      const supplier = await supplierWith('Recurring Rubber', 'rec@a.test');
      const due = addDays(utcDay(new Date()), 14);
      const { id } = await send(supplier.id, due, { recurrence: { kind: 'on_expiry' } });
      expect((await get(id)).recurrence).toEqual({ kind: 'on_expiry' });
      await answerAll(await invitationToken('rec@a.test'));
      const accepted = (await officer.post(`/api/assignments/${id}/accept`, {})).json().assignment;
      // The default policy keeps accepted answers for 12 months.
      const validUntil = accepted.validUntil as string;
      expect(validUntil.slice(0, 4)).toBe(String(new Date().getUTCFullYear() + 1));

      // 31 days before the answers expire: not yet (the default policy re-sends 30 days before).
      let runs = await Promise.all(runners.map((r) => r.runDue(at(validUntil, -31))));
      expect(runs.reduce((n, r) => n + r.recurred, 0)).toBe(0);
      runs = await Promise.all(runners.map((r) => r.runDue(at(validUntil, -30))));
      expect(runs.reduce((n, r) => n + r.recurred, 0)).toBe(1);
      runs = await Promise.all(runners.map((r) => r.runDue(at(validUntil, -20))));
      expect(runs.reduce((n, r) => n + r.recurred, 0)).toBe(0);

      const prev = await get(id);
      expect(prev.nextId).not.toBeNull();
      const next = await get(prev.nextId);
      expect(next).toMatchObject({
        previousId: id,
        status: 'sent',
        dueDate: validUntil,
        recurrence: { kind: 'on_expiry' },
        supplierId: supplier.id,
        templateId,
      });
      const mails = await mailsTo('rec@a.test');
      expect(mails).toHaveLength(2);
      expect(mails[1]!.text).toMatch(/answers you gave last time are not carried over/);
      expect((await portal(tokensIn(mails[1]!.text)[0]!)).json()).toMatchObject({ status: 'sent' });
      const [event] = (await auditOf(t, t.orgA.id)).filter((e) => e.action === 'assignment.recurred');
      expect(event).toMatchObject({ entityId: prev.nextId, payload: { previousId: id, delivery: 'email' } });
    },
  );

  it(
    're-sends to a supplier with no e-mail without minting a link no one gets: shown as not issued until the officer issues one',
    SLOW,
    async () => {
      const supplier = await supplierWith('Mailless Rubber');
      const first = await send(supplier.id, addDays(utcDay(new Date()), 14), {
        recurrence: { kind: 'on_expiry' },
      });
      expect(first.delivery).toBe('handed_over');
      await answerAll(first.portalUrl!.split('/portal/')[1]!);
      const accepted = (await officer.post(`/api/assignments/${first.id}/accept`, {})).json().assignment;
      const runs = await Promise.all(runners.map((r) => r.runDue(at(accepted.validUntil, -30))));
      expect(runs.reduce((n, r) => n + r.recurred, 0)).toBe(1);
      const nextId = (await get(first.id)).nextId as string;
      expect(nextId).toBeTruthy();
      // The new questionnaire is due and listed, its link shown as not issued (none exists) …
      const next = await get(nextId);
      expect(next).toMatchObject({
        status: 'sent',
        previousId: first.id,
        link: { state: 'not_issued', expiresAt: null, recipient: null },
        reminders: { next: null },
      });
      const listed = (await officer.get(`/api/assignments?supplierId=${supplier.id}`)).json().items;
      expect(listed.find((a: { id: string }) => a.id === nextId).link.state).toBe('not_issued');
      expect(await t.owner.select().from(portalLinks).where(eq(portalLinks.assignmentId, nextId))).toEqual(
        [],
      );
      // … and the trail says no link was sent, not that one was handed over.
      const [event] = (await auditOf(t, t.orgA.id)).filter(
        (e) => e.action === 'assignment.recurred' && e.entityId === nextId,
      );
      expect(event!.payload).toMatchObject({ previousId: first.id, delivery: 'no_email' });
      // Its recurrence is carried on by the newest: stopping it on the earlier one is refused.
      const late = await officer.post(`/api/assignments/${first.id}/stop-recurrence`);
      expect(late.statusCode).toBe(422);
      // The officer's "re-issue link" mints one and hands it over; it opens the new questionnaire.
      const issued = await officer.post(`/api/assignments/${nextId}/reissue-link`);
      expect(issued.statusCode, issued.body).toBe(200);
      expect(issued.json()).toMatchObject({ delivery: 'handed_over', link: { state: 'live' } });
      const opened = await portal(issued.json().portalUrl.split('/portal/')[1]);
      expect(opened.statusCode).toBe(200);
      expect(opened.json()).toMatchObject({ status: 'sent' });
    },
  );

  it(
    'stops counting expired answers: the supplier is rescored without them, the assessment says why, coverage drops',
    SLOW,
    async () => {
      const supplier = await supplierWith('Expiring Rubber', 'exp@a.test');
      const { id } = await send(supplier.id, addDays(utcDay(new Date()), 14));
      await answerAll(await invitationToken('exp@a.test'));
      const accepted = (await officer.post(`/api/assignments/${id}/accept`, {})).json();
      expect(accepted.assessment.controlScore).toBeGreaterThan(0);
      const coverage = async () =>
        (await officer.get('/api/assignments/coverage?expiringWithinDays=30')).json();
      const before = await coverage();
      expect(before.covered).toBeGreaterThanOrEqual(1);

      // A year on: the answers' last day was yesterday.
      const yesterday = addDays(utcDay(new Date()), -1);
      await t.owner
        .update(questionnaireAssignments)
        .set({ validUntil: yesterday })
        .where(eq(questionnaireAssignments.id, id));
      const runs = await Promise.all(runners.map((r) => r.runDue()));
      expect(runs.reduce((n, r) => n + r.expired, 0)).toBe(1);
      expect((await Promise.all(runners.map((r) => r.runDue()))).reduce((n, r) => n + r.expired, 0)).toBe(0);

      const history = (await officer.get(`/api/suppliers/${supplier.id}/assessments`)).json().items;
      const latest = history[0];
      expect(latest.trigger).toBe('answers_expired');
      expect(latest.inputs.answers).toEqual([]);
      expect(latest.controlScore).toBe(0);
      expect(latest.residualScore).toBeGreaterThan(accepted.assessment.residualScore);
      expect(describeTrigger(latest.trigger, latest.triggerDetail)).toMatch(
        new RegExp(
          `^Reassessed because the answers to questionnaire "Sample" \\(v1\\), accepted on \\d{4}-\\d{2}-\\d{2}, expired after ${yesterday}: they no longer count as evidence$`,
        ),
      );
      const after = await coverage();
      expect(after).toMatchObject({
        activeSuppliers: before.activeSuppliers,
        covered: before.covered - 1,
        expired: before.expired + 1,
      });
      // Any later assessment leaves them out too.
      const manual = await officer.post(`/api/suppliers/${supplier.id}/assess`);
      expect(manual.statusCode, manual.body).toBeLessThan(300);
      expect(
        (await officer.get(`/api/suppliers/${supplier.id}/assessments`)).json().items[0].inputs.answers,
      ).toEqual([]);
      const [event] = (await auditOf(t, t.orgA.id)).filter((e) => e.action === 'assignment.answers_expired');
      expect(event).toMatchObject({ entityId: id, payload: { validUntil: yesterday, rescored: true } });
    },
  );
});

describe('one clock', () => {
  it(
    'counts accepted answers by the UTC day it is given, whatever the database session’s TimeZone',
    SLOW,
    async () => {
      const supplier = await supplierWith('Dateline Rubber', 'dateline@a.test');
      const { id } = await send(supplier.id, addDays(utcDay(new Date()), 14));
      await answerAll(await invitationToken('dateline@a.test'));
      expect((await officer.post(`/api/assignments/${id}/accept`, {})).statusCode).toBe(200);
      const today = utcDay(new Date());
      // A zone whose calendar day differs from UTC's right now: UTC+14 from 10:00 UTC (already tomorrow
      // there), else UTC-12 (still yesterday there). Etc/GMT signs are inverted.
      const ahead = new Date().getUTCHours() >= 10;
      const zone = ahead ? 'Etc/GMT-14' : 'Etc/GMT+12';
      // Last valid day today (it counts) when the zone is ahead; yesterday (it does not) when behind.
      const lastDay = ahead ? today : addDays(today, -1);
      await t.owner
        .update(questionnaireAssignments)
        .set({ validUntil: lastDay })
        .where(eq(questionnaireAssignments.id, id));
      const seen = await withTenant(t.db, t.orgA.id, async (tx) => {
        await tx.execute(sql`select set_config('TimeZone', ${zone}, true)`);
        const [row] = rowsOf<{ day: string }>(await tx.execute(sql`select current_date::text as day`));
        return {
          day: row!.day,
          answers: await acceptedCriterionAnswers(tx, t.orgA.id, today, [supplier.id]),
        };
      });
      // The session really is on another day …
      expect(seen.day).toBe(addDays(today, ahead ? 1 : -1));
      // … and the answers count exactly as the schedule's UTC day says.
      expect(seen.answers.has(supplier.id)).toBe(ahead);
    },
  );
});

describe('expiry and accept', () => {
  // Needs two connections: PGlite has one, so a held lock there would stop the test itself.
  it.skipIf(!process.env.DATABASE_URL)(
    'take the same per-supplier lock: an expiry never rescores from answers an acceptance is about to change',
    SLOW,
    async () => {
      const supplier = await supplierWith('Racing Rubber', 'race@a.test');
      const due = addDays(utcDay(new Date()), 14);
      const old = await send(supplier.id, due);
      await answerAll(await invitationToken('race@a.test'));
      expect((await officer.post(`/api/assignments/${old.id}/accept`, {})).statusCode).toBe(200);
      await t.owner
        .update(questionnaireAssignments)
        .set({ validUntil: addDays(utcDay(new Date()), -1) })
        .where(eq(questionnaireAssignments.id, old.id));
      const fresh = await send(supplier.id, due);
      const mails = await mailsTo('race@a.test');
      await answerAll(tokensIn(mails.at(-1)!.text)[0]!);

      // Another transaction holds the supplier's answers lock (as an acceptance under way would).
      let release!: () => void;
      let held!: () => void;
      const isHeld = new Promise<void>((r) => {
        held = r;
      });
      const holder = withTenant(t.db, t.orgA.id, async (tx) => {
        await lockSupplierAnswers(tx, t.orgA.id, supplier.id);
        held();
        await new Promise<void>((r) => {
          release = r;
        });
      });
      await isHeld;
      let accepting: Promise<Awaited<ReturnType<Client['post']>>>;
      let expiring: ReturnType<Schedule['runDue']>;
      try {
        const settled = { accept: false, expiry: false };
        accepting = officer.post(`/api/assignments/${fresh.id}/accept`, {}).then((res) => {
          settled.accept = true;
          return res;
        });
        expiring = runners[0].runDue().then((run) => {
          settled.expiry = true;
          return run;
        });
        // Both come to wait for it (PostgreSQL lists each as an ungranted request for that advisory lock).
        const key = `supplier-answers:${t.orgA.id}:${supplier.id}`;
        let waiting = 0;
        for (const until = Date.now() + 30_000; waiting < 2 && Date.now() < until; ) {
          await new Promise((r) => setTimeout(r, 100));
          const [row] = rowsOf<{ n: number }>(
            await t.owner.execute(sql`select count(*)::int as n from pg_locks
              where locktype = 'advisory' and not granted
                and ((classid::bigint << 32) | objid::bigint) = hashtextextended(${key}, 0)`),
          );
          waiting = row!.n;
        }
        expect(waiting).toBe(2);
        expect(settled).toEqual({ accept: false, expiry: false });
      } finally {
        release();
      }
      await holder;
      expect((await accepting).statusCode).toBe(200);
      expect((await expiring).expired).toBeGreaterThanOrEqual(1);
      // Whichever went first, the supplier's latest assessment scores the newly accepted answers.
      const latest = (await officer.get(`/api/suppliers/${supplier.id}/assessments`)).json().items[0];
      expect(latest.inputs.answers.length).toBeGreaterThan(0);
      const [event] = (await auditOf(t, t.orgA.id)).filter(
        (e) => e.action === 'assignment.answers_expired' && e.entityId === old.id,
      );
      expect(event).toBeDefined();
    },
  );
});

describe('the API around it', () => {
  it('keeps a recurrence on create, and names a bad one', async () => {
    const s = await supplierWith('Monthly Rubber');
    const due = addDays(utcDay(new Date()), 10);
    const made = await send(s.id, due, { recurrence: { kind: 'every_months', months: 6 } });
    expect((await get(made.id)).recurrence).toEqual({ kind: 'every_months', months: 6 });
    const [created] = (await auditOf(t, t.orgA.id)).filter(
      (e) => e.action === 'assignment.created' && e.entityId === made.id,
    );
    expect(created!.payload).toMatchObject({ recurrence: { kind: 'every_months', months: 6 } });
    const before = await t.owner.select({ n: sql<number>`count(*)::int` }).from(questionnaireAssignments);
    for (const recurrence of [
      { kind: 'weekly' },
      { kind: 'every_months', months: 0 },
      { kind: 'every_months' },
    ]) {
      const bad = await officer.post('/api/assignments', {
        templateId,
        supplierIds: [s.id],
        dueDate: due,
        recurrence,
      });
      expect(bad.statusCode, JSON.stringify(recurrence)).toBe(400);
      expect(issuePaths(bad)[0]).toMatch(/^recurrence/);
    }
    const after = await t.owner.select({ n: sql<number>`count(*)::int` }).from(questionnaireAssignments);
    expect(after).toEqual(before);
  });

  it('stops a recurrence (officers, If-Match, audited): the schedule then sends nothing', SLOW, async () => {
    const s = await supplierWith('Stopping Rubber', 'stop@a.test');
    const made = await send(s.id, addDays(utcDay(new Date()), 14), { recurrence: { kind: 'on_expiry' } });
    await answerAll(await invitationToken('stop@a.test'));
    const accepted = (await officer.post(`/api/assignments/${made.id}/accept`, {})).json().assignment;
    const url = `/api/assignments/${made.id}/stop-recurrence`;
    const ifMatch = (r: number | string) => ({ 'if-match': `"${r}"` });

    // Not an executive's; not another organisation's (404); a bad id or If-Match is a 400; a stale one a 409.
    const exec = await t.login(t.orgA.executive);
    expect((await exec.request('POST', url, {}, ifMatch(accepted.revision))).statusCode).toBe(403);
    const b = await t.login(t.orgB.officer);
    expect((await b.request('POST', url, {}, ifMatch(accepted.revision))).statusCode).toBe(404);
    const badId = await officer.post('/api/assignments/not-a-uuid/stop-recurrence');
    expect(badId.statusCode).toBe(400);
    expect(issuePaths(badId)).toEqual(['id']);
    const badHeader = await officer.request('POST', url, {}, { 'if-match': 'yesterday' });
    expect(badHeader.statusCode).toBe(400);
    expect((await officer.request('POST', url, {}, ifMatch(accepted.revision - 1))).statusCode).toBe(409);
    expect((await get(made.id)).recurrence).toEqual({ kind: 'on_expiry' });

    const stopped = await officer.request('POST', url, {}, ifMatch(accepted.revision));
    expect(stopped.statusCode, stopped.body).toBe(200);
    expect(stopped.json()).toMatchObject({ id: made.id, recurrence: null, revision: accepted.revision + 1 });
    // Again: nothing left to stop, nothing written.
    expect((await officer.post(url)).json().revision).toBe(accepted.revision + 1);
    const events = (await auditOf(t, t.orgA.id)).filter(
      (e) => e.action === 'assignment.recurrence_stopped' && e.entityId === made.id,
    );
    expect(events.map((e) => e.payload)).toEqual([{ supplierId: s.id, recurrence: { kind: 'on_expiry' } }]);

    const runs = await Promise.all(runners.map((r) => r.runDue(at(accepted.validUntil, -30))));
    expect(runs.reduce((n, r) => n + r.recurred, 0)).toBe(0);
    expect((await get(made.id)).nextId).toBeNull();
  });

  it('answers coverage to every role of the organisation only, and names bad input', async () => {
    const exec = await t.login(t.orgA.executive);
    const mine = await exec.get('/api/assignments/coverage');
    expect(mine.statusCode).toBe(200);
    expect(mine.json()).toMatchObject({ expiringWithinDays: 30 });
    expect(mine.json().activeSuppliers).toBeGreaterThan(0);
    const b = await t.login(t.orgB.officer);
    const theirs = (await b.get('/api/assignments/coverage')).json();
    expect(theirs).toEqual({
      activeSuppliers: 0,
      covered: 0,
      share: 0,
      expiringSoon: 0,
      expiringWithinDays: 30,
      expired: 0,
    });
    for (const q of ['abc', '0', '1000', '1.5']) {
      const bad = await exec.get(`/api/assignments/coverage?expiringWithinDays=${q}`);
      expect(bad.statusCode, q).toBe(400);
      expect(issuePaths(bad)).toEqual(['expiringWithinDays']);
    }
    expect((await t.app.inject({ method: 'GET', url: '/api/assignments/coverage' })).statusCode).toBe(401);
  });

  it('keeps links and reminders inside their organisation (row-level security) and never rewritable', async () => {
    const [aLinks, aReminders] = await Promise.all([
      t.owner.select().from(portalLinks).where(eq(portalLinks.orgId, t.orgA.id)),
      t.owner.select().from(assignmentReminders).where(eq(assignmentReminders.orgId, t.orgA.id)),
    ]);
    expect(aLinks.length).toBeGreaterThan(0);
    expect(aReminders.length).toBeGreaterThan(0);
    const seenByB = await withTenant(t.db, t.orgB.id, async (tx) => ({
      links: await tx.select().from(portalLinks),
      reminders: await tx.select().from(assignmentReminders),
    }));
    expect(seenByB).toEqual({ links: [], reminders: [] });
    const seenByA = await withTenant(t.db, t.orgA.id, (tx) => tx.select().from(portalLinks));
    expect(seenByA).toHaveLength(aLinks.length);
    // The serving role may revoke a link, never change its hash, move it, or delete a reminder.
    expect(
      await failureOf(
        withTenant(t.db, t.orgA.id, (tx) =>
          tx.update(portalLinks).set({ tokenHash: 'x' }).where(eq(portalLinks.id, aLinks[0]!.id)),
        ),
      ),
    ).toMatch(/permission denied/);
    expect(
      await failureOf(
        withTenant(t.db, t.orgA.id, (tx) =>
          tx.delete(assignmentReminders).where(eq(assignmentReminders.id, aReminders[0]!.id)),
        ),
      ),
    ).toMatch(/permission denied/);
    // A row of B pointing at A's assignment is refused.
    expect(
      await failureOf(
        withTenant(t.db, t.orgB.id, (tx) =>
          tx.insert(portalLinks).values({
            orgId: t.orgB.id,
            assignmentId: aLinks[0]!.assignmentId,
            tokenHash: 'f'.repeat(64),
            purpose: 'reminder',
            expiresAt: new Date(Date.now() + DAY),
          }),
        ),
      ),
    ).toMatch(/foreign key|violates/);
    const stillA = await t.owner
      .select()
      .from(portalLinks)
      .where(and(eq(portalLinks.orgId, t.orgB.id)));
    expect(stillA).toEqual([]);
  });
});
