import { type DashboardSummary, RATING_BANDS } from '#shared/schemas/dashboard.js';
import type { ReportPdf } from '../pdf/document.js';
import { RATING_COLORS, RATING_LABELS } from '../pdf/theme.js';
import type { PortfolioReportData } from './data.js';
import { int, longDay, money, percent, plural, score, shortDay, shortMonth } from './format.js';

// The dashboard's part of the report: its KPI tiles, spend, coverage, remediation and its five charts, each
// figure taken as is from the summary (GET /api/dashboard/summary for the same filters). Charts are vectors
// drawn by the PDF frame, with alt text that states the figures for screen readers.

const bandCount = (s: DashboardSummary, band: (typeof RATING_BANDS)[number]) =>
  s.byRating.find((b) => b.band === band)?.suppliers ?? 0;

/** The dashboard's six tiles, with the same labels, values and notes. */
export const renderKeyFigures = (pdf: ReportPdf, { summary: s }: PortfolioReportData) => {
  const highOrCritical = bandCount(s, 'critical') + bandCount(s, 'high');
  pdf.kpis([
    { label: 'Suppliers', value: int(s.suppliers), note: `${int(highOrCritical)} rated high or critical` },
    {
      label: 'Coverage',
      value: percent(s.coverage.share),
      note: `${int(s.coverage.covered)} of ${int(s.coverage.activeSuppliers)} assessed on current answers; ${int(s.coverage.expiringSoon)} expire within ${s.coverage.expiringWithinDays} days`,
    },
    {
      label: 'Questionnaires outstanding',
      value: int(s.questionnaires.outstanding),
      note: `${int(s.questionnaires.overdue)} overdue, ${int(s.questionnaires.awaitingReview)} awaiting review`,
    },
    {
      label: 'Overdue remediation',
      value: int(s.remediation.overdue),
      note: `of ${plural(s.remediation.active, 'open task')}`,
    },
    {
      label: 'Open red flags',
      value: int(s.redFlags.open),
      note: `at ${plural(s.redFlags.suppliers, 'supplier')}`,
    },
    {
      label: 'Risk accepted',
      value: int(s.riskAccepted.total),
      note: `${int(s.riskAccepted.expiringSoon)} expire within ${s.riskAccepted.expiringWithinDays} days`,
    },
  ]);
};

/** Suppliers and spend by rating: a table with every figure, then the two charts. */
export const renderRatings = (pdf: ReportPdf, { summary: s }: PortfolioReportData) => {
  pdf.section('Suppliers and spend by rating');
  const currencies = s.spend;
  pdf.table({
    caption: 'Current suppliers and their recorded annual spend, by rating',
    columns: [
      { header: 'Rating', width: 80 },
      { header: 'Suppliers', align: 'right' },
      { header: 'Share', align: 'right' },
      ...currencies.map((c) => ({ header: `Spend, ${c.currency}`, align: 'right' as const })),
    ],
    rows: [
      ...RATING_BANDS.map((band) => {
        const n = bandCount(s, band);
        return [
          RATING_LABELS[band],
          int(n),
          percent(s.suppliers === 0 ? 0 : n / s.suppliers),
          ...currencies.map((c) => {
            const b = c.byBand.find((x) => x.band === band);
            return b ? `${int(b.amount)} (${percent(b.share)})` : '—';
          }),
        ];
      }),
      ['All', int(s.suppliers), s.suppliers === 0 ? '—' : '100%', ...currencies.map((c) => int(c.total))],
    ],
  });
  if (currencies.length === 0)
    pdf.paragraph('No selected supplier has a recorded annual spend.', { muted: true });
  else if (currencies.length > 1)
    pdf.paragraph('Amounts in different currencies are shown apart and never added up.', { muted: true });

  pdf.barChart({
    title: 'Suppliers by rating',
    alt: RATING_BANDS.map((b) => `${RATING_LABELS[b]}: ${int(bandCount(s, b))}`).join('; '),
    // One group of five bars, one series per band: each keeps the dashboard's colour, the legend names it.
    categories: ['Current suppliers'],
    series: RATING_BANDS.map((band) => ({
      name: RATING_LABELS[band],
      values: [bandCount(s, band)],
      color: RATING_COLORS[band],
    })),
    format: int,
  });
  if (currencies.length > 0) {
    pdf.barChart({
      title: 'Spend by rating (share of each currency’s recorded spend)',
      alt: currencies
        .map(
          (c) =>
            `${c.currency}, ${money(c.currency, c.total)} in all: ${c.byBand.map((b) => `${RATING_LABELS[b.band]} ${percent(b.share)}`).join(', ')}`,
        )
        .join('; '),
      categories: currencies.map((c) => c.currency),
      series: RATING_BANDS.map((band) => ({
        name: RATING_LABELS[band],
        values: currencies.map(
          (c) => Math.round((c.byBand.find((b) => b.band === band)?.share ?? 0) * 1000) / 10,
        ),
        color: RATING_COLORS[band],
      })),
      stacked: true,
      horizontal: true,
      format: (v) => `${int(v)}%`,
    });
  }
};

export const renderCoverage = (pdf: ReportPdf, { summary: s }: PortfolioReportData) => {
  pdf.section('Coverage and questionnaires');
  pdf.paragraph(
    'A supplier is covered when it has a current assessment and accepted questionnaire answers that have not expired.',
  );
  pdf.keyValues([
    [
      'Covered suppliers',
      `${int(s.coverage.covered)} of ${int(s.coverage.activeSuppliers)} (${percent(s.coverage.share)})`,
    ],
    [`Answers expiring within ${s.coverage.expiringWithinDays} days`, int(s.coverage.expiringSoon)],
    ['Answers expired', int(s.coverage.expired)],
    ['Questionnaires outstanding', int(s.questionnaires.outstanding)],
    ['Overdue (waiting for the supplier past the due date)', int(s.questionnaires.overdue)],
    ['Awaiting review', int(s.questionnaires.awaitingReview)],
  ]);
};

export const renderRemediation = (pdf: ReportPdf, data: PortfolioReportData) => {
  const s = data.summary;
  pdf.section('Remediation progress');
  pdf.table({
    caption: 'Active remediation tasks (open, in progress or pending verification) by severity',
    columns: [
      { header: 'Severity' },
      { header: 'Active', align: 'right' },
      { header: 'Overdue', align: 'right' },
    ],
    rows: [
      ...s.remediation.bySeverity.map((r) => [RATING_LABELS[r.severity], int(r.active), int(r.overdue)]),
      ['All', int(s.remediation.active), int(s.remediation.overdue)],
    ],
  });
  pdf.keyValues([
    ['Open red flags', `${int(s.redFlags.open)} at ${plural(s.redFlags.suppliers, 'supplier')}`],
    ['Risks accepted', int(s.riskAccepted.total)],
    [
      `Risk acceptances ending within ${s.riskAccepted.expiringWithinDays} days`,
      int(s.riskAccepted.expiringSoon),
    ],
    [`Tasks verified and closed since ${longDay(data.since)}`, int(data.changes.closedTasks.total)],
  ]);
  const opened = s.burnDown.reduce((n, w) => n + w.opened, 0);
  const closed = s.burnDown.reduce((n, w) => n + w.closed, 0);
  pdf.barChart({
    title: `Remediation burn-down: tasks opened and closed per week, last ${s.burnDown.length} weeks`,
    alt: `${int(opened)} tasks opened and ${int(closed)} verified and closed over ${s.burnDown.length} weeks from the week of ${s.burnDown[0]?.week ?? '—'}`,
    categories: s.burnDown.map((w) => shortDay(w.week)),
    series: [
      { name: 'Opened', values: s.burnDown.map((w) => w.opened) },
      { name: 'Closed after verification', values: s.burnDown.map((w) => w.closed) },
    ],
    format: int,
  });
};

export const renderTrend = (pdf: ReportPdf, { summary: s }: PortfolioReportData) => {
  pdf.section('Risk trend');
  pdf.paragraph(
    'Assessments made each month (a supplier reassessed twice counts twice), by the rating they gave, and their average residual score (0–100).',
  );
  const ratings = ['critical', 'high', 'medium', 'low'] as const;
  pdf.barChart({
    title: `Assessments per month by rating, last ${s.trend.length} months`,
    alt: s.trend
      .map(
        (m) =>
          `${shortMonth(m.month)}: ${int(m.assessed)}${m.assessed ? ` (${ratings.map((r) => `${m[r]} ${r}`).join(', ')})` : ''}`,
      )
      .join('; '),
    categories: s.trend.map((m) => shortMonth(m.month)),
    series: ratings.map((r) => ({
      name: RATING_LABELS[r],
      values: s.trend.map((m) => m[r]),
      color: RATING_COLORS[r],
    })),
    stacked: true,
    format: int,
  });
  pdf.lineChart({
    title: 'Average residual score of the month’s assessments',
    alt: s.trend.map((m) => `${shortMonth(m.month)}: ${score(m.avgResidual)}`).join('; '),
    labels: s.trend.map((m) => shortMonth(m.month)),
    series: [{ name: 'Average residual score', values: s.trend.map((m) => m.avgResidual) }],
    yMax: 100,
  });
};

export const renderHeatMap = (pdf: ReportPdf, { summary: s }: PortfolioReportData) => {
  pdf.section('Risk by country and good');
  const { countries, goods, cells } = s.heatMap;
  if (cells.length === 0) {
    pdf.paragraph('No selected supplier has a recorded country and good.', { muted: true });
    return;
  }
  pdf.paragraph(
    `Average residual score of the assessed suppliers in each cell, for the ${plural(countries.length, 'country', 'countries')} and ${plural(goods.length, 'good')} with the most suppliers. A supplier counts once under each of its goods.`,
  );
  const cell = (c: string, g: string) => cells.find((x) => x.country === c && x.good === g);
  pdf.heatmap({
    title: 'Average residual score by country and good',
    alt: cells
      .map(
        (c) =>
          `${c.country}, ${c.good}: ${plural(c.suppliers, 'supplier')}, average ${score(c.avgResidual)}, ${int(c.highOrCritical)} high or critical`,
      )
      .join('; '),
    rows: countries,
    columns: goods,
    values: countries.map((c) => goods.map((g) => cell(c, g)?.avgResidual ?? null)),
    notes: countries.map((c) =>
      goods.map((g) => {
        const x = cell(c, g);
        return x ? `${int(x.suppliers)} (${int(x.highOrCritical)} high+)` : null;
      }),
    ),
    scale: 'risk',
    max: 100,
    format: score,
  });
};
