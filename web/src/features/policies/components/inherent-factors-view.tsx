import type { ReactNode } from 'react';
import { compilePolicy } from '#shared/domain/scoring/compile.js';
import type { PolicyDocument } from '#shared/schemas/policy.js';
import { formatPercent, formatScore } from '../../../lib/format.js';
import {
  BANDED_FACTORS,
  type BandedFactorKey,
  DOWNSTREAM_RULE_LABELS,
  GOODS_POINTS,
  LISTED_ELSEWHERE_LABEL,
  TIP_TIER_LABELS,
  TIP_TIERS,
} from '../labels.js';
import { bandRange } from '../lib/bands.js';

interface Row {
  key: string;
  label: string;
  points: number;
  unknown?: boolean;
}

function FactorCard({
  title,
  maxPoints,
  totalMax,
  citation,
  caption,
  rows,
  footnote,
}: {
  title: string;
  maxPoints: number;
  totalMax: number;
  citation: string;
  caption: string;
  rows: Row[];
  footnote?: ReactNode;
}) {
  return (
    <li className="card factor-card">
      <div className="factor-head">
        <h3 className="card-title">{title}</h3>
        <span className="muted cell-nowrap">
          up to <strong>{formatScore(maxPoints)}</strong> points
          {totalMax > 0 ? ` (${formatPercent((100 * maxPoints) / totalMax)} of inherent risk)` : null}
        </span>
      </div>
      <table className="table table-compact factor-table">
        <caption className="visually-hidden">{`${title}: points`}</caption>
        <thead>
          <tr>
            <th scope="col">{caption}</th>
            <th scope="col" className="cell-number">
              Points
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.key} className={row.unknown ? 'row-muted' : undefined}>
              <td>{row.label}</td>
              <td className="cell-number">{formatScore(row.points)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {footnote ? <p className="muted factor-note">{footnote}</p> : null}
      <p className="cell-source">Source: {citation}</p>
    </li>
  );
}

const bandRows = (factor: BandedFactorKey, doc: PolicyDocument): Row[] => {
  const bands = doc.inherent[factor]?.bands ?? [];
  return bands.map((band, index) => ({
    key: `${band.from}`,
    label: bandRange(factor, bands, index),
    points: band.points,
  }));
};

/** Every inherent-risk factor with the points each value earns and the source it cites. */
export function InherentFactorsView({ doc }: { doc: PolicyDocument }) {
  const { maxima, totalMax } = compilePolicy(doc);
  const [tipMax, gsiMax, goodsMax, migrantMax, agencyMax, tierMax, vulnMax, responseMax] = maxima;
  const {
    tip,
    gsi,
    goods,
    migrantShare,
    agencyShare,
    supplierTier,
    gsiVulnerability,
    gsiGovernmentResponse,
  } = doc.inherent;
  const rule = goods.downstreamRule ?? 'fixed';
  // A policy with listedElsewherePoints scores "listed for other countries" with it (notListedPoints unused).
  const goodsRows: Row[] = GOODS_POINTS.flatMap(({ key, label }): Row[] => {
    if (key === 'notListedPoints' && goods.listedElsewherePoints !== undefined) {
      return [
        { key: 'listedElsewherePoints', label: LISTED_ELSEWHERE_LABEL, points: goods.listedElsewherePoints },
      ];
    }
    if (key === 'downstreamInputPoints' && rule === 'worst_kind') {
      const worst = Math.max(
        goods.forcedLabourPoints,
        goods.forcedChildLabourPoints,
        goods.childLabourPoints,
      );
      return [{ key, label: `${label} (${DOWNSTREAM_RULE_LABELS.worst_kind.toLowerCase()})`, points: worst }];
    }
    return [
      { key, label, points: goods[key], unknown: key === 'unknownGoodPoints' || key === 'noGoodsPoints' },
    ];
  });
  return (
    <>
      <p className="section-lead">
        Each factor earns points; inherent risk = 100 × points earned / {formatScore(totalMax)} (the sum of
        the factors' maximum points). Unknown data never counts as the lowest risk.
      </p>
      <ul className="card-grid factor-grid">
        <FactorCard
          title="Country: US TIP report tier"
          maxPoints={tipMax}
          totalMax={totalMax}
          citation={tip.citation}
          caption="Tier placement"
          rows={[
            ...TIP_TIERS.map((tier) => ({
              key: tier,
              label: TIP_TIER_LABELS[tier],
              points: tip.points[tier],
            })),
            { key: 'unknown', label: 'No tier in the data', points: tip.unknownPoints, unknown: true },
          ]}
        />
        <FactorCard
          title="Country: prevalence of modern slavery (GSI)"
          maxPoints={gsiMax}
          totalMax={totalMax}
          citation={gsi.citation}
          caption="Estimated prevalence"
          rows={[
            ...bandRows('gsi', doc),
            { key: 'unknown', label: 'No estimate in the data', points: gsi.unknownPoints, unknown: true },
          ]}
        />
        {gsiVulnerability ? (
          <FactorCard
            title="Country: vulnerability to modern slavery (GSI)"
            maxPoints={vulnMax}
            totalMax={totalMax}
            citation={gsiVulnerability.citation}
            caption="Vulnerability score (0–100)"
            rows={[
              ...bandRows('gsiVulnerability', doc),
              {
                key: 'unknown',
                label: 'No score in the data',
                points: gsiVulnerability.unknownPoints,
                unknown: true,
              },
            ]}
          />
        ) : null}
        {gsiGovernmentResponse ? (
          <FactorCard
            title="Country: government response to modern slavery (GSI)"
            maxPoints={responseMax}
            totalMax={totalMax}
            citation={gsiGovernmentResponse.citation}
            caption="Government response score"
            rows={[
              ...bandRows('gsiGovernmentResponse', doc),
              {
                key: 'unknown',
                label: 'No score in the data',
                points: gsiGovernmentResponse.unknownPoints,
                unknown: true,
              },
            ]}
            footnote="A weaker response is more risk: scored as its gap to a full response (100 − the score)."
          />
        ) : null}
        <FactorCard
          title="Goods on the ILAB list"
          maxPoints={goodsMax}
          totalMax={totalMax}
          citation={goods.citation}
          caption="What the list says about the good, for this country"
          rows={goodsRows}
          footnote="A supplier with several goods earns the points of its riskiest good, not the sum."
        />
        <FactorCard
          title={BANDED_FACTORS.migrantShare.label}
          maxPoints={migrantMax}
          totalMax={totalMax}
          citation={migrantShare.citation}
          caption="Share of the workforce"
          rows={[
            ...bandRows('migrantShare', doc),
            { key: 'unknown', label: 'Not recorded', points: migrantShare.unknownPoints, unknown: true },
          ]}
        />
        <FactorCard
          title={BANDED_FACTORS.agencyShare.label}
          maxPoints={agencyMax}
          totalMax={totalMax}
          citation={agencyShare.citation}
          caption="Share of the workforce"
          rows={[
            ...bandRows('agencyShare', doc),
            { key: 'unknown', label: 'Not recorded', points: agencyShare.unknownPoints, unknown: true },
          ]}
        />
        <FactorCard
          title={BANDED_FACTORS.supplierTier.label}
          maxPoints={tierMax}
          totalMax={totalMax}
          citation={supplierTier.citation}
          caption="Tier (1 = direct supplier)"
          rows={bandRows('supplierTier', doc)}
        />
      </ul>
    </>
  );
}
