import { randomUUID } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_TEMPLATE } from '#shared/domain/questionnaires/default-template.js';
import { SAMPLE_TEMPLATE } from '#shared/domain/questionnaires/fixtures/sample-template.js';
import type { TemplateDefinition } from '#shared/schemas/questionnaires.js';
import { type Client, setupTestApp, type TestContext } from '../../../test/app.js';
import { auditOf, failureOf, issuePaths } from '../../../test/factories.js';
import { questionnaireTemplates } from '../../db/schema/questionnaires.js';
import { DEFAULT_TEMPLATE_NAME, ensureDefaultTemplates } from './templates.seed.js';

let t: TestContext;
let officer: Client;

beforeAll(async () => {
  t = await setupTestApp();
  officer = await t.login(t.orgA.officer);
});
afterAll(() => t?.close());

const clone = <T>(v: T): T => structuredClone(v);
const createDraft = async (body: object = { name: 'Sample', definition: SAMPLE_TEMPLATE }) => {
  const res = await officer.post('/api/templates', body);
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
};

describe('the shipped questionnaire', () => {
  it('is published as version 1 in every new organisation, ready to send', async () => {
    const list = (await officer.get('/api/templates')).json();
    expect(list.items).toEqual([
      expect.objectContaining({
        name: DEFAULT_TEMPLATE_NAME,
        status: 'published',
        version: 1,
        title: 'Forced labour and human trafficking self-assessment',
        locales: ['en', 'es'],
        sectionCount: DEFAULT_TEMPLATE.sections.length,
        questionCount: 59,
      }),
    ]);
    const one = await officer.get(`/api/templates/${list.items[0].id}`);
    expect(one.json()).toMatchObject({ issues: [], definition: { defaultLocale: 'en' } });
    expect(one.headers.etag).toBe(`"${one.json().revision}"`);
  });

  it('is added at start-up to an organisation that has no template, once', async () => {
    expect(await ensureDefaultTemplates(t.db)).toBe(0);
    await t.owner.execute(
      sql`alter table questionnaire_templates disable trigger questionnaire_templates_frozen`,
    );
    await t.owner.delete(questionnaireTemplates).where(eq(questionnaireTemplates.orgId, t.orgB.id));
    await t.owner.execute(
      sql`alter table questionnaire_templates enable trigger questionnaire_templates_frozen`,
    );
    expect(await ensureDefaultTemplates(t.db)).toBe(1);
    expect(await ensureDefaultTemplates(t.db)).toBe(0);
    const b = await t.login(t.orgB.officer);
    expect((await b.get('/api/templates')).json().total).toBe(1);
  });
});

describe('drafts', () => {
  it('imports a definition as a draft, edits it with revisions, and answers 409 to a stale edit', async () => {
    const draft = await createDraft();
    expect(draft).toMatchObject({ status: 'draft', version: null, name: 'Sample', issues: [] });
    expect(draft.familyId).toBe(draft.id);
    const renamed = await officer.patch(`/api/templates/${draft.id}`, {
      name: 'Sample v2',
      revision: draft.revision,
    });
    expect(renamed.statusCode).toBe(200);
    expect(renamed.json().revision).toBe(draft.revision + 1);
    const stale = await officer.patch(`/api/templates/${draft.id}`, {
      name: 'Lost',
      revision: draft.revision,
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.current).toMatchObject({ name: 'Sample v2', revision: draft.revision + 1 });
    const events = (await auditOf(t, t.orgA.id)).filter((e) => e.entityId === draft.id).map((e) => e.action);
    expect(events).toEqual(['template.created', 'template.updated']);
  });

  it('refuses a definition whose condition points forward, naming the field, and keeps the draft as it was', async () => {
    const draft = await createDraft();
    const def = clone(SAMPLE_TEMPLATE) as TemplateDefinition;
    const first = def.sections[0]!.questions[0]!;
    (first as { showIf?: unknown }).showIf = { questionId: 'agency_fees', op: 'equals', value: 'employer' };
    const res = await officer.patch(`/api/templates/${draft.id}`, { definition: def });
    expect(res.statusCode).toBe(400);
    expect(issuePaths(res)).toContain('definition.sections.0.questions.0.showIf.questionId');
    expect((await officer.get(`/api/templates/${draft.id}`)).json().revision).toBe(draft.revision);
  });

  it('keeps a draft whose criteria the policy lacks, lists why, and refuses to publish it until fixed', async () => {
    const draft = await createDraft();
    const def = clone(SAMPLE_TEMPLATE) as TemplateDefinition;
    const q = def.sections[0]!.questions[0]! as { scoring: { criterion: string } };
    q.scoring.criterion = 'no_such_criterion';
    const saved = (await officer.patch(`/api/templates/${draft.id}`, { definition: def })).json();
    expect(saved.issues).toEqual([
      {
        path: 'definition.sections.0.questions.0.scoring.criterion',
        message: 'The policy has no criterion "no_such_criterion"',
      },
    ]);
    const refused = await officer.post(`/api/templates/${draft.id}/publish`, { revision: saved.revision });
    expect(refused.statusCode).toBe(422);
    expect(issuePaths(refused)).toEqual(['definition.sections.0.questions.0.scoring.criterion']);
    const fixed = (await officer.patch(`/api/templates/${draft.id}`, { definition: SAMPLE_TEMPLATE })).json();
    const published = await officer.post(`/api/templates/${draft.id}/publish`, { revision: fixed.revision });
    expect(published.statusCode, published.body).toBe(200);
    expect(published.json()).toMatchObject({ status: 'published', version: 1 });
  });
});

describe('versions', () => {
  it('publishes a new version of the shipped questionnaire, retiring v1, and freezes both', async () => {
    const v1 = (await officer.get('/api/templates?status=published&q=trafficking')).json().items[0];
    const draft = await createDraft({ name: 'Forced labour (2027)', basedOnId: v1.id });
    expect(draft).toMatchObject({ familyId: v1.familyId, basedOnId: v1.id, status: 'draft' });
    const second = await officer.post('/api/templates', { name: 'Another', basedOnId: v1.id });
    expect(second.statusCode).toBe(409);
    expect(issuePaths(second)).toEqual(['basedOnId']);

    const v2 = (await officer.post(`/api/templates/${draft.id}/publish`)).json();
    expect(v2).toMatchObject({ status: 'published', version: 2 });
    expect((await officer.get(`/api/templates/${v1.id}`)).json()).toMatchObject({
      status: 'retired',
      version: 1,
    });

    for (const id of [v1.id, v2.id]) {
      const edit = await officer.patch(`/api/templates/${id}`, { name: 'Changed' });
      expect(edit.statusCode).toBe(422);
      expect(edit.json().error.message).toMatch(/cannot change: questionnaires were sent with it/);
      expect((await officer.delete(`/api/templates/${id}`)).statusCode).toBe(422);
    }
    // Even the owner of the tables cannot rewrite a published version.
    expect(
      await failureOf(
        t.owner.update(questionnaireTemplates).set({ name: 'x' }).where(eq(questionnaireTemplates.id, v2.id)),
      ),
    ).toMatch(/is published: only retiring it is allowed/);
  });

  it('answers 409, not 500, to two "new version" requests at once', async () => {
    const draft = await createDraft();
    const published = (await officer.post(`/api/templates/${draft.id}/publish`)).json();
    const both = await Promise.all([
      officer.post('/api/templates', { name: 'Next A', basedOnId: published.id }),
      officer.post('/api/templates', { name: 'Next B', basedOnId: published.id }),
    ]);
    expect(both.map((r) => r.statusCode).sort()).toEqual([201, 409]);
  });

  it('deletes a draft that was never published, audited', async () => {
    const draft = await createDraft();
    expect((await officer.delete(`/api/templates/${draft.id}`)).statusCode).toBe(200);
    expect((await officer.get(`/api/templates/${draft.id}`)).statusCode).toBe(404);
    const events = (await auditOf(t, t.orgA.id)).filter((e) => e.entityId === draft.id).map((e) => e.action);
    expect(events).toEqual(['template.created', 'template.deleted']);
  });
});

describe('who may do what', () => {
  it('lets executives read but not write, and another organisation sees nothing', async () => {
    const draft = await createDraft();
    const executive = await t.login(t.orgA.executive);
    expect((await executive.get(`/api/templates/${draft.id}`)).statusCode).toBe(200);
    expect((await executive.post('/api/templates', { name: 'x', from: 'default' })).statusCode).toBe(403);

    const b = await t.login(t.orgB.admin);
    expect((await b.get(`/api/templates/${draft.id}`)).statusCode).toBe(404);
    expect((await b.patch(`/api/templates/${draft.id}`, { name: 'mine' })).statusCode).toBe(404);
    expect((await b.post(`/api/templates/${draft.id}/publish`)).statusCode).toBe(404);
    expect((await b.delete(`/api/templates/${draft.id}`)).statusCode).toBe(404);
    expect((await b.post('/api/templates', { name: 'copy', basedOnId: draft.id })).statusCode).toBe(404);
    const listed = (await b.get('/api/templates?limit=200')).json().items.map((i: { id: string }) => i.id);
    expect(listed).not.toContain(draft.id);
  });
});

describe('bad input', () => {
  it('answers 400 naming the field, and writes nothing', async () => {
    const before = (await auditOf(t, t.orgA.id)).length;
    const cases: [object, string][] = [
      [{ name: 'x' }, 'definition'],
      [{ name: 'x', from: 'default', definition: SAMPLE_TEMPLATE }, 'definition'],
      [{ name: '', from: 'default' }, 'name'],
      [{ name: 'x', from: 'elsewhere' }, 'from'],
      [{ name: 'x', basedOnId: 'nope' }, 'basedOnId'],
      [{ name: 'x', definition: { schemaVersion: 2 } }, 'definition.schemaVersion'],
      [{ name: 'x', definition: { ...SAMPLE_TEMPLATE, locales: [] } }, 'definition.locales'],
    ];
    for (const [body, path] of cases) {
      const res = await officer.post('/api/templates', body);
      expect(res.statusCode, JSON.stringify(body).slice(0, 80)).toBe(400);
      expect(issuePaths(res)).toContain(path);
    }
    expect((await officer.post('/api/templates', { name: 'x', basedOnId: randomUUID() })).statusCode).toBe(
      404,
    );
    expect((await officer.get('/api/templates/not-a-uuid')).statusCode).toBe(400);
    expect((await officer.get('/api/templates?status=lost&limit=0')).statusCode).toBe(400);
    expect((await officer.patch(`/api/templates/${randomUUID()}`, {})).statusCode).toBe(400);
    expect((await auditOf(t, t.orgA.id)).length).toBe(before);
  });
});
