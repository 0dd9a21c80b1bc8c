import type { ReactNode } from 'react';
import { useFormContext } from 'react-hook-form';
import { DOWNSTREAM_RULES, type PolicyDocumentInput } from '#shared/schemas/policy.js';
import {
  BANDED_FACTORS,
  type BandedFactorKey,
  DOWNSTREAM_RULE_LABELS,
  GOODS_POINTS,
  LISTED_ELSEWHERE_LABEL,
  OPTIONAL_FACTORS,
  TIP_TIERS,
} from '../labels.js';
import { describePath, type PolicyPath } from '../lib/policy-paths.js';
import { BandTableFields } from './form-band-table.js';
import { SelectInput, TextInput } from './form-inputs.js';
import { type ParameterRow, ParameterTable } from './form-parameter-table.js';

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

/**
 * The goods points. A policy written for engine 1.1.0 or later scores "listed only for other countries" with
 * listedElsewherePoints (notListedPoints is then unused) and chooses the downstream rule; older drafts have
 * neither, and their form shows what they have.
 */
function GoodsFields() {
  const { getValues } = useFormContext<PolicyDocumentInput>();
  const goods = getValues('inherent.goods');
  const elsewhere = goods?.listedElsewherePoints !== undefined;
  const rows: ParameterRow[] = GOODS_POINTS.map(({ key }) =>
    key === 'notListedPoints' && elsewhere
      ? {
          name: 'inherent.goods.listedElsewherePoints',
          label: LISTED_ELSEWHERE_LABEL,
          hint: 'At least the points of a good on the list for no country: absence from the list is not evidence.',
        }
      : { name: `inherent.goods.${key}` as PolicyPath, label: describePath(['inherent', 'goods', key], []) },
  );
  return (
    <FactorFieldset legend="Goods on the ILAB list">
      <ParameterTable caption="Goods points" rows={rows} />
      {goods?.downstreamRule !== undefined ? (
        <SelectInput
          name="inherent.goods.downstreamRule"
          label="A good listed because of its input scores"
          hint="US import law presumes forced labour for goods made with a listed input, so by default such a good scores like its input."
          options={DOWNSTREAM_RULES.map((rule) => ({ value: rule, label: DOWNSTREAM_RULE_LABELS[rule] }))}
        />
      ) : null}
      <TextInput name="inherent.goods.citation" label="Goods (ILAB list): citation" />
    </FactorFieldset>
  );
}

/** Points of every inherent factor: TIP tiers, GSI bands, goods, workforce shares and supplier tier. */
export function InherentFields() {
  const { getValues } = useFormContext<PolicyDocumentInput>();
  const inherent = getValues('inherent');
  const optional = OPTIONAL_FACTORS.filter((factor) => inherent?.[factor] !== undefined);
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
      {optional.map((factor) => (
        <BandedFactorFields key={factor} factor={factor} />
      ))}

      <GoodsFields />

      <BandedFactorFields factor="migrantShare" />
      <BandedFactorFields factor="agencyShare" />
      <BandedFactorFields factor="supplierTier" />
    </div>
  );
}
