import type { PortfolioReportParams } from '#shared/schemas/reports.js';
import { supplierFilter } from '../../suppliers/suppliers.repo.js';
import type { ReportGenerator } from '../report-types.js';
import type { PortfolioReportData } from './data.js';
import { loadPortfolio } from './load.js';
import { portfolioTitle, renderPortfolio } from './render.js';

/** The portfolio risk report (issue 11): the dashboard's figures, top risks and changes since a day. */
export const portfolioReport: ReportGenerator<PortfolioReportParams, PortfolioReportData> = {
  kind: 'portfolio',
  title: portfolioTitle,
  load: loadPortfolio({ supplierFilter }),
  render: renderPortfolio,
};
