import type { CreateReport, ReportKind } from '#shared/schemas/reports.js';
import { portfolioReport } from './portfolio/index.js';
import type { ReportGenerator } from './report-types.js';
import { statementGenerator } from './statement/statement.generator.js';
import { supplierReport } from './supplier/index.js';

/** The generator of each kind: load() in the register's snapshot transaction, then render() (report-types.ts). */
export type ReportGenerators = {
  [K in ReportKind]?: ReportGenerator<Extract<CreateReport, { kind: K }>, unknown>;
};

/**
 * The kinds this server renders. Each kind's module adds its line here when it lands; a kind without one is
 * refused when asked for (422 naming `kind`), never queued to fail. buildApp takes another registry
 * (`reportGenerators`), which is how tests render a report of their own.
 */
export const REPORT_GENERATORS: ReportGenerators = {
  portfolio: portfolioReport,
  statement: statementGenerator,
  supplier: supplierReport,
};
