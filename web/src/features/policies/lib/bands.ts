import type { Rating } from '#shared/schemas/suppliers.js';
import { formatScore } from '../../../lib/format.js';
import type { BandedFactorKey } from '../labels.js';

export interface Band {
  from: number;
  points: number;
}

const unitOf = (factor: BandedFactorKey, value: number) =>
  factor === 'migrantShare' || factor === 'agencyShare' ? `${formatScore(value)}%` : formatScore(value);

/**
 * The values a band covers, in words: "below 10%", "10% to below 25%", "50% or more"; tiers are whole numbers,
 * so they read "Tier 2", "Tiers 3–5", "Tier 6 and deeper".
 */
export function bandRange(factor: BandedFactorKey, bands: readonly Band[], index: number): string {
  const band = bands[index];
  if (!band) return '';
  const next = bands[index + 1];
  if (factor === 'supplierTier') {
    if (!next) return `Tier ${band.from} and deeper`;
    const last = Math.ceil(next.from) - 1;
    return last <= band.from ? `Tier ${band.from}` : `Tiers ${band.from}–${last}`;
  }
  if (factor === 'gsiGovernmentResponse') {
    // Scored as the gap to a full response (100 − score): say it as the response score people know.
    const upTo = formatScore(100 - band.from);
    if (!next) return `response ${upTo}% or less`;
    const above = formatScore(100 - next.from);
    return index === 0 ? `response above ${above}%` : `response above ${above}% up to ${upTo}%`;
  }
  const suffix = factor === 'gsi' ? ' per 1,000' : '';
  if (!next) return `${unitOf(factor, band.from)} or more${suffix}`;
  if (index === 0) return `below ${unitOf(factor, next.from)}${suffix}`;
  return `${unitOf(factor, band.from)} to below ${unitOf(factor, next.from)}${suffix}`;
}

export interface RatingBandSpan {
  rating: Rating;
  from: number;
  to: number;
}

/** The four ratings as spans of the 0–100 residual scale. */
export const ratingSpans = (bands: { medium: number; high: number; critical: number }): RatingBandSpan[] => [
  { rating: 'low', from: 0, to: bands.medium },
  { rating: 'medium', from: bands.medium, to: bands.high },
  { rating: 'high', from: bands.high, to: bands.critical },
  { rating: 'critical', from: bands.critical, to: 100 },
];

export const describeSpan = (span: RatingBandSpan): string =>
  span.rating === 'low'
    ? `below ${formatScore(span.to)}`
    : span.rating === 'critical'
      ? `${formatScore(span.from)} or more`
      : `${formatScore(span.from)} to below ${formatScore(span.to)}`;
