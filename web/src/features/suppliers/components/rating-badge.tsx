import type { Rating, RatingFloorKind } from '#shared/schemas/suppliers.js';
import { RATING_FLOOR_LABELS, RATING_LABELS } from '../labels.js';

/**
 * Low green, medium amber, high orange, critical red; never assessed is grey, never "low". A rating a floor
 * raised says so beside it ("Medium · insufficient data"): it is not what the score alone gives.
 */
export function RatingBadge({
  rating,
  floor = null,
  size = 'md',
}: {
  rating: Rating | null;
  floor?: RatingFloorKind | null;
  size?: 'md' | 'lg';
}) {
  const classes = ['badge', 'rating', `rating-${rating ?? 'none'}`, size === 'lg' ? 'rating-lg' : '']
    .filter(Boolean)
    .join(' ');
  return (
    <span className={classes}>
      <span className="rating-dot" aria-hidden="true" />
      {rating ? RATING_LABELS[rating] : 'Not assessed'}
      {rating && floor ? <span className="rating-floor">· {RATING_FLOOR_LABELS[floor]}</span> : null}
    </span>
  );
}
