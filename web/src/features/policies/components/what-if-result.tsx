import { Link } from 'react-router';
import { RATINGS } from '#shared/schemas/suppliers.js';
import type { WhatIf } from '#shared/schemas/what-if.js';
import { TableScroll } from '../../../components/ui/table.js';
import { formatInteger, formatScore } from '../../../lib/format.js';
import { RatingBadge } from '../../suppliers/components/rating-badge.js';
import { countryLabel, RATING_LABELS } from '../../suppliers/labels.js';
import { WhatIfChart } from './what-if-chart.js';

const plural = (n: number, one: string, many: string) => `${formatInteger(n)} ${n === 1 ? one : many}`;
const signed = (n: number) => (n > 0 ? `+${formatScore(n)}` : n < 0 ? `−${formatScore(-n)}` : '0');

function CountsTable({ result }: { result: WhatIf }) {
  return (
    <TableScroll label="Suppliers per rating, now and under this policy">
      <table className="table table-compact">
        <caption className="visually-hidden">Suppliers per rating, now and under this policy</caption>
        <thead>
          <tr>
            <th scope="col">Rating</th>
            <th scope="col" className="cell-number">
              Now
            </th>
            <th scope="col" className="cell-number">
              This policy
            </th>
            <th scope="col" className="cell-number">
              Change
            </th>
          </tr>
        </thead>
        <tbody>
          {RATINGS.map((rating) => {
            const change = result.after[rating] - result.before[rating];
            return (
              <tr key={rating}>
                <th scope="row" className="cell-rowheader">
                  <RatingBadge rating={rating} />
                </th>
                <td className="cell-number">{formatInteger(result.before[rating])}</td>
                <td className="cell-number">
                  <strong>{formatInteger(result.after[rating])}</strong>
                </td>
                <td className={`cell-number ${change === 0 ? 'muted' : 'cell-strong'}`}>{signed(change)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </TableScroll>
  );
}

function TransitionMatrix({ result, beforeLabel }: { result: WhatIf; beforeLabel: string }) {
  return (
    <TableScroll
      label="Transitions: rows are the rating now, columns the rating under this policy"
      className="transition-wrap"
    >
      <table className="table table-compact transition-matrix">
        <caption className="visually-hidden">
          Transitions: rows are the rating now, columns the rating under this policy
        </caption>
        <thead>
          <tr>
            <th scope="col" className="transition-corner">
              {beforeLabel} ↓ · This policy →
            </th>
            {RATINGS.map((to) => (
              <th key={to} scope="col" className="cell-number">
                {RATING_LABELS[to]}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {RATINGS.map((from, row) => (
            <tr key={from}>
              <th scope="row" className="cell-rowheader">
                {RATING_LABELS[from]}
              </th>
              {RATINGS.map((to, column) => {
                const count = result.transitions[from]?.[to] ?? 0;
                const kind = column === row ? 'same' : column > row ? 'up' : 'down';
                return (
                  <td
                    key={to}
                    className={`cell-number transition-cell transition-${kind}${count === 0 ? ' transition-empty' : ''}`}
                  >
                    {formatInteger(count)}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}

type Mover = WhatIf['movers'][number];

/** Suppliers next to their rating and residual risk now and under this policy; the change column is optional. */
function MoversTable({ movers, label, showDelta }: { movers: Mover[]; label: string; showDelta: boolean }) {
  return (
    <TableScroll label={label}>
      <table className="table table-compact movers-table">
        <caption className="visually-hidden">{label}</caption>
        <thead>
          <tr>
            <th scope="col">Supplier</th>
            <th scope="col">Country</th>
            <th scope="col">Now</th>
            <th scope="col">Under this policy</th>
            {showDelta ? (
              <th scope="col" className="cell-number">
                Change
              </th>
            ) : null}
          </tr>
        </thead>
        <tbody>
          {movers.map((mover) => (
            <tr key={mover.supplierId}>
              <td>
                <Link className="cell-link" to={`/suppliers/${mover.supplierId}`}>
                  {mover.name}
                </Link>
              </td>
              <td>{countryLabel(mover.country)}</td>
              <td className="cell-nowrap">
                <RatingBadge rating={mover.before.rating} />{' '}
                <span className="muted">{formatScore(mover.before.residualScore)}</span>
              </td>
              <td className="cell-nowrap">
                <RatingBadge rating={mover.after.rating} />{' '}
                <span className="muted">{formatScore(mover.after.residualScore)}</span>
              </td>
              {showDelta ? (
                <td className={`cell-number cell-strong ${mover.delta > 0 ? 'delta-up' : 'delta-down'}`}>
                  {signed(mover.delta)}
                </td>
              ) : null}
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}

/** "The 3 suppliers", or "The first 25 of 340 suppliers" when the server listed only the first ones. */
const listedOf = (listed: number, total: number) =>
  listed === total
    ? `The ${listed === 1 ? 'supplier' : `${formatInteger(listed)} suppliers`}`
    : `The first ${formatInteger(listed)} of ${formatInteger(total)} suppliers`;

function ScoreMovers({ result }: { result: WhatIf }) {
  if (result.movers.length === 0) {
    return <p className="muted section-lead">No supplier's residual risk changes.</p>;
  }
  return (
    <>
      <p className="muted section-lead">
        {listedOf(result.movers.length, result.moversTotal)} whose residual risk changes, largest change
        first.
      </p>
      <MoversTable movers={result.movers} label="Suppliers whose residual risk moves most" showDelta />
    </>
  );
}

/** Rating changes with the same residual risk: the thresholds moved, not the supplier's risk. */
function BandMovers({ result }: { result: WhatIf }) {
  return (
    <section aria-labelledby="what-if-band-movers">
      <h3 className="subsection-title" id="what-if-band-movers">
        Rating changes from moved thresholds
      </h3>
      {result.bandMovers.length === 0 ? (
        <p className="muted section-lead">
          The rating bands differ, but no supplier changes rating because of that alone.
        </p>
      ) : (
        <>
          <p className="muted section-lead">
            {listedOf(result.bandMovers.length, result.bandMoversTotal)} whose residual risk stays the same
            but whose rating changes because a rating threshold moved, largest jump first.
          </p>
          <MoversTable
            movers={result.bandMovers}
            label="Suppliers whose rating changes only because a threshold moved"
            showDelta={false}
          />
        </>
      )}
    </section>
  );
}

export interface WhatIfResultProps {
  result: WhatIf;
  /** What "now" is, e.g. "Version 3 (in use)". */
  beforeLabel: string;
  /** The rating thresholds differ, so ratings can change while residual risk does not. */
  bandsChanged: boolean;
}

/** The portfolio under a policy next to the one in use: counts, direction of change, transitions, movers. */
export function WhatIfResult({ result, beforeLabel, bandsChanged }: WhatIfResultProps) {
  const { up, down, same } = result.changed;
  return (
    <div className="what-if-result">
      <p className="what-if-headline" aria-live="polite">
        {up + down === 0 ? (
          <>All {plural(result.suppliers, 'supplier keeps its', 'suppliers keep their')} rating.</>
        ) : (
          <>
            Of {plural(result.suppliers, 'supplier', 'suppliers')},{' '}
            <strong className={up > 0 ? 'delta-up' : undefined}>{plural(up, 'moves up', 'move up')}</strong>{' '}
            to a riskier rating,{' '}
            <strong className={down > 0 ? 'delta-down' : undefined}>{formatInteger(down)} down</strong> to a
            lower one, and {formatInteger(same)} keep their rating.
          </>
        )}
      </p>
      <div className="what-if-grid">
        <section aria-labelledby="what-if-counts">
          <h3 className="subsection-title" id="what-if-counts">
            Suppliers per rating
          </h3>
          <WhatIfChart result={result} beforeLabel={beforeLabel} />
        </section>
        <section aria-labelledby="what-if-table">
          <h3 className="subsection-title" id="what-if-table">
            Counts
          </h3>
          <CountsTable result={result} />
        </section>
      </div>
      <section aria-labelledby="what-if-transitions">
        <h3 className="subsection-title" id="what-if-transitions">
          From rating to rating
        </h3>
        <p className="muted section-lead">
          Rows are the rating now, columns the rating under this policy. The diagonal keeps its rating; above
          it suppliers move up, below it down.
        </p>
        <TransitionMatrix result={result} beforeLabel={beforeLabel} />
      </section>
      <section aria-labelledby="what-if-movers">
        <h3 className="subsection-title" id="what-if-movers">
          Biggest movers
        </h3>
        <ScoreMovers result={result} />
      </section>
      {bandsChanged || result.bandMovers.length > 0 ? <BandMovers result={result} /> : null}
    </div>
  );
}
