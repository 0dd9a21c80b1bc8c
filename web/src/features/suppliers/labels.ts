import { countryName } from '#shared/countries.js';
import type { ASSESSMENT_TRIGGERS } from '#shared/schemas/assessments.js';
import { RATINGS, type Rating, type RatingFloorKind, SUPPLIER_STATUSES } from '#shared/schemas/suppliers.js';
import type { SelectOption } from '../../components/ui/field.js';

export type SupplierStatus = (typeof SUPPLIER_STATUSES)[number];

export const STATUS_LABELS: Record<SupplierStatus, string> = {
  onboarding: 'Onboarding',
  active: 'Active',
  suspended: 'Suspended',
  offboarded: 'Offboarded',
};

export const STATUS_OPTIONS: readonly SelectOption[] = SUPPLIER_STATUSES.map((status) => ({
  value: status,
  label: STATUS_LABELS[status],
}));

export const RATING_LABELS: Record<Rating, string> = {
  low: 'Low',
  medium: 'Medium',
  high: 'High',
  critical: 'Critical',
};

/** What raised a rating above its score's band, shown after the rating: "Medium · insufficient data". */
export const RATING_FLOOR_LABELS: Record<RatingFloorKind, string> = {
  unknown_data: 'insufficient data',
};

export const RATING_OPTIONS: readonly SelectOption[] = RATINGS.map((rating) => ({
  value: rating,
  label: RATING_LABELS[rating],
}));

/** The chain-risk filter: the worst rating anywhere in a supplier's sub-tree (values of `chainRating`). */
export const CHAIN_RATING_OPTIONS: readonly SelectOption[] = [
  { value: 'critical', label: 'Critical' },
  { value: 'high,critical', label: 'High or critical' },
  { value: 'medium,high,critical', label: 'Medium or above' },
  { value: 'low', label: 'Low' },
];

export const TRIGGER_LABELS: Record<(typeof ASSESSMENT_TRIGGERS)[number], string> = {
  manual: 'Manual',
  policy_published: 'Policy published',
  import: 'CSV import',
  seed: 'Demo data',
  created: 'Supplier added',
  profile_changed: 'Profile changed',
  questionnaire_accepted: 'Questionnaire accepted',
  answers_expired: 'Answers expired',
  remediation: 'Remediation verified or reopened',
};

export const TIER_OPTIONS: readonly SelectOption[] = Array.from({ length: 10 }, (_, index) => ({
  value: String(index + 1),
  label: index === 0 ? 'Tier 1 (direct)' : `Tier ${index + 1}`,
}));

/** "Bangladesh (BD)"; an unknown code is shown as it is. */
export const countryLabel = (code: string): string => {
  const name = countryName(code);
  return name ? `${name} (${code})` : code;
};
