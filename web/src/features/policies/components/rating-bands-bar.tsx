import type { PolicyDocument } from '#shared/schemas/policy.js';
import { formatScore } from '../../../lib/format.js';
import { RATING_LABELS } from '../../suppliers/labels.js';
import { describeSpan, ratingSpans } from '../lib/bands.js';

const WIDTH = 1000;
const BAR_TOP = 4;
const BAR_HEIGHT = 40;
const HEIGHT = 70;
const x = (score: number) => (WIDTH * Math.min(100, Math.max(0, score))) / 100;

/**
 * The 0–100 residual scale split into the four ratings, in their badge colours. SVG with presentation
 * attributes (the content security policy allows no inline styles); the label says the same in words.
 */
export function RatingBandsBar({ bands }: { bands: PolicyDocument['ratingBands'] }) {
  const spans = ratingSpans(bands);
  const summary = `Residual risk ${spans
    .map((span) => `${describeSpan(span)} is ${RATING_LABELS[span.rating].toLowerCase()}`)
    .join(', ')}.`;
  return (
    <figure className="chart bands-figure">
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} className="chart-svg" role="img" aria-label={summary}>
        {spans.map((span) => {
          const width = Math.max(0, x(span.to) - x(span.from));
          const middle = x(span.from) + width / 2;
          return (
            <g key={span.rating}>
              <rect
                x={x(span.from)}
                y={BAR_TOP}
                width={width}
                height={BAR_HEIGHT}
                className={`band-rect band-${span.rating}`}
              />
              {width > 70 ? (
                <text x={middle} y={BAR_TOP + 26} textAnchor="middle" className="band-label">
                  {RATING_LABELS[span.rating]}
                </text>
              ) : null}
            </g>
          );
        })}
        {[0, bands.medium, bands.high, bands.critical, 100].map((tick, index) => (
          <text
            key={`${tick}-${index === 0 ? 'start' : 'next'}`}
            x={x(tick)}
            y={HEIGHT - 6}
            textAnchor={index === 0 ? 'start' : index === 4 ? 'end' : 'middle'}
            className="band-tick"
          >
            {formatScore(tick)}
          </text>
        ))}
      </svg>
      <figcaption className="muted chart-caption">{summary}</figcaption>
    </figure>
  );
}
