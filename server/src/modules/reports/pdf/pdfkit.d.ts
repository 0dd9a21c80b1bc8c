// The part of pdfkit 0.20's API the report frame uses, typed from its source (node_modules/pdfkit/js/pdfkit.js):
// pdfkit ships no types and @types/pdfkit (0.17) lacks the tagging, PDF/A and table additions of 0.20.
// Keep this to what the frame calls, so a pdfkit upgrade that changes one of them fails to compile here.
declare module 'pdfkit' {
  import type { Readable } from 'node:stream';

  export interface PDFStructureContent {
    refs: { pageRef: unknown; mcid: number }[];
  }

  export interface PDFStructureElement {
    add(child: PDFStructureElement | PDFStructureContent | (() => void)): PDFStructureElement;
    end(): void;
    dictionary: { data: Record<string, unknown> };
  }

  export interface StructOptions {
    title?: string;
    lang?: string;
    alt?: string;
    expanded?: string;
    actual?: string;
    /** [x1, y1, x2, y2] in pdfkit's top-down coordinates: becomes a Layout BBox attribute. */
    bbox?: [number, number, number, number];
    placement?: 'Block' | 'Inline';
    /** TH scope (Table attribute owner). */
    scope?: 'Row' | 'Column' | 'Both';
  }

  export interface PDFPage {
    width: number;
    height: number;
    margins: { top: number; left: number; right: number; bottom: number };
    maxY(): number;
    dictionary: unknown;
  }

  export interface OutlineItem {
    addItem(title: string, options?: { expanded?: boolean; pageNumber?: number }): OutlineItem;
  }

  export interface TextOptions {
    width?: number;
    height?: number;
    align?: 'left' | 'right' | 'center' | 'justify';
    lineBreak?: boolean;
    lineGap?: number;
    paragraphGap?: number;
    ellipsis?: boolean | string;
    continued?: boolean;
    goTo?: string;
    destination?: string;
    link?: string;
    underline?: boolean;
    characterSpacing?: number;
    /** Degrees, counter-clockwise on the page, about the text's origin. */
    rotation?: number;
    baseline?: 'top' | 'middle' | 'bottom' | 'alphabetic' | 'hanging';
  }

  export interface MarkContentOptions {
    type?: 'Pagination' | 'Layout' | 'Page' | 'Background';
    bbox?: [number, number, number, number];
    attached?: ('Top' | 'Bottom' | 'Left' | 'Right')[];
  }

  export interface DocumentOptions {
    size?: string | [number, number];
    margins?: { top: number; left: number; right: number; bottom: number };
    bufferPages?: boolean;
    autoFirstPage?: boolean;
    pdfVersion?: '1.3' | '1.4' | '1.5' | '1.6' | '1.7' | '1.7ext3';
    subset?: 'PDF/A-1b' | 'PDF/A-2b' | 'PDF/A-3b' | 'PDF/A-2a' | 'PDF/UA';
    tagged?: boolean;
    lang?: string;
    displayTitle?: boolean;
    compress?: boolean;
    /** The default font: a path or the TTF's bytes (else Helvetica, which PDF/A forbids: not embedded). */
    font?: string | Buffer;
    info?: {
      Title?: string;
      Author?: string;
      Subject?: string;
      Keywords?: string;
      Creator?: string;
      Producer?: string;
      CreationDate?: Date;
      ModDate?: Date;
    };
  }

  export default class PDFDocument extends Readable {
    constructor(options?: DocumentOptions);
    page: PDFPage;
    x: number;
    y: number;
    info: Required<NonNullable<DocumentOptions['info']>>;
    outline: OutlineItem;
    addPage(options?: DocumentOptions): this;
    switchToPage(n: number): PDFPage;
    bufferedPageRange(): { start: number; count: number };
    addNamedDestination(
      name: string,
      type: 'XYZ',
      left: number | null,
      top: number | null,
      zoom: number | null,
    ): void;
    end(): void;

    registerFont(name: string, src: string | Buffer): this;
    font(name: string, size?: number): this;
    fontSize(size: number): this;
    currentLineHeight(includeGap?: boolean): number;
    text(text: string, x?: number, y?: number, options?: TextOptions): this;
    text(text: string, options?: TextOptions): this;
    widthOfString(text: string, options?: TextOptions): number;
    heightOfString(text: string, options?: TextOptions): number;
    moveDown(lines?: number): this;

    fillColor(color: string): this;
    strokeColor(color: string): this;
    lineWidth(w: number): this;
    dash(length: number, options?: { space?: number }): this;
    undash(): this;
    save(): this;
    restore(): this;
    moveTo(x: number, y: number): this;
    lineTo(x: number, y: number): this;
    rect(x: number, y: number, w: number, h: number): this;
    roundedRect(x: number, y: number, w: number, h: number, r: number): this;
    circle(x: number, y: number, r: number): this;
    polygon(...points: [number, number][]): this;
    fill(color?: string): this;
    stroke(color?: string): this;
    fillAndStroke(fill?: string, stroke?: string): this;
    clip(): this;

    goTo(
      x: number,
      y: number,
      w: number,
      h: number,
      name: string,
      options?: { structParent?: PDFStructureElement },
    ): this;
    link(
      x: number,
      y: number,
      w: number,
      h: number,
      url: string,
      options?: { structParent?: PDFStructureElement },
    ): this;

    struct(
      type: string,
      options?: StructOptions,
      children?: (() => void) | (() => void)[] | PDFStructureElement[],
    ): PDFStructureElement;
    struct(
      type: string,
      children: (() => void) | (() => void)[] | PDFStructureElement[],
    ): PDFStructureElement;
    addStructure(element: PDFStructureElement): this;
    markContent(tag: 'Artifact' | string, options?: MarkContentOptions | null): this;
    endMarkedContent(): this;
  }
}
