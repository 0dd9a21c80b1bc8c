import type { Readable } from 'node:stream';
import PDFDocument from 'pdfkit';
import type { RenderedReport, ReportMeta } from '../report-types.js';
import { aboutBlocks } from './about.js';
import { type BarChartSpec, barChartBlock } from './charts/bar.js';
import { type HeatmapSpec, heatmapBlock } from './charts/heatmap.js';
import { type LineChartSpec, lineChartBlock } from './charts/line.js';
import { drawCover } from './cover.js';
import { FONT_NAMES, fontBytes } from './fonts.js';
import { HeadingIndex, type HeadingLevel, headingBlock } from './headings.js';
import { type Block, Frame } from './layout.js';
import { installXmpWriter } from './metadata.js';
import { kindLabel, PRODUCT } from './report-facts.js';
import { drawRunningHeadAndFoot } from './running.js';
import { type TableSpec, tableBlock } from './table.js';
import {
  bulletsBlock,
  calloutBlock,
  type Kpi,
  keyValuesBlock,
  kpisBlock,
  pageBreakBlock,
  paragraphBlock,
} from './text-blocks.js';
import { type CalloutKind, PAGE } from './theme.js';
import { fillToc, reserveToc } from './toc.js';

// The PDF frame every kind of report renders with. A kind calls the primitives in reading order; end()
// lays the document out: cover, contents (sized from the headings, linked), the body, "About this report",
// then the running header and footer ("page X of Y") over the buffered pages.
//
// Output is PDF/A-2b (pdfVersion 1.7, fonts embedded, sRGB output intent, XMP) and tagged (structure tree,
// /MarkInfo Marked, language, document title shown). It is a pure function of (meta, calls): the dates and
// the file ID come from meta.issuedAt, nothing reads the clock or a random source, so the same input gives
// the same bytes (the register's SHA-256 depends on it).

export interface ReportPdfOptions {
  title: string;
  subtitle?: string;
  /** Where a reader verifies a copy (e.g. `${publicUrl}/verify`); default: "the public /verify page". */
  verifyUrl?: string;
  /** BCP 47 language of the text; default en-GB. */
  lang?: string;
  /**
   * Told after each block is laid out (done, total): a long report's job can show progress. Called
   * synchronously from end(); a returned promise is not awaited (its failure is ignored).
   */
  onProgress?: (done: number, total: number) => unknown;
}

export interface ReportPdfResult extends RenderedReport {
  /** The same stream as `pdf` (the plan's name for it). */
  stream: Readable;
}

export interface ReportPdf {
  /** A heading (H1 or H2) with a contents entry, a bookmark and a link target. */
  section(title: string, level?: HeadingLevel): ReportPdf;
  paragraph(text: string, options?: { muted?: boolean }): ReportPdf;
  keyValues(pairs: [string, string][]): ReportPdf;
  bullets(items: string[]): ReportPdf;
  table(spec: TableSpec): ReportPdf;
  /** `gap`: the data cannot support a statement; it is printed as a gap, never left out. */
  callout(kind: CalloutKind, text: string): ReportPdf;
  kpis(tiles: Kpi[]): ReportPdf;
  barChart(spec: BarChartSpec): ReportPdf;
  lineChart(spec: LineChartSpec): ReportPdf;
  heatmap(spec: HeatmapSpec): ReportPdf;
  pageBreak(): ReportPdf;
  /** Lays the document out; the stream can be read once this returns. */
  end(): ReportPdfResult;
}

export function createReportPdf(meta: ReportMeta, options: ReportPdfOptions): ReportPdf {
  const index = new HeadingIndex();
  const blocks: Block[] = [];
  let ended = false;
  const add = (block: Block): ReportPdf => {
    if (ended) throw new Error('The report PDF has already been ended');
    blocks.push(block);
    return api;
  };

  const api: ReportPdf = {
    section: (title, level = 1) => add(headingBlock(index, title, level)),
    paragraph: (text, opts) => add(paragraphBlock(text, opts)),
    keyValues: (pairs) => add(keyValuesBlock(pairs)),
    bullets: (items) => add(bulletsBlock(items)),
    table: (spec) => add(tableBlock(spec)),
    callout: (kind, text) => add(calloutBlock(kind, text)),
    kpis: (tiles) => add(kpisBlock(tiles)),
    barChart: (spec) => add(barChartBlock(spec)),
    lineChart: (spec) => add(lineChartBlock(spec)),
    heatmap: (spec) => add(heatmapBlock(spec)),
    pageBreak: () => add(pageBreakBlock()),
    end() {
      if (ended) throw new Error('The report PDF has already been ended');
      ended = true;
      blocks.push(...aboutBlocks(index, meta, options.verifyUrl));
      const doc = layOut(meta, options, blocks, index);
      const pageCount = doc.bufferedPageRange().count;
      doc.end();
      return { title: options.title, pdf: doc, stream: doc, pageCount };
    },
  };
  return api;
}

function layOut(
  meta: ReportMeta,
  options: ReportPdfOptions,
  blocks: Block[],
  index: HeadingIndex,
): PDFDocument {
  const doc = new PDFDocument({
    size: PAGE.size,
    margins: PAGE.margin,
    autoFirstPage: false,
    bufferPages: true,
    pdfVersion: '1.7',
    subset: 'PDF/A-2b',
    tagged: true,
    lang: options.lang ?? 'en-GB',
    displayTitle: true,
    // The default font too must be embedded (PDF/A): never let pdfkit fall back to Helvetica.
    font: fontBytes('regular'),
    info: {
      Title: options.title,
      Author: meta.organisation.name,
      Subject: `${kindLabel(meta)} ${meta.registerNumber}`,
      Keywords: `${meta.registerNumber}; ${meta.kind}`,
      Creator: PRODUCT,
      Producer: `${PRODUCT} (PDFKit)`,
      CreationDate: meta.issuedAt,
      ModDate: meta.issuedAt,
    },
  });
  installXmpWriter(doc);
  doc.registerFont(FONT_NAMES.bold, fontBytes('bold'));

  const root = doc.struct('Document', { title: options.title, lang: options.lang ?? 'en-GB' });
  doc.addStructure(root);
  const f = new Frame(doc, root);

  f.newPage();
  drawCover(f, meta, options);
  const headings = blocks.filter((b) => b.heading).length;
  const toc = reserveToc(f, headings);
  f.newPage();
  blocks.forEach((block, i) => {
    block.render(f, blocks[i + 1]);
    const told = options.onProgress?.(i + 1, blocks.length);
    // Progress is best-effort: a failed progress write must not fail (nor crash) the render.
    if (told instanceof Promise) told.catch(() => undefined);
  });
  fillToc(f, toc, index);
  drawRunningHeadAndFoot(f, meta, options.title);
  root.end();
  return doc;
}
