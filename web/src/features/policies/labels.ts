import type {
  CRITERION_GROUPS,
  DownstreamRule,
  PolicyDocument,
  PolicyStatus,
} from '#shared/schemas/policy.js';
import type { BadgeTone } from '../../components/ui/badge.js';

export const STATUS_LABELS: Record<PolicyStatus, string> = {
  draft: 'Draft',
  published: 'In use',
  retired: 'Retired',
};

export const STATUS_TONES: Record<PolicyStatus, BadgeTone> = {
  draft: 'warning',
  published: 'success',
  retired: 'neutral',
};

export type TipTier = keyof PolicyDocument['inherent']['tip']['points'];

export const TIP_TIERS: readonly TipTier[] = ['1', '2', '2WL', '3', 'special_case'];

export const TIP_TIER_LABELS: Record<TipTier, string> = {
  '1': 'Tier 1',
  '2': 'Tier 2',
  '2WL': 'Tier 2 Watch List',
  '3': 'Tier 3',
  special_case: 'Special case (not ranked)',
};

/** The goods points every policy has (listedElsewherePoints, added in engine 1.1.0, is optional). */
export type GoodsPointsKey = Exclude<
  keyof PolicyDocument['inherent']['goods'],
  'citation' | 'downstreamRule' | 'listedElsewherePoints'
>;

export const GOODS_POINTS: readonly { key: GoodsPointsKey; label: string }[] = [
  { key: 'forcedLabourPoints', label: 'Listed for forced labour' },
  { key: 'forcedChildLabourPoints', label: 'Listed for forced child labour' },
  { key: 'childLabourPoints', label: 'Listed for child labour' },
  { key: 'downstreamInputPoints', label: 'Listed because an input is made with child or forced labour' },
  { key: 'notListedPoints', label: 'On the list, but only for other countries' },
  { key: 'unknownGoodPoints', label: 'On the list for no country (unknown)' },
  { key: 'noGoodsPoints', label: 'No goods recorded for the supplier' },
];

export const LISTED_ELSEWHERE_LABEL = 'On the list, but only for other countries';

export const DOWNSTREAM_RULE_LABELS: Record<DownstreamRule, string> = {
  fixed: 'Fixed points (the downstream points above)',
  worst_kind: 'As its worst input: the highest points of a listed kind',
};

export const CRITERION_GROUP_LABELS: Record<(typeof CRITERION_GROUPS)[number], string> = {
  ilo_indicator: 'ILO forced-labour indicators',
  governance: 'Governance controls',
};

export type BandedFactorKey =
  | 'gsi'
  | 'gsiVulnerability'
  | 'gsiGovernmentResponse'
  | 'migrantShare'
  | 'agencyShare'
  | 'supplierTier';

/** Banded factors a policy may leave out (added in engine 1.1.0; absent in older policies). */
export const OPTIONAL_FACTORS = ['gsiVulnerability', 'gsiGovernmentResponse'] as const;

/** How each banded factor is named and what its band starts measure. */
export const BANDED_FACTORS: Record<
  BandedFactorKey,
  { label: string; unit: string; short: string; unknown: string }
> = {
  gsi: {
    label: 'Prevalence of modern slavery (GSI)',
    unit: 'people per 1,000',
    short: 'GSI',
    unknown: 'points when the GSI has no estimate',
  },
  gsiVulnerability: {
    label: 'Vulnerability to modern slavery (GSI)',
    unit: 'score 0–100',
    short: 'GSI vulnerability',
    unknown: 'points when the GSI has no vulnerability score',
  },
  gsiGovernmentResponse: {
    label: 'Government response to modern slavery (GSI)',
    unit: 'points below a full response: 100 − the response score',
    short: 'GSI government response',
    unknown: 'points when the GSI has no government-response score',
  },
  migrantShare: {
    label: 'Share of migrant workers',
    unit: '% of the workforce',
    short: 'Migrant workers',
    unknown: 'points when not recorded',
  },
  agencyShare: {
    label: 'Share of agency workers',
    unit: '% of the workforce',
    short: 'Agency workers',
    unknown: 'points when not recorded',
  },
  supplierTier: { label: 'Supplier tier', unit: 'tier (1 = direct)', short: 'Supplier tier', unknown: '' },
};
