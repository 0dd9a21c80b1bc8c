import { Link } from 'react-router';
import type { DashboardQuery, DashboardSummary } from '#shared/schemas/dashboard.js';
import { formatInteger } from '../../../lib/format.js';
import { countryLabel } from '../../suppliers/labels.js';
import { suppliersHref } from '../lib/links.js';
import { ChartPanel } from './chart-panel.js';

type Cell = DashboardSummary['heatMap']['cells'][number];

/** Five steps of average residual risk (0–100), lightest to darkest; unassessed cells have their own. */
export const heatStep = (avg: number | null): string =>
  avg === null ? 'none' : String(Math.min(4, Math.floor(avg / 20)));

const describe = (c: Cell) =>
  `${countryLabel(c.country)}, ${c.good}: ${formatInteger(c.suppliers)} supplier${c.suppliers === 1 ? '' : 's'}, ` +
  (c.avgResidual === null ? 'none assessed' : `average residual risk ${c.avgResidual}`) +
  `, ${formatInteger(c.highOrCritical)} high or critical`;

/**
 * Country × good: where risk concentrates. Each cell's shade is the average residual risk of its assessed
 * suppliers, its number that average; it opens the supplier list for that country and good. A table, so
 * screen readers read it with its row and column headers.
 */
export function HeatMap({ summary, filters }: { summary: DashboardSummary; filters: DashboardQuery }) {
  const { countries, goods, cells } = summary.heatMap;
  const at = new Map(cells.map((c) => [`${c.country}\u0000${c.good}`, c]));
  const table = {
    columns: ['Country', 'Good', 'Suppliers', 'Assessed', 'Average residual risk', 'High or critical'],
    rows: cells.map((c) => ({
      key: `${c.country}-${c.good}`,
      label: c.country,
      href: suppliersHref(filters, { country: c.country, good: c.good }),
      values: [c.good, c.suppliers, c.assessed, c.avgResidual, c.highOrCritical],
    })),
  };
  return (
    <ChartPanel
      title="Risk by country and good"
      fileName="risk-by-country-and-good"
      className="dash-wide"
      hiddenTable={false}
      description="Average residual risk (0–100) of the assessed suppliers in each country for each good, for the countries and goods with the most suppliers. Select a cell to list its suppliers."
      table={table}
    >
      {cells.length === 0 ? (
        <p className="muted">No supplier in the selection has goods recorded.</p>
      ) : (
        <>
          <div className="table-wrap heat-wrap">
            <table className="heat-map">
              <caption className="visually-hidden">
                Average residual risk by country (rows) and good (columns)
              </caption>
              <thead>
                <tr>
                  <td />
                  {goods.map((good) => (
                    <th key={good} scope="col">
                      {good}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {countries.map((country) => (
                  <tr key={country}>
                    <th scope="row" title={countryLabel(country)}>
                      {country}
                    </th>
                    {goods.map((good) => {
                      const c = at.get(`${country}\u0000${good}`);
                      return (
                        <td key={good}>
                          {c ? (
                            <Link
                              to={suppliersHref(filters, { country, good })}
                              className={`heat-cell heat-${heatStep(c.avgResidual)}`}
                              aria-label={describe(c)}
                              title={describe(c)}
                            >
                              {c.avgResidual === null ? '?' : Math.round(c.avgResidual)}
                              <span className="heat-count">{formatInteger(c.suppliers)}</span>
                            </Link>
                          ) : (
                            <span className="heat-cell heat-empty">
                              <span className="visually-hidden">No suppliers</span>
                            </span>
                          )}
                        </td>
                      );
                    })}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <p className="heat-legend muted" aria-hidden="true">
            <span>Average residual risk</span>
            {['0', '1', '2', '3', '4'].map((step, i) => (
              <span key={step} className="heat-legend-item">
                <span className={`heat-swatch heat-${step}`} />
                {i * 20}–{i === 4 ? 100 : i * 20 + 19}
              </span>
            ))}
            <span className="heat-legend-item">
              <span className="heat-swatch heat-none" />
              not assessed (?)
            </span>
            <span>Small number: suppliers.</span>
          </p>
        </>
      )}
    </ChartPanel>
  );
}
