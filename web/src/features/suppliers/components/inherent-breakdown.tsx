import { datasetTitles, type ExplainContext } from '#shared/domain/scoring/explain.js';
import type { AssessmentResult, InherentFactor } from '#shared/domain/scoring/types.js';
import { Badge } from '../../../components/ui/badge.js';
import { TableScroll } from '../../../components/ui/table.js';
import { formatScore } from '../../../lib/format.js';

function FactorData({ factor }: { factor: InherentFactor }) {
  return (
    <>
      <span>{factor.detail}</span>
      {factor.known === 0 ? (
        <span className="cell-sub">
          <Badge tone="warning">Unknown</Badge>
        </span>
      ) : factor.known < 1 ? (
        <span className="cell-sub">
          <Badge tone="warning">Partly unknown</Badge>
        </span>
      ) : null}
      {factor.goods && factor.goods.length > 0 ? (
        <ul className="goods-findings">
          {factor.goods.map((good) => (
            <li key={good.input}>
              <span className="goods-finding-head">
                {good.status === 'listed' ? (
                  <Badge tone="danger">Listed</Badge>
                ) : good.status === 'unknown_good' ? (
                  <Badge tone="warning">Not on the list: unknown</Badge>
                ) : (
                  <Badge tone="neutral">Not listed</Badge>
                )}{' '}
                {good.detail} <span className="muted">({formatScore(good.points)} points)</span>
              </span>
              {good.listings.length > 0 ? (
                <ul className="plain-list goods-listings">
                  {good.listings.map((listing) => (
                    <li key={listing.good}>{listing.description}</li>
                  ))}
                </ul>
              ) : null}
            </li>
          ))}
        </ul>
      ) : null}
    </>
  );
}

/** Each inherent factor with its points, the datum behind it and the published source it cites. */
export function InherentBreakdown({ result, inputs }: { result: AssessmentResult; inputs?: ExplainContext }) {
  // Each dataset by title and the edition this assessment used (its code stays in the arithmetic's world).
  const titles = new Map(datasetTitles(result, inputs).map((dataset) => [dataset.id, dataset.title]));
  return (
    <TableScroll label="Inherent risk, factor by factor">
      <table className="table table-breakdown">
        <caption className="visually-hidden">Inherent risk, factor by factor</caption>
        <thead>
          <tr>
            <th scope="col">Factor</th>
            <th scope="col">Data behind it</th>
            <th scope="col" className="cell-number">
              Points
            </th>
          </tr>
        </thead>
        <tbody>
          {result.inherent.factors.map((factor) => (
            <tr key={factor.key}>
              <th scope="row" className="cell-strong cell-rowheader">
                {factor.name}
              </th>
              <td>
                <FactorData factor={factor} />
                <p className="cell-source">
                  <span className="visually-hidden">Source: </span>
                  {factor.citation}
                  {factor.dataset ? (
                    <>
                      {' · '}
                      {titles.get(factor.dataset) ?? factor.dataset}
                    </>
                  ) : (
                    ' · from the supplier profile'
                  )}
                </p>
              </td>
              <td className="cell-number cell-nowrap">
                <strong>{formatScore(factor.points)}</strong>
                <span className="muted"> / {formatScore(factor.maxPoints)}</span>
              </td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">Inherent risk</th>
            <td className="muted">
              {formatScore(result.inherent.points)} of {formatScore(result.inherent.maxPoints)} points, as a
              score out of 100: {formatScore(result.inherent.score)}
            </td>
            <td className="cell-number cell-nowrap">
              <strong>{formatScore(result.inherent.points)}</strong>
              <span className="muted"> / {formatScore(result.inherent.maxPoints)}</span>
            </td>
          </tr>
        </tfoot>
      </table>
    </TableScroll>
  );
}
