import { execFileSync } from 'node:child_process';
import { createHash, verify as verifySignature } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadReferenceData } from '#shared/domain/reference/load-node.js';
import type { AuditCheckpointFile } from '#shared/schemas/audit-anchors.js';
import type { Report, StatementReportParams, SupplierReportParams } from '#shared/schemas/reports.js';
import { type Client, setupTestApp, type TestContext } from '../../../test/app.js';
import { auditOf, createSupplier, issuePaths, multipartBody } from '../../../test/factories.js';
import { waitReady } from '../../../test/reports.js';
import { suppliers } from '../../db/schema/suppliers.js';
import { withTenant } from '../../db/tenant.js';
import { AppError } from '../../lib/app-error.js';
import { checkpointMessage } from '../audit/audit-anchor.js';
import { verifyAuditChain } from '../audit/audit-verify.js';
import { createReportPdf } from './pdf/document.js';
import type { ReportGenerator, ReportMeta } from './report-types.js';

// The register end to end with a small generator of the test's own (the real kinds have their own tests):
// asked for, rendered by the job, stored, hashed, issued, downloaded and verified.

interface Data {
  name: string;
  country: string;
}

/** While set, a rendered PDF's bytes wait for it: the entry stays `running`, with no transaction open. */
let hold: Promise<void> | undefined;

const held = (stream: Readable, until: Promise<void>) =>
  Readable.from(
    (async function* () {
      await until;
      for await (const chunk of stream) yield chunk;
    })(),
  );

const render = (data: Data, meta: ReportMeta) => {
  const pdf = createReportPdf(meta, { title: `Test report: ${data.name}` });
  pdf.section('Supplier').keyValues([
    ['Name', data.name],
    ['Country', data.country],
  ]);
  const { stream, pageCount } = pdf.end();
  return { title: `Test report: ${data.name}`, pdf: hold ? held(stream, hold) : stream, pageCount };
};

const supplierGenerator: ReportGenerator<SupplierReportParams, Data> = {
  kind: 'supplier',
  title: (d) => `Test report: ${d.name}`,
  async load(tx, orgId, params) {
    const [row] = await tx.select().from(suppliers).where(eq(suppliers.id, params.supplierId));
    if (!row || row.orgId !== orgId) throw new Error('supplier not found');
    return { name: row.name, country: row.country ?? '' };
  },
  render,
};

/** A statement whose data cannot be read: the register must record the failure and keep no file. */
const failingGenerator: ReportGenerator<StatementReportParams, Data> = {
  kind: 'statement',
  title: () => 'never',
  async load() {
    throw new AppError('unprocessable', 'The statement could not be drafted from this data');
  },
  render,
};

let t: TestContext;
let officer: Client;
let executive: Client;
let adminB: Client;
let supplierId: string;
let supplierB: string;
let ready: Report;
let pdfBytes: Buffer;

const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

const verify = (body: Buffer, remoteAddress?: string) => {
  const { payload, headers } = multipartBody(body, 'report.pdf');
  return t.app.inject({ method: 'POST', url: '/api/reports/verify', payload, headers, remoteAddress });
};

beforeAll(async () => {
  t = await setupTestApp(
    {},
    {
      reportGenerators: {
        supplier: supplierGenerator as never,
        statement: failingGenerator as never,
      },
    },
  );
  officer = await t.login(t.orgA.officer);
  executive = await t.login(t.orgA.executive);
  adminB = await t.login(t.orgB.admin);
  supplierId = (await createSupplier(officer, { name: 'Dhaka Knit', country: 'BD' })).id;
  supplierB = (await createSupplier(adminB, { name: 'Other Org Mill', country: 'IN' })).id;
  const res = await executive.post('/api/reports', { kind: 'supplier', supplierId });
  expect(res.statusCode, res.body).toBe(202);
  const queued = res.json() as Report;
  expect(queued).toMatchObject({ kind: 'supplier', sha256: null, formats: [] });
  expect(queued.registerNumber).toMatch(/^CS-\d{4}-000001$/);
  ready = await waitReady(executive, queued.id);
  const pdf = await executive.get(`/api/reports/${ready.id}/pdf`);
  expect(pdf.statusCode).toBe(200);
  pdfBytes = pdf.rawPayload;
}, 120_000);
afterAll(() => t?.close());

describe('POST /api/reports and the job', () => {
  it('issues the report: ready, with the SHA-256 of the bytes downloaded, its pages and its issuer', async () => {
    expect(ready).toMatchObject({
      status: 'ready',
      title: 'Test report: Dhaka Knit',
      issuedBy: { name: 'executive a' },
      formats: ['pdf'],
      error: null,
    });
    expect(ready.sha256).toBe(sha256(pdfBytes));
    expect(ready.byteSize).toBe(pdfBytes.length);
    expect(ready.pageCount).toBeGreaterThan(0);
    expect(ready.auditHead).toMatchObject({ seq: expect.any(Number), hash: expect.any(String) });
    expect(pdfBytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  });

  it('serves the PDF as an attachment named after its register number, with its SHA-256 as ETag', async () => {
    const res = await executive.get(`/api/reports/${ready.id}/pdf`);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toBe(`attachment; filename="${ready.registerNumber}.pdf"`);
    expect(res.headers.etag).toBe(`"${ready.sha256}"`);
  });

  it('renders the same bytes again from the same data and the register entry (determinism)', async () => {
    const file = (await (await t.login(t.orgA.admin)).get('/api/audit-events/checkpoints')).json();
    const anchor = (file as AuditCheckpointFile).checkpoints.find(
      (c) => c.reason === 'report' && c.createdAt === ready.issuedAt,
    )!;
    const meta: ReportMeta = {
      registerNumber: ready.registerNumber,
      kind: 'supplier',
      issuedAt: new Date(ready.issuedAt),
      organisation: { id: t.orgA.id, name: 'Org A' },
      issuedBy: { name: ready.issuedBy.name },
      policy: ready.policyVersion,
      sources: loadReferenceData().datasets,
      auditHead: ready.auditHead,
      auditSignature: { keyId: anchor.keyId, signature: anchor.signature },
    };
    const again = render({ name: 'Dhaka Knit', country: 'BD' }, meta);
    const chunks: Buffer[] = [];
    for await (const c of again.pdf) chunks.push(c as Buffer);
    expect(sha256(Buffer.concat(chunks))).toBe(ready.sha256);
  });

  it('lists the register, filtered by kind and supplier', async () => {
    const page = (await executive.get(`/api/reports?supplierId=${supplierId}`)).json();
    expect(page.items.map((r: Report) => r.id)).toEqual([ready.id]);
    expect((await executive.get('/api/reports?kind=portfolio')).json().items).toEqual([]);
  });

  it('audits the request and the issue', async () => {
    const events = (await auditOf(t, t.orgA.id)).filter((e) => e.entityId === ready.id);
    expect(events.map((e) => e.action)).toEqual(['report.requested', 'report.issued']);
    expect(events[1]!.payload).toMatchObject({ registerNumber: ready.registerNumber, sha256: ready.sha256 });
  });

  it('refuses another organisation’s supplier, or an unknown kind, naming the field', async () => {
    const other = await officer.post('/api/reports', { kind: 'supplier', supplierId: supplierB });
    expect(other.statusCode).toBe(422);
    expect(issuePaths(other)).toEqual(['supplierId']);
    const future = await officer.post('/api/reports', { kind: 'portfolio', since: '2999-01-01' });
    expect(future.statusCode).toBe(422);
    expect(issuePaths(future)).toEqual(['since']);
    const bad = await officer.post('/api/reports', { kind: 'weekly' });
    expect(bad.statusCode).toBe(400);
    expect(issuePaths(bad)).toContain('kind');
  });

  it('has no DOCX or Markdown for a supplier report (404 saying so)', async () => {
    const res = await executive.get(`/api/reports/${ready.id}/docx`);
    expect(res.statusCode).toBe(404);
    expect(res.json().error.message).toMatch(/only statement drafts/);
  });

  it('records a failing generator as failed, with its message, no file and report.failed', async () => {
    const res = await officer.post('/api/reports', {
      kind: 'statement',
      framework: 'uk',
      periodStart: '2025-01-01',
      periodEnd: '2025-12-31',
    });
    expect(res.statusCode, res.body).toBe(202);
    const failed = await waitReady(officer, res.json().id);
    expect(failed).toMatchObject({
      status: 'failed',
      error: 'The statement could not be drafted from this data',
      sha256: null,
      formats: [],
    });
    const dl = await officer.get(`/api/reports/${failed.id}/pdf`);
    expect(dl.statusCode).toBe(409);
    expect(dl.json().error.code).toBe('not_ready');
    const events = (await auditOf(t, t.orgA.id)).filter((e) => e.entityId === failed.id);
    expect(events.map((e) => e.action)).toEqual(['report.requested', 'report.failed']);
  });

  it('answers 404 to another organisation on every route by id', async () => {
    for (const suffix of ['', '/pdf', '/docx', '/markdown']) {
      expect((await adminB.get(`/api/reports/${ready.id}${suffix}`)).statusCode, suffix).toBe(404);
    }
    expect((await adminB.get('/api/reports')).json().items).toEqual([]);
  });
});

describe('POST /api/reports/verify (public)', () => {
  it('confirms a genuine copy: organisation, kind and time, nothing else', async () => {
    const res = await verify(pdfBytes);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({
      issued: true,
      reportId: ready.id,
      registerNumber: ready.registerNumber,
      kind: 'supplier',
      issuedAt: ready.issuedAt,
      issuedBy: 'executive a',
      organisation: 'Org A',
      sha256: ready.sha256,
    });
  });

  it('answers not issued for a copy with one byte changed', async () => {
    const tampered = Buffer.from(pdfBytes);
    const at = tampered.length - 100;
    tampered[at] = tampered[at]! ^ 0x01;
    const res = await verify(tampered);
    expect(res.json()).toEqual({ issued: false, sha256: sha256(tampered) });
  });

  it('refuses a file that is not a PDF (415) and one larger than a report can be (413)', async () => {
    const text = await verify(Buffer.from('hello, not a pdf'));
    expect(text.statusCode).toBe(415);
    expect(text.json().error.message).toMatch(/not a PDF/);
    const huge = await verify(Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(26 * 1024 * 1024)]));
    expect(huge.statusCode).toBe(413);
    expect(huge.json().error.message).toMatch(/larger than/);
  });

  it('is rate-limited per address (429)', async () => {
    let last = 0;
    for (let i = 0; i < 25 && last !== 429; i++) last = (await verify(pdfBytes, '203.0.113.7')).statusCode;
    expect(last).toBe(429);
  });
});

describe('register numbers and downloads before a report is ready', () => {
  it('gives five reports asked for at once distinct, consecutive register numbers', async () => {
    const before = (await executive.get('/api/reports?limit=100')).json().items as Report[];
    const last = Math.max(...before.map((r) => Number(r.registerNumber.slice(-6))));
    const answers = await Promise.all(
      Array.from({ length: 5 }, () => executive.post('/api/reports', { kind: 'supplier', supplierId })),
    );
    for (const res of answers) expect(res.statusCode, res.body).toBe(202);
    const numbers = answers.map((res) => Number((res.json() as Report).registerNumber.slice(-6)));
    expect([...numbers].sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5].map((i) => last + i));
    for (const res of answers) expect((await waitReady(executive, res.json().id)).status).toBe('ready');
  });

  it('answers 409 not_ready to every format while the report is queued or rendering, then serves it', async () => {
    let release = () => {};
    hold = new Promise((resolve) => {
      release = resolve;
    });
    try {
      const res = await executive.post('/api/reports', { kind: 'supplier', supplierId });
      expect(res.statusCode, res.body).toBe(202);
      const id = res.json().id as string;
      // Until the bytes are released the entry is queued, then running: never ready.
      for (let i = 0; i < 3; i++) {
        const { status, registerNumber } = (await executive.get(`/api/reports/${id}`)).json() as Report;
        expect(['queued', 'running']).toContain(status);
        for (const format of ['pdf', 'docx', 'markdown']) {
          const dl = await executive.get(`/api/reports/${id}/${format}`);
          expect(dl.statusCode, format).toBe(409);
          expect(dl.json().error).toMatchObject({
            code: 'not_ready',
            message: `${registerNumber} is still being generated: download it once its status is ready`,
          });
        }
        await new Promise((r) => setTimeout(r, 100));
      }
      release();
      expect((await waitReady(executive, id)).status).toBe('ready');
      expect((await executive.get(`/api/reports/${id}/pdf`)).statusCode).toBe(200);
    } finally {
      release();
      hold = undefined;
    }
  });

  it('answers 409 not_ready, naming the failure, to every format of a failed report', async () => {
    const res = await officer.post('/api/reports', {
      kind: 'statement',
      framework: 'uk',
      periodStart: '2025-01-01',
      periodEnd: '2025-12-31',
    });
    const failed = await waitReady(officer, res.json().id);
    for (const format of ['pdf', 'docx', 'markdown']) {
      const dl = await officer.get(`/api/reports/${failed.id}/${format}`);
      expect(dl.statusCode, format).toBe(409);
      expect(dl.json().error).toMatchObject({
        code: 'not_ready',
        message: `${failed.registerNumber} was not issued: The statement could not be drafted from this data. Ask for it again`,
      });
    }
  });
});

describe('the signed audit checkpoint a report prints', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cs-report-anchor-'));
  let files = 0;
  /** The PDF's text in reading order, white space made single spaces. */
  const textOf = (bytes: Buffer) => {
    const file = path.join(dir, `report-${++files}.pdf`);
    fs.writeFileSync(file, bytes);
    return execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
  };
  /** What the report prints about its anchor: the head, the key, the signed time and the signature. */
  const printedAnchor = (text: string) => {
    // Hash and signature may wrap in their cells (pdftotext then puts a space in them).
    const head = /Event #(\d+), chain hash ((?:[0-9a-f] ?){64})/.exec(text);
    const signed =
      /Ed25519, key ([0-9a-f]{16}), signed (\S+Z) Signature \(base64\) ((?:[A-Za-z0-9+/] ?){86}==)/.exec(
        text,
      );
    expect(head, 'printed head').not.toBeNull();
    expect(signed, 'printed signature').not.toBeNull();
    return {
      seq: Number(head![1]),
      hash: head![2]!.replace(/ /g, ''),
      keyId: signed![1]!,
      signedAt: signed![2]!,
      signature: signed![3]!.replace(/ /g, ''),
    };
  };
  const holds = (file: AuditCheckpointFile, a: ReturnType<typeof printedAnchor>) =>
    verifySignature(
      null,
      Buffer.from(checkpointMessage(t.orgA.id, a.seq, a.hash, new Date(a.signedAt))),
      file.publicKey,
      Buffer.from(a.signature, 'base64'),
    );

  it('prints the head it was built on, signed at the issue time, on the cover and in "About this report"', async () => {
    const text = textOf(pdfBytes);
    const anchor = printedAnchor(text);
    expect(anchor).toMatchObject({
      seq: ready.auditHead!.seq,
      hash: ready.auditHead!.hash,
      signedAt: ready.issuedAt,
    });
    // Twice: the cover's facts and the About section's.
    expect(text.split(`Ed25519, key ${anchor.keyId}, signed ${anchor.signedAt}`).length - 1).toBe(2);
    // The values a reader copies sit in rows of their own, never split by the line breaker at a hyphen.
    expect(text).toContain('Command npm run verify-audit -- --checkpoints file.json');
    expect(text).toContain(`2. Organisation id ${t.orgA.id}`);
    expect(text).toContain(`5. Signed time ${ready.issuedAt}`);
  });

  it('verifies with the public key of GET /api/audit-events/checkpoints, and is stored there', async () => {
    const admin = await t.login(t.orgA.admin);
    const file = (await admin.get('/api/audit-events/checkpoints')).json() as AuditCheckpointFile;
    const anchor = printedAnchor(textOf(pdfBytes));
    expect(anchor.keyId).toBe(file.keyId);
    expect(holds(file, anchor)).toBe(true);
    expect(file.checkpoints).toContainEqual({
      seq: anchor.seq,
      hash: anchor.hash,
      createdAt: anchor.signedAt,
      reason: 'report',
      keyId: anchor.keyId,
      signature: anchor.signature,
    });
    // The chain verifies with the reports' checkpoints (the server's and the downloaded file's): what
    // `npm run verify-audit -- --checkpoints file.json` runs.
    const verified = (await admin.get('/api/audit-events/verify')).json();
    expect(verified).toMatchObject({ ok: true, missingTail: null });
    expect(verified.checkpoints.matched).toBe(verified.checkpoints.total);
    const withFile = await withTenant(t.db, t.orgA.id, (tx) => verifyAuditChain(tx, t.orgA.id, file));
    expect(withFile).toMatchObject({ ok: true, missingTail: null, checkpoints: { problems: [] } });
  });

  it('does not verify once the printed anchor is altered', async () => {
    const file = (await (await t.login(t.orgA.admin)).get('/api/audit-events/checkpoints')).json();
    const anchor = printedAnchor(textOf(pdfBytes));
    const other = anchor.hash.replace(/^./, (c) => (c === '0' ? '1' : '0'));
    expect(holds(file, { ...anchor, hash: other })).toBe(false);
    expect(holds(file, { ...anchor, seq: anchor.seq - 1 })).toBe(false);
    expect(
      holds(file, { ...anchor, signedAt: new Date(Date.parse(anchor.signedAt) + 1).toISOString() }),
    ).toBe(false);
    const sig = Buffer.from(anchor.signature, 'base64');
    sig[0] = sig[0]! ^ 0x01;
    expect(holds(file, { ...anchor, signature: sig.toString('base64') })).toBe(false);
  });

  it('says there is no head to sign for an organisation whose audit trail was empty', () => {
    // The job signs only a head it read; rendered with none, the report says so instead of printing a signature.
    const meta: ReportMeta = {
      registerNumber: 'CS-2026-000099',
      kind: 'supplier',
      issuedAt: new Date('2026-11-30T12:00:00.000Z'),
      organisation: { id: t.orgA.id, name: 'Org A' },
      issuedBy: { name: 'executive a' },
      policy: null,
      sources: [],
      auditHead: null,
      auditSignature: null,
    };
    return (async () => {
      const chunks: Buffer[] = [];
      for await (const c of render({ name: 'Dhaka Knit', country: 'BD' }, meta).pdf) chunks.push(c as Buffer);
      const text = textOf(Buffer.concat(chunks));
      expect(text).toContain('Signed checkpoint None: there was no audit-chain head to sign');
      expect(text).toContain('so this report carries no signed checkpoint');
      expect(text).not.toMatch(/Ed25519, key/);
    })();
  });
});
