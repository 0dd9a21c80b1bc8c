import { useFieldArray, useFormContext, useWatch } from 'react-hook-form';
import type { PolicyDocumentInput } from '#shared/schemas/policy.js';
import { Button } from '../../../components/ui/button.js';
import { TableScroll } from '../../../components/ui/table.js';
import { BANDED_FACTORS, type BandedFactorKey } from '../labels.js';
import { bandRange } from '../lib/bands.js';
import { describePath } from '../lib/policy-paths.js';
import { GroupError, NumberCell } from './form-inputs.js';

const MAX_BANDS = 20;

/**
 * The bands of one factor as an editable table: where each band starts and the points it earns. The first
 * band must start at the lowest value, so it cannot be removed; the schema checks that starts increase.
 */
export function BandTableFields({ factor }: { factor: BandedFactorKey }) {
  const { control } = useFormContext<PolicyDocumentInput>();
  const name = `inherent.${factor}.bands` as const;
  const { fields, append, remove } = useFieldArray({ control, name });
  const bands = useWatch({ control, name }) ?? [];
  const { label, unit } = BANDED_FACTORS[factor];
  const readable = bands.every((band) => Number.isFinite(band?.from) && Number.isFinite(band?.points));

  const addBand = () => {
    const last = bands[bands.length - 1];
    append({ from: (last?.from ?? 0) + 1, points: last?.points ?? 0 });
  };

  return (
    <div className="band-table">
      <TableScroll label={`${label}: bands`}>
        <table className="table table-compact">
          <caption className="visually-hidden">{`${label}: bands`}</caption>
          <thead>
            <tr>
              <th scope="col">Band</th>
              <th scope="col">Starts at ({unit})</th>
              <th scope="col">Points</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {fields.map((field, index) => (
              <tr key={field.id}>
                <td className="cell-nowrap">
                  {index + 1}
                  {readable ? (
                    <span className="cell-sub muted">{bandRange(factor, bands, index)}</span>
                  ) : null}
                </td>
                <td>
                  <NumberCell
                    name={`${name}.${index}.from`}
                    label={describePath(['inherent', factor, 'bands', index, 'from'], [])}
                  />
                </td>
                <td>
                  <NumberCell
                    name={`${name}.${index}.points`}
                    label={describePath(['inherent', factor, 'bands', index, 'points'], [])}
                  />
                </td>
                <td className="cell-actions">
                  {index > 0 ? (
                    <Button
                      size="sm"
                      variant="ghost"
                      onClick={() => remove(index)}
                      aria-label={`Remove ${describePath(['inherent', factor, 'bands', index], [])}`}
                    >
                      Remove
                    </Button>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
      <GroupError name={name} />
      {fields.length < MAX_BANDS ? (
        <div>
          <Button size="sm" onClick={addBand}>
            Add band
          </Button>
        </div>
      ) : null}
    </div>
  );
}
