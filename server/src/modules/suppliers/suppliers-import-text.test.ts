import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, setupTestApp, type TestContext } from '../../../test/app.js';
import { scoringCounts, uploadCsv } from '../../../test/factories.js';
import { CELL_SHOWN, resolveCountry } from './suppliers-csv.js';

/** Issue 7, defect 11: CSV files as people really save them (mixed line endings), and huge cells. */

let t: TestContext;
let officer: Client;
beforeAll(async () => {
  t = await setupTestApp({ bodyLimitBytes: 8 * 1024 * 1024 });
  officer = await t.login(t.orgA.officer);
});
afterAll(() => t?.close());

const PREVIEW = '/api/suppliers/import/preview';
const COMMIT = '/api/suppliers/import/commit';

describe('line endings', () => {
  const mixed =
    'external_ref,name,country,tier\r\n' +
    'LE-1,CRLF Ltd,BD,1\r\n' +
    'LE-2,LF Ltd,VN,2\n' +
    'LE-3,"Quoted\nacross lines",IN,1\r\n' +
    'LE-4,Old Mac Ltd,TR,1\r' +
    'LE-5,No final newline,BD,1';

  it('a file mixing CRLF, LF and CR previews every row', async () => {
    const res = await uploadCsv(officer, PREVIEW, mixed);
    expect(res.statusCode, res.body).toBe(200);
    const p = res.json();
    expect(p).toMatchObject({ rows: 5, create: 5, errorCount: 0 });
    expect(p.sample.map((s: { name: string }) => s.name)).toEqual([
      'CRLF Ltd',
      'LF Ltd',
      'Quoted\nacross lines',
      'Old Mac Ltd',
      'No final newline',
    ]);
  });

  it('and commits them', async () => {
    const res = await uploadCsv(officer, COMMIT, mixed);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ rows: 5, created: 5 });
  });

  it('a header ending in LF with CRLF rows (and the reverse) reads the same', async () => {
    for (const text of [
      'external_ref,name,country,tier\nLE-6,A,BD,1\r\nLE-7,B,BD,1\r\n',
      'external_ref,name,country,tier\r\nLE-6,A,BD,1\nLE-7,B,BD,1\n',
    ]) {
      const res = await uploadCsv(officer, PREVIEW, text);
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toMatchObject({ rows: 2, create: 2, errorCount: 0 });
    }
  });
});

describe('huge cells are not echoed back whole', () => {
  const big = 'N'.repeat(5 * 1024 * 1024);

  it('a 5 MB name is refused, and the preview sample shows it cut to 200 characters', async () => {
    const before = await scoringCounts(t);
    const res = await uploadCsv(officer, PREVIEW, `external_ref,name,country,tier\r\nBIG-1,${big},BD,1\r\n`);
    expect(res.statusCode).toBe(200);
    expect(res.body.length).toBeLessThan(10_000);
    const p = res.json();
    expect(p.errors).toEqual([{ row: 2, column: 'name', message: 'Must be at most 200 characters' }]);
    expect(p.sample[0].name).toBe(`${'N'.repeat(CELL_SHOWN)}…`);
    expect(CELL_SHOWN).toBe(200);
    expect(await scoringCounts(t)).toEqual(before);
  });

  it('messages that quote a cell quote at most 200 characters of it', async () => {
    const res = await uploadCsv(
      officer,
      PREVIEW,
      `external_ref,name,country,tier\r\nBIG-2,Fine,${big},1\r\nBIG-3,Fine,BD,${big}\r\n`,
    );
    expect(res.statusCode).toBe(200);
    expect(res.body.length).toBeLessThan(10_000);
    const [country, tier] = res.json().errors;
    expect(country).toMatchObject({ row: 2, column: 'country', message: expect.stringContaining('N…"') });
    expect(tier).toMatchObject({ row: 3, column: 'tier', message: expect.stringContaining('N…"') });
  });

  it('a cut never splits a character outside the Basic Multilingual Plane', async () => {
    const name = `${'a'.repeat(CELL_SHOWN - 1)}🧵${'b'.repeat(300)}`;
    const res = await uploadCsv(officer, PREVIEW, `external_ref,name,country,tier\r\nBIG-4,${name},BD,1\r\n`);
    const shown: string = res.json().sample[0].name;
    expect(shown).toBe(`${'a'.repeat(CELL_SHOWN - 1)}…`);
  });

  it('a huge country cell gets no "did you mean" (edit distance over megabytes would take seconds)', () => {
    expect(resolveCountry('Bangaldesh').error).toMatch(/did you mean Bangladesh \(BD\)\?/);
    const huge = resolveCountry('Bangaldesh'.repeat(500_000)).error;
    expect(huge).not.toMatch(/did you mean/);
    expect(huge!.length).toBeLessThan(400);
  });
});
