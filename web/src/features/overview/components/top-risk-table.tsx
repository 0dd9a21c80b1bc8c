import { Link } from 'react-router';
import { countryName } from '#shared/countries.js';
import type { Supplier } from '#shared/schemas/suppliers.js';
import { Table } from '../../../components/ui/table.js';
import { formatDate, formatScore } from '../../../lib/format.js';
import { RatingBadge } from '../../suppliers/components/rating-badge.js';

const GOODS_SHOWN = 3;

function Goods({ goods }: { goods: readonly string[] }) {
  if (goods.length === 0) return <span className="muted">None recorded</span>;
  const more = goods.length - GOODS_SHOWN;
  return (
    <>
      {goods.slice(0, GOODS_SHOWN).join(', ')}
      {more > 0 ? <span className="muted"> +{more} more</span> : null}
    </>
  );
}

/**
 * The assessed suppliers with the highest residual risk, worst first. It sits in half the Overview's width, so
 * the country and goods go under the name (wrapping there) and the four columns fit without scrolling.
 */
export function TopRiskTable({ suppliers }: { suppliers: readonly Supplier[] }) {
  return (
    <Table caption="Suppliers with the highest residual risk">
      <thead>
        <tr>
          <th scope="col" className="top-risk-name">
            Supplier, country and goods
          </th>
          <th scope="col">Rating</th>
          <th scope="col" className="cell-number">
            Residual
          </th>
          <th scope="col">Assessed</th>
        </tr>
      </thead>
      <tbody>
        {suppliers.map((supplier) => (
          <tr key={supplier.id}>
            <td>
              <Link className="cell-link" to={`/suppliers/${supplier.id}`}>
                {supplier.name}
              </Link>
              <span className="cell-sub">
                {countryName(supplier.country) ?? supplier.country}{' '}
                <span className="muted">{supplier.country}</span> · <Goods goods={supplier.goods} />
              </span>
            </td>
            <td>
              <RatingBadge rating={supplier.risk?.rating ?? null} floor={supplier.risk?.ratingFloor} />
            </td>
            <td className="cell-number">{supplier.risk ? formatScore(supplier.risk.residualScore) : '–'}</td>
            <td className="cell-nowrap">{supplier.risk ? formatDate(supplier.risk.assessedAt) : '–'}</td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
