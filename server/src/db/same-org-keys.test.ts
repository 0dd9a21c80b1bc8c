import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SAMPLE_TEMPLATE } from '#shared/domain/questionnaires/fixtures/sample-template.js';
import { type Client, setupTestApp, type TestContext } from '../../test/app.js';
import { createSupplier, failureOf } from '../../test/factories.js';
import { evidenceFiles, findings, questionnaireAssignments } from './schema/assignments.js';
import { withTenant } from './tenant.js';

// The database itself refuses a row of one organisation that points at another organisation's assignment,
// supplier or template (composite (id, org_id) keys, migration 0025). These inserts run as the request role
// inside organisation A, as a repository that trusted an id from the request would: row-level security
// passes them (their own org_id is A's), and a plain foreign key would find B's row. Runs on PGlite and
// PostgreSQL.

let t: TestContext;
const own = { supplierId: '', assignmentId: '', templateId: '' };
const other = { supplierId: '', assignmentId: '', templateId: '' };

const due = () => new Date(Date.now() + 14 * 86_400_000).toISOString().slice(0, 10);
const sendOne = async (officer: Client, into: typeof own) => {
  const draft = (await officer.post('/api/templates', { name: 'Keys', definition: SAMPLE_TEMPLATE })).json();
  into.templateId = (await officer.post(`/api/templates/${draft.id}/publish`)).json().id;
  into.supplierId = (await createSupplier(officer, { name: 'Keys Mill' })).id;
  const sent = await officer.post('/api/assignments', {
    templateId: into.templateId,
    supplierIds: [into.supplierId],
    dueDate: due(),
  });
  into.assignmentId = sent.json().items[0].id;
};

beforeAll(async () => {
  t = await setupTestApp();
  await sendOne(await t.login(t.orgA.officer), own);
  await sendOne(await t.login(t.orgB.officer), other);
});
afterAll(() => t?.close());

const inA = (fn: Parameters<typeof withTenant>[2]) => withTenant(t.db, t.orgA.id, fn);
const evidence = (assignmentId: string) => ({
  orgId: t.orgA.id,
  assignmentId,
  questionId: 'policy_file',
  storageKey: `org/${t.orgA.id}/evidence/${randomUUID()}`,
  fileName: 'x.pdf',
  mediaType: 'application/pdf',
  size: 1,
  sha256: '0'.repeat(64),
});
const finding = (supplierId: string, assignmentId: string | null) => ({
  orgId: t.orgA.id,
  supplierId,
  assignmentId,
  assessmentId: randomUUID(),
  kind: 'red_flag' as const,
  key: 'identity_documents_retained',
  title: 'Identity documents retained',
  detail: 'x',
  severity: 'critical' as const,
  citation: 'ILO',
});
const assignment = (supplierId: string, templateId: string) => ({
  orgId: t.orgA.id,
  supplierId,
  templateId,
  dueDate: due(),
});

describe('same-organisation keys', () => {
  it('refuses evidence, findings and assignments that point into another organisation', async () => {
    const refusals = [
      [
        () => inA((tx) => tx.insert(evidenceFiles).values(evidence(other.assignmentId))),
        'evidence_files_assignment_same_org_fk',
      ],
      [
        () => inA((tx) => tx.insert(findings).values(finding(other.supplierId, null))),
        'findings_supplier_same_org_fk',
      ],
      [
        () => inA((tx) => tx.insert(findings).values(finding(own.supplierId, other.assignmentId))),
        'findings_assignment_same_org_fk',
      ],
      [
        () =>
          inA((tx) =>
            tx.insert(questionnaireAssignments).values(assignment(other.supplierId, own.templateId)),
          ),
        'questionnaire_assignments_supplier_same_org_fk',
      ],
      [
        () =>
          inA((tx) =>
            tx.insert(questionnaireAssignments).values(assignment(own.supplierId, other.templateId)),
          ),
        'questionnaire_assignments_template_same_org_fk',
      ],
    ] as const;
    for (const [insert, constraint] of refusals) expect(await failureOf(insert())).toMatch(constraint);
    expect(await t.owner.select().from(evidenceFiles)).toEqual([]);
    expect(await t.owner.select().from(findings)).toEqual([]);
    expect((await t.owner.select().from(questionnaireAssignments)).length).toBe(2);
  });

  it('accepts the same rows within one organisation', async () => {
    await inA(async (tx) => {
      await tx.insert(evidenceFiles).values(evidence(own.assignmentId));
      await tx.insert(findings).values(finding(own.supplierId, own.assignmentId));
      await tx.insert(findings).values(finding(own.supplierId, null));
      await tx.insert(questionnaireAssignments).values(assignment(own.supplierId, own.templateId));
    });
    expect((await t.owner.select().from(findings)).length).toBe(2);
  });
});
