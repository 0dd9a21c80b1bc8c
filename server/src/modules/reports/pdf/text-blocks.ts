import type { Block, Frame } from './layout.js';
import { CALLOUT, type CalloutKind, COLOR, TYPE } from './theme.js';

// The text primitives of the body: paragraph, key/value facts, bullets, callout, KPI tiles, page break.

const BLOCK_GAP = 8;
/** A paragraph starts on a page only if this many of its lines fit (or all of it, when shorter). */
const MIN_LINES = 3;

export function paragraphBlock(text: string, options: { muted?: boolean } = {}): Block {
  const color = options.muted ? COLOR.muted : COLOR.ink;
  const firstLines = (f: Frame) =>
    Math.min(f.measure(text, f.width, 'regular', TYPE.body), MIN_LINES * f.lineHeight(TYPE.body));
  return {
    minStart: firstLines,
    render(f) {
      f.ensure(firstLines(f));
      f.tag('P', () => {
        f.font('regular', TYPE.body, color);
        // Long text flows on: pdfkit continues the same tagged paragraph on the next page.
        f.doc.text(text, f.left, f.y, { width: f.width, lineGap: TYPE.lineGap });
      });
      f.gap(BLOCK_GAP);
    },
  };
}

/** Two columns of facts: the label (a row header for screen readers) and its value. */
export function keyValuesBlock(pairs: [string, string][]): Block {
  const labelWidth = (f: Frame) => Math.round(f.width * 0.32);
  const rowHeight = (f: Frame, [label, value]: [string, string]) =>
    Math.max(
      f.measure(label, labelWidth(f) - 8, 'bold', TYPE.body),
      f.measure(value || '—', f.width - labelWidth(f), 'regular', TYPE.body),
    ) + 6;
  return {
    minStart: (f) => (pairs[0] ? rowHeight(f, pairs[0]) : 0),
    render(f) {
      if (pairs.length === 0) return;
      const table = f.group('Table');
      for (const pair of pairs) {
        const [label, value] = pair;
        // A value longer than a page is cut with an ellipsis rather than drawn past the margin.
        const h = Math.min(rowHeight(f, pair), f.pageBody);
        f.ensure(h);
        const y = f.y;
        const tr = f.group('TR', {}, table);
        f.tag(
          'TH',
          () => {
            f.font('bold', TYPE.body, COLOR.muted);
            f.doc.text(label, f.left, y + 3, {
              width: labelWidth(f) - 8,
              height: h - 3,
              ellipsis: true,
              lineGap: TYPE.lineGap,
            });
          },
          { scope: 'Row' },
          tr,
        );
        f.tag(
          'TD',
          () => {
            f.font('regular', TYPE.body, COLOR.ink);
            f.doc.text(value || '—', f.left + labelWidth(f), y + 3, {
              width: f.width - labelWidth(f),
              height: h - 3,
              ellipsis: true,
              lineGap: TYPE.lineGap,
            });
          },
          {},
          tr,
        );
        tr.end();
        f.artifact(() => {
          f.doc
            .moveTo(f.left, y + h)
            .lineTo(f.right, y + h)
            .lineWidth(0.5)
            .stroke(COLOR.grid);
        });
        f.y = y + h;
      }
      table.end();
      f.doc.x = f.left;
      f.gap(BLOCK_GAP);
    },
  };
}

export function bulletsBlock(items: string[]): Block {
  const indent = 12;
  return {
    minStart: (f) =>
      items[0] ? Math.min(f.measure(items[0], f.width - indent, 'regular', TYPE.body), 40) : 0,
    render(f) {
      if (items.length === 0) return;
      const list = f.group('L');
      for (const item of items) {
        const h = f.measure(item, f.width - indent, 'regular', TYPE.body);
        f.ensure(Math.min(h, 2 * f.lineHeight(TYPE.body)));
        const y = f.y;
        const li = f.group('LI', {}, list);
        f.tag(
          'Lbl',
          () => {
            f.font('bold', TYPE.body, COLOR.accent);
            f.doc.text('•', f.left + 2, y, { lineBreak: false });
          },
          {},
          li,
        );
        f.tag(
          'LBody',
          () => {
            f.font('regular', TYPE.body, COLOR.ink);
            f.doc.text(item, f.left + indent, y, { width: f.width - indent, lineGap: TYPE.lineGap });
          },
          {},
          li,
        );
        li.end();
        f.y += 2;
      }
      list.end();
      f.doc.x = f.left;
      f.gap(BLOCK_GAP);
    },
  };
}

/** A boxed remark; `gap` is how a report says the data cannot support a statement (never left out silently). */
export function calloutBlock(kind: CalloutKind, text: string, label?: string): Block {
  const style = { ...CALLOUT[kind], label: label ?? CALLOUT[kind].label };
  const pad = 8;
  const height = (f: Frame) =>
    f.measure(`${style.label}: ${text}`, f.width - 2 * pad - 4, 'regular', TYPE.body) + 2 * pad;
  return {
    minStart: (f) => Math.min(height(f), f.pageBody),
    render(f) {
      const h = Math.min(height(f), f.pageBody);
      f.ensure(h);
      const y = f.y;
      const boxHeight = Math.min(h, f.bottom - y);
      f.artifact(() => {
        f.doc.rect(f.left, y, f.width, boxHeight).fill(style.fill);
        f.doc.rect(f.left, y, 3, boxHeight).fill(style.bar);
      });
      f.tag('P', () => {
        f.font('bold', TYPE.body, COLOR.ink);
        f.doc.text(`${style.label}: `, f.left + pad + 4, y + pad, {
          width: f.width - 2 * pad - 4,
          lineGap: TYPE.lineGap,
          continued: true,
        });
        f.font('regular', TYPE.body, COLOR.ink);
        f.doc.text(text, { lineGap: TYPE.lineGap });
      });
      f.doc.x = f.left;
      f.y = Math.max(f.y, y + boxHeight);
      f.gap(BLOCK_GAP + 2);
    },
  };
}

export interface Kpi {
  label: string;
  value: string;
  note?: string;
}

/** Headline figures as tiles, up to four a row; a list for screen readers ("label: value, note"). */
export function kpisBlock(tiles: Kpi[]): Block {
  const perRow = Math.min(4, Math.max(1, tiles.length));
  const gutter = 8;
  const pad = 8;
  const tileWidth = (f: Frame) => (f.width - gutter * (perRow - 1)) / perRow;
  const tileHeight = (f: Frame, row: Kpi[]) =>
    Math.max(
      ...row.map((t) => {
        const inner = tileWidth(f) - 2 * pad;
        return (
          f.measure(t.label, inner, 'regular', TYPE.small) +
          f.measure(t.value, inner, 'bold', 16) +
          (t.note ? f.measure(t.note, inner, 'regular', TYPE.small) : 0) +
          2 * pad +
          4
        );
      }),
    );
  const rows: Kpi[][] = [];
  for (let i = 0; i < tiles.length; i += perRow) rows.push(tiles.slice(i, i + perRow));
  return {
    minStart: (f) => (rows[0] ? tileHeight(f, rows[0]) : 0),
    render(f) {
      if (tiles.length === 0) return;
      const list = f.group('L');
      for (const row of rows) {
        const h = tileHeight(f, row);
        f.ensure(h);
        const y = f.y;
        const w = tileWidth(f);
        f.artifact(() => {
          row.forEach((_, i) => {
            const x = f.left + i * (w + gutter);
            f.doc.roundedRect(x, y, w, h, 3).fillAndStroke(COLOR.zebra, COLOR.grid);
            f.doc.rect(x, y, w, 2.5).fill(COLOR.accent);
          });
        });
        row.forEach((tile, i) => {
          const x = f.left + i * (w + gutter) + pad;
          const inner = w - 2 * pad;
          f.tag(
            'LI',
            () => {
              f.font('regular', TYPE.small, COLOR.muted);
              f.doc.text(tile.label, x, y + pad + 2, { width: inner, lineGap: TYPE.lineGap });
              f.font('bold', 16, COLOR.ink);
              f.doc.text(tile.value, x, f.y + 1, { width: inner });
              if (tile.note) {
                f.font('regular', TYPE.small, COLOR.muted);
                f.doc.text(tile.note, x, f.y + 1, { width: inner, lineGap: TYPE.lineGap });
              }
            },
            {},
            list,
          );
        });
        f.y = y + h + gutter;
      }
      list.end();
      f.doc.x = f.left;
      f.gap(BLOCK_GAP - gutter + 4);
    },
  };
}

export function pageBreakBlock(): Block {
  return {
    minStart: () => 0,
    render(f) {
      if (!f.atTop) f.newPage();
    },
  };
}
