import path from 'node:path';
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { ReferenceData } from '#shared/domain/reference/types.js';
import type { Role } from '#shared/roles.js';
import { ratingRank } from '#shared/schemas/suppliers.js';
import { type TaskSeverity, type TaskStatus, type TaskTransition, todayUtc } from '#shared/schemas/tasks.js';
import { buildQuestionnaires, buildScoring } from '../container.js';
import type { Db } from '../db/client.js';
import { findings } from '../db/schema/assignments.js';
import { memberships, users } from '../db/schema/users.js';
import { withTenant } from '../db/tenant.js';
import type { RequestCtx } from '../lib/context.js';
import { createSealer } from '../lib/sealing.js';
import { createUploadIntake } from '../lib/storage/intake.js';
import { createLocalDiskStorage } from '../lib/storage/local-disk.js';
import { appendAuditEvent } from '../modules/audit/audit-append.js';
import { createOutbox } from '../modules/mail/mail.outbox.js';
import { mailRepo } from '../modules/mail/mail.repo.js';
import { suppliersRepo } from '../modules/suppliers/suppliers.repo.js';
import * as tasksRepo from '../modules/tasks/tasks.repo.js';
import { createTasksService } from '../modules/tasks/tasks.service.js';
import { createTaskActions } from '../modules/tasks/tasks-actions.service.js';
import { createTaskEvidence } from '../modules/tasks/tasks-evidence.js';
import { createTaskPortal } from '../modules/tasks/tasks-portal.service.js';
import { usersRepo } from '../modules/users/users.repo.js';

// The demo organisation's remediation programme (issue 10): tasks in every state, made from the demo's
// findings and by hand, moved by the officer, the administrator and the supplier through the same services
// as the API and the portal (the transitions table, four eyes, the thread, the finding following its task,
// the audit trail), and spread over the last six months so that the dashboard's burn-down (opened and closed
// per week) shows a programme that has been running.
//
// Back-dating. The audit trail is chained in commit order and cannot be written in the past, so every event
// says what the seed did, when it did it. Only the task rows are dated back, in two clearly-marked places:
//   - tasks of the past months are inserted with their `created_at` (the request role may insert it, not
//     change it), in the transaction that writes their `task.created` event, with the payload the service
//     writes;
//   - once moved through the workflow, their `submitted_at` / `closed_at` / `risk_accepted_at` are set to the
//     days the history says (columns the workflow itself writes, through the tasks repo's guarded update).
// Thread comments keep the seed's time.

const DAY = 86_400_000;
const inDays = (n: number) => todayUtc(new Date(Date.now() + n * DAY));
/** A moment `n` days ago (n > 0), at a working hour. */
const daysAgo = (n: number, hour = 10) =>
  new Date(Date.parse(`${inDays(-n)}T${String(hour).padStart(2, '0')}:00:00Z`));

interface Person {
  id: string;
  email: string;
  role: Role;
}
const ctxOf = (orgId: string, p: Person): RequestCtx => ({
  orgId,
  userId: p.id,
  role: p.role,
  actor: { type: 'user', id: p.id, label: p.email },
  via: 'session',
});

/** The past months' work: by hand, on the register's suppliers (index), as a social-audit follow-up. */
const HISTORY: {
  title: string;
  severity: TaskSeverity;
  /** Opened this many days ago; due this many days after. */
  openedAgo: number;
  dueAfter: number;
  /** Marked done / verified this many days ago; absent: still open. */
  doneAgo?: number;
  closedAgo?: number;
  status: TaskStatus;
}[] = [
  {
    title: 'Return passports held by the dormitory manager',
    severity: 'critical',
    openedAgo: 178,
    dueAfter: 14,
    doneAgo: 170,
    closedAgo: 166,
    status: 'closed',
  },
  {
    title: 'Reimburse recruitment fees paid by migrant workers',
    severity: 'critical',
    openedAgo: 172,
    dueAfter: 60,
    doneAgo: 120,
    closedAgo: 112,
    status: 'closed',
  },
  {
    title: 'Written contracts in the workers\u2019 own language',
    severity: 'high',
    openedAgo: 165,
    dueAfter: 30,
    doneAgo: 140,
    closedAgo: 136,
    status: 'closed',
  },
  {
    title: 'Cap overtime at 12 hours a week',
    severity: 'high',
    openedAgo: 158,
    dueAfter: 45,
    doneAgo: 115,
    closedAgo: 108,
    status: 'closed',
  },
  {
    title: 'Pay wages into workers\u2019 own bank accounts',
    severity: 'medium',
    openedAgo: 150,
    dueAfter: 30,
    doneAgo: 125,
    closedAgo: 121,
    status: 'closed',
  },
  {
    title: 'Publish an anonymous grievance hotline',
    severity: 'medium',
    openedAgo: 143,
    dueAfter: 30,
    doneAgo: 100,
    closedAgo: 95,
    status: 'closed',
  },
  {
    title: 'Stop deposits for uniforms and tools',
    severity: 'high',
    openedAgo: 137,
    dueAfter: 21,
    doneAgo: 118,
    closedAgo: 114,
    status: 'closed',
  },
  {
    title: 'Map labour agencies supplying the night shift',
    severity: 'medium',
    openedAgo: 129,
    dueAfter: 45,
    doneAgo: 90,
    closedAgo: 83,
    status: 'closed',
  },
  {
    title: 'Free movement out of the dormitory after shifts',
    severity: 'high',
    openedAgo: 122,
    dueAfter: 14,
    doneAgo: 104,
    closedAgo: 101,
    status: 'closed',
  },
  {
    title: 'Age verification at hiring',
    severity: 'critical',
    openedAgo: 115,
    dueAfter: 14,
    doneAgo: 99,
    closedAgo: 97,
    status: 'closed',
  },
  {
    title: 'Train supervisors on the code of conduct',
    severity: 'low',
    openedAgo: 108,
    dueAfter: 60,
    doneAgo: 60,
    closedAgo: 52,
    status: 'closed',
  },
  {
    title: 'Sub-contractor disclosure for embroidery',
    severity: 'medium',
    openedAgo: 101,
    dueAfter: 30,
    doneAgo: 70,
    closedAgo: 66,
    status: 'closed',
  },
  {
    title: 'Keep time records for every worker',
    severity: 'medium',
    openedAgo: 94,
    dueAfter: 30,
    doneAgo: 59,
    closedAgo: 55,
    status: 'closed',
  },
  {
    title: 'Replace wage advances with interest-free loans',
    severity: 'high',
    openedAgo: 87,
    dueAfter: 30,
    doneAgo: 49,
    closedAgo: 45,
    status: 'closed',
  },
  {
    title: 'Worker committee elected by secret ballot',
    severity: 'medium',
    openedAgo: 80,
    dueAfter: 60,
    doneAgo: 30,
    closedAgo: 24,
    status: 'closed',
  },
  {
    title: 'Fire exits unlocked during night shifts',
    severity: 'high',
    openedAgo: 73,
    dueAfter: 7,
    doneAgo: 66,
    closedAgo: 63,
    status: 'closed',
  },
  {
    title: 'Recruitment agency licence check',
    severity: 'medium',
    openedAgo: 66,
    dueAfter: 30,
    doneAgo: 38,
    closedAgo: 31,
    status: 'closed',
  },
  {
    title: 'Living-wage gap analysis',
    severity: 'low',
    openedAgo: 59,
    dueAfter: 90,
    doneAgo: 17,
    closedAgo: 10,
    status: 'closed',
  },
  {
    title: 'Remove retention bonus clawback',
    severity: 'high',
    openedAgo: 52,
    dueAfter: 21,
    doneAgo: 26,
    closedAgo: 19,
    status: 'closed',
  },
  {
    title: 'Payslips itemising every deduction',
    severity: 'medium',
    openedAgo: 45,
    dueAfter: 21,
    doneAgo: 12,
    closedAgo: 5,
    status: 'closed',
  },
  // Still open: overdue, being worked on, waiting for verification.
  {
    title: 'Independent interviews with migrant workers',
    severity: 'high',
    openedAgo: 75,
    dueAfter: 30,
    status: 'open',
  },
  {
    title: 'Repay withheld wages from the March shutdown',
    severity: 'critical',
    openedAgo: 60,
    dueAfter: 21,
    status: 'in_progress',
  },
  {
    title: 'Dormitory occupancy within local limits',
    severity: 'medium',
    openedAgo: 38,
    dueAfter: 21,
    status: 'open',
  },
  {
    title: 'Overtime consent forms signed in advance',
    severity: 'medium',
    openedAgo: 31,
    dueAfter: 45,
    status: 'in_progress',
  },
  {
    title: 'Agency fee invoices for the last quarter',
    severity: 'low',
    openedAgo: 24,
    dueAfter: 30,
    doneAgo: 3,
    status: 'pending_verification',
  },
  { title: 'Grievance log shared monthly', severity: 'low', openedAgo: 17, dueAfter: 30, status: 'open' },
  {
    title: 'Translate the handbook into Nepali',
    severity: 'low',
    openedAgo: 10,
    dueAfter: 30,
    status: 'open',
  },
];

/** The task services as the API builds them (the seed stores no evidence files, but the wiring is the same). */
const demoServices = (db: Db, ref: ReferenceData, dataDir: string) => {
  const storage = createLocalDiskStorage({ root: path.join(dataDir, 'files') });
  const evidence = createTaskEvidence({
    intake: createUploadIntake({ storage, maxBytes: 25 * 1024 * 1024 }),
    storage,
    quota: { maxFiles: 100, maxTotalBytes: 250 * 1024 * 1024 },
  });
  const { portal } = buildQuestionnaires({
    db,
    log: { error: () => {} },
    outbox: createOutbox({ repo: mailRepo, sealer: createSealer(Buffer.alloc(32, 1)), configured: false }),
    kickMail: () => {},
    publicUrl: 'http://localhost',
    scoring: buildScoring({ db, ref }),
    storage,
  });
  return {
    portal,
    tasks: createTasksService({ db, suppliers: suppliersRepo, users: usersRepo }),
    actions: createTaskActions({ db, evidence }),
    supplierPortal: createTaskPortal({ portal, evidence }),
  };
};

/**
 * Seeds the demo organisation's remediation tasks (after its register and questionnaires). `portalToken`: the
 * demo's open questionnaire link (seedDemoQuestionnaires), through which its supplier takes part in its tasks.
 */
export const seedDemoTasks = async (
  db: Db,
  orgId: string,
  ref: ReferenceData,
  dataDir: string,
  portalToken: string | undefined,
) => {
  const { portal, tasks, actions, supplierPortal } = demoServices(db, ref, dataDir);
  const { people, suppliers, open } = await withTenant(db, orgId, async (tx) => ({
    people: (await tx
      .select({ id: users.id, email: users.email, role: memberships.role })
      .from(memberships)
      .innerJoin(users, eq(users.id, memberships.userId))
      .where(and(eq(memberships.orgId, orgId), eq(memberships.status, 'active')))) as Person[],
    suppliers: (await suppliersRepo.listCurrentSuppliers(tx, orgId)).sort((a, b) =>
      a.name.localeCompare(b.name),
    ),
    // The demo's open findings (the risky questionnaire's), most severe first.
    open: (
      await tx
        .select({ id: findings.id, severity: findings.severity })
        .from(findings)
        .where(and(eq(findings.orgId, orgId), inArray(findings.status, ['open'])))
        .orderBy(asc(findings.createdAt), asc(findings.id))
    ).sort((a, b) => ratingRank(b.severity) - ratingRank(a.severity)),
  }));
  const officerP = people.find((p) => p.role === 'officer');
  const adminP = people.find((p) => p.role === 'admin');
  if (!officerP || !adminP || suppliers.length === 0) return;
  const officer = ctxOf(orgId, officerP);
  const admin = ctxOf(orgId, adminP);
  const move = (ctx: RequestCtx, id: string, input: TaskTransition) =>
    actions.transition(ctx, id, input, undefined);

  // 1. The past six months, by hand: each opened on its day (the one direct insert, with its audit event),
  //    then moved as people did (officer marks done, the administrator verifies: four eyes).
  for (const [i, h] of HISTORY.entries()) {
    const supplier = suppliers[(i * 7) % suppliers.length]!;
    const createdAt = daysAgo(h.openedAgo, 9 + (i % 7));
    const dueDate = todayUtc(new Date(createdAt.getTime() + h.dueAfter * DAY));
    const id = await withTenant(db, orgId, async (tx) => {
      const values = {
        orgId,
        supplierId: supplier.id,
        findingId: null,
        criterion: null,
        title: h.title,
        description:
          'Follow-up of the social audit: agree a corrective action plan with the site and keep its evidence here.',
        severity: h.severity,
        ownerId: i % 5 === 4 ? adminP.id : officerP.id,
        dueDate,
        supplierVisible: i % 3 === 0,
        createdBy: officerP.id,
        // Demo history: the day it was opened (see the header).
        createdAt,
        updatedAt: createdAt,
      };
      const taskId = await tasksRepo.insertTask(tx, values);
      await appendAuditEvent(tx, orgId, officer.actor, {
        action: 'task.created',
        entityType: 'task',
        entityId: taskId,
        payload: {
          supplierId: values.supplierId,
          findingId: null,
          criterion: null,
          title: values.title,
          severity: values.severity,
          ownerId: values.ownerId,
          dueDate: values.dueDate,
          supplierVisible: values.supplierVisible,
        },
      });
      return taskId;
    });
    if (h.status === 'in_progress') await move(officer, id, { to: 'in_progress' });
    if (h.doneAgo !== undefined) {
      await move(officer, id, { to: 'in_progress' });
      await move(officer, id, { to: 'pending_verification' });
    }
    if (h.closedAgo !== undefined) await move(admin, id, { to: 'closed' });
    // Demo history: the days it was marked done and verified (see the header).
    if (h.doneAgo !== undefined) {
      await withTenant(db, orgId, async (tx) => {
        const row = (await tasksRepo.findTask(tx, orgId, id, { lock: true }))!;
        await tasksRepo.updateTask(tx, orgId, id, row.revision, {
          submittedAt: daysAgo(h.doneAgo!, 15),
          ...(h.closedAgo !== undefined ? { closedAt: daysAgo(h.closedAgo, 11) } : {}),
        });
      });
    }
  }

  // 2. Today's findings (the risky questionnaire just accepted): a task each, through the service, in the
  //    states a programme has in flight.
  const fromFindings: string[] = [];
  for (const f of open.slice(0, 8)) {
    const t = await tasks.create(officer, { findingId: f.id, ownerId: officerP.id, supplierVisible: false });
    fromFindings.push(t.id);
  }
  const [fStart, fAccept, fDone, fOverdue, fUnowned] = fromFindings;
  if (fStart) {
    await move(officer, fStart, { to: 'in_progress' });
    await actions.comment(officer, fStart, 'Site visit booked for next week with the HR manager.');
  }
  if (fAccept) {
    // An accepted risk that runs out soon: the platform reopens it the day after.
    await move(admin, fAccept, {
      to: 'risk_accepted',
      justification:
        'The site closes at the end of the season and production moves to an audited supplier; no new orders meanwhile.',
      riskAcceptedUntil: inDays(12),
    });
  }
  if (fDone) {
    await move(officer, fDone, { to: 'in_progress' });
    await move(officer, fDone, { to: 'pending_verification' });
  }
  if (fOverdue) {
    // Agreed with the site for last week and not done: overdue (reminded, then escalated).
    await tasks.update(officer, fOverdue, { dueDate: inDays(-9) });
  }
  if (fUnowned) await tasks.update(officer, fUnowned, { ownerId: null });

  // 3. The supplier with the open questionnaire takes part in its supplier-visible tasks through its link.
  if (portalToken) {
    const supplierId = await portal.open(portalToken, async (_tx, s) => s.row.supplierId);
    const visible = async (title: string, severity: TaskSeverity, dueDate: string) =>
      (
        await tasks.create(officer, {
          supplierId,
          title,
          description: 'Agreed at the last site visit. Upload the evidence here and mark the action done.',
          severity,
          dueDate,
          ownerId: officerP.id,
          supplierVisible: true,
        })
      ).id;
    const grievance = await visible('Grievance channel in the workers\u2019 languages', 'medium', inDays(20));
    await move(officer, grievance, { to: 'in_progress' });
    await supplierPortal.comment(
      portalToken,
      grievance,
      'The hotline number is now on the notice boards in Bengali and Hindi. Posters attached next week.',
    );
    await actions.comment(officer, grievance, 'Thank you. Please add a photo of each notice board.');
    const fees = await visible('Recruitment-fee reimbursement records', 'high', inDays(6));
    await supplierPortal.comment(
      portalToken,
      fees,
      'Reimbursements paid on the 14th; bank statements to follow.',
    );
    await supplierPortal.markDone(portalToken, fees);
    await visible('Signed overtime consent for the night shift', 'medium', inDays(-4));
  }
};
