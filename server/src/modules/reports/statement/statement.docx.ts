import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  HeadingLevel,
  Packer,
  PageNumber,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import { unzipSync, zipSync } from 'fflate';
import type { ReportMeta } from '../report-types.js';
import {
  gapMarker,
  paraphraseLine,
  type StatementBlock,
  type StatementData,
  sectionHeading,
} from './statement.model.js';

// The editable draft (Word): the same model as the PDF and the Markdown, with Word's own headings (Heading 1
// per criterion, so the navigation pane lists them) and every gap as a shaded "[GAP: …]" paragraph.
//
// Same data and issue time, same bytes: docx stamps the document's created/modified properties and each zip
// entry with the clock. Both are set from meta.issuedAt here (the package is unzipped and zipped again in the
// same order, with the entries' time fixed), so the register could hash this file too.

const GAP_COLOUR = 'B42318';
const MUTED = '555555';

const cellOf = (text: string, opts: { bold?: boolean; right?: boolean } = {}) =>
  new TableCell({
    children: [
      new Paragraph({
        alignment: opts.right ? AlignmentType.RIGHT : AlignmentType.LEFT,
        children: [new TextRun({ text, bold: opts.bold ?? false })],
      }),
    ],
  });

const blockOf = (b: StatementBlock): (Paragraph | Table)[] => {
  switch (b.kind) {
    case 'subheading':
      return [new Paragraph({ text: b.text, heading: HeadingLevel.HEADING_2 })];
    case 'paragraph':
      return [new Paragraph({ text: b.text, spacing: { after: 120 } })];
    case 'bullets':
      return b.items.map((text) => new Paragraph({ text, bullet: { level: 0 } }));
    case 'note':
      return [
        new Paragraph({
          spacing: { after: 120 },
          children: [new TextRun({ text: `Note: ${b.text}`, italics: true, color: MUTED })],
        }),
      ];
    case 'gap':
      return [
        new Paragraph({
          spacing: { before: 60, after: 160 },
          shading: { type: ShadingType.CLEAR, fill: 'FDECEA', color: 'auto' },
          border: { left: { style: BorderStyle.SINGLE, size: 18, color: GAP_COLOUR, space: 6 } },
          children: [new TextRun({ text: gapMarker(b.text), bold: true, color: GAP_COLOUR })],
        }),
      ];
    case 'table': {
      const right = b.columns.map((c) => c.align === 'right');
      return [
        new Paragraph({
          children: [new TextRun({ text: b.caption, italics: true })],
          spacing: { before: 120 },
        }),
        new Table({
          width: { size: 100, type: WidthType.PERCENTAGE },
          rows: [
            new TableRow({
              tableHeader: true,
              children: b.columns.map((c, i) => cellOf(c.header, { bold: true, right: right[i] ?? false })),
            }),
            ...b.rows.map(
              (r) => new TableRow({ children: r.map((v, i) => cellOf(v, { right: right[i] ?? false })) }),
            ),
          ],
        }),
        new Paragraph({ text: '' }),
      ];
    }
  }
};

const documentOf = (d: StatementData, meta: ReportMeta): Document => {
  const children: (Paragraph | Table)[] = [
    new Paragraph({ text: d.title, heading: HeadingLevel.TITLE }),
    new Paragraph({
      children: [
        new TextRun({
          text: `${meta.organisation.name} · register number ${meta.registerNumber} · data read ${meta.issuedAt.toISOString()}`,
          color: MUTED,
        }),
      ],
      spacing: { after: 240 },
    }),
    ...d.introduction.flatMap(blockOf),
  ];
  for (const s of d.sections) {
    children.push(
      new Paragraph({ text: sectionHeading(s), heading: HeadingLevel.HEADING_1, spacing: { before: 360 } }),
      new Paragraph({
        children: [new TextRun({ text: paraphraseLine(s), italics: true, color: MUTED })],
        spacing: { after: 160 },
      }),
      ...s.blocks.flatMap(blockOf),
    );
  }
  children.push(
    new Paragraph({
      children: [new TextRun({ text: 'Approval, signature and publication', bold: true })],
      spacing: { before: 360, after: 120 },
    }),
    ...d.requirements.flatMap((r) => [
      new Paragraph({ text: `${r.citation ? `${r.citation}: ` : ''}${r.paraphrase}`, bullet: { level: 0 } }),
      ...blockOf({ kind: 'gap', text: r.gap }),
    ]),
  );
  return new Document({
    creator: meta.issuedBy.name,
    lastModifiedBy: meta.issuedBy.name,
    title: d.title,
    description: `Draft issued by Clearsource, register number ${meta.registerNumber}`,
    sections: [
      {
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                children: [
                  new TextRun({ text: `Draft ${meta.registerNumber} · page `, color: MUTED }),
                  new TextRun({ children: [PageNumber.CURRENT], color: MUTED }),
                  new TextRun({ text: ' of ', color: MUTED }),
                  new TextRun({ children: [PageNumber.TOTAL_PAGES], color: MUTED }),
                ],
              }),
            ],
          }),
        },
        children,
      },
    ],
  });
};

/** W3CDTF, to the second, as Word writes it. */
const w3c = (at: Date) => `${at.toISOString().slice(0, 19)}Z`;

/**
 * fflate writes an entry's time from the local-time fields of the date it is given (the zip format has no
 * zone): shifting by the zone's offset makes those fields the UTC ones, so every server writes the same bytes.
 */
const zipTime = (at: Date) => new Date(at.getTime() + at.getTimezoneOffset() * 60_000);

/** The DOCX bytes: a pure function of (data, meta), like the PDF. */
export const renderStatementDocx = async (d: StatementData, meta: ReportMeta): Promise<Buffer> => {
  const packed = await Packer.toBuffer(documentOf(d, meta));
  const files = unzipSync(new Uint8Array(packed));
  const core = files['docProps/core.xml'];
  if (core) {
    const stamp = w3c(meta.issuedAt);
    files['docProps/core.xml'] = new TextEncoder().encode(
      new TextDecoder()
        .decode(core)
        .replace(/(<dcterms:created[^>]*>)[^<]*(<\/dcterms:created>)/, `$1${stamp}$2`)
        .replace(/(<dcterms:modified[^>]*>)[^<]*(<\/dcterms:modified>)/, `$1${stamp}$2`),
    );
  }
  return Buffer.from(zipSync(files, { mtime: zipTime(meta.issuedAt) }));
};
