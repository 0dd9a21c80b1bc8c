import { countryName } from '../../countries.js';
import type { SupplierProfile } from '../../schemas/suppliers.js';
import { describeListing, matchGood } from '../reference/goods.js';
import { countryFacts } from '../reference/lookup.js';
import type { RefIndex } from '../reference/reference-index.js';
import type { IlabListing, ScoringReference, TipTier } from '../reference/types.js';
import { bandPoints, type CompiledPolicy } from './compile.js';
import { fmt, r2 } from './round.js';
import type { DataGap, GoodFinding, InherentFactor } from './types.js';

const TIER_LABELS: Record<TipTier, string> = {
  '1': 'Tier 1',
  '2': 'Tier 2',
  '2WL': 'Tier 2 Watch List',
  '3': 'Tier 3',
  special_case: 'Special Case (not ranked)',
};

type GoodsPoints = CompiledPolicy['doc']['inherent']['goods'];

/** A good on the list, but only for other countries (`notListedPoints` in policies without the new field). */
const elsewherePoints = (p: GoodsPoints): number => p.listedElsewherePoints ?? p.notListedPoints;

/** A downstream listing: fixed points, or (`worst_kind`) the highest points of a listed kind. */
const downstreamPoints = (p: GoodsPoints): number =>
  p.downstreamRule === 'worst_kind'
    ? Math.max(p.forcedLabourPoints, p.forcedChildLabourPoints, p.childLabourPoints)
    : p.downstreamInputPoints;

/** A listed good earns the highest points of the kinds it is listed for, never less than a good not listed. */
const listingPoints = (p: GoodsPoints, l: IlabListing): number =>
  Math.max(
    elsewherePoints(p),
    l.basis === 'downstream_input' ? downstreamPoints(p) : 0,
    l.forcedLabor ? p.forcedLabourPoints : 0,
    l.forcedChildLabor ? p.forcedChildLabourPoints : 0,
    l.childLabor ? p.childLabourPoints : 0,
  );

export interface InherentPart {
  score: number;
  points: number;
  maxPoints: number;
  formula: string;
  factors: InherentFactor[];
  /** Share of the factors' maximum points whose data was known, 0–1 (for confidence). */
  coverage: number;
  /** The same share over the country factors only (TIP tier, GSI measures), for the unknown-data floor. */
  countryCoverage: number;
}

const COUNTRY_FACTORS: ReadonlySet<InherentFactor['key']> = new Set([
  'tip_tier',
  'gsi_prevalence',
  'gsi_vulnerability',
  'gsi_government_response',
]);

const assessGoods = (
  c: CompiledPolicy,
  index: RefIndex,
  profile: SupplierProfile,
  country: string,
  gaps: DataGap[],
): { points: number; known: number; findings: GoodFinding[]; detail: string } => {
  const p = c.doc.inherent.goods;
  const edition = index.datasetByKind.get('ilab')?.edition ?? '?';
  if (profile.goods.length === 0) {
    gaps.push({
      kind: 'profile',
      key: 'goods',
      message: 'No goods recorded for this supplier; goods risk unknown',
    });
    return {
      points: p.noGoodsPoints,
      known: 0,
      findings: [],
      detail: 'No goods recorded; counted as unknown',
    };
  }
  let points = 0;
  let resolved = 0;
  const findings: GoodFinding[] = [];
  for (const input of profile.goods) {
    const m = matchGood(index, profile.country, input);
    let goodPoints: number;
    let detail: string;
    const listings: GoodFinding['listings'] = [];
    if (m.status === 'listed') {
      goodPoints = 0;
      for (const l of m.listings) {
        const lp = listingPoints(p, l);
        if (lp > goodPoints) goodPoints = lp;
        listings.push({ good: l.good, points: lp, description: describeListing(l, country) });
      }
      detail = `"${input}": on the ILAB ${edition} list for ${country}`;
    } else if (m.status === 'not_listed') {
      goodPoints = elsewherePoints(p);
      detail = `"${input}" (${m.goodKey}): on the ILAB ${edition} list for other countries, not for ${country}`;
    } else {
      goodPoints = p.unknownGoodPoints;
      detail = `ILAB ${edition} has no entry for "${input}"; risk unknown`;
      gaps.push({ kind: 'good', key: input, message: detail });
    }
    if (m.status !== 'unknown_good') resolved++;
    if (goodPoints > points) points = goodPoints;
    findings.push({ input, goodKey: m.goodKey, status: m.status, points: goodPoints, detail, listings });
  }
  const n = profile.goods.length;
  return {
    points,
    known: r2(resolved / n),
    findings,
    detail: `Highest of ${n} good${n === 1 ? '' : 's'}: ${fmt(points)} points`,
  };
};

const shareFactor = (
  key: 'migrant_share' | 'agency_share',
  field: 'migrantWorkerShare' | 'agencyWorkerShare',
  label: string,
  policy: CompiledPolicy['doc']['inherent']['migrantShare'],
  maxPoints: number,
  raw: number | null | undefined,
  gaps: DataGap[],
): InherentFactor => {
  const unknown = `Share of ${label} not recorded; counted as unknown`;
  if (raw === null || raw === undefined) {
    gaps.push({ kind: 'profile', key: field, message: unknown });
    return {
      key,
      name: `Share of ${label}`,
      value: null,
      points: policy.unknownPoints,
      maxPoints,
      known: 0,
      dataset: null,
      citation: policy.citation,
      detail: unknown,
      goods: null,
    };
  }
  const value = r2(raw);
  return {
    key,
    name: `Share of ${label}`,
    value,
    points: bandPoints(policy.bands, value),
    maxPoints,
    known: 1,
    dataset: null,
    citation: policy.citation,
    detail: `${fmt(value)}% ${label}`,
    goods: null,
  };
};

/**
 * The GSI vulnerability and government-response factors, for policies that score them (engine 1.1.0 on).
 * A weaker government response is more risk, so it is scored as its gap to a full response (100 − score).
 */
const gsiIndexFactors = (
  c: CompiledPolicy,
  facts: ReturnType<typeof countryFacts>,
  country: string,
  iso: string,
  datasetId: string | null,
  gsiLabel: string,
  vulnMax: number,
  responseMax: number,
  gaps: DataGap[],
): InherentFactor[] => {
  const { gsiVulnerability: vuln, gsiGovernmentResponse: response } = c.doc.inherent;
  const out: InherentFactor[] = [];
  const gapKey = `${datasetId ?? 'gsi'}:${iso}`;
  if (vuln) {
    const raw = facts?.gsi?.vulnerability ?? null;
    const value = raw === null ? null : r2(raw);
    if (value === null) {
      gaps.push({
        kind: 'country',
        key: `${gapKey}:vulnerability`,
        message: `${gsiLabel} has no vulnerability score for ${country}; counted as unknown`,
      });
    }
    out.push({
      key: 'gsi_vulnerability',
      name: 'Vulnerability to modern slavery (GSI)',
      value,
      points: value === null ? vuln.unknownPoints : bandPoints(vuln.bands, value),
      maxPoints: vulnMax,
      known: value === null ? 0 : 1,
      dataset: datasetId,
      citation: vuln.citation,
      detail:
        value === null
          ? `${country}: no vulnerability score (${gsiLabel}); counted as unknown`
          : `${country}: vulnerability ${fmt(value)} of 100 (${gsiLabel})`,
      goods: null,
    });
  }
  if (response) {
    const raw = facts?.gsi?.governmentResponse ?? null;
    const value = raw === null ? null : r2(raw);
    if (value === null) {
      gaps.push({
        kind: 'country',
        key: `${gapKey}:government_response`,
        message: `${gsiLabel} has no government-response score for ${country}; counted as unknown`,
      });
    }
    const gap = value === null ? null : r2(100 - value);
    out.push({
      key: 'gsi_government_response',
      name: 'Government response to modern slavery (GSI)',
      value,
      points: gap === null ? response.unknownPoints : bandPoints(response.bands, Math.max(0, gap)),
      maxPoints: responseMax,
      known: value === null ? 0 : 1,
      dataset: datasetId,
      citation: response.citation,
      detail:
        gap === null
          ? `${country}: no government-response score (${gsiLabel}); counted as unknown`
          : `${country}: government response ${fmt(value!)}%, ${fmt(gap)} below a full response (${gsiLabel})`,
      goods: null,
    });
  }
  return out;
};

/** Inherent risk: what the published data and the supplier's profile say before any answer. */
export const assessInherent = (
  c: CompiledPolicy,
  index: RefIndex,
  ref: ScoringReference,
  profile: SupplierProfile,
  gaps: DataGap[],
): InherentPart => {
  const { tip, gsi, migrantShare, agencyShare, supplierTier, goods } = c.doc.inherent;
  const [tipMax, gsiMax, goodsMax, migrantMax, agencyMax, tierMax, vulnMax, responseMax] = c.maxima;
  const iso = profile.country;
  const facts = countryFacts(ref, iso);
  const country = facts?.name ?? countryName(iso) ?? iso;
  const tipInfo = index.datasetByKind.get('us_tip');
  const gsiInfo = index.datasetByKind.get('gsi');

  const tier = facts?.tip?.tier ?? null;
  const tipLabel = `TIP ${facts?.tip?.edition ?? tipInfo?.edition ?? '?'}`;
  if (tier === null) {
    gaps.push({
      kind: 'country',
      key: `${tipInfo?.id ?? 'us-tip'}:${iso}`,
      message: `${tipLabel} has no tier for ${country}; counted as unknown`,
    });
  }
  const rawPrevalence = facts?.gsi?.prevalencePer1000 ?? null;
  const prevalence = rawPrevalence === null ? null : r2(rawPrevalence);
  const gsiLabel = `GSI ${facts?.gsi?.edition ?? gsiInfo?.edition ?? '?'}`;
  if (prevalence === null) {
    gaps.push({
      kind: 'country',
      key: `${gsiInfo?.id ?? 'gsi'}:${iso}`,
      message: `${gsiLabel} has no prevalence estimate for ${country}; counted as unknown`,
    });
  }
  const goodsPart = assessGoods(c, index, profile, country, gaps);

  const factors: InherentFactor[] = [
    {
      key: 'tip_tier',
      name: 'US TIP report tier',
      value: tier,
      points: tier === null ? tip.unknownPoints : tip.points[tier],
      maxPoints: tipMax,
      known: tier === null ? 0 : 1,
      dataset: tipInfo?.id ?? null,
      citation: tip.citation,
      detail:
        tier === null
          ? `${country}: no tier (${tipLabel}); counted as unknown`
          : `${country}: ${TIER_LABELS[tier]} (${tipLabel})`,
      goods: null,
    },
    {
      key: 'gsi_prevalence',
      name: 'Prevalence of modern slavery (GSI)',
      value: prevalence,
      points: prevalence === null ? gsi.unknownPoints : bandPoints(gsi.bands, prevalence),
      maxPoints: gsiMax,
      known: prevalence === null ? 0 : 1,
      dataset: gsiInfo?.id ?? null,
      citation: gsi.citation,
      detail:
        prevalence === null
          ? `${country}: no prevalence estimate (${gsiLabel}); counted as unknown`
          : `${country}: ${fmt(prevalence)} people in modern slavery per 1,000 (${gsiLabel})`,
      goods: null,
    },
    ...gsiIndexFactors(c, facts, country, iso, gsiInfo?.id ?? null, gsiLabel, vulnMax, responseMax, gaps),
    {
      key: 'ilab_goods',
      name: 'Goods on the ILAB list',
      value: null,
      points: goodsPart.points,
      maxPoints: goodsMax,
      known: goodsPart.known,
      dataset: index.datasetByKind.get('ilab')?.id ?? null,
      citation: goods.citation,
      detail: goodsPart.detail,
      goods: goodsPart.findings,
    },
    shareFactor(
      'migrant_share',
      'migrantWorkerShare',
      'migrant workers',
      migrantShare,
      migrantMax,
      profile.migrantWorkerShare,
      gaps,
    ),
    shareFactor(
      'agency_share',
      'agencyWorkerShare',
      'agency workers',
      agencyShare,
      agencyMax,
      profile.agencyWorkerShare,
      gaps,
    ),
    {
      key: 'supplier_tier',
      name: 'Supplier tier',
      value: profile.tier,
      points: bandPoints(supplierTier.bands, profile.tier),
      maxPoints: tierMax,
      known: 1,
      dataset: null,
      citation: supplierTier.citation,
      detail: `Tier ${profile.tier} supplier${profile.tier === 1 ? ' (direct)' : ''}`,
      goods: null,
    },
  ];

  let points = 0;
  let knownMax = 0;
  let countryMax = 0;
  let countryKnownMax = 0;
  for (const f of factors) {
    points += f.points;
    knownMax += f.maxPoints * f.known;
    if (COUNTRY_FACTORS.has(f.key)) {
      countryMax += f.maxPoints;
      countryKnownMax += f.maxPoints * f.known;
    }
  }
  points = r2(points);
  const maxPoints = c.totalMax;
  const score = maxPoints > 0 ? r2((100 * points) / maxPoints) : 0;
  return {
    score,
    points,
    maxPoints,
    formula: `100 × ${fmt(points)} / ${fmt(maxPoints)} = ${fmt(score)}`,
    factors,
    coverage: maxPoints > 0 ? r2(knownMax / maxPoints) : 1,
    countryCoverage: countryMax > 0 ? r2(countryKnownMax / countryMax) : 1,
  };
};
