import { loadReportingCriteria } from '#shared/domain/reference/load-node.js';
import type { StatementReportParams } from '#shared/schemas/reports.js';
import { acceptedCriterionAnswers } from '../../assignments/assignments.repo.js';
import { dashboardWhere, readDashboardSummary } from '../../dashboard/dashboard.service.js';
import type { References } from '../../datasets/datasets.references.js';
import { findOrganizationName } from '../../orgs/orgs.repo.js';
import { findPublishedPolicy } from '../../policies/policies.repo.js';
import { supplierFilter } from '../../suppliers/suppliers.repo.js';
import type { ReportGenerator } from '../report-types.js';
import { composeStatement } from './statement.compose.js';
import { renderStatementDocx } from './statement.docx.js';
import { createStatementLoad } from './statement.load.js';
import { renderStatementMarkdown } from './statement.markdown.js';
import type { StatementData } from './statement.model.js';
import { renderStatementPdf } from './statement.pdf.js';

/**
 * The modern-slavery statement draft (issue 11): figures read from the owning modules in the register's
 * snapshot, composed into one section per criterion of the chosen law, rendered as the issued PDF and as the
 * editable DOCX and Markdown drafts (all three from the same model, so they say the same). `references` is the
 * container's reference-data service (generators.ts), shared with scoring.
 */
export const createStatementGenerator = ({
  references,
}: {
  references: Pick<References, 'shipped' | 'forDocument'>;
}): ReportGenerator<StatementReportParams, StatementData> => {
  // The dashboard's suppliers with no filter: the current register, as the dashboard counts it.
  const current = (orgId: string) => dashboardWhere(supplierFilter, orgId, {});
  const load = createStatementLoad({
    criteria: loadReportingCriteria,
    organisationName: findOrganizationName,
    currentSuppliers: current,
    dashboardSummary: (tx, orgId, now) => readDashboardSummary(tx, orgId, current(orgId), now),
    publishedPolicy: findPublishedPolicy,
    reference: (tx, orgId, doc) =>
      doc ? references.forDocument(tx, orgId, doc) : Promise.resolve(references.shipped),
    // What suppliers answered, as accepted: not adjusted for remediations (scoring's view of them).
    acceptedAnswers: acceptedCriterionAnswers,
  });
  return {
    kind: 'statement',
    title: (d) => d.title,
    async load(tx, orgId, params, progress) {
      await progress(0, 1);
      const data = composeStatement(await load(tx, orgId, params, new Date()));
      await progress(1, 1);
      return data;
    },
    render(d, meta) {
      return {
        ...renderStatementPdf(d, meta),
        docx: () => renderStatementDocx(d, meta),
        markdown: () => renderStatementMarkdown(d, meta),
      };
    },
  };
};
