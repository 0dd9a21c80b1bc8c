import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REFERENCE_DATA_DIR } from '#shared/domain/reference/load-node.js';
import { parseCsv } from '#shared/domain/reference/parse.js';
import type { Assessment } from '#shared/schemas/assessments.js';
import type { DatasetsOverview, EditionDiff, EditionUploadResult } from '#shared/schemas/datasets.js';
import type { Policy } from '#shared/schemas/policy.js';
import type { WhatIf } from '#shared/schemas/what-if.js';
import { type Client, setupTestApp, type TestContext } from '../../../test/app.js';
import { auditOf, createSupplier, issuePaths, waitForJob } from '../../../test/factories.js';

// Made-up editions derived from the shipped files, for tests only: "ILAB 2024" without Thailand's shrimp
// and with PVC for China, "TIP 2026" with Malaysia on the Tier 2 Watch List. Not facts.
const shipped = (file: string) => readFileSync(`${REFERENCE_DATA_DIR}${file}`, 'utf8');
const ILAB_2022 = shipped('ilab-goods.csv');
const TIP_2025 = shipped('us-tip-tiers.csv');

const ilab2024 = () => {
  const lines = ILAB_2022.trimEnd().split(/\r?\n/);
  const body = lines
    .slice(1)
    .filter((l) => !l.startsWith('TH,Thailand,Shrimp,'))
    .map((l) => l.replace(/,2022,/, ',2024,'));
  return [lines[0], ...body, 'CN,China,PVC,Manufacturing,false,true,false,direct,,2024,,'].join('\n');
};

const tip2026Rows = () => {
  const [cols, ...rows] = parseCsv(TIP_2025.trimEnd());
  return {
    cols: cols!,
    rows: rows.map((cells) => {
      if (cells[0] === 'MY') cells[3] = '2WL';
      cells[4] = '2026';
      return cells;
    }),
  };
};

const xlsxOf = async (cols: string[], rows: (string | number | boolean)[][]) => {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Tiers');
  ws.addRow(cols);
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
};

interface Fields {
  kind?: string;
  edition?: string;
  publisher?: string;
  url?: string;
  publishedOn?: string;
}
const ILAB_FIELDS = {
  kind: 'ilab',
  edition: '2024',
  publisher: 'US Department of Labor (test copy)',
  url: 'https://www.dol.gov/agencies/ilab/reports/child-labor/list-of-goods',
  publishedOn: '2024-09-05',
};

/** multipart/form-data with the provenance fields and (unless null) the file. */
const form = (fields: Fields, file: string | Buffer | null, fileName = 'edition.csv') => {
  const boundary = `----cs${randomBytes(8).toString('hex')}`;
  const parts: Buffer[] = [];
  for (const [k, v] of Object.entries(fields)) {
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  }
  if (file !== null) {
    parts.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\n` +
          'Content-Type: application/octet-stream\r\n\r\n',
      ),
      typeof file === 'string' ? Buffer.from(file, 'utf8') : file,
      Buffer.from('\r\n'),
    );
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return {
    payload: Buffer.concat(parts),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
};

const upload = (c: Client, fields: Fields, file: string | Buffer | null, fileName?: string) => {
  const { payload, headers } = form(fields, file, fileName);
  return c.request('POST', '/api/datasets/editions', payload, headers);
};

let t: TestContext;
let admin: Client;
let officer: Client;
let executive: Client;
let adminB: Client;
let ilab: EditionUploadResult;

beforeAll(async () => {
  t = await setupTestApp();
  admin = await t.login(t.orgA.admin);
  officer = await t.login(t.orgA.officer);
  executive = await t.login(t.orgA.executive);
  adminB = await t.login(t.orgB.admin);
});
afterAll(() => t?.close());

describe('loading an edition', () => {
  it('stores a valid CSV in the shipped format, audited, with the diff against the edition in use', async () => {
    const res = await upload(admin, ILAB_FIELDS, ilab2024(), 'ilab-2024.csv');
    expect(res.statusCode, res.body).toBe(201);
    ilab = res.json();
    expect(ilab.accepted).toBe(true);
    expect(ilab.issues).toEqual([]);
    const e = ilab.edition!;
    expect(e).toMatchObject({ kind: 'ilab', edition: '2024', fileName: 'ilab-2024.csv', pinnedBy: [] });
    expect(e.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(e.dataset.id).toBe(`ilab-2024-${e.id}`);
    expect(e.dataset.sha256).toBe(e.sha256);
    const diff = ilab.diff!;
    expect(diff).toMatchObject({ kind: 'ilab', from: { id: 'ilab-2022' }, added: 1, removed: 1, changed: 0 });
    expect(diff.changes.map((c) => c.text)).toEqual([
      'PVC added for China (forced labour)',
      'Thailand shrimp removed',
    ]);
    const events = (await auditOf(t, t.orgA.id)).filter((x) => x.entityId === e.id);
    expect(events.map((x) => x.action)).toEqual(['dataset_edition.loaded']);
    expect(events[0]!.payload).toMatchObject({ label: 'ILAB 2024', sha256: e.sha256, rows: e.rows });
  });

  it('reads an XLSX workbook (first sheet, same columns) and words tier changes', async () => {
    const { cols, rows } = tip2026Rows();
    const file = await xlsxOf(
      cols,
      rows.map((r) => r.map((c, i) => (cols[i] === 'edition' ? Number(c) : c))),
    );
    const res = await upload(
      admin,
      { ...ILAB_FIELDS, kind: 'us_tip', edition: '2026' },
      file,
      'tip-2026.xlsx',
    );
    expect(res.statusCode, res.body).toBe(201);
    const body: EditionUploadResult = res.json();
    expect(body.diff).toMatchObject({ kind: 'us_tip', from: { id: 'us-tip-2025' }, changed: 1, added: 0 });
    expect(body.diff!.changes.map((c) => c.text)).toEqual(['Malaysia: Tier 2 → Tier 2 Watch List']);
  });

  it('lists shipped and loaded editions with provenance, for executives too', async () => {
    const res = await executive.get('/api/datasets');
    expect(res.statusCode).toBe(200);
    const o: DatasetsOverview = res.json();
    expect(o.shipped.map((d) => d.id)).toContain('ilab-2022');
    expect(o.editions.map((e) => `${e.kind} ${e.edition}`).sort()).toEqual(['ilab 2024', 'us_tip 2026']);
    expect(o.editions[0]).toHaveProperty('publisher');
    const one = await executive.get(`/api/datasets/editions/${ilab.edition!.id}`);
    expect(one.statusCode).toBe(200);
    const diff = await executive.get(`/api/datasets/editions/${ilab.edition!.id}/diff`);
    expect((diff.json() as EditionDiff).changes).toHaveLength(2);
  });

  it('refuses the same file twice (409), storing nothing', async () => {
    const res = await upload(admin, ILAB_FIELDS, ilab2024(), 'again.csv');
    expect(res.statusCode).toBe(409);
    expect(issuePaths(res)).toEqual(['file']);
  });
});

describe('row errors', () => {
  it('names the row, column and problem of each bad row, suggests countries, and stores nothing', async () => {
    const before = (await executive.get('/api/datasets')).json().editions.length;
    const file = [
      'iso_alpha2,country,good,sector,child_labor,forced_labor,forced_child_labor,listing_basis',
      'TH,Thailand,Fish,Agriculture,TRUE,true,false,direct',
      'TX,Thailand,Shrimp,Agriculture,true,true,false,direct',
      'Bangaldesh,,Garments,Manufacturing,true,false,false,direct',
      'CN,China,Cotton,Agriculture,maybe,true,false,direct',
      'IN,India,Bricks,Manufacturing,false,false,false,direct',
      'TH,Thailand,fish,Agriculture,true,true,false,direct',
    ].join('\n');
    const res = await upload(admin, ILAB_FIELDS, file);
    expect(res.statusCode).toBe(200);
    const body: EditionUploadResult = res.json();
    expect(body).toMatchObject({ accepted: false, edition: null, diff: null, rows: 6 });
    expect(body.issues.map((i) => [i.row, i.column])).toEqual([
      [3, 'iso_alpha2'],
      [4, 'iso_alpha2'],
      [5, 'child_labor'],
      [6, 'listing_basis'],
      [7, 'good'],
    ]);
    expect(body.issues[0]!.message).toMatch(/did you mean TH \(Thailand\)/);
    expect(body.issues[1]!.message).toMatch(/did you mean Bangladesh \(BD\)/);
    expect(body.issues[4]!.message).toMatch(/also on row 2/);
    expect((await executive.get('/api/datasets')).json().editions.length).toBe(before);
  });

  it('names unknown and missing columns, and an edition column that disagrees', async () => {
    const res = await upload(
      admin,
      { ...ILAB_FIELDS, kind: 'us_tip' },
      'iso_alpha2,country_name,rank\nTH,Thailand,2\n',
    );
    const body: EditionUploadResult = res.json();
    expect(body.accepted).toBe(false);
    expect(body.issues).toEqual([
      { row: 1, column: 'rank', message: expect.stringMatching(/^Unknown column "rank"/) },
      { row: 1, column: 'tier', message: 'Missing required column "tier"' },
    ]);
    const wrong = await upload(admin, { ...ILAB_FIELDS, kind: 'us_tip' }, TIP_2025);
    expect(wrong.json().issues[0]).toMatchObject({ row: 2, column: 'edition' });
    expect(wrong.json().issuesTotal).toBe(188);
  });
});

describe('bad input', () => {
  it('names each bad provenance field (400)', async () => {
    const res = await upload(
      admin,
      { kind: 'ilo', edition: '24', publisher: '', url: 'javascript:alert(1)', publishedOn: '2024-13-45' },
      ilab2024(),
    );
    expect(res.statusCode).toBe(400);
    expect(issuePaths(res).sort()).toEqual(['edition', 'kind', 'publishedOn', 'publisher', 'url']);
  });

  it('refuses a missing file, a non-multipart body, an unreadable file and a bad id', async () => {
    const none = await upload(admin, ILAB_FIELDS, null);
    expect(none.statusCode).toBe(400);
    expect(issuePaths(none)).toEqual(['file']);
    expect((await admin.post('/api/datasets/editions', { kind: 'ilab' })).statusCode).toBe(400);
    const latin1 = await upload(admin, ILAB_FIELDS, Buffer.from([0x69, 0x73, 0x6f, 0x0a, 0xe9, 0x0a]));
    expect(latin1.statusCode).toBe(400);
    const badZip = await upload(admin, ILAB_FIELDS, Buffer.from('PK\x03\x04 not really a workbook'));
    expect(badZip.statusCode).toBe(400);
    for (const url of ['/api/datasets/editions/nope', '/api/datasets/editions/nope/diff']) {
      const res = await executive.get(url);
      expect(res.statusCode).toBe(400);
      expect(issuePaths(res)).toEqual(['id']);
    }
    expect((await admin.delete('/api/datasets/editions/nope')).statusCode).toBe(400);
  });

  it('refuses a file over the size limit (413) and writes nothing', async () => {
    const big = `${ILAB_2022}${'x'.repeat(t.config.datasetEditionMaxBytes)}`;
    const res = await upload(admin, ILAB_FIELDS, big);
    expect(res.statusCode).toBe(413);
  });

  it('lets only administrators load or delete (403 for officers and executives)', async () => {
    for (const c of [officer, executive]) {
      expect((await upload(c, { ...ILAB_FIELDS, edition: '2030' }, ilab2024())).statusCode).toBe(403);
      expect((await c.delete(`/api/datasets/editions/${ilab.edition!.id}`)).statusCode).toBe(403);
    }
  });
});

const thaiShrimp = {
  name: 'Thai Shrimp Co',
  country: 'TH',
  goods: ['shrimp'],
  migrantWorkerShare: 0,
  agencyWorkerShare: 0,
};

describe('a policy that pins the edition', () => {
  let draft: Policy;
  let supplierId: string;
  let oldAssessment: Assessment;

  beforeAll(async () => {
    const s = await createSupplier(officer, thaiShrimp);
    supplierId = s.id;
    const assessed = await officer.post(`/api/suppliers/${s.id}/assess`);
    expect(assessed.statusCode).toBe(201);
    oldAssessment = assessed.json();
    const v1: Policy = (await admin.get('/api/policies')).json().items[0];
    const created = await admin.post('/api/policies', { basedOn: v1.id, name: 'ILAB 2024' });
    draft = created.json();
  });

  it('the shipped edition is what an assessment cites before', () => {
    expect(oldAssessment.result.datasets.map((d) => d.id)).toContain('ilab-2022');
  });

  it('is activated in a draft by PATCHing document.datasets, audited as a policy change', async () => {
    const res = await admin.patch(`/api/policies/${draft.id}`, {
      document: { ...draft.document, datasets: { ilab: ilab.edition!.id } },
      revision: draft.revision,
    });
    expect(res.statusCode, res.body).toBe(200);
    draft = res.json();
    expect(draft.document.datasets).toEqual({ ilab: ilab.edition!.id });
    const pinned = (await executive.get(`/api/datasets/editions/${ilab.edition!.id}`)).json();
    expect(pinned.pinnedBy).toEqual([{ id: draft.id, name: 'ILAB 2024', status: 'draft', version: null }]);
  });

  it('refuses a pin of the wrong kind or of an unknown edition (422 naming the field)', async () => {
    for (const datasets of [{ us_tip: ilab.edition!.id }, { gsi: '00000000-0000-4000-8000-000000000000' }]) {
      const res = await admin.patch(`/api/policies/${draft.id}`, {
        document: { ...draft.document, datasets },
      });
      expect(res.statusCode).toBe(422);
      expect(issuePaths(res)[0]).toMatch(/^document\.datasets\./);
    }
    const bad = await admin.patch(`/api/policies/${draft.id}`, {
      document: { ...draft.document, datasets: { ilab: 'x', ilo_indicators: draft.id } },
    });
    expect(bad.statusCode).toBe(400);
  });

  it('what-if of the draft scores with the new edition: the Thai shrimp supplier moves', async () => {
    const res = await officer.post(`/api/policies/${draft.id}/what-if`);
    expect(res.statusCode, res.body).toBe(200);
    const w: WhatIf = res.json();
    const mover = w.movers.find((m) => m.supplierId === supplierId);
    expect(mover?.delta).toBeLessThan(0);
  });

  it('cannot be deleted while a policy pins it (422)', async () => {
    const res = await admin.delete(`/api/datasets/editions/${ilab.edition!.id}`);
    expect(res.statusCode).toBe(422);
    expect(res.json().error.message).toMatch(/pinned by draft "ILAB 2024"/);
  });

  it('publish rescores with it: new assessments cite ILAB 2024, the old one still cites 2022', async () => {
    const res = await admin.post(`/api/policies/${draft.id}/publish`, {});
    expect(res.statusCode, res.body).toBe(200);
    const job = await waitForJob(admin, res.json().job.id);
    expect(job.status).toBe('succeeded');
    const list = (await executive.get(`/api/suppliers/${supplierId}/assessments`)).json()
      .items as Assessment[];
    const latest = list.find((a) => a.policyId === draft.id)!;
    expect(latest.result.datasets.map((d) => d.id)).toContain(`ilab-2024-${ilab.edition!.id}`);
    expect(latest.residualScore).toBeLessThan(oldAssessment.residualScore);
    const old = list.find((a) => a.id === oldAssessment.id)!;
    expect(old.result.datasets.map((d) => d.id)).toContain('ilab-2022');
    expect(old.resultSha256).toBe(oldAssessment.resultSha256);
    // A single assessment under the published policy uses it too.
    const again = (await officer.post(`/api/suppliers/${supplierId}/assess`)).json() as Assessment;
    expect(again.result.datasets.map((d) => d.id)).toContain(`ilab-2024-${ilab.edition!.id}`);
    expect(again.inputs.reference.datasets.map((d) => d.id)).toContain(`ilab-2024-${ilab.edition!.id}`);
  });
});

describe('tenant isolation', () => {
  it("org B cannot see, diff, delete or pin org A's edition", async () => {
    const id = ilab.edition!.id;
    expect((await adminB.get(`/api/datasets/editions/${id}`)).statusCode).toBe(404);
    expect((await adminB.get(`/api/datasets/editions/${id}/diff`)).statusCode).toBe(404);
    expect((await adminB.delete(`/api/datasets/editions/${id}`)).statusCode).toBe(404);
    expect((await adminB.get('/api/datasets')).json().editions).toEqual([]);
    const v1: Policy = (await adminB.get('/api/policies')).json().items[0];
    const draftB: Policy = (await adminB.post('/api/policies', { basedOn: v1.id, name: 'B draft' })).json();
    const res = await adminB.patch(`/api/policies/${draftB.id}`, {
      document: { ...draftB.document, datasets: { ilab: id } },
    });
    expect(res.statusCode).toBe(422);
    expect(issuePaths(res)).toEqual(['document.datasets.ilab']);
  });

  it('org B can load the same file as its own edition', async () => {
    const res = await upload(adminB, ILAB_FIELDS, ilab2024());
    expect(res.statusCode).toBe(201);
    expect(res.json().edition.id).not.toBe(ilab.edition!.id);
  });
});

describe('deleting', () => {
  it('deletes an edition no policy pins, audited', async () => {
    const tip = (await admin.get('/api/datasets'))
      .json()
      .editions.find((e: { kind: string }) => e.kind === 'us_tip');
    const res = await admin.delete(`/api/datasets/editions/${tip.id}`);
    expect(res.statusCode).toBe(200);
    expect((await admin.get(`/api/datasets/editions/${tip.id}`)).statusCode).toBe(404);
    const events = (await auditOf(t, t.orgA.id)).filter((x) => x.entityId === tip.id).map((x) => x.action);
    expect(events).toEqual(['dataset_edition.loaded', 'dataset_edition.deleted']);
  });
});
