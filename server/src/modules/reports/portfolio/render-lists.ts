import type { ReportPdf } from '../pdf/document.js';
import { RATING_LABELS } from '../pdf/theme.js';
import type { Listed, PortfolioReportData } from './data.js';
import { country, int, longDay, plural, score } from './format.js';

// The report's lists: the riskiest suppliers and the changes since the chosen day. Each list is bounded by the
// loader; what it leaves out is counted in words ("and 12 more"), never dropped silently.

const rating = (r: keyof typeof RATING_LABELS | null) => RATING_LABELS[r ?? 'none'];

const andMore = (pdf: ReportPdf, list: Listed<unknown>) => {
  const more = list.total - list.items.length;
  if (more > 0) pdf.paragraph(`… and ${int(more)} more (of ${int(list.total)}).`, { muted: true });
};

export const renderTopRisks = (pdf: ReportPdf, { topRisks, summary }: PortfolioReportData) => {
  pdf.section('Top risks');
  const assessed = summary.suppliers - (summary.byRating.find((b) => b.band === 'none')?.suppliers ?? 0);
  if (topRisks.length === 0) {
    pdf.paragraph('No selected supplier has been assessed yet, so none can be ranked by risk.', {
      muted: true,
    });
    return;
  }
  pdf.paragraph(
    `The ${plural(topRisks.length, 'assessed supplier')} with the highest residual risk score (0–100) of ${int(assessed)} assessed, worst first. Open tasks are open, in progress or pending verification.`,
  );
  pdf.table({
    caption: 'Suppliers with the highest residual risk',
    columns: [
      { header: '#', width: 22, align: 'right' },
      { header: 'Supplier' },
      { header: 'Country', width: 140 },
      { header: 'Rating', width: 50 },
      { header: 'Residual', width: 48, align: 'right' },
      { header: 'Open findings', width: 50, align: 'right' },
      { header: 'Open tasks', width: 44, align: 'right' },
    ],
    rows: topRisks.map((r, i) => [
      String(i + 1),
      r.name,
      country(r.country),
      rating(r.rating),
      score(r.residualScore),
      int(r.openFindings),
      int(r.openTasks),
    ]),
  });
};

export const renderChanges = (pdf: ReportPdf, { changes, since, today }: PortfolioReportData) => {
  const from = longDay(since);
  pdf.section(`Changes since ${from}`);
  pdf.paragraph(
    `From the start of ${from} (UTC) to ${longDay(today)}. A supplier's rating then is the one its latest assessment before that day gave; now, its current rating.`,
  );
  const { newHighRisk, closedTasks, ratingMoves } = changes;
  pdf.keyValues([
    ['New high or critical suppliers', int(newHighRisk.total)],
    ['Remediation tasks verified and closed', int(closedTasks.total)],
    ['Ratings up (riskier)', int(ratingMoves.up)],
    ['Ratings down (less risky)', int(ratingMoves.down)],
  ]);

  pdf.section('New high-risk suppliers', 2);
  if (newHighRisk.total === 0)
    pdf.paragraph(`No supplier became high or critical since ${from}.`, { muted: true });
  else {
    pdf.table({
      caption: `Suppliers rated high or critical now and not when ${from} began`,
      columns: [
        { header: 'Supplier' },
        { header: 'Country', width: 110 },
        { header: 'Rating now', width: 52 },
        { header: 'Residual', width: 50, align: 'right' },
        { header: 'Rating before', width: 66 },
        { header: 'First rated high', width: 70 },
      ],
      rows: newHighRisk.items.map((s) => [
        s.name,
        country(s.country),
        rating(s.rating),
        score(s.residualScore),
        s.was ? rating(s.was) : 'Not assessed',
        s.on ?? '—',
      ]),
    });
    andMore(pdf, newHighRisk);
  }

  pdf.section('Findings closed', 2);
  if (closedTasks.total === 0)
    pdf.paragraph(`No remediation task was verified and closed since ${from}.`, { muted: true });
  else {
    pdf.table({
      caption: 'Remediation tasks verified and closed, newest first',
      columns: [
        { header: 'Closed', width: 62 },
        { header: 'Supplier' },
        { header: 'Task' },
        { header: 'Severity', width: 54 },
      ],
      rows: closedTasks.items.map((c) => [c.on, c.supplier, c.title, rating(c.severity)]),
    });
    andMore(pdf, closedTasks);
  }

  pdf.section('Rating moves', 2);
  if (ratingMoves.total === 0)
    pdf.paragraph(`No supplier rated before ${from} has a different rating now.`, { muted: true });
  else {
    pdf.paragraph(
      `${plural(ratingMoves.up, 'rating')} went up (riskier) and ${int(ratingMoves.down)} went down. The largest moves:`,
    );
    pdf.table({
      caption: 'The largest rating moves (most rating steps, then the largest change of score)',
      columns: [
        { header: 'Supplier' },
        { header: 'Rating then', width: 62 },
        { header: 'Rating now', width: 62 },
        { header: 'Move', width: 70 },
        { header: 'Score then', width: 50, align: 'right' },
        { header: 'Score now', width: 50, align: 'right' },
      ],
      rows: ratingMoves.items.map((m) => [
        m.name,
        rating(m.from),
        rating(m.to),
        RANK[m.to] > RANK[m.from] ? `Up ${RANK[m.to] - RANK[m.from]}` : `Down ${RANK[m.from] - RANK[m.to]}`,
        score(m.fromScore),
        score(m.toScore),
      ]),
    });
    andMore(pdf, ratingMoves);
  }
};

const RANK = { low: 1, medium: 2, high: 3, critical: 4 } as const;
