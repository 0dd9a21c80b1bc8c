import {
  REQUIRED_CSV_COLUMNS,
  SUPPLIER_CSV_COLUMNS,
  type SupplierCsvColumn,
} from '#shared/schemas/suppliers.js';
import { TableScroll } from '../../../components/ui/table.js';

const MEANING: Record<SupplierCsvColumn, string> = {
  external_ref: 'Your id for the supplier (e.g. ERP vendor number). The key: it decides add or update.',
  name: 'Trading name.',
  legal_name: 'Registered legal name.',
  country: 'Where the work happens: two-letter ISO code (BD) or English name (Bangladesh).',
  goods: 'What you buy there; several separated by semicolons, e.g. garments;textiles.',
  sector: 'Free text, e.g. Apparel.',
  tier: '1 for a direct supplier, 2 for its supplier, and so on.',
  parent_external_ref: 'external_ref of the supplier this one delivers to (same file or already registered).',
  annual_spend: 'Digits with a dot for decimals, e.g. 1250000.50.',
  currency: 'Three-letter ISO code; USD when empty.',
  headcount: 'Number of workers.',
  migrant_worker_share: 'Percent of workers who are migrants, 0–100. Empty means unknown.',
  agency_worker_share: 'Percent hired through agencies or recruiters, 0–100. Empty means unknown.',
  status: 'onboarding, active, suspended or offboarded.',
  tags: 'Your labels, separated by semicolons.',
  contact_name: 'One contact person (needed when an email or phone is given).',
  contact_email: 'Their email.',
  contact_phone: 'Their phone number.',
};

/** The CSV columns, which are required, and what goes in each. */
export function ImportColumns() {
  return (
    <details className="disclosure">
      <summary>The columns and what goes in each</summary>
      <TableScroll label="CSV columns">
        <table className="table table-compact">
          <caption className="visually-hidden">CSV columns</caption>
          <thead>
            <tr>
              <th scope="col">Column</th>
              <th scope="col">Required</th>
              <th scope="col">What goes in it</th>
            </tr>
          </thead>
          <tbody>
            {SUPPLIER_CSV_COLUMNS.map((column) => (
              <tr key={column}>
                <th scope="row" className="cell-rowheader">
                  <code className="code">{column}</code>
                </th>
                <td>{REQUIRED_CSV_COLUMNS.includes(column) ? 'Yes' : <span className="muted">No</span>}</td>
                <td>{MEANING[column]}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </details>
  );
}
