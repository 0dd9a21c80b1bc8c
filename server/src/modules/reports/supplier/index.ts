import type { SupplierReportParams } from '#shared/schemas/reports.js';
import type { ReportGenerator } from '../report-types.js';
import type { SupplierReportData } from './supplier-report.data.js';
import { loadSupplierReport } from './supplier-report.load.js';
import { renderSupplierReport, supplierReportTitle } from './supplier-report.render.js';

/** The supplier assessment report: one supplier's profile, chain, rating and breakdown, evidence and remediation. */
export const supplierReport: ReportGenerator<SupplierReportParams, SupplierReportData> = {
  kind: 'supplier',
  title: supplierReportTitle,
  load: loadSupplierReport,
  render: renderSupplierReport,
};
