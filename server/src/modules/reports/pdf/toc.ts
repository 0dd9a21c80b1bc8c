import type { PDFStructureElement } from 'pdfkit';
import type { HeadingIndex } from './headings.js';
import type { Frame } from './layout.js';
import { COLOR, TYPE } from './theme.js';

// The table of contents. Its pages are reserved right after the cover, before the body is laid out (the
// number of entries is known up front: the frame records the body first and renders it at the end), then
// filled in once every heading's page is known. Each entry links to its heading.

const TITLE_HEIGHT = 44;
const ROW = 17;

export interface TocReservation {
  firstPage: number;
  pages: number;
  /** The structure element the entries go in: placed after the cover in reading order. */
  section: PDFStructureElement;
}

function capacity(f: Frame, first: boolean): number {
  return Math.floor((f.pageBody - (first ? TITLE_HEIGHT : 0)) / ROW);
}

export function tocPageCount(f: Frame, entries: number): number {
  const first = capacity(f, true);
  if (entries <= first) return 1;
  return 1 + Math.ceil((entries - first) / capacity(f, false));
}

/** Adds the blank contents pages (call on the last cover page) and the outline entry for them. */
export function reserveToc(f: Frame, entries: number): TocReservation {
  const pages = tocPageCount(f, entries);
  const firstPage = f.doc.bufferedPageRange().count;
  for (let i = 0; i < pages; i++) f.newPage();
  f.doc.switchToPage(firstPage);
  f.doc.addNamedDestination('contents', 'XYZ', null, f.top, null);
  f.doc.outline.addItem('Contents');
  const section = f.group('Sect', { title: 'Contents' });
  return { firstPage, pages, section };
}

export function fillToc(f: Frame, reserved: TocReservation, index: HeadingIndex): void {
  const d = f.doc;
  let page = reserved.firstPage;
  d.switchToPage(page);
  f.y = f.top;
  f.tag(
    'H1',
    () => {
      f.font('bold', TYPE.h1, COLOR.ink);
      d.text('Contents', f.left, f.y, { width: f.width });
    },
    {},
    reserved.section,
  );
  const ruleY = f.y + 2;
  f.artifact(() => {
    d.moveTo(f.left, ruleY).lineTo(f.right, ruleY).lineWidth(0.8).stroke(COLOR.accent);
  });
  f.y = f.top + TITLE_HEIGHT;

  const toc = f.group('TOC', {}, reserved.section);
  for (const entry of index.entries) {
    if (f.y + ROW > f.bottom) {
      page++;
      d.switchToPage(page);
      f.y = f.top;
    }
    const y = f.y;
    const indent = entry.level === 1 ? 0 : 14;
    const pageText = String(entry.page + 1);
    const weight = entry.level === 1 ? 'bold' : 'regular';
    const size = entry.level === 1 ? TYPE.body + 0.5 : TYPE.body;
    f.font(weight, size);
    const numberWidth = 28;
    const title = f.fit(entry.title, f.width - indent - numberWidth - 16);
    const titleWidth = d.widthOfString(title);

    const item = f.group('TOCI', {}, toc);
    const link = d.struct('Link');
    item.add(link);
    link.add(() => {
      f.label(title, f.left + indent, y, { weight, size, color: COLOR.ink });
      f.label(pageText, f.right - numberWidth, y, {
        width: numberWidth,
        align: 'right',
        weight,
        size,
        color: COLOR.ink,
      });
    });
    d.goTo(f.left + indent, y - 2, f.width - indent, ROW - 2, entry.dest, { structParent: link });
    link.end();
    item.end();
    // Dotted leader from the title to its page number.
    f.artifact(() => {
      const from = f.left + indent + titleWidth + 6;
      const to = f.right - numberWidth - 4;
      if (to > from) {
        d.moveTo(from, y + size - 1)
          .lineTo(to, y + size - 1)
          .dash(0.6, { space: 2.4 })
          .lineWidth(0.6)
          .stroke(COLOR.rule);
        d.undash();
      }
    });
    f.y = y + ROW;
  }
  toc.end();
  reserved.section.end();
}
