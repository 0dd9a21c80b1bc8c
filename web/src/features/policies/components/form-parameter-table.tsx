import { TableScroll } from '../../../components/ui/table.js';
import type { PolicyPath } from '../lib/policy-paths.js';
import { NumberCell } from './form-inputs.js';

export interface ParameterRow {
  name: PolicyPath;
  label: string;
  hint?: string;
  step?: string;
}

/** Named numbers in rows (label, box, explanation), so boxes line up however long their labels are. */
export function ParameterTable({
  caption,
  rows,
  valueHeading = 'Points',
}: {
  caption: string;
  rows: readonly ParameterRow[];
  valueHeading?: string;
}) {
  const hints = rows.some((row) => row.hint);
  return (
    <TableScroll label={caption} className="parameter-table">
      <table className="table table-compact">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Setting</th>
            <th scope="col">{valueHeading}</th>
            {hints ? <th scope="col">What it means</th> : null}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.name}>
              <th scope="row" className="cell-rowheader">
                {row.label}
              </th>
              <td className="parameter-value">
                <NumberCell name={row.name} label={row.label} step={row.step} />
              </td>
              {hints ? <td className="muted parameter-hint">{row.hint}</td> : null}
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
