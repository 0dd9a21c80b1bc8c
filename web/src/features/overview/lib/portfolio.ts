import type { Rating } from '#shared/schemas/suppliers.js';
import { RATING_LABELS } from '../../suppliers/labels.js';

/** A band of the portfolio: the four ratings, worst first, then suppliers never assessed. */
export type PortfolioBand = Rating | 'none';

export const PORTFOLIO_BANDS: readonly PortfolioBand[] = ['critical', 'high', 'medium', 'low', 'none'];

export const BAND_LABELS: Record<PortfolioBand, string> = { ...RATING_LABELS, none: 'Not assessed' };

export interface BandCount {
  band: PortfolioBand;
  count: number;
}

/** The supplier list filtered to one band (the list reads `rating=none` as "never assessed"). */
export const bandHref = (band: PortfolioBand): string => `/suppliers?rating=${band}`;

/** Whole percent of `total`; a band that holds anyone never reads "0%". */
export const shareOf = (count: number, total: number): string => {
  if (total === 0 || count === 0) return '0%';
  const percent = Math.round((100 * count) / total);
  return percent === 0 ? '<1%' : `${percent}%`;
};

export interface Segment extends BandCount {
  x: number;
  width: number;
}

/**
 * Lays the non-empty bands side by side across `width` units, in proportion to their counts. Every
 * non-empty band gets at least `minWidth`, so a single critical supplier among thousands stays visible
 * (and clickable); the others shrink to make room.
 */
export const layoutSegments = (counts: readonly BandCount[], width: number, minWidth: number): Segment[] => {
  const shown = counts.filter((c) => c.count > 0);
  const total = shown.reduce((sum, c) => sum + c.count, 0);
  if (total === 0) return [];
  const spare = Math.max(0, width - minWidth * shown.length);
  let x = 0;
  return shown.map((c) => {
    const segment = { ...c, x, width: minWidth + (spare * c.count) / total };
    x += segment.width;
    return segment;
  });
};
