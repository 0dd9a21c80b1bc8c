import type { OutlineItem } from 'pdfkit';
import type { Block, Frame } from './layout.js';
import { COLOR, TYPE } from './theme.js';

// Section headings: an H1/H2 element, a named destination the contents page links to, and an outline
// (bookmark) entry. A heading never ends a page alone: it moves to the next page unless the start of what
// follows it fits too.

export type HeadingLevel = 1 | 2;

export interface HeadingEntry {
  title: string;
  level: HeadingLevel;
  /** Named destination, e.g. "sec-003". */
  dest: string;
  /** 0-based page index, known once rendered. */
  page: number;
}

/** Filled in as headings render: the contents page and the outline read it. */
export class HeadingIndex {
  readonly entries: HeadingEntry[] = [];
  private lastTop: OutlineItem | null = null;

  add(f: Frame, title: string, level: HeadingLevel, y: number): void {
    const dest = `sec-${String(this.entries.length + 1).padStart(3, '0')}`;
    const page = f.doc.bufferedPageRange().count - 1;
    f.doc.addNamedDestination(dest, 'XYZ', null, y, null);
    this.entries.push({ title, level, dest, page });
    // Bookmarks: H1 at the top level, H2 under the H1 before it.
    if (level === 1 || !this.lastTop) {
      const item = f.doc.outline.addItem(title);
      if (level === 1) this.lastTop = item;
    } else {
      this.lastTop.addItem(title);
    }
  }
}

const STYLE = {
  1: { size: TYPE.h1, before: 16, after: 8 },
  2: { size: TYPE.h2, before: 10, after: 5 },
} as const;

/** The most a heading asks to keep with it: a table or chart taller than this may start on the next page. */
const KEEP_MAX = 140;

export function headingBlock(index: HeadingIndex, title: string, level: HeadingLevel): Block {
  const style = STYLE[level];
  const height = (f: Frame) =>
    f.measure(title, f.width, 'bold', style.size, 0) + style.after + (level === 1 ? 4 : 0);
  return {
    heading: true,
    minStart: (f) => height(f) + 40,
    render(f, next) {
      if (!f.atTop) f.gap(style.before);
      const keep = next ? Math.min(next.minStart(f), KEEP_MAX) : 0;
      f.ensure(height(f) + keep);
      const y = f.y;
      index.add(f, title, level, y);
      f.tag(`H${level}`, () => {
        f.font('bold', style.size, level === 1 ? COLOR.ink : COLOR.accent);
        f.doc.text(title, f.left, y, { width: f.width });
      });
      if (level === 1) {
        const ruleY = f.y + 2;
        f.artifact(() => {
          f.doc.moveTo(f.left, ruleY).lineTo(f.right, ruleY).lineWidth(0.8).stroke(COLOR.accent);
        });
        f.y = ruleY + 2;
      }
      f.doc.x = f.left;
      f.y += style.after;
    },
  };
}
