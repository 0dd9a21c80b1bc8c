import { Link } from 'react-router';
import { formatInteger } from '../../../lib/format.js';
import {
  BAND_LABELS,
  type BandCount,
  bandHref,
  layoutSegments,
  type PortfolioBand,
  shareOf,
} from '../lib/portfolio.js';

const BAR_WIDTH = 1000;
const BAR_HEIGHT = 10;
const MIN_SEGMENT = 8;

const suppliersNoun = (count: number) => (count === 1 ? 'supplier' : 'suppliers');

/**
 * The stacked bar. Plain SVG with presentation attributes (the content security policy allows no inline
 * styles). Each segment opens its filtered list for a pointer; keyboards and screen readers get the same
 * links, with their numbers, in the tiles below, so the bar is hidden from them rather than said twice.
 */
function RiskBar({ counts }: { counts: readonly BandCount[] }) {
  const segments = layoutSegments(counts, BAR_WIDTH, MIN_SEGMENT);
  return (
    <svg
      className="risk-bar"
      viewBox={`0 0 ${BAR_WIDTH} ${BAR_HEIGHT}`}
      preserveAspectRatio="none"
      aria-hidden="true"
      focusable="false"
    >
      {segments.map((segment) => (
        <Link key={segment.band} to={bandHref(segment.band)} tabIndex={-1} className="risk-bar-link">
          <title>
            {`${BAND_LABELS[segment.band]}: ${formatInteger(segment.count)} ${suppliersNoun(segment.count)}`}
          </title>
          <rect
            x={segment.x}
            y={0}
            width={segment.width}
            height={BAR_HEIGHT}
            className={`risk-bar-segment risk-fill-${segment.band}`}
          />
        </Link>
      ))}
    </svg>
  );
}

function BandTile({ band, count, total }: { band: PortfolioBand; count: number; total: number }) {
  return (
    <li>
      <Link
        className={`risk-tile risk-tile-${band}`}
        to={bandHref(band)}
        aria-label={`${BAND_LABELS[band]}: ${formatInteger(count)} ${suppliersNoun(count)}, ${shareOf(count, total)} of the register`}
      >
        <span className="risk-tile-label">
          <span className={`risk-swatch risk-fill-${band}`} aria-hidden="true" />
          {BAND_LABELS[band]}
        </span>
        <span className="risk-tile-count">{formatInteger(count)}</span>
        <span className="risk-tile-share">{shareOf(count, total)}</span>
      </Link>
    </li>
  );
}

/** How many current suppliers sit in each rating band, as a bar and as numbers, each a link to the list. */
export function PortfolioRisk({ counts }: { counts: readonly BandCount[] }) {
  const total = counts.reduce((sum, c) => sum + c.count, 0);
  return (
    <section className="panel" aria-labelledby="portfolio-risk-title">
      <div className="overview-panel-head">
        <h2 className="panel-title" id="portfolio-risk-title">
          Portfolio risk
        </h2>
        <Link to="/suppliers">
          {formatInteger(total)} {suppliersNoun(total)} in the register
        </Link>
      </div>
      <RiskBar counts={counts} />
      <ul className="risk-tiles" aria-label="Suppliers by rating">
        {counts.map((c) => (
          <BandTile key={c.band} band={c.band} count={c.count} total={total} />
        ))}
      </ul>
      <p className="muted overview-footnote">
        Each supplier counts once, in the rating of its latest assessment; archived suppliers are left out.
      </p>
    </section>
  );
}
