import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { BAND_FILL, BAND_LABEL } from '../../../../../web/src/features/dashboard/lib/palette.js';
import { renderSampleReport, SAMPLE_META } from '../../../../test/report-pdf-sample.js';
import { RATING_COLORS, RATING_LABELS } from './theme.js';

// The frame's promises to an auditor, checked on the rendered file with the tools an auditor would use:
// poppler's pdftotext/pdffonts and qpdf (CI installs poppler-utils and qpdf).

const dir = mkdtempSync(path.join(tmpdir(), 'report-pdf-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function bytesOf(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

async function renderToFile(name: string, ...args: Parameters<typeof renderSampleReport>) {
  const { pdf, pageCount } = renderSampleReport(...args);
  const bytes = await bytesOf(pdf);
  const file = path.join(dir, name);
  writeFileSync(file, bytes);
  return { file, bytes, pageCount };
}

const run = (cmd: string, args: string[]) => execFileSync(cmd, args, { encoding: 'utf8' });

describe('report PDF frame', async () => {
  const sample = await renderToFile('sample.pdf');
  const text = run('pdftotext', ['-layout', sample.file, '-']);
  const pages = text.split('\f');

  it('gives the same bytes for the same data and issue time', async () => {
    const again = await bytesOf(renderSampleReport().pdf);
    expect(again.equals(sample.bytes)).toBe(true);
    const later = await bytesOf(
      renderSampleReport({ ...SAMPLE_META, issuedAt: new Date('2026-12-01T09:00:00Z') }).pdf,
    );
    expect(later.equals(sample.bytes)).toBe(false);
  });

  it('passes qpdf --check', () => {
    const out = run('qpdf', ['--check', sample.file]);
    expect(out).toContain('No syntax or stream encoding errors found');
  });

  it('states its page count, and prints "Page X of Y" in the footer of every page but the cover', () => {
    expect(sample.pageCount).toBe(Number(run('pdfinfo', [sample.file]).match(/Pages:\s+(\d+)/)?.[1]));
    expect(pages[0]).not.toMatch(/Page 1 of/);
    for (let i = 2; i <= sample.pageCount; i++) {
      expect(pages[i - 1]).toContain(`Page ${i} of ${sample.pageCount}`);
      expect(pages[i - 1]).toContain('CS-2026-000042');
    }
  });

  it('prints the cover facts, the contents with page numbers and names outside Latin-1', () => {
    expect(pages[0]).toContain('Portfolio risk report');
    expect(pages[0]).toContain('Łódź Textiles & Co');
    expect(pages[0]).toContain('Nguyễn Thị Minh');
    expect(pages[0]).toContain('2026-11-30T17:35:24Z');
    expect(pages[0]).toMatch(/Event #1234, chain hash a3f1c9e0/);
    expect(pages[0]).toContain('How to verify this copy');
    expect(pages[1]).toContain('Contents');
    expect(pages[1]).toMatch(/Summary\s+3/);
    expect(pages[1]).toMatch(/About this report\s+\d+/);
    expect(text).toContain('Ağrı Hazelnut Cooperative');
  });

  it('embeds its fonts', () => {
    const fonts = run('pdffonts', [sample.file]).split('\n').slice(2).filter(Boolean);
    expect(fonts.length).toBeGreaterThan(0);
    for (const line of fonts) expect(line).toMatch(/\byes\s+yes\s+yes\b/);
  });

  // The file with its streams uncompressed, to read the catalog, the structure tree and the XMP packet.
  const plain = (() => {
    const file = path.join(dir, 'sample-qdf.pdf');
    run('qpdf', ['--qdf', '--object-streams=disable', sample.file, file]);
    return readFileSync(file, 'latin1');
  })();

  it('is tagged: a structure tree, marked content, language, headings, tables, lists and figures with alt text', () => {
    expect(plain).toMatch(/\/StructTreeRoot \d+ 0 R/);
    expect(plain).toMatch(/\/MarkInfo \d+ 0 R/);
    expect(plain).toMatch(/\/Marked true/);
    expect(plain).toContain('/Lang (en-GB)');
    expect(plain).toContain('/DisplayDocTitle true');
    for (const type of [
      'Document',
      'H1',
      'H2',
      'P',
      'L',
      'LI',
      'Table',
      'TR',
      'TH',
      'TD',
      'Figure',
      'TOC',
      'TOCI',
      'Link',
    ]) {
      expect(plain, type).toContain(`/S /${type}\n`);
    }
    expect(plain).toMatch(/\/Alt \(Suppliers by rating\. Critical 38/);
    // Running headers and footers are pagination artifacts, not content.
    expect(plain).toContain('/Artifact <<\n/Type /Pagination');
  });

  it('declares PDF/A-2b in well-formed XMP whose dates are the issue time', () => {
    const xmp = plain.slice(plain.indexOf('<?xpacket begin'), plain.indexOf('<?xpacket end'));
    expect(xmp).toContain('<pdfaid:part>2</pdfaid:part>');
    expect(xmp).toContain('<pdfaid:conformance>B</pdfaid:conformance>');
    expect(xmp).toContain('<xmp:CreateDate>2026-11-30T17:35:24Z</xmp:CreateDate>');
    expect(xmp).toContain('<xmp:ModifyDate>2026-11-30T17:35:24Z</xmp:ModifyDate>');
    // "Łódź Textiles & Co": escaped in XML (pdfkit itself would paste the bare "&").
    expect(Buffer.from(xmp, 'latin1').toString('utf8')).toContain('Łódź Textiles &amp; Co');
    expect(plain).toContain('/OutputIntents');
  });

  it('links every contents entry to the page its heading is on', () => {
    const entries = [...pages[1]!.matchAll(/^\s*(\S.*?)\s{2,}(\d+)\s*$/gm)].map((m) => ({
      title: m[1]!,
      page: Number(m[2]),
    }));
    expect(entries.map((e) => e.title)).toEqual([
      'Summary',
      'Ratings',
      'Trend',
      'Top risks',
      'Long text',
      'After a page break',
      'About this report',
      'Methodology',
      'Data sources',
      'How to verify this copy',
      'How to check the signed audit checkpoint',
    ]);
    for (const e of entries) expect(pages[e.page - 1], e.title).toContain(e.title);
    const links = plain.match(/\/Subtype \/Link/g) ?? [];
    expect(links.length).toBe(entries.length);
    expect(plain).toContain('/Outlines');
  });

  it("repeats a long table's header on every page it continues on, and never prints past the margin", () => {
    const withRows = pages.filter((p) =>
      /(Viet Nam|Poland|Türkiye|China|Brazil)\s+(Critical|High|Medium|Low)\s+\d{2}\b/.test(p),
    );
    expect(withRows.length).toBeGreaterThan(1);
    for (const p of withRows) expect(p).toMatch(/#\s+Supplier\s+Country\s+Rating\s+Residual/);
    expect(pages.filter((p) => p.includes('Suppliers by residual risk')).length).toBe(1);
    // Body text never reaches the footer line: the last line before the footer on each page is content.
    for (const p of pages.slice(1, sample.pageCount)) {
      const lines = p.split('\n').filter((l) => l.trim() !== '');
      expect(lines.at(-1)).toMatch(/Page \d+ of \d+/);
    }
  });

  it("uses the dashboard's rating colours and words", () => {
    expect(RATING_COLORS).toEqual(BAND_FILL);
    expect(RATING_LABELS).toEqual(BAND_LABEL);
  });
});
