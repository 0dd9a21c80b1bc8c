import type { ReactNode } from 'react';
import { BANDED_FACTORS, type BandedFactorKey, GOODS_POINTS, TIP_TIER_LABELS, TIP_TIERS } from '../labels.js';
import { describePath } from '../lib/policy-paths.js';
import { BandTableFields } from './form-band-table.js';
import { NumberField, TextInput } from './form-inputs.js';

function FactorFieldset({ legend, children }: { legend: string; children: ReactNode }) {
  return (
    <fieldset className="form-section factor-fieldset">
      <legend className="form-section-title">{legend}</legend>
      {children}
    </fieldset>
  );
}

function BandedFactorFields({ factor, unknownLabel }: { factor: BandedFactorKey; unknownLabel?: string }) {
  return (
    <FactorFieldset legend={BANDED_FACTORS[factor].label}>
      <BandTableFields factor={factor} />
      {unknownLabel ? (
        <NumberField
          name={`inherent.${factor}.unknownPoints` as 'inherent.gsi.unknownPoints'}
          label={describePath(['inherent', factor, 'unknownPoints'], [])}
          hint={unknownLabel}
          className="field-narrow"
        />
      ) : null}
      <TextInput
        name={`inherent.${factor}.citation` as 'inherent.gsi.citation'}
        label={describePath(['inherent', factor, 'citation'], [])}
      />
    </FactorFieldset>
  );
}

/** Points of every inherent factor: TIP tiers, GSI bands, goods, workforce shares and supplier tier. */
export function InherentFields() {
  return (
    <div className="factor-fields">
      <FactorFieldset legend="Country: US TIP report tier">
        <div className="number-grid">
          {TIP_TIERS.map((tier) => (
            <NumberField
              key={tier}
              name={`inherent.tip.points.${tier}`}
              label={`${TIP_TIER_LABELS[tier]}: points`}
            />
          ))}
          <NumberField name="inherent.tip.unknownPoints" label="No tier in the data: points" />
        </div>
        <TextInput name="inherent.tip.citation" label="TIP tier: citation" />
      </FactorFieldset>

      <BandedFactorFields factor="gsi" unknownLabel="When the GSI has no estimate for the country." />

      <FactorFieldset legend="Goods on the ILAB list">
        <div className="number-grid">
          {GOODS_POINTS.map(({ key, label }) => (
            <NumberField key={key} name={`inherent.goods.${key}`} label={label} />
          ))}
        </div>
        <TextInput name="inherent.goods.citation" label="Goods (ILAB list): citation" />
      </FactorFieldset>

      <BandedFactorFields factor="migrantShare" unknownLabel="When the supplier's profile does not say." />
      <BandedFactorFields factor="agencyShare" unknownLabel="When the supplier's profile does not say." />
      <BandedFactorFields factor="supplierTier" />
    </div>
  );
}
