import { createReportPdf } from '../pdf/document.js';
import type { RenderedReport, ReportMeta } from '../report-types.js';
import {
  gapCount,
  gapMarker,
  paraphraseLine,
  type StatementBlock,
  type StatementData,
  sectionHeading,
} from './statement.model.js';
import { day } from './statement.text.js';

// The statement draft as an issued PDF, in the frame every report shares (cover, contents, running header and
// footer, "About this report"). One H1 per criterion in the law's order; gaps are the frame's gap callouts,
// worded "[GAP: …]" as in the editable drafts, so a reader can search any of the three formats for them.

type Pdf = ReturnType<typeof createReportPdf>;

const draw = (pdf: Pdf, b: StatementBlock) => {
  switch (b.kind) {
    case 'subheading':
      return pdf.section(b.text, 2);
    case 'paragraph':
      return pdf.paragraph(b.text);
    case 'bullets':
      return pdf.bullets(b.items);
    case 'note':
      return pdf.callout('note', b.text);
    case 'gap':
      return pdf.callout('gap', gapMarker(b.text));
    case 'table':
      return pdf.table({
        caption: b.caption,
        columns: b.columns.map((c) => ({ header: c.header, align: c.align ?? 'left' })),
        rows: b.rows,
      });
  }
};

export const renderStatementPdf = (d: StatementData, meta: ReportMeta): RenderedReport => {
  const f = d.facts;
  const pdf = createReportPdf(meta, {
    title: d.title,
    subtitle: `${f.organisation} · draft for review, ${gapCount(d)} gaps for the organisation to fill`,
  });
  pdf.section('About this draft');
  pdf.keyValues([
    ['Law', f.law.name],
    ['Criteria', `${f.law.criteria.length}, one section each`],
    ['Nature of the criteria', f.law.criteriaNature],
    ['Official text', f.law.officialUrl],
    ['Reporting period', `${day(f.period.start)} to ${day(f.period.end)}`],
    ['Current figures as on', day(f.asOf)],
    ['Gaps to fill', String(gapCount(d))],
  ]);
  for (const b of d.introduction) draw(pdf, b);
  for (const s of d.sections) {
    pdf.section(sectionHeading(s));
    pdf.paragraph(paraphraseLine(s), { muted: true });
    for (const b of s.blocks) draw(pdf, b);
  }
  pdf.section('Approval, signature and publication');
  for (const r of d.requirements) {
    pdf.paragraph(`${r.citation ? `${r.citation}: ` : ''}${r.paraphrase}`);
    pdf.callout('gap', gapMarker(r.gap));
  }
  const { stream, pageCount } = pdf.end();
  return { title: d.title, pdf: stream, pageCount };
};
