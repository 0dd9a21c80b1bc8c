import type { CreateReport, ReportKind } from '#shared/schemas/reports.js';
import type { References } from '../datasets/datasets.references.js';
import { portfolioReport } from './portfolio/index.js';
import type { ReportGenerator } from './report-types.js';
import { createStatementGenerator } from './statement/statement.generator.js';
import { supplierReport } from './supplier/index.js';

/** The generator of each kind: load() in the register's snapshot transaction, then render() (report-types.ts). */
export type ReportGenerators = {
  [K in ReportKind]?: ReportGenerator<Extract<CreateReport, { kind: K }>, unknown>;
};

/**
 * The kinds this server renders: all three, built by the container with its one reference-data service (the
 * statement reads the editions its policy pins through it, so there is one loaded copy and one cache of
 * editions per process). buildApp takes another registry (`reportGenerators`), which is how tests render a
 * report of their own; a kind missing from such a registry is refused when asked for (422 naming `kind`),
 * never queued to fail.
 */
export const createReportGenerators = ({
  references,
}: {
  references: Pick<References, 'shipped' | 'forDocument'>;
}): ReportGenerators => ({
  portfolio: portfolioReport,
  statement: createStatementGenerator({ references }),
  supplier: supplierReport,
});
