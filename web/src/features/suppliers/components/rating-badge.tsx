import type { Rating } from '#shared/schemas/suppliers.js';
import { RATING_LABELS } from '../labels.js';

/** Low green, medium amber, high orange, critical red; never assessed is grey, never "low". */
export function RatingBadge({ rating, size = 'md' }: { rating: Rating | null; size?: 'md' | 'lg' }) {
  const classes = ['badge', 'rating', `rating-${rating ?? 'none'}`, size === 'lg' ? 'rating-lg' : '']
    .filter(Boolean)
    .join(' ');
  return (
    <span className={classes}>
      <span className="rating-dot" aria-hidden="true" />
      {rating ? RATING_LABELS[rating] : 'Not assessed'}
    </span>
  );
}
