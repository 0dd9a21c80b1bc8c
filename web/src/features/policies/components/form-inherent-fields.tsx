import type { ReactNode } from 'react';
import { BANDED_FACTORS, type BandedFactorKey, GOODS_POINTS, TIP_TIERS } from '../labels.js';
import { describePath } from '../lib/policy-paths.js';
import { BandTableFields } from './form-band-table.js';
import { TextInput } from './form-inputs.js';
import { ParameterTable } from './form-parameter-table.js';

function FactorFieldset({ legend, children }: { legend: string; children: ReactNode }) {
  return (
    <fieldset className="form-section factor-fieldset">
      <legend className="form-section-title">{legend}</legend>
      {children}
    </fieldset>
  );
}

function BandedFactorFields({ factor }: { factor: BandedFactorKey }) {
  const { label } = BANDED_FACTORS[factor];
  return (
    <FactorFieldset legend={label}>
      <BandTableFields factor={factor} />
      {factor === 'supplierTier' ? null : (
        <ParameterTable
          caption={`${label}: unknown data`}
          rows={[
            {
              name: `inherent.${factor}.unknownPoints`,
              label: describePath(['inherent', factor, 'unknownPoints'], []),
              hint: 'Must be more than the lowest band earns: unknown is never the lowest risk.',
            },
          ]}
        />
      )}
      <TextInput
        name={`inherent.${factor}.citation`}
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
        <ParameterTable
          caption="TIP tier points"
          rows={[
            ...TIP_TIERS.map((tier) => ({
              name: `inherent.tip.points.${tier}` as const,
              label: describePath(['inherent', 'tip', 'points', tier], []),
            })),
            {
              name: 'inherent.tip.unknownPoints',
              label: describePath(['inherent', 'tip', 'unknownPoints'], []),
            },
          ]}
        />
        <TextInput name="inherent.tip.citation" label="TIP tier: citation" />
      </FactorFieldset>

      <BandedFactorFields factor="gsi" />

      <FactorFieldset legend="Goods on the ILAB list">
        <ParameterTable
          caption="Goods points"
          rows={GOODS_POINTS.map(({ key }) => ({
            name: `inherent.goods.${key}` as const,
            label: describePath(['inherent', 'goods', key], []),
          }))}
        />
        <TextInput name="inherent.goods.citation" label="Goods (ILAB list): citation" />
      </FactorFieldset>

      <BandedFactorFields factor="migrantShare" />
      <BandedFactorFields factor="agencyShare" />
      <BandedFactorFields factor="supplierTier" />
    </div>
  );
}
