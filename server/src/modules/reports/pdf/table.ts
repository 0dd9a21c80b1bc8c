import type { PDFStructureElement } from 'pdfkit';
import type { Block, Frame } from './layout.js';
import { COLOR, TYPE } from './theme.js';

// Tables: column widths, numbers right-aligned, cells that wrap, zebra rows, and a header row repeated at
// the top of every page the table continues on. A row never splits across pages; it moves whole to the next
// page (a single row taller than a page is cut with an ellipsis rather than drawn past the margin).

export interface TableColumn {
  header: string;
  /** Width in points; columns without one share what is left, in proportion to their content. */
  width?: number;
  /** Default: right for a column whose cells are all numbers (or empty), left otherwise. */
  align?: 'left' | 'right' | 'center';
}

export interface TableSpec {
  columns: TableColumn[];
  rows: string[][];
  caption?: string;
}

const PAD_X = 4;
const PAD_Y = 3.5;
const SIZE = TYPE.table;
const LINE_GAP = 1.5;

/** "1,234", "−12.5", "45 %", "3/10", "€1.2m", "—": what reads as a figure. */
const NUMERIC = /^[-−+]?[€$£]?\s?[\d.,\s]+\s?(%|[kmb]|pts?)?$|^[\d.,]+\s?\/\s?[\d.,]+$|^[—–-]$/i;

function columnAlign(spec: TableSpec, i: number): 'left' | 'right' | 'center' {
  const given = spec.columns[i]?.align;
  if (given) return given;
  const cells = spec.rows.map((r) => (r[i] ?? '').trim()).filter((c) => c !== '');
  return cells.length > 0 && cells.every((c) => NUMERIC.test(c)) ? 'right' : 'left';
}

function columnWidths(f: Frame, spec: TableSpec): number[] {
  const fixed = spec.columns.reduce((sum, c) => sum + (c.width ?? 0), 0);
  const free = Math.max(f.width - fixed, 0);
  // Share the free width by each flexible column's longest word and typical length, so a column of short
  // codes stays narrow and a column of sentences gets the room.
  f.font('regular', SIZE);
  const weights = spec.columns.map((c, i) => {
    if (c.width != null) return 0;
    const sample = spec.rows.slice(0, 200).map((r) => r[i] ?? '');
    const longest = Math.max(
      f.doc.widthOfString(c.header),
      ...sample.map((s) => Math.min(f.doc.widthOfString(s), 220)),
    );
    return Math.max(longest, 30);
  });
  const total = weights.reduce((a, b) => a + b, 0) || 1;
  return spec.columns.map((c, i) => c.width ?? (free * (weights[i] ?? 0)) / total);
}

export function tableBlock(spec: TableSpec): Block {
  const cellHeight = (f: Frame, text: string, width: number, bold: boolean) =>
    f.measure(text, Math.max(width - 2 * PAD_X, 1), bold ? 'bold' : 'regular', SIZE, LINE_GAP) + 2 * PAD_Y;
  const rowHeight = (f: Frame, cells: string[], widths: number[], bold: boolean) =>
    Math.max(...widths.map((w, i) => cellHeight(f, cells[i] ?? '', w, bold)));
  const captionHeight = (f: Frame) =>
    spec.caption ? f.measure(spec.caption, f.width, 'bold', TYPE.body) + 4 : 0;

  return {
    minStart(f) {
      const widths = columnWidths(f, spec);
      const header = rowHeight(
        f,
        spec.columns.map((c) => c.header),
        widths,
        true,
      );
      const first = spec.rows[0] ? rowHeight(f, spec.rows[0], widths, false) : 0;
      return captionHeight(f) + header + first;
    },
    render(f) {
      const widths = columnWidths(f, spec);
      const aligns = spec.columns.map((_, i) => columnAlign(spec, i));
      const xs = widths.map((_, i) => f.left + widths.slice(0, i).reduce((a, b) => a + b, 0));
      const headers = spec.columns.map((c) => c.header);
      const headerHeight = Math.min(rowHeight(f, headers, widths, true), f.pageBody / 3);
      const maxRow = f.pageBody - headerHeight;

      f.ensure(this.minStart(f));
      const table = f.group('Table');
      if (spec.caption) {
        const caption = spec.caption;
        f.tag(
          'Caption',
          () => {
            f.font('bold', TYPE.body, COLOR.ink);
            f.doc.text(caption, f.left, f.y, { width: f.width });
          },
          {},
          table,
        );
        f.y += 4;
      }

      const drawCells = (
        cells: string[],
        y: number,
        h: number,
        bold: boolean,
        tr: PDFStructureElement | null,
      ) => {
        cells.forEach((cell, i) => {
          const draw = () => {
            f.font(bold ? 'bold' : 'regular', SIZE, bold ? COLOR.muted : COLOR.ink);
            f.doc.text(cell, (xs[i] ?? f.left) + PAD_X, y + PAD_Y, {
              width: Math.max((widths[i] ?? 0) - 2 * PAD_X, 1),
              height: h - PAD_Y,
              align: aligns[i],
              lineGap: LINE_GAP,
              ellipsis: true,
            });
          };
          if (tr) f.tag(bold ? 'TH' : 'TD', draw, bold ? { scope: 'Column' } : {}, tr);
          else draw();
        });
      };

      // The header row: tagged the first time; its repeats on later pages are pagination artifacts.
      const drawHeader = (first: boolean) => {
        const y = f.y;
        f.artifact(() => {
          f.doc.rect(f.left, y, f.width, headerHeight).fill(COLOR.headerFill);
          f.doc
            .moveTo(f.left, y + headerHeight)
            .lineTo(f.right, y + headerHeight)
            .lineWidth(0.8)
            .stroke(COLOR.rule);
        });
        if (first) {
          const tr = f.group('TR', {}, table);
          drawCells(headers, y, headerHeight, true, tr);
          tr.end();
        } else {
          f.doc.markContent('Artifact', { type: 'Pagination' });
          drawCells(headers, y, headerHeight, true, null);
          f.doc.endMarkedContent();
        }
        f.y = y + headerHeight;
      };

      drawHeader(true);
      spec.rows.forEach((cells, r) => {
        const h = Math.min(rowHeight(f, cells, widths, false), maxRow);
        if (f.y + h > f.bottom) {
          f.newPage();
          drawHeader(false);
        }
        const y = f.y;
        f.artifact(() => {
          if (r % 2 === 1) f.doc.rect(f.left, y, f.width, h).fill(COLOR.zebra);
          f.doc
            .moveTo(f.left, y + h)
            .lineTo(f.right, y + h)
            .lineWidth(0.4)
            .stroke(COLOR.grid);
        });
        const tr = f.group('TR', {}, table);
        drawCells(
          spec.columns.map((_, i) => cells[i] ?? ''),
          y,
          h,
          false,
          tr,
        );
        tr.end();
        f.y = y + h;
      });
      table.end();
      f.doc.x = f.left;
      f.gap(10);
    },
  };
}
