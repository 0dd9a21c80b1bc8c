import { useFormContext } from 'react-hook-form';
import { type PolicyDocumentInput, UNKNOWN_DATA_FLOORS } from '#shared/schemas/policy.js';
import { RATING_LABELS } from '../../suppliers/labels.js';
import { NumberField, SelectInput } from './form-inputs.js';

/**
 * The unknown-data floor: below this coverage of the country data, a supplier is never rated under
 * `minRating`. Policies written before engine 1.1.0 have no floor; their form does not offer to add one
 * (a new draft from the default policy has it).
 */
export function UnknownDataFields() {
  const { getValues } = useFormContext<PolicyDocumentInput>();
  if (getValues('unknownData') === undefined) return null;
  return (
    <fieldset className="form-section">
      <legend className="form-section-title">Unknown data</legend>
      <p className="muted section-lead">
        Unknown data is never low risk. When the published country data (TIP tier and the GSI measures) covers
        less than this share of those factors' points, the rating is raised to at least the rating chosen, and
        shown as "insufficient data".
      </p>
      <div className="number-grid">
        <SelectInput
          name="unknownData.minRating"
          label="Rate at least"
          options={UNKNOWN_DATA_FLOORS.map((rating) => ({ value: rating, label: RATING_LABELS[rating] }))}
        />
        <NumberField
          name="unknownData.minCountryCoverage"
          label="when country data covers less than (0–1)"
          hint="0.5 = half of the country factors' points"
          step="0.01"
          min={0}
          max={1}
        />
      </div>
    </fieldset>
  );
}
