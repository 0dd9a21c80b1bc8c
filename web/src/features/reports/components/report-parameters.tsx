import { Link } from 'react-router';
import { type CreateReport, STATEMENT_FRAMEWORK_LABELS } from '#shared/schemas/reports.js';
import { formatDate } from '../../../lib/format.js';
import { countryLabel } from '../../suppliers/labels.js';

/** What a report was asked for, as facts (`<dt>`/`<dd>` pairs inside the report page's list). */
export function ReportParameters({ parameters }: { parameters: CreateReport }) {
  switch (parameters.kind) {
    case 'supplier':
      return (
        <>
          <dt>Supplier</dt>
          <dd>
            <Link to={`/suppliers/${parameters.supplierId}`}>Open the supplier’s page</Link>
          </dd>
        </>
      );
    case 'portfolio': {
      const f = parameters.filters ?? {};
      const covered = [
        f.tag ? `tag “${f.tag}”` : null,
        f.country ? countryLabel(f.country) : null,
        f.tier ? `tier ${f.tier}` : null,
        f.good ? `good “${f.good}”` : null,
      ].filter(Boolean);
      return (
        <>
          <dt>Changes since</dt>
          <dd>{parameters.since ? formatDate(parameters.since) : 'Not asked for'}</dd>
          <dt>Suppliers covered</dt>
          <dd>{covered.length > 0 ? covered.join(' · ') : 'The whole register'}</dd>
        </>
      );
    }
    case 'statement':
      return (
        <>
          <dt>Framework</dt>
          <dd>{STATEMENT_FRAMEWORK_LABELS[parameters.framework]}</dd>
          <dt>Reporting period</dt>
          <dd>
            {formatDate(parameters.periodStart)} to {formatDate(parameters.periodEnd)}
          </dd>
        </>
      );
  }
}
