import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { renderSampleReport, SAMPLE_META } from '../../../../test/report-pdf-sample.js';

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
});
