import { useFieldArray, useFormContext, useWatch } from 'react-hook-form';
import type { PolicyDocumentInput } from '#shared/schemas/policy.js';
import { RATINGS } from '#shared/schemas/suppliers.js';
import { TableScroll } from '../../../components/ui/table.js';
import { formatScore } from '../../../lib/format.js';
import { RATING_LABELS } from '../../suppliers/labels.js';
import { CRITERION_GROUP_LABELS } from '../labels.js';
import { GroupError, NumberCell } from './form-inputs.js';

/** Weights of the control criteria; names and citations are shown, not edited here. */
export function CriteriaFields() {
  const { control } = useFormContext<PolicyDocumentInput>();
  const { fields } = useFieldArray({ control, name: 'criteria' });
  const weights = useWatch({ control, name: 'criteria' }) ?? [];
  const total = weights.reduce((sum, c) => sum + (Number.isFinite(c?.weight) ? c.weight : 0), 0);
  return (
    <div className="criteria-fields">
      <TableScroll label="Criteria weights">
        <table className="table table-compact">
          <caption className="visually-hidden">Criteria weights</caption>
          <thead>
            <tr>
              <th scope="col">Criterion</th>
              <th scope="col">Group</th>
              <th scope="col">Weight</th>
            </tr>
          </thead>
          <tbody>
            {fields.map((field, index) => (
              <tr key={field.id}>
                <th scope="row" className="cell-rowheader">
                  {field.name}
                  <span className="cell-sub muted cell-source">{field.citation}</span>
                </th>
                <td className="muted">{CRITERION_GROUP_LABELS[field.group]}</td>
                <td>
                  <NumberCell name={`criteria.${index}.weight`} label={`Criterion '${field.name}' weight`} />
                </td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row" colSpan={2} className="cell-rowheader">
                Total weight
              </th>
              <td className="cell-number" aria-live="polite">
                {formatScore(total)}
              </td>
            </tr>
          </tfoot>
        </table>
      </TableScroll>
      <GroupError name="criteria" />
    </div>
  );
}

/** The minimum rating each red flag forces. */
export function RedFlagFields() {
  const { control, register } = useFormContext<PolicyDocumentInput>();
  const { fields } = useFieldArray({ control, name: 'redFlags' });
  if (fields.length === 0) return <p className="muted">This policy has no red flags.</p>;
  return (
    <TableScroll label="Red flags">
      <table className="table table-compact">
        <caption className="visually-hidden">Red flags</caption>
        <thead>
          <tr>
            <th scope="col">Red flag</th>
            <th scope="col">Rating at least</th>
          </tr>
        </thead>
        <tbody>
          {fields.map((field, index) => (
            <tr key={field.id}>
              <th scope="row" className="cell-rowheader">
                {field.name}
                <span className="cell-sub muted cell-source">{field.citation}</span>
              </th>
              <td>
                <select
                  className="input select input-compact"
                  aria-label={`Red flag '${field.name}' minimum rating`}
                  {...register(`redFlags.${index}.minRating`)}
                >
                  {RATINGS.map((rating) => (
                    <option key={rating} value={rating}>
                      {RATING_LABELS[rating]}
                    </option>
                  ))}
                </select>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
