import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { SAMPLE_META } from '../../../../test/report-pdf-sample.js';
import { niceTicks } from './charts/common.js';
import { createReportPdf, type ReportPdf } from './document.js';
import { formatNumber, formatUtc } from './format.js';

// Page layout as a reader meets it: contents spanning pages, headings kept with what follows them.

const dir = mkdtempSync(path.join(tmpdir(), 'report-layout-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function textOf(build: (pdf: ReportPdf) => void): Promise<string[]> {
  const pdf = createReportPdf(SAMPLE_META, { title: 'Layout check' });
  build(pdf);
  const { stream } = pdf.end();
  const chunks: Buffer[] = [];
  for await (const chunk of stream as Readable) chunks.push(chunk as Buffer);
  const file = path.join(dir, 'layout.pdf');
  writeFileSync(file, Buffer.concat(chunks));
  return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).split('\f');
}

describe('report PDF layout', () => {
  it('reserves as many contents pages as the headings need, each entry pointing at its heading’s page', async () => {
    const pages = await textOf((pdf) => {
      for (let i = 1; i <= 70; i++) {
        pdf.section(`Chapter ${String(i).padStart(2, '0')}`, i % 3 === 0 ? 2 : 1);
        pdf.paragraph(`Body of chapter ${i}. `.repeat(i % 5 === 0 ? 40 : 3));
      }
    });
    const entries = pages
      .slice(1, 4)
      .flatMap((p) => [...p.matchAll(/^\s*(Chapter \d\d)\s+(\d+)\s*$/gm)])
      .map((m) => ({ title: m[1] ?? '', page: Number(m[2]) }));
    expect(entries).toHaveLength(70);
    // Two pages of contents: the body starts on page 4, after the cover and both.
    expect(pages[1]).toContain('Contents');
    expect(pages[2]).toMatch(/Chapter \d\d/);
    expect(entries[0]?.page).toBe(4);
    for (const e of entries)
      expect(pages[e.page - 1], e.title).toMatch(new RegExp(`^\\s*${e.title}\\s*$`, 'm'));
  });

  it('never leaves a heading alone at the foot of a page', async () => {
    for (let lines = 24; lines <= 40; lines += 2) {
      const pages = await textOf((pdf) => {
        for (let i = 0; i < lines; i++) pdf.paragraph(`Filler line ${i}.`);
        pdf.section('Kept heading', 2);
        pdf.paragraph(`Following text starts here. ${'More words to make several lines. '.repeat(12)}`);
      });
      // The body page with the heading (the contents page lists it too, followed by its page number).
      const page = pages.find((p) => /^\s*Kept heading\s*$/m.test(p));
      expect(page, `after ${lines} lines`).toContain('Following text starts here.');
    }
  });
});

describe('report PDF formatting', () => {
  it('prints times in UTC with the zone spelled out, whatever the server’s zone', () => {
    expect(formatUtc(new Date('2026-03-04T05:06:07Z'))).toBe('4 March 2026, 05:06:07 UTC');
  });

  it('groups thousands and keeps one decimal', () => {
    expect(formatNumber(1234567)).toBe('1,234,567');
    expect(formatNumber(12.345)).toBe('12.3');
    expect(formatNumber(-1500)).toBe('−1,500');
  });

  it('puts axis ticks on round numbers covering the data', () => {
    expect(niceTicks(0, 633)).toEqual([0, 200, 400, 600, 800]);
    expect(niceTicks(0, 1)).toEqual([0, 0.25, 0.5, 0.75, 1]);
    expect(niceTicks(0, 0)).toEqual([0, 0.25, 0.5, 0.75, 1]);
  });
});
