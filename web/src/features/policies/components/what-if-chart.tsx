import { RATINGS } from '#shared/schemas/suppliers.js';
import type { WhatIf } from '#shared/schemas/what-if.js';
import { formatInteger } from '../../../lib/format.js';
import { RATING_LABELS } from '../../suppliers/labels.js';

const WIDTH = 640;
const HEIGHT = 220;
const PAD = { top: 20, right: 12, bottom: 30, left: 36 };
const BAR = 34;
const GAP = 6;

/** A nice round top for the axis: 4 gridlines at whole numbers. */
const axisMax = (max: number) => {
  if (max <= 4) return 4;
  const step = 10 ** Math.floor(Math.log10(max / 4));
  const nice = [1, 2, 2.5, 5, 10].map((m) => m * step).find((candidate) => candidate * 4 >= max) ?? max / 4;
  return Math.ceil(nice) * 4;
};

/**
 * Suppliers per rating now and under the policy, as pairs of bars (outlined = now, filled = under the
 * policy). Plain SVG with presentation attributes, as the content security policy allows no inline styles;
 * the counts table next to it carries the same numbers for assistive technology.
 */
export function WhatIfChart({ result, beforeLabel }: { result: WhatIf; beforeLabel: string }) {
  const top = axisMax(Math.max(1, ...RATINGS.flatMap((r) => [result.before[r], result.after[r]])));
  const innerWidth = WIDTH - PAD.left - PAD.right;
  const innerHeight = HEIGHT - PAD.top - PAD.bottom;
  const groupWidth = innerWidth / RATINGS.length;
  const y = (count: number) => PAD.top + innerHeight * (1 - count / top);
  const grid = [0, 1, 2, 3, 4].map((i) => (top * i) / 4);
  const summary = RATINGS.map(
    (r) => `${RATING_LABELS[r]}: ${result.before[r]} now, ${result.after[r]} under this policy`,
  ).join('; ');
  return (
    <figure className="chart what-if-chart">
      <svg
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        className="chart-svg"
        role="img"
        aria-label={`Suppliers per rating. ${summary}.`}
      >
        {grid.map((value) => (
          <g key={value}>
            <line x1={PAD.left} x2={WIDTH - PAD.right} y1={y(value)} y2={y(value)} className="chart-grid" />
            <text x={PAD.left - 8} y={y(value) + 4} textAnchor="end" className="chart-label">
              {formatInteger(value)}
            </text>
          </g>
        ))}
        {RATINGS.map((rating, index) => {
          const center = PAD.left + groupWidth * index + groupWidth / 2;
          const bars = [
            { key: 'before', count: result.before[rating], x: center - BAR - GAP / 2 },
            { key: 'after', count: result.after[rating], x: center + GAP / 2 },
          ];
          return (
            <g key={rating}>
              {bars.map((bar) => (
                <g key={bar.key}>
                  <rect
                    x={bar.x}
                    y={y(bar.count)}
                    width={BAR}
                    height={Math.max(0, y(0) - y(bar.count))}
                    className={`whatif-bar whatif-bar-${bar.key} band-${rating}`}
                  />
                  <text x={bar.x + BAR / 2} y={y(bar.count) - 5} textAnchor="middle" className="whatif-value">
                    {formatInteger(bar.count)}
                  </text>
                </g>
              ))}
              <text x={center} y={HEIGHT - 10} textAnchor="middle" className="whatif-axis">
                {RATING_LABELS[rating]}
              </text>
            </g>
          );
        })}
      </svg>
      <figcaption className="chart-legend">
        <span className="legend-item">
          <span className="legend-swatch legend-swatch-before" aria-hidden="true" />
          {beforeLabel}
        </span>
        <span className="legend-item">
          <span className="legend-swatch legend-swatch-after" aria-hidden="true" />
          Under this policy
        </span>
      </figcaption>
    </figure>
  );
}
