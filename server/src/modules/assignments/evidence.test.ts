import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SAMPLE_TEMPLATE } from '#shared/domain/questionnaires/fixtures/sample-template.js';
import { type Client, setupTestApp, type TestContext } from '../../../test/app.js';
import { auditOf, createSupplier, issuePaths, multipartBody } from '../../../test/factories.js';
import { exeBytes, pdfBytes, pngBytes } from '../../../test/files.js';
import { evidenceFiles } from '../../db/schema/assignments.js';

// Evidence through the portal: stored by content type with its SHA-256, listed to the supplier and the
// officer, downloaded only as an attachment, confined to its questionnaire; refused files leave nothing.

let t: TestContext;
let officer: Client;
let token: string;
let assignmentId: string;
let otherToken: string;

const due = () => new Date(Date.now() + 14 * 86_400_000).toISOString().slice(0, 10);
const upload = (tok: string, questionId: string, content: Buffer, fileName: string) => {
  const { payload, headers } = multipartBody(content, fileName);
  return t.app.inject({
    method: 'POST',
    url: `/api/portal/${tok}/evidence?questionId=${questionId}`,
    payload,
    headers,
  });
};
const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');
const filesOnDisk = () => {
  const dir = path.join(t.config.storage.driver === 'local' ? t.config.storage.dir : '', 'org');
  return fs.existsSync(dir)
    ? fs.readdirSync(dir, { recursive: true }).filter((f) => String(f).split('/').length === 3).length
    : 0;
};

beforeAll(async () => {
  t = await setupTestApp({ storage: { driver: 'local', dir: fs.mkdtempSync('/tmp/cs-evidence-') } });
  officer = await t.login(t.orgA.officer);
  const draft = (
    await officer.post('/api/templates', { name: 'Sample', definition: SAMPLE_TEMPLATE })
  ).json();
  const templateId = (await officer.post(`/api/templates/${draft.id}/publish`)).json().id;
  const send = async (name: string) => {
    const s = await createSupplier(officer, { name });
    const item = (
      await officer.post('/api/assignments', { templateId, supplierIds: [s.id], dueDate: due() })
    ).json().items[0];
    return {
      id: item.id as string,
      token: item.portalUrl.slice(item.portalUrl.lastIndexOf('/') + 1) as string,
    };
  };
  ({ id: assignmentId, token } = await send('Evidence Mill'));
  ({ token: otherToken } = await send('Other Mill'));
});
afterAll(() => t?.close());

describe('evidence through the portal', () => {
  it('stores a PDF with its SHA-256, lets the answer cite it, and the officer download it as an attachment', async () => {
    const pdf = pdfBytes('our recruitment policy');
    const res = await upload(token, 'policy_file', pdf, '../../etc/Recruitment policy.pdf');
    expect(res.statusCode, res.body).toBe(201);
    const file = res.json();
    expect(file).toMatchObject({
      questionId: 'policy_file',
      fileName: 'Recruitment policy.pdf',
      mediaType: 'application/pdf',
      size: pdf.length,
      sha256: sha(pdf),
    });

    const answer = await t.app.inject({
      method: 'PUT',
      url: `/api/portal/${token}/answers/policy_file`,
      payload: { value: [file.id] },
    });
    expect(answer.statusCode, answer.body).toBe(200);
    expect((await t.app.inject({ method: 'GET', url: `/api/portal/${token}` })).json().evidence).toEqual([
      file,
    ]);

    const review = (await officer.get(`/api/assignments/${assignmentId}/answers`)).json();
    expect(review.evidence).toEqual([file]);
    const dl = await officer.get(`/api/assignments/${assignmentId}/evidence/${file.id}`);
    expect(dl.statusCode).toBe(200);
    expect(dl.rawPayload.equals(pdf)).toBe(true);
    expect(dl.headers).toMatchObject({
      'content-type': 'application/pdf',
      'x-content-type-options': 'nosniff',
      'x-evidence-sha256': sha(pdf),
    });
    expect(dl.headers['content-disposition']).toMatch(/^attachment; filename="Recruitment policy.pdf"/);
    const own = await t.app.inject({ method: 'GET', url: `/api/portal/${token}/evidence/${file.id}` });
    expect(own.rawPayload.equals(pdf)).toBe(true);

    const events = (await auditOf(t, t.orgA.id)).filter((e) => e.action === 'assignment.evidence_uploaded');
    expect(events[0]?.payload).toMatchObject({
      fileId: file.id,
      sha256: sha(pdf),
      questionId: 'policy_file',
    });
  });

  it('judges the type by content: an executable named .pdf is refused and nothing is kept', async () => {
    const before = await t.owner.select().from(evidenceFiles);
    const onDisk = filesOnDisk();
    const res = await upload(token, 'policy_file', exeBytes(), 'policy.pdf');
    expect(res.statusCode).toBe(422);
    expect(issuePaths(res)).toEqual(['file']);
    expect(res.json().error.message).toMatch(/Windows executable/);
    expect(await t.owner.select().from(evidenceFiles)).toEqual(before);
    expect(filesOnDisk()).toBe(onDisk);
  });

  it('keeps a questionnaire’s files to itself', async () => {
    const png = (await upload(otherToken, 'policy_file', pngBytes(), 'photo.png')).json();
    expect(
      (await t.app.inject({ method: 'GET', url: `/api/portal/${token}/evidence/${png.id}` })).statusCode,
    ).toBe(404);
    const cite = await t.app.inject({
      method: 'PUT',
      url: `/api/portal/${token}/answers/policy_file`,
      payload: { value: [png.id], revision: 1 },
    });
    expect(cite.statusCode).toBe(400);
    expect(issuePaths(cite)).toEqual(['value']);
    expect((await officer.get(`/api/assignments/${assignmentId}/evidence/${png.id}`)).statusCode).toBe(404);
    const b = await t.login(t.orgB.admin);
    const [mine] = await t.owner
      .select()
      .from(evidenceFiles)
      .where(eq(evidenceFiles.assignmentId, assignmentId));
    expect((await b.get(`/api/assignments/${assignmentId}/evidence/${mine!.id}`)).statusCode).toBe(404);
  });

  it('refuses a question that asks for no files, a missing file, and a non-multipart body', async () => {
    expect((await upload(token, 'uses_agencies', pdfBytes(), 'x.pdf')).statusCode).toBe(422);
    expect((await upload(token, 'no_such_question', pdfBytes(), 'x.pdf')).statusCode).toBe(404);
    const json = await t.app.inject({
      method: 'POST',
      url: `/api/portal/${token}/evidence?questionId=policy_file`,
      payload: { file: 'x' },
    });
    expect(json.statusCode).toBe(400);
    const noQuery = await t.app.inject({
      method: 'POST',
      url: `/api/portal/${token}/evidence`,
      ...multipartBody(pdfBytes(), 'x.pdf'),
    });
    expect(noQuery.statusCode).toBe(400);
    expect(issuePaths(noQuery)).toEqual(['questionId']);
  });
});
