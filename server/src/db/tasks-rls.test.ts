import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setupTestApp, type TestContext } from '../../test/app.js';
import { createSupplier, failureOf, userIdOf } from '../../test/factories.js';
import type { Tx } from './client.js';
import { findings } from './schema/assignments.js';
import { remediationTasks, taskComments, taskEvidenceFiles } from './schema/tasks.js';
import { withTenant } from './tenant.js';

// Migration 0031: the remediation tables behind both walls. Queries here carry NO org filter, as a buggy
// repository would, and run as the request role; the owner (a superuser) shows what is really stored. Also the
// same-organisation keys, the least-privilege grants and the state checks. Runs on PGlite and PostgreSQL.

let t: TestContext;
const org = {
  a: { supplierId: '', taskId: '', officer: '', admin: '' },
  b: { supplierId: '', taskId: '', officer: '', admin: '' },
};
const due = '2027-01-15';
let findingOfB = '';

const taskRow = (
  orgId: string,
  supplierId: string,
  createdBy: string,
  over: Record<string, unknown> = {},
) => ({
  id: randomUUID(),
  orgId,
  supplierId,
  title: 'Return identity documents',
  severity: 'critical' as const,
  dueDate: due,
  createdBy,
  ...over,
});

beforeAll(async () => {
  t = await setupTestApp();
  for (const key of ['a', 'b'] as const) {
    const o = key === 'a' ? t.orgA : t.orgB;
    org[key].supplierId = (await createSupplier(await t.login(o.officer), { name: `Task Mill ${key}` })).id;
    org[key].officer = await userIdOf(t, o.officer);
    org[key].admin = await userIdOf(t, o.admin);
  }
  findingOfB = randomUUID();
  await t.owner.insert(findings).values({
    id: findingOfB,
    orgId: t.orgB.id,
    supplierId: org.b.supplierId,
    assessmentId: randomUUID(),
    kind: 'red_flag',
    key: 'identity_documents_retained',
    title: 'Identity documents retained',
    detail: 'x',
    severity: 'critical',
    citation: 'ILO',
  });
  // Seeded as the owner (no service exists yet): one task per organisation, with a comment and a file.
  for (const key of ['a', 'b'] as const) {
    const orgId = key === 'a' ? t.orgA.id : t.orgB.id;
    const row = taskRow(orgId, org[key].supplierId, org[key].officer, { ownerId: org[key].officer });
    org[key].taskId = row.id;
    await t.owner.insert(remediationTasks).values(row);
    await t.owner
      .insert(taskComments)
      .values({ orgId, taskId: row.id, authorUserId: org[key].officer, body: `Started (${key})` });
    await t.owner.insert(taskEvidenceFiles).values({
      orgId,
      taskId: row.id,
      storageKey: `org/${orgId}/tasks/${randomUUID()}`,
      fileName: 'policy.pdf',
      mediaType: 'application/pdf',
      size: 1,
      sha256: '0'.repeat(64),
      uploadedByUserId: org[key].officer,
    });
  }
});
afterAll(() => t?.close());

const inA = <T>(fn: (tx: Tx) => Promise<T>) => withTenant(t.db, t.orgA.id, fn);
const tables = [
  ['remediation_tasks', remediationTasks],
  ['task_comments', taskComments],
  ['task_evidence_files', taskEvidenceFiles],
] as const;

describe('row-level security on the remediation tables', () => {
  it.each(tables)('%s: a tenant sees only its own rows, with no org filter', async (_name, table) => {
    const seen = await inA((tx) => tx.select().from(table));
    const all = await t.owner.select().from(table);
    expect(all.some((r) => r.orgId === t.orgB.id)).toBe(true);
    expect(seen.length).toBeGreaterThan(0);
    expect(seen.every((r) => r.orgId === t.orgA.id)).toBe(true);
    expect(seen.length).toBe(all.filter((r) => r.orgId === t.orgA.id).length);
  });

  it.each(tables)('%s: the request role outside a tenant sees nothing', async (_name, table) => {
    expect(await t.db.select().from(table)).toEqual([]);
  });

  it("a lookup by another organisation's task id finds nothing, and updating it touches nothing", async () => {
    expect(
      await inA((tx) => tx.select().from(remediationTasks).where(eq(remediationTasks.id, org.b.taskId))),
    ).toEqual([]);
    const changed = await inA((tx) =>
      tx
        .update(remediationTasks)
        .set({ title: 'hijacked' })
        .where(eq(remediationTasks.id, org.b.taskId))
        .returning(),
    );
    expect(changed).toEqual([]);
    const [b] = await t.owner.select().from(remediationTasks).where(eq(remediationTasks.id, org.b.taskId));
    expect(b!.title).toBe('Return identity documents');
  });

  it("refuses rows carrying another organisation's org_id", async () => {
    const refused: [string, (tx: Tx) => Promise<unknown>][] = [
      [
        'task',
        (tx) => tx.insert(remediationTasks).values(taskRow(t.orgB.id, org.b.supplierId, org.a.officer)),
      ],
      [
        'comment',
        (tx) =>
          tx
            .insert(taskComments)
            .values({ orgId: t.orgB.id, taskId: org.b.taskId, authorUserId: org.a.officer, body: 'x' }),
      ],
      [
        'evidence',
        (tx) =>
          tx.insert(taskEvidenceFiles).values({
            orgId: t.orgB.id,
            taskId: org.b.taskId,
            storageKey: `forged/${randomUUID()}`,
            fileName: 'x.pdf',
            mediaType: 'application/pdf',
            size: 1,
            sha256: '0'.repeat(64),
            uploadedByUserId: org.a.officer,
          }),
      ],
    ];
    for (const [what, insert] of refused)
      expect(await failureOf(inA(insert)), what).toMatch(/row-level security/);
    expect((await t.owner.select().from(remediationTasks)).length).toBe(2);
    expect((await t.owner.select().from(taskComments)).length).toBe(2);
    expect((await t.owner.select().from(taskEvidenceFiles)).length).toBe(2);
  });
});

describe('same-organisation keys', () => {
  it("refuses a task, comment or file of organisation A pointing at B's rows or people", async () => {
    const refusals: [(tx: Tx) => Promise<unknown>, string][] = [
      [
        (tx) => tx.insert(remediationTasks).values(taskRow(t.orgA.id, org.b.supplierId, org.a.officer)),
        'remediation_tasks_supplier_same_org_fk',
      ],
      [
        (tx) =>
          tx
            .insert(remediationTasks)
            .values(taskRow(t.orgA.id, org.a.supplierId, org.a.officer, { ownerId: org.b.officer })),
        'remediation_tasks_owner_member_fk',
      ],
      [
        (tx) =>
          tx
            .insert(remediationTasks)
            .values(taskRow(t.orgA.id, org.a.supplierId, org.a.officer, { findingId: findingOfB })),
        'remediation_tasks_finding_same_org_fk',
      ],
      [
        (tx) =>
          tx
            .insert(taskComments)
            .values({ orgId: t.orgA.id, taskId: org.b.taskId, authorUserId: org.a.officer, body: 'x' }),
        'task_comments_task_same_org_fk',
      ],
    ];
    for (const [insert, constraint] of refusals) expect(await failureOf(inA(insert))).toMatch(constraint);
  });
});

describe('the request role', () => {
  it('deletes no task, comment or file', async () => {
    for (const [, table] of tables)
      expect(await failureOf(inA((tx) => tx.delete(table)))).toMatch(/permission denied/);
  });

  it('never changes what a task is about, nor rewrites its thread', async () => {
    const task = eq(remediationTasks.id, org.a.taskId);
    for (const set of [
      { supplierId: org.a.supplierId },
      { findingId: null },
      { createdBy: null },
      { orgId: t.orgA.id },
    ])
      expect(await failureOf(inA((tx) => tx.update(remediationTasks).set(set).where(task)))).toMatch(
        /permission denied/,
      );
    expect(await failureOf(inA((tx) => tx.update(taskComments).set({ body: 'rewritten' })))).toMatch(
      /permission denied/,
    );
  });

  it('moves a task and edits its fields', async () => {
    const [row] = await inA((tx) =>
      tx
        .update(remediationTasks)
        .set({
          title: 'Return passports to workers',
          status: 'in_progress',
          revision: 2,
          updatedAt: new Date(),
        })
        .where(eq(remediationTasks.id, org.a.taskId))
        .returning(),
    );
    expect(row).toMatchObject({ title: 'Return passports to workers', revision: 2 });
  });
});

describe('the state checks', () => {
  const insertA = (over: Record<string, unknown>) =>
    inA((tx) =>
      tx.insert(remediationTasks).values(taskRow(t.orgA.id, org.a.supplierId, org.a.officer, over)),
    );

  it('refuses an unknown status or severity', async () => {
    expect(await failureOf(insertA({ status: 'done' }))).toMatch('remediation_tasks_status_ck');
    expect(await failureOf(insertA({ severity: 'urgent' }))).toMatch('remediation_tasks_severity_ck');
  });

  it('pending verification names exactly one submitter; closed names its verifier; risk accepted is complete', async () => {
    const at = new Date();
    expect(await failureOf(insertA({ status: 'pending_verification' }))).toMatch(
      'remediation_tasks_submitter_ck',
    );
    expect(
      await failureOf(
        insertA({
          status: 'pending_verification',
          submittedAt: at,
          submittedByUserId: org.a.officer,
          submittedByLinkId: randomUUID(),
        }),
      ),
    ).toMatch('remediation_tasks_submitter_ck');
    expect(await failureOf(insertA({ status: 'closed' }))).toMatch('remediation_tasks_closed_ck');
    expect(
      await failureOf(insertA({ status: 'risk_accepted', riskAcceptedBy: org.a.admin, riskAcceptedAt: at })),
    ).toMatch('remediation_tasks_risk_acceptance_ck');
    await insertA({ status: 'pending_verification', submittedAt: at, submittedByUserId: org.a.officer });
    await insertA({
      status: 'risk_accepted',
      riskAcceptanceJustification: 'Sole source; audited yearly',
      riskAcceptedUntil: '2027-06-30',
      riskAcceptedBy: org.a.admin,
      riskAcceptedAt: at,
    });
    const mine = await t.owner.select().from(remediationTasks).where(eq(remediationTasks.orgId, t.orgA.id));
    expect(mine.map((r) => r.status).sort()).toEqual([
      'in_progress',
      'pending_verification',
      'risk_accepted',
    ]);
  });

  it('a comment has one author, or none only for the platform reopening a task', async () => {
    const comment = (over: Record<string, unknown>) =>
      inA((tx) =>
        tx.insert(taskComments).values({ orgId: t.orgA.id, taskId: org.a.taskId, body: 'x', ...over }),
      );
    expect(await failureOf(comment({}))).toMatch('task_comments_author_ck');
    expect(await failureOf(comment({ authorUserId: org.a.officer, authorLinkId: randomUUID() }))).toMatch(
      'task_comments_author_ck',
    );
    await comment({ toStatus: 'open', body: 'The risk acceptance expired on 2027-06-30' });
  });
});
