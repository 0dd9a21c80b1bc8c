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
 * The kinds this server renders: all three. buildApp takes another registry (`reportGenerators`), which is how
 * tests render a report of their own; a kind missing from such a registry is refused when asked for (422
 * naming `kind`), never queued to fail.
 */
export const REPORT_GENERATORS: ReportGenerators = {
  portfolio: portfolioReport,
  statement: statementGenerator,
  supplier: supplierReport,
};
