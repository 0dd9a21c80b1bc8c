import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SAMPLE_TEMPLATE } from '#shared/domain/questionnaires/fixtures/sample-template.js';
import { type Client, setupTestApp, type TestContext } from '../../../test/app.js';
import { auditOf, createSupplier, issuePaths, multipartBody } from '../../../test/factories.js';
import { pdfBytes } from '../../../test/files.js';
import { evidenceFiles } from '../../db/schema/assignments.js';

// One questionnaire's evidence has a ceiling, in files and in bytes: a file past either is refused with the
// limit named, and nothing of it is kept (no row, no bytes in storage, no audit event).

let t: TestContext;
let officer: Client;
let storageDir: string;

const due = () => new Date(Date.now() + 14 * 86_400_000).toISOString().slice(0, 10);
const upload = (token: string, content: Buffer) => {
  const { payload, headers } = multipartBody(content, 'records.pdf');
  return t.app.inject({
    method: 'POST',
    url: `/api/portal/${token}/evidence?questionId=policy_file`,
    payload,
    headers,
  });
};
/** A PDF of about `bytes` bytes. */
const pdfOf = (bytes: number) => pdfBytes('x'.repeat(bytes - pdfBytes('').length));
const filesOnDisk = () =>
  fs
    .readdirSync(path.join(storageDir), { recursive: true })
    .filter((f) => fs.statSync(path.join(storageDir, String(f))).isFile()).length;
const kept = async () => ({
  rows: (await t.owner.select().from(evidenceFiles)).length,
  files: filesOnDisk(),
  events: (await auditOf(t, t.orgA.id)).filter((e) => e.action === 'assignment.evidence_uploaded').length,
});

beforeAll(async () => {
  storageDir = fs.mkdtempSync('/tmp/cs-evidence-quota-');
  t = await setupTestApp({
    storage: { driver: 'local', dir: storageDir },
    evidenceQuota: { maxFiles: 3, maxTotalBytes: 4096 },
  });
  officer = await t.login(t.orgA.officer);
});
afterAll(() => t?.close());

const send = async (name: string) => {
  const draft = (await officer.post('/api/templates', { name, definition: SAMPLE_TEMPLATE })).json();
  const templateId = (await officer.post(`/api/templates/${draft.id}/publish`)).json().id;
  const s = await createSupplier(officer, { name });
  const item = (
    await officer.post('/api/assignments', { templateId, supplierIds: [s.id], dueDate: due() })
  ).json().items[0];
  return item.portalUrl.slice(item.portalUrl.lastIndexOf('/') + 1) as string;
};

describe('evidence quota per questionnaire', () => {
  it('refuses a file past the bytes or the file count, naming the limit, and keeps nothing of it', async () => {
    const token = await send('Quota Mill');
    expect((await upload(token, pdfOf(1500))).statusCode).toBe(201);
    expect((await upload(token, pdfOf(1500))).statusCode).toBe(201);

    let before = await kept();
    const big = await upload(token, pdfOf(1500));
    expect(big.statusCode).toBe(422);
    expect(issuePaths(big)).toEqual(['file']);
    expect(big.json().error.message).toMatch(
      /^This file \(1\.5 KB\) does not fit: one questionnaire may hold 4 KB of evidence in all, and 2\.9 KB is used/,
    );
    expect(await kept()).toEqual(before);

    expect((await upload(token, pdfOf(500))).statusCode).toBe(201);
    before = await kept();
    const fourth = await upload(token, pdfOf(200));
    expect(fourth.statusCode).toBe(422);
    expect(fourth.json().error.message).toMatch(
      /already holds 3 evidence files, the most one questionnaire may hold \(3\)/,
    );
    expect(await kept()).toEqual(before);
  });

  it('counts each questionnaire on its own', async () => {
    const token = await send('Roomy Mill');
    for (let i = 0; i < 3; i++) expect((await upload(token, pdfOf(1000))).statusCode).toBe(201);
  });
});
