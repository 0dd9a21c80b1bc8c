import type { Assessment } from '#shared/schemas/assessments.js';
import { formatDate, formatDateTime, formatScore } from '../../../lib/format.js';
import { RATING_LABELS } from '../labels.js';

const WIDTH = 640;
const HEIGHT = 180;
const PAD = { top: 12, right: 16, bottom: 28, left: 36 };
const GRID = [0, 25, 50, 75, 100];

/**
 * Residual score over the assessments shown, oldest on the left. Plain SVG with presentation attributes:
 * the content security policy allows no inline styles, and one small line needs no chart library.
 */
export function ResidualChart({ assessments }: { assessments: readonly Assessment[] }) {
  const points = [...assessments].sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  const first = points[0];
  const last = points[points.length - 1];
  if (points.length < 2 || !first || !last) return null;

  // Several runs on one day are told apart by their time.
  const when = formatDate(first.createdAt) === formatDate(last.createdAt) ? formatDateTime : formatDate;
  const innerWidth = WIDTH - PAD.left - PAD.right;
  const innerHeight = HEIGHT - PAD.top - PAD.bottom;
  const x = (index: number) => PAD.left + (innerWidth * index) / (points.length - 1);
  const y = (score: number) => PAD.top + innerHeight * (1 - Math.min(100, Math.max(0, score)) / 100);
  const path = points
    .map((p, i) => `${i === 0 ? 'M' : 'L'}${x(i).toFixed(1)},${y(p.residualScore).toFixed(1)}`)
    .join(' ');
  const summary = `Residual score over the last ${points.length} assessments: from ${formatScore(first.residualScore)} on ${formatDate(first.createdAt)} to ${formatScore(last.residualScore)} on ${formatDate(last.createdAt)}.`;

  return (
    <figure className="chart">
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} className="chart-svg" role="img" aria-label={summary}>
        {GRID.map((value) => (
          <g key={value}>
            <line x1={PAD.left} x2={WIDTH - PAD.right} y1={y(value)} y2={y(value)} className="chart-grid" />
            <text x={PAD.left - 8} y={y(value) + 4} textAnchor="end" className="chart-label">
              {value}
            </text>
          </g>
        ))}
        <path d={path} className="chart-line" fill="none" />
        {points.map((p, i) => (
          <circle
            key={p.id}
            cx={x(i)}
            cy={y(p.residualScore)}
            r={4}
            className={`chart-point chart-point-${p.rating}`}
          >
            <title>
              {formatDate(p.createdAt)}: residual {formatScore(p.residualScore)}, {RATING_LABELS[p.rating]}
            </title>
          </circle>
        ))}
        <text x={PAD.left} y={HEIGHT - 8} className="chart-label">
          {when(first.createdAt)}
        </text>
        <text x={WIDTH - PAD.right} y={HEIGHT - 8} textAnchor="end" className="chart-label">
          {when(last.createdAt)}
        </text>
      </svg>
      <figcaption className="muted chart-caption">{summary}</figcaption>
    </figure>
  );
}
