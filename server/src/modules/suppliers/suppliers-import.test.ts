import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SUPPLIER_CSV_COLUMNS, type Supplier } from '#shared/schemas/suppliers.js';
import { type Client, setupTestApp, type TestContext } from '../../../test/app.js';
import { auditOf, csv, issuePaths, scoringCounts, uploadCsv } from '../../../test/factories.js';

let t: TestContext;
let officer: Client;

beforeAll(async () => {
  t = await setupTestApp();
  officer = await t.login(t.orgA.officer);
});
afterAll(() => t?.close());

const PREVIEW = '/api/suppliers/import/preview';
const COMMIT = '/api/suppliers/import/commit';
const COLUMNS = ['external_ref', 'name', 'country', 'tier', 'goods', 'tags', 'parent_external_ref'];
const row = (ref: string, overrides: Record<string, string> = {}) => ({
  external_ref: ref,
  name: `Supplier ${ref}`,
  country: 'BD',
  tier: '1',
  goods: 'garments',
  tags: 'apparel',
  parent_external_ref: '',
  ...overrides,
});
const file = (rows: Record<string, string>[]) => csv(rows, COLUMNS);

const preview = async (content: string | Buffer, client = officer) => {
  const res = await uploadCsv(client, PREVIEW, content);
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
};
const commit = async (content: string | Buffer, client = officer) => {
  const res = await uploadCsv(client, COMMIT, content);
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
};
const byRef = async (ref: string): Promise<Supplier | undefined> =>
  (await officer.get(`/api/suppliers?q=${encodeURIComponent(ref)}&limit=200`))
    .json()
    .items.find((s: Supplier) => s.externalRef === ref);
const supplierEvents = async () =>
  (await auditOf(t, t.orgA.id)).filter(
    (e) => e.action === 'supplier.created' || e.action === 'supplier.updated',
  );

describe('the template', () => {
  it('downloads as CSV, and re-uploading it previews two creates and no errors, writing nothing', async () => {
    const res = await officer.get('/api/suppliers/import/template.csv');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/csv/);
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename=".+\.csv"$/);
    expect(res.body.replace(/^\uFEFF/, '').split(/\r?\n/)[0]).toBe(SUPPLIER_CSV_COLUMNS.join(','));
    const before = await scoringCounts(t);
    const p = await preview(res.rawPayload);
    expect(p).toMatchObject({
      fileName: 'suppliers.csv',
      rows: 2,
      create: 2,
      update: 0,
      unchanged: 0,
      errorCount: 0,
    });
    expect(p.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(p.sample.map((r: { row: number; action: string }) => [r.row, r.action])).toEqual([
      [2, 'create'],
      [3, 'create'],
    ]);
    expect(await scoringCounts(t)).toEqual(before);
  });

  it('commits; committing the same file again changes nothing and writes no supplier event', async () => {
    const template = (await officer.get('/api/suppliers/import/template.csv')).rawPayload;
    expect(await commit(template)).toMatchObject({ rows: 2, created: 2, updated: 0, unchanged: 0 });
    const parent = (await byRef('V-10001'))!;
    expect(parent).toMatchObject({
      name: 'Dhaka Knitwear Ltd',
      country: 'BD',
      goods: ['garments', 'textiles'],
    });
    expect(parent.contacts).toEqual([
      { name: 'Rahim Chowdhury', email: 'compliance@dhaka-knitwear.example', phone: '+880 2 5555 0101' },
    ]);
    expect(await byRef('V-10002')).toMatchObject({
      country: 'TM',
      parentId: parent.id,
      goods: ['cotton lint'],
    });
    const events = await supplierEvents();
    expect(events.filter((e) => e.action === 'supplier.created')).toHaveLength(2);

    const before = await scoringCounts(t);
    expect(await commit(template)).toMatchObject({ rows: 2, created: 0, updated: 0, unchanged: 2 });
    expect(await supplierEvents()).toEqual(events);
    expect((await scoringCounts(t)).suppliers).toBe(before.suppliers);
  });
});

describe('goods the ILAB list does not know', () => {
  it('are warnings on their rows with the closest listed goods; the file still commits', async () => {
    const rows = [
      row('G-1', { goods: 'cotten;crude palm oil' }),
      row('G-2', { goods: 'auto parts' }),
      row('G-3', { goods: 'cotten' }),
    ];
    const p = await preview(file(rows));
    expect(p).toMatchObject({ create: 3, errorCount: 0, goodWarningCount: 3 });
    expect(p.goodWarnings).toEqual([
      { row: 2, good: 'cotten', suggestions: ['Cotton', 'coltan'] },
      { row: 3, good: 'auto parts', suggestions: [] },
      { row: 4, good: 'cotten', suggestions: ['Cotton', 'coltan'] },
    ]);
    expect(p.sample.map((r: { goodsNotRecognised: string[] }) => r.goodsNotRecognised)).toEqual([
      ['cotten'],
      ['auto parts'],
      ['cotten'],
    ]);
    expect(await commit(file(rows))).toMatchObject({ created: 3 });
    expect((await byRef('G-1'))?.goods).toEqual(['cotten', 'crude palm oil']);
  });
});

describe('re-import', () => {
  it('changing one cell updates exactly that supplier, and the preview names the changed field', async () => {
    const rows = [row('U-1'), row('U-2'), row('U-3')];
    expect(await commit(file(rows))).toMatchObject({ created: 3 });
    const before = await Promise.all(['U-1', 'U-2', 'U-3'].map(byRef));
    const changed = file([rows[0]!, { ...rows[1]!, tier: '2' }, rows[2]!]);
    const p = await preview(changed);
    expect(p).toMatchObject({ create: 0, update: 1, unchanged: 2, errorCount: 0 });
    expect(
      p.sample.map((r: { action: string; changedFields: string[] }) => [r.action, r.changedFields]),
    ).toEqual([
      ['unchanged', []],
      ['update', ['tier']],
      ['unchanged', []],
    ]);
    const eventsBefore = (await supplierEvents()).length;
    expect(await commit(changed)).toMatchObject({ created: 0, updated: 1, unchanged: 2 });
    const after = await Promise.all(['U-1', 'U-2', 'U-3'].map(byRef));
    expect(after[0]).toEqual(before[0]);
    expect(after[2]).toEqual(before[2]);
    // The changed row's revision moves on, so a form opened before the import cannot overwrite it silently.
    // The tier is scored: the commit reassessed it, so its risk summary points at a newer assessment.
    expect(after[1]).toMatchObject({
      ...before[1],
      tier: 2,
      revision: 2,
      updatedAt: expect.any(String),
      risk: expect.objectContaining({ policyVersion: 1 }),
      // Its own new score is its chain risk (nothing sits below it).
      chainRisk: expect.objectContaining({ supplierId: before[1]!.id }),
    });
    expect(after[1]!.risk!.assessmentId).not.toBe(before[1]!.risk!.assessmentId);
    const events = (await supplierEvents()).slice(eventsBefore);
    expect(events.map((e) => [e.action, e.entityId, e.payload.changes])).toEqual([
      ['supplier.updated', before[1]!.id, { tier: { from: 1, to: 2 } }],
    ]);
  });

  it('resolves parent_external_ref to a row later in the same file', async () => {
    const res = await commit(file([row('P-2', { parent_external_ref: 'P-1', tier: '2' }), row('P-1')]));
    expect(res).toMatchObject({ created: 2 });
    const [child, parent] = [await byRef('P-2'), await byRef('P-1')];
    expect(child!.parentId).toBe(parent!.id);
    const tree = (await officer.get(`/api/suppliers/${parent!.id}/tree`)).json();
    expect(tree.children.map((c: { id: string }) => c.id)).toEqual([child!.id]);
  });

  it('creates a 30-tier chain listed children first, each supplier under its parent', async () => {
    const chain = Array.from({ length: 30 }, (_, i) =>
      row(`D-${i}`, i === 0 ? {} : { parent_external_ref: `D-${i - 1}`, tier: '' }),
    ).reverse();
    expect(await commit(file(chain))).toMatchObject({ created: 30 });
    const [deepest, above] = [await byRef('D-29'), await byRef('D-28')];
    expect(deepest!.parentId).toBe(above!.id);
    // The empty tiers were derived from the chain.
    expect([deepest!.tier, above!.tier]).toEqual([30, 29]);
  });

  it('answers the whole tree of a long chain; past 100 levels it says more lie below', async () => {
    type Node = { name: string; moreBelow: boolean; children: Node[] };
    const chainRow = (i: number) =>
      row(`L-${i}`, i === 0 ? {} : { parent_external_ref: `L-${i - 1}`, tier: '' });
    expect(await commit(file(Array.from({ length: 103 }, (_, i) => chainRow(i))))).toMatchObject({
      created: 103,
    });
    const walk = (node: Node) => {
      const names: string[] = [];
      for (let n: Node | undefined = node; n; n = n.children[0]) {
        names.push(n.name);
        expect(n.children.length).toBeLessThanOrEqual(1);
        if (n.children.length === 0) return { names, last: n };
      }
      throw new Error('unreachable');
    };
    // A 30-tier chain (L-72 … L-102) comes back whole, nothing marked as left out.
    const thirty = walk((await officer.get(`/api/suppliers/${(await byRef('L-72'))!.id}/tree`)).json());
    expect(thirty.names).toEqual(Array.from({ length: 31 }, (_, i) => `Supplier L-${72 + i}`));
    expect(thirty.last.moreBelow).toBe(false);
    // From the top: 100 levels below the root, the last one flagged as having more below it.
    const res = await officer.get(`/api/suppliers/${(await byRef('L-0'))!.id}/tree`);
    expect(res.statusCode, res.body).toBe(200);
    const all = walk(res.json());
    expect(all.names).toHaveLength(101);
    expect(all.last).toMatchObject({ name: 'Supplier L-100', moreBelow: true, children: [] });
  });
});

describe('a file with problems', () => {
  it('is refused whole (422), each issue naming the line and column, and the register is unchanged', async () => {
    const bad = file([
      row('X-1'),
      row('X-2', { country: 'Bangaldesh' }),
      row('X-3', { tier: 'abc' }),
      row('X-1', { name: 'Again' }),
      row('X-5', { parent_external_ref: 'NOWHERE' }),
    ]);
    const p = await preview(bad);
    expect(p).toMatchObject({ rows: 5, create: 1, errorCount: 4 });
    expect(p.errors.map((e: { row: number; column: string }) => [e.row, e.column])).toEqual([
      [3, 'country'],
      [4, 'tier'],
      [5, 'external_ref'],
      [6, 'parent_external_ref'],
    ]);
    expect(p.errors[0].message).toContain('did you mean Bangladesh (BD)?');
    expect(p.errors[2].message).toContain('line 2');
    expect(p.sample.map((r: { action: string }) => r.action)).toEqual([
      'create',
      'error',
      'error',
      'error',
      'error',
    ]);

    const before = await scoringCounts(t);
    const res = await uploadCsv(officer, COMMIT, bad);
    expect(res.statusCode, res.body).toBe(422);
    expect(issuePaths(res)).toEqual([
      'row 3: country',
      'row 4: tier',
      'row 5: external_ref',
      'row 6: parent_external_ref',
    ]);
    expect(await scoringCounts(t)).toEqual(before);
    expect(await byRef('X-1')).toBeUndefined();
  });

  it('refuses a tier that contradicts the parent chain, naming the tier it must be', async () => {
    const p = await preview(
      file([
        row('T-1'),
        row('T-2', { parent_external_ref: 'T-1', tier: '1' }),
        row('T-3', { parent_external_ref: 'T-1', tier: '' }),
      ]),
    );
    expect(p.errors).toEqual([
      {
        row: 3,
        column: 'tier',
        message: 'tier must be 2: one below its parent "T-1" (tier 1). Leave it empty to derive it.',
      },
    ]);
    expect(p).toMatchObject({ create: 2, errorCount: 1 });
  });

  it('refuses a parent chain that loops inside the file', async () => {
    const p = await preview(
      file([row('L-1', { parent_external_ref: 'L-2' }), row('L-2', { parent_external_ref: 'L-1' })]),
    );
    expect(p.errors.map((e: { row: number; column: string }) => [e.row, e.column])).toEqual([
      [2, 'parent_external_ref'],
      [3, 'parent_external_ref'],
    ]);
  });

  it('refuses a row whose parent chain runs into a loop, and keeps the rows outside it', async () => {
    const p = await preview(
      file([
        row('M-0', { parent_external_ref: 'M-1' }),
        row('M-1', { parent_external_ref: 'M-2' }),
        row('M-2', { parent_external_ref: 'M-1' }),
        row('M-3'),
        row('M-4', { parent_external_ref: 'M-3', tier: '' }),
      ]),
    );
    expect(p.errors.map((e: { row: number; column: string }) => [e.row, e.column])).toEqual([
      [2, 'parent_external_ref'],
      [3, 'parent_external_ref'],
      [4, 'parent_external_ref'],
    ]);
    expect(p).toMatchObject({ create: 2, errorCount: 3 });
  });

  it.each([
    ['a missing required column', ['external_ref', 'country', 'tier'], 'name'],
    ['an unknown column', [...COLUMNS, 'colour'], 'colour'],
  ])('with %s answers 400 naming the column', async (_label, columns, column) => {
    const before = await scoringCounts(t);
    const text = csv([{ ...row('H-1'), colour: 'red' }], columns);
    for (const url of [PREVIEW, COMMIT]) {
      const res = await uploadCsv(officer, url, text);
      expect(res.statusCode, res.body).toBe(400);
      expect(res.json().error.message).toContain(`"${column}"`);
      expect(issuePaths(res)).toContain(`row 1: ${column}`);
    }
    expect(await scoringCounts(t)).toEqual(before);
  });

  it.each([
    [
      'Latin-1 text',
      Buffer.from('external_ref,name,country,tier\r\nE-1,Société Générale,FR,1\r\n', 'latin1'),
    ],
    [
      'Latin-1 text ending in an accented letter',
      Buffer.from('external_ref,name,country,tier\r\nE-2,Café', 'latin1'),
    ],
  ])('refuses %s with 400 asking for UTF-8', async (_label, bytes) => {
    expect(bytes.includes(0xe9)).toBe(true);
    const before = await scoringCounts(t);
    for (const url of [PREVIEW, COMMIT]) {
      const res = await uploadCsv(officer, url, bytes);
      expect(res.statusCode, res.body).toBe(400);
      expect(res.json().error.message).toContain('UTF-8');
    }
    expect(await scoringCounts(t)).toEqual(before);
  });

  it.each([
    ['a row with an extra cell', 'extra'],
    ['an unclosed quote', 'quote'],
  ])('with %s answers 400 naming the line, and imports nothing', async (_label, kind) => {
    const lines = file([row('Q-1'), row('Q-2'), row('Q-3')]).split('\r\n');
    lines[2] = kind === 'extra' ? `${lines[2]},surplus` : lines[2]!.replace('Supplier Q-2', '"Supplier Q-2');
    const before = await scoringCounts(t);
    const res = await uploadCsv(officer, COMMIT, lines.join('\r\n'));
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json().error.message).toMatch(/^The CSV cannot be read at line 3: /);
    expect(await scoringCounts(t)).toEqual(before);
  });

  it('refuses an Excel workbook with 400', async () => {
    const xlsx = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(200, 1)]);
    const res = await uploadCsv(officer, PREVIEW, xlsx, 'suppliers.xlsx');
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json().error.message).toMatch(/Excel/);
  });

  it('refuses an empty file, or a header without rows, with 400', async () => {
    for (const text of ['', `${COLUMNS.join(',')}\r\n`]) {
      expect((await uploadCsv(officer, PREVIEW, text)).statusCode).toBe(400);
    }
  });
});

describe('the upload itself', () => {
  it('no file: 400 (multipart without the file part, or not multipart at all)', async () => {
    const boundary = 'xyzzy';
    const noFile = await officer.request(
      'POST',
      PREVIEW,
      `--${boundary}\r\nContent-Disposition: form-data; name="note"\r\n\r\nhello\r\n--${boundary}--\r\n`,
      { 'content-type': `multipart/form-data; boundary=${boundary}` },
    );
    expect(noFile.statusCode, noFile.body).toBe(400);
    const json = await officer.post(COMMIT, { file: 'external_ref,name' });
    expect(json.statusCode, json.body).toBe(400);
  });

  it('an executive may not preview or commit (403), and nothing is written', async () => {
    const executive = await t.login(t.orgA.executive);
    const before = await scoringCounts(t);
    for (const url of [PREVIEW, COMMIT]) {
      expect((await uploadCsv(executive, url, file([row('EX-1')]))).statusCode).toBe(403);
    }
    expect(await scoringCounts(t)).toEqual(before);
  });

  it('a 50 MB file is refused with 413 under the default 32 MB limit', async () => {
    expect(t.config.importMaxBytes).toBe(32 * 1024 * 1024);
    // One endless quoted cell: cheap to parse, so the size limit is what stops it.
    const big = Buffer.alloc(50 * 1024 * 1024, 'a');
    big.write('external_ref,name,country,tier\r\nBIG-1,"', 0);
    const before = await scoringCounts(t);
    const res = await uploadCsv(officer, COMMIT, big);
    expect(res.statusCode, res.body).toBe(413);
    expect(await scoringCounts(t)).toEqual(before);
  });
});

describe('with a 64 KB import limit', () => {
  let small: TestContext;
  beforeAll(async () => {
    small = await setupTestApp({ importMaxBytes: 64 * 1024 });
  });
  afterAll(() => small?.close());

  const LIMIT = 64 * 1024;
  // Equal-length rows, the first padded so that a line ends exactly at the limit: the cut leaves valid CSV.
  const cutAtLineEnd = (count: number) => {
    const rows = Array.from({ length: count }, (_, i) => row(`S-${String(i).padStart(5, '0')}`));
    const unpadded = file(rows);
    const header = unpadded.indexOf('\r\n') + 2;
    const line = (unpadded.length - header) / count;
    const pad = (LIMIT - header) % line;
    rows[0]!.name += 'x'.repeat(pad);
    return file(rows);
  };

  it('refuses a ~100 KB file with 413 and imports none of it, even when the cut falls at a line end', async () => {
    const client = await small.login(small.orgA.officer);
    const text = cutAtLineEnd(2500);
    expect(Buffer.byteLength(text)).toBeGreaterThan(100 * 1024);
    expect(text.slice(LIMIT - 2, LIMIT)).toBe('\r\n');
    const before = await scoringCounts(small);
    for (const url of [PREVIEW, COMMIT]) {
      const res = await uploadCsv(client, url, text);
      expect(res.statusCode, res.body).toBe(413);
    }
    expect(await scoringCounts(small)).toEqual(before);
  });

  it('still takes a file under the limit', async () => {
    const client = await small.login(small.orgA.officer);
    const res = await uploadCsv(client, COMMIT, file([row('S-1'), row('S-2')]));
    expect(res.statusCode, res.body).toBe(200);
  });
});
