import type PDFDocument from 'pdfkit';
import type { PDFStructureElement, StructOptions } from 'pdfkit';
import { FONT_NAMES, type FontWeight } from './fonts.js';
import { COLOR, CONTENT_BOTTOM, CONTENT_WIDTH, PAGE, TYPE } from './theme.js';

// The cursor of the body: where the next block goes, when a page must break, and how content is tagged.
//
// Tagging rules (pdfkit 0.20 closes every open marked-content sequence when an Artifact or a new tagged
// sequence opens, so the two never nest): a struct element's drawing happens in one closure and draws no
// artifact; backgrounds, rules and swatches are drawn as Artifacts before or after it, never inside it.

/** One piece of the body, rendered when the document is assembled (so the contents pages can be sized). */
export interface Block {
  /** Set on section headings: the contents pages are sized by counting them before anything is drawn. */
  heading?: true;
  /** The space this block needs on the page it starts on: a heading keeps this much of it company. */
  minStart(frame: Frame): number;
  render(frame: Frame, next: Block | undefined): void;
}

export class Frame {
  readonly left = PAGE.margin.left;
  readonly width = CONTENT_WIDTH;
  readonly top = PAGE.margin.top;
  readonly bottom = CONTENT_BOTTOM;

  constructor(
    readonly doc: PDFDocument,
    /** The Document element of the structure tree; body elements are its children, in reading order. */
    readonly root: PDFStructureElement,
  ) {}

  get right(): number {
    return this.left + this.width;
  }

  get y(): number {
    return this.doc.y;
  }

  set y(value: number) {
    this.doc.y = value;
  }

  /** Selects the weight, size and colour of the text drawn next. */
  font(weight: FontWeight, size: number, color: string = COLOR.ink): PDFDocument {
    return this.doc.font(FONT_NAMES[weight]).fontSize(size).fillColor(color);
  }

  /** Height of `text` wrapped to `width` in the given weight and size. */
  measure(
    text: string,
    width: number,
    weight: FontWeight,
    size: number,
    lineGap: number = TYPE.lineGap,
  ): number {
    this.font(weight, size);
    if (text === '') return 0;
    // Most table cells and labels are one line: its width is far cheaper to get than a full wrap.
    if (!text.includes('\n') && this.doc.widthOfString(text) <= width) {
      return this.doc.currentLineHeight(true) + lineGap;
    }
    return this.doc.heightOfString(text, { width, lineGap });
  }

  lineHeight(size: number, lineGap: number = TYPE.lineGap): number {
    this.doc.font(FONT_NAMES.regular).fontSize(size);
    return this.doc.currentLineHeight(true) + lineGap;
  }

  /** Whether the cursor is at the top of a page (nothing drawn on it yet). */
  get atTop(): boolean {
    return this.doc.y <= this.top + 0.5;
  }

  remaining(): number {
    return this.bottom - this.doc.y;
  }

  /** The body's full height on one page: a block taller than this must split. */
  get pageBody(): number {
    return this.bottom - this.top;
  }

  /** Breaks the page unless `height` still fits below the cursor (a fresh page takes whatever it gets). */
  ensure(height: number): void {
    if (this.doc.y + height > this.bottom && !this.atTop) this.newPage();
  }

  newPage(): void {
    this.doc.addPage();
    this.doc.x = this.left;
    this.doc.y = this.top;
  }

  /** Vertical space between blocks; dropped at the top of a page. */
  gap(height: number): void {
    if (!this.atTop) this.doc.y = Math.min(this.doc.y + height, this.bottom);
  }

  /** Adds a tagged element whose content `draw` paints (one marked-content sequence, continued on new pages). */
  tag(
    type: string,
    draw: () => void,
    options: StructOptions = {},
    parent: PDFStructureElement = this.root,
  ): void {
    parent.add(this.doc.struct(type, options, draw));
  }

  /** A container element (L, Table, TR …) to add children to; `end()` it when its last child is in. */
  group(
    type: string,
    options: StructOptions = {},
    parent: PDFStructureElement = this.root,
  ): PDFStructureElement {
    const element = this.doc.struct(type, options);
    parent.add(element);
    return element;
  }

  /** Paints decoration that is not content (fills, rules, swatches): marked as an Artifact for screen readers. */
  artifact(draw: () => void): void {
    this.doc.markContent('Artifact');
    this.doc.save();
    draw();
    this.doc.restore();
    this.doc.endMarkedContent();
  }

  /** One line of text at (x, y) that never wraps nor breaks the page (labels, header, footer). */
  label(
    text: string,
    x: number,
    y: number,
    options: {
      width?: number;
      align?: 'left' | 'right' | 'center';
      weight?: FontWeight;
      size?: number;
      color?: string;
    } = {},
  ): void {
    const { width, align = 'left', weight = 'regular', size = TYPE.small, color = COLOR.muted } = options;
    this.font(weight, size, color);
    const shown = width != null ? this.fit(text, width) : text;
    let left = x;
    if (width != null && align !== 'left') {
      const w = this.doc.widthOfString(shown);
      left = align === 'right' ? x + width - w : x + (width - w) / 2;
    }
    this.doc.text(shown, left, y, { lineBreak: false });
  }

  /** `text` cut with an ellipsis to fit `width` in the current font. */
  fit(text: string, width: number): string {
    if (this.doc.widthOfString(text) <= width) return text;
    let lo = 0;
    let hi = text.length;
    while (lo < hi) {
      const mid = Math.ceil((lo + hi) / 2);
      if (this.doc.widthOfString(`${text.slice(0, mid)}…`) <= width) lo = mid;
      else hi = mid - 1;
    }
    return `${text.slice(0, lo).trimEnd()}…`;
  }
}
