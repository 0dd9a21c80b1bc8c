import { execFileSync } from 'node:child_process';
import { verify as verifySignature } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, utcDay } from '#shared/domain/questionnaires/schedule.js';
import type { AuditCheckpointFile } from '#shared/schemas/audit-anchors.js';
import type { CreateReport, Report } from '#shared/schemas/reports.js';
import { type Client, setupTestApp, type TestContext } from '../../../test/app.js';
import { createSupplier } from '../../../test/factories.js';
import { insertRatedSupplier } from '../../../test/rated-suppliers.js';
import { waitReady } from '../../../test/reports.js';
import { policies } from '../../db/schema/scoring.js';
import { checkpointMessage } from '../audit/audit-anchor.js';
import { CHANGES_LISTED } from './portfolio/data.js';
import { REPORT_LIMITS } from './supplier/supplier-report.data.js';

// The three real kinds through the register (the server's own generators, as the container builds them):
// lists longer than a report prints end with a line counting the rest, and every issued PDF prints a signed
// checkpoint of the audit head that the server's public key verifies.

let t: TestContext;
let executive: Client;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cs-report-kinds-'));
const ago = (days: number) => new Date(Date.now() - days * 86_400_000);

/** Asks for a report, waits for it, and answers it with its PDF's text (white space made single spaces). */
const issue = async (client: Client, input: CreateReport) => {
  const res = await client.post('/api/reports', input);
  expect(res.statusCode, res.body).toBe(202);
  const report = await waitReady(client, res.json().id);
  expect(report.status, report.error ?? '').toBe('ready');
  const pdf = await client.get(`/api/reports/${report.id}/pdf`);
  const file = path.join(dir, `${input.kind}.pdf`);
  fs.writeFileSync(file, pdf.rawPayload);
  const text = execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
  return { report, text: text.replace(/\s+/g, ' ') };
};

/** The anchor the PDF prints (head, key, signed time, signature) verifies with the server's public key. */
const expectSignedAnchor = async (text: string, orgId: string, admin: Client, report: Report) => {
  // Hash and signature may wrap in their cells (pdftotext then puts a space in them).
  const head = /Event #(\d+), chain hash ((?:[0-9a-f] ?){64})/.exec(text);
  const signed =
    /Ed25519, key ([0-9a-f]{16}), signed (\S+Z) Signature \(base64\) ((?:[A-Za-z0-9+/] ?){86}==)/.exec(text);
  expect(head && signed, 'a signed anchor is printed').toBeTruthy();
  const [seq, hash] = [Number(head![1]), head![2]!.replace(/ /g, '')];
  const [keyId, signedAt, signature] = [signed![1]!, signed![2]!, signed![3]!.replace(/ /g, '')];
  expect({ seq, hash, signedAt }).toEqual({ ...report.auditHead, signedAt: report.issuedAt });
  const file = (await admin.get('/api/audit-events/checkpoints')).json() as AuditCheckpointFile;
  expect(keyId).toBe(file.keyId);
  const message = checkpointMessage(orgId, seq, hash, new Date(signedAt));
  expect(verifySignature(null, Buffer.from(message), file.publicKey, Buffer.from(signature, 'base64'))).toBe(
    true,
  );
  expect(file.checkpoints).toContainEqual({
    seq,
    hash,
    createdAt: signedAt,
    reason: 'report',
    keyId,
    signature,
  });
  expect((await admin.get('/api/audit-events/verify')).json()).toMatchObject({ ok: true, missingTail: null });
};

beforeAll(async () => {
  t = await setupTestApp();
  executive = await t.login(t.orgA.executive);
}, 120_000);
afterAll(() => t?.close());

describe('"and N more" caps', () => {
  it('the supplier report lists its first sub-suppliers and counts the rest', async () => {
    const officer = await t.login(t.orgA.officer);
    const parent = await createSupplier(officer, { name: 'Capped Parent Mill', country: 'BD' });
    const total = REPORT_LIMITS.children + 3;
    for (let i = 0; i < total; i++) {
      const name = `Sub ${String(i + 1).padStart(3, '0')}`;
      await insertRatedSupplier(t, t.orgA.id, '', { name, parentId: parent.id, tier: 2 });
    }
    const { text, report } = await issue(executive, { kind: 'supplier', supplierId: parent.id });
    await expectSignedAnchor(text, t.orgA.id, await t.login(t.orgA.admin), report);
    expect(text).toContain(
      `And 3 more sub-suppliers not printed here (${total} in all); Clearsource lists them all.`,
    );
    // Equal ratings list by name: the first ones are printed, the last three are only counted.
    expect(text).toContain(`Sub ${String(REPORT_LIMITS.children).padStart(3, '0')}`);
    expect(text).not.toContain(`Sub ${String(total).padStart(3, '0')}`);
  });

  it('the portfolio report lists the first new high-risk suppliers and counts the rest', async () => {
    const admin = await t.login(t.orgB.admin);
    const [policy] = await t.owner
      .insert(policies)
      .values({ orgId: t.orgB.id, name: 'Caps fixture', document: {} })
      .returning({ id: policies.id });
    const total = CHANGES_LISTED + 3;
    for (let i = 0; i < total; i++) {
      // Rated high five days ago, nothing before: each is new high risk. Worst first (residual 90, 89, …).
      await insertRatedSupplier(
        t,
        t.orgB.id,
        policy!.id,
        { name: `Risen ${String(i + 1).padStart(2, '0')}` },
        [{ rating: 'high', residual: 90 - i, at: ago(5) }],
      );
    }
    const { text, report } = await issue(admin, { kind: 'portfolio' });
    await expectSignedAnchor(text, t.orgB.id, admin, report);
    expect(text).toContain(`New high or critical suppliers ${total}`);
    expect(text).toContain(`… and 3 more (of ${total}).`);
    // The list itself (from its heading, after the contents, to the count): all 13 are among the top risks.
    const from = text.lastIndexOf('New high-risk suppliers');
    const list = text.slice(from, text.indexOf('and 3 more', from));
    expect(list).toContain(`Risen ${String(CHANGES_LISTED).padStart(2, '0')}`);
    expect(list).not.toContain(`Risen ${String(CHANGES_LISTED + 1).padStart(2, '0')}`);
  });
});

describe('the statement draft', () => {
  it('prints the signed anchor in its PDF, and its DOCX and Markdown stay drafts of the same register entry', async () => {
    const today = utcDay(new Date());
    const { text, report } = await issue(executive, {
      kind: 'statement',
      framework: 'uk',
      periodStart: addDays(today, -364),
      periodEnd: today,
    });
    await expectSignedAnchor(text, t.orgA.id, await t.login(t.orgA.admin), report);
    expect(report.formats).toEqual(['pdf', 'docx', 'markdown']);
    const docx = await executive.get(`/api/reports/${report.id}/docx`);
    expect(docx.statusCode).toBe(200);
    fs.writeFileSync(path.join(dir, 'statement.docx'), docx.rawPayload);
    const markdown = await executive.get(`/api/reports/${report.id}/markdown`);
    expect(markdown.body).toContain(report.registerNumber);
  });
});
