import { REPORT_KIND_LABELS } from '#shared/schemas/reports.js';
import { createReportPdf } from '../pdf/document.js';
import type { Progress, RenderedReport, ReportMeta } from '../report-types.js';
import type { PortfolioReportData } from './data.js';
import { filterWords, int, longDay } from './format.js';
import {
  renderCoverage,
  renderHeatMap,
  renderKeyFigures,
  renderRatings,
  renderRemediation,
  renderTrend,
} from './render-figures.js';
import { renderChanges, renderTopRisks } from './render-lists.js';

// The portfolio risk report for executives: the dashboard (for the same filters) on paper, the riskiest
// suppliers and what changed since a day. A pure function of (data, meta), as the register needs.

export const portfolioTitle = (data: PortfolioReportData) =>
  filterWords(data.filters).length > 0
    ? `${REPORT_KIND_LABELS.portfolio} (filtered)`
    : REPORT_KIND_LABELS.portfolio;

const scopeText = (data: PortfolioReportData) => {
  const words = filterWords(data.filters);
  return words.length === 0
    ? 'All current suppliers'
    : `Suppliers where ${words.map(([k, v]) => `${k.toLowerCase()}: ${v}`).join('; ')}`;
};

const STEPS = 8;

const riskiest = (n: number) =>
  n === 0
    ? 'the riskiest suppliers (none is assessed yet)'
    : n === 1
      ? 'the riskiest supplier'
      : `the ${int(n)} riskiest suppliers`;

export const renderPortfolio = (
  data: PortfolioReportData,
  meta: ReportMeta,
  progress: Progress,
): RenderedReport => {
  // Progress is cosmetic (the job's bar) and render is synchronous: a failed update must not fail the report.
  const step = (done: number) => Promise.resolve(progress(done, STEPS)).catch(() => {});
  const pdf = createReportPdf(meta, {
    title: portfolioTitle(data),
    subtitle: `${scopeText(data)}, as of ${longDay(data.today)}; changes since ${longDay(data.since)}`,
  });

  pdf.section('Overview');
  const words = filterWords(data.filters);
  pdf.paragraph(
    `This report shows the dashboard's figures for ${words.length ? 'the filtered suppliers' : 'the whole register'} on ${longDay(data.today)} (UTC), ${riskiest(data.topRisks.length)} and what changed since ${longDay(data.since)}. Archived suppliers are left out; tasks, findings and questionnaires count when their supplier is included.`,
  );
  pdf.keyValues([
    ['Suppliers included', words.length ? 'Filtered (below)' : 'All current suppliers'],
    ...words.map(([k, v]): [string, string] => [`Filter: ${k}`, v]),
    ['Figures as of', longDay(data.today)],
    ['Changes since', longDay(data.since)],
  ]);
  renderKeyFigures(pdf, data);
  void step(1);
  renderRatings(pdf, data);
  void step(2);
  renderCoverage(pdf, data);
  void step(3);
  renderRemediation(pdf, data);
  void step(4);
  renderTrend(pdf, data);
  void step(5);
  renderHeatMap(pdf, data);
  void step(6);
  renderTopRisks(pdf, data);
  renderChanges(pdf, data);
  void step(7);
  const { pdf: stream, pageCount, title } = pdf.end();
  void step(8);
  return { title, pdf: stream, pageCount };
};
