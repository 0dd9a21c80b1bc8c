import { Link } from 'react-router';
import { countryName } from '#shared/countries.js';
import type { Supplier, SuppliersQuery } from '#shared/schemas/suppliers.js';
import { SortableHeader, Table, TableMessageRow } from '../../../components/ui/table.js';
import { formatDate, formatMoney, formatScore } from '../../../lib/format.js';
import { STATUS_LABELS } from '../labels.js';
import { RatingBadge } from './rating-badge.js';

type SortKey = SuppliersQuery['sort'];

export interface SuppliersTableProps {
  suppliers: readonly Supplier[];
  sort: SortKey;
  order: SuppliersQuery['order'];
  onSort: (sort: SortKey) => void;
  busy: boolean;
  /** Given, each row gets a checkbox (and the header one for the whole page), e.g. to send a questionnaire. */
  selection?: SupplierSelection;
}

export interface SupplierSelection {
  isSelected: (id: string) => boolean;
  /** Adds or removes these suppliers (one row, or every selectable row of the page). */
  onChange: (suppliers: readonly Supplier[], selected: boolean) => void;
}

/** Archived suppliers cannot be sent anything (the server refuses), so they cannot be selected. */
const selectable = (supplier: Supplier) => supplier.archivedAt === null;

const COLUMNS = 10;
const GOODS_SHOWN = 3;

function Goods({ goods }: { goods: readonly string[] }) {
  if (goods.length === 0) return <span className="muted">None recorded</span>;
  const shown = goods.slice(0, GOODS_SHOWN).join(', ');
  const more = goods.length - GOODS_SHOWN;
  return (
    <span title={goods.join(', ')}>
      {shown}
      {more > 0 ? <span className="muted"> +{more} more</span> : null}
    </span>
  );
}

/** The riskiest rating in the supplier's sub-tree, itself included; "below" when it is not the supplier's own. */
function ChainRiskCell({ supplier }: { supplier: Supplier }) {
  const chain = supplier.chainRisk;
  if (!chain) return <span className="muted">–</span>;
  return (
    <span className="chain-risk-cell">
      <RatingBadge rating={chain.rating} /> {formatScore(chain.residualScore)}
      {chain.supplierId === supplier.id ? null : <span className="cell-sub muted">below</span>}
    </span>
  );
}

/** The header checkbox: checked when the whole page is selected, mixed when part of it is. */
function SelectPageBox({
  suppliers,
  selection,
}: {
  suppliers: readonly Supplier[];
  selection: SupplierSelection;
}) {
  const rows = suppliers.filter(selectable);
  const count = rows.filter((s) => selection.isSelected(s.id)).length;
  const all = rows.length > 0 && count === rows.length;
  return (
    <input
      type="checkbox"
      className="row-select"
      aria-label="Select every supplier on this page"
      checked={all}
      disabled={rows.length === 0}
      ref={(el) => {
        if (el) el.indeterminate = count > 0 && !all;
      }}
      onChange={() => selection.onChange(rows, !all)}
    />
  );
}

export function SuppliersTable({ suppliers, sort, order, onSort, busy, selection }: SuppliersTableProps) {
  const header = (key: SortKey, label: string, className?: string) => (
    <SortableHeader
      label={label}
      className={className}
      direction={sort === key ? order : undefined}
      onSort={() => onSort(key)}
    />
  );
  return (
    <Table
      caption="Suppliers in the register"
      busy={busy}
      wrapClassName={selection ? 'suppliers-table-wrap suppliers-table-selectable' : 'suppliers-table-wrap'}
    >
      <thead>
        <tr>
          {selection ? (
            <th scope="col" className="cell-select">
              <SelectPageBox suppliers={suppliers} selection={selection} />
            </th>
          ) : null}
          {header('name', 'Supplier', 'cell-name')}
          {header('country', 'Country')}
          <th scope="col">Goods</th>
          {header('tier', 'Tier', 'cell-number')}
          {header('status', 'Status')}
          {header('rating', 'Rating')}
          {header('residualScore', 'Residual', 'cell-number')}
          {header('chain_risk', 'Chain risk')}
          <th scope="col">Assessed</th>
          {header('annualSpend', 'Annual spend', 'cell-number cell-wrap-head')}
        </tr>
      </thead>
      <tbody>
        {suppliers.length === 0 ? (
          <TableMessageRow colSpan={COLUMNS + (selection ? 1 : 0)}>
            No suppliers match these filters.
          </TableMessageRow>
        ) : (
          suppliers.map((supplier) => (
            <tr
              key={supplier.id}
              className={
                supplier.archivedAt
                  ? 'row-muted'
                  : selection?.isSelected(supplier.id)
                    ? 'row-selected'
                    : undefined
              }
            >
              {selection ? (
                <td className="cell-select">
                  <input
                    type="checkbox"
                    className="row-select"
                    aria-label={`Select ${supplier.name}`}
                    checked={selection.isSelected(supplier.id)}
                    disabled={!selectable(supplier)}
                    title={selectable(supplier) ? undefined : 'Archived: restore it to send it anything'}
                    onChange={(event) => selection.onChange([supplier], event.target.checked)}
                  />
                </td>
              ) : null}
              <td>
                <Link className="cell-link" to={`/suppliers/${supplier.id}`}>
                  {supplier.name}
                </Link>
                {supplier.externalRef ? (
                  <span className="cell-sub muted code-inline">{supplier.externalRef}</span>
                ) : null}
              </td>
              <td>
                {countryName(supplier.country) ?? supplier.country}{' '}
                <span className="muted">{supplier.country}</span>
              </td>
              <td className="cell-goods">
                <Goods goods={supplier.goods} />
              </td>
              <td className="cell-number">{supplier.tier}</td>
              <td>{STATUS_LABELS[supplier.status]}</td>
              <td>
                <RatingBadge rating={supplier.risk?.rating ?? null} floor={supplier.risk?.ratingFloor} />
              </td>
              <td className="cell-number">
                {supplier.risk ? formatScore(supplier.risk.residualScore) : <span className="muted">–</span>}
              </td>
              <td>
                <ChainRiskCell supplier={supplier} />
              </td>
              <td className="cell-nowrap">
                {supplier.risk ? formatDate(supplier.risk.assessedAt) : <span className="muted">Never</span>}
              </td>
              <td className="cell-number cell-nowrap">
                {supplier.annualSpend === null ? (
                  <span className="muted">–</span>
                ) : (
                  formatMoney(supplier.annualSpend, supplier.currency)
                )}
              </td>
            </tr>
          ))
        )}
      </tbody>
    </Table>
  );
}
