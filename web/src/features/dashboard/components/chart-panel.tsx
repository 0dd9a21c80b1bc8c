import { type ReactNode, useId, useState } from 'react';
import { Link } from 'react-router';
import { Button } from '../../../components/ui/button.js';
import { downloadCsv } from '../lib/csv-download.js';

/** A chart's figures as a table: what screen readers read, what the CSV holds, and the drill-down links. */
export interface FigureTable {
  columns: readonly string[];
  rows: readonly FigureRow[];
}

export interface FigureRow {
  key: string;
  /** The first column, e.g. "Critical" or "2026-11". */
  label: string;
  /** Where the row's segment leads (the filtered supplier list or task board). */
  href?: string;
  /** The other columns, raw (for the CSV) … */
  values: readonly (number | string | null)[];
  /** … and as shown (defaults to the raw value). */
  shown?: readonly string[];
  /** Where each value's own segment leads, when it is not the row's (e.g. a row's overdue count). */
  valueHrefs?: readonly (string | undefined)[];
}

export interface ChartPanelProps {
  title: string;
  /** One sentence under the title: what is counted, and where a click leads. */
  description?: ReactNode;
  /** The CSV's file name, without extension. */
  fileName: string;
  table: FigureTable;
  /** The chart; omitted when the table is the figure (the heat map). */
  children?: ReactNode;
  className?: string;
  /**
   * False when the chart is itself an accessible table (the heat map): the figures table then appears only
   * when asked for, rather than a second time for screen readers.
   */
  hiddenTable?: boolean;
}

/**
 * A dashboard figure: the chart for the eye, and the same figures as a table. The table is always in the page
 * for screen readers (visually hidden, its links reached by their reading cursor but kept out of the Tab
 * order, since a sighted keyboard user could not see where focus went); "Show table" puts it on screen, links
 * and all, in place of the chart.
 */
export function ChartPanel({
  title,
  description,
  fileName,
  table,
  children,
  className,
  hiddenTable = true,
}: ChartPanelProps) {
  const id = useId();
  const [tableShown, setTableShown] = useState(children === undefined);
  const onScreen = tableShown || children === undefined;
  const csvRows = [table.columns, ...table.rows.map((r) => [r.label, ...r.values])];
  return (
    <section className={`panel dash-panel ${className ?? ''}`} aria-labelledby={`${id}-title`}>
      <div className="dash-panel-head">
        <h2 className="panel-title" id={`${id}-title`}>
          {title}
        </h2>
        <div className="dash-panel-actions">
          {children !== undefined ? (
            <Button
              size="sm"
              variant="ghost"
              aria-pressed={tableShown}
              onClick={() => setTableShown((shown) => !shown)}
            >
              {tableShown ? 'Show chart' : 'Show table'}
            </Button>
          ) : null}
          <Button
            size="sm"
            variant="ghost"
            aria-label={`Download ${title} as CSV`}
            onClick={() => downloadCsv(`${fileName}.csv`, csvRows)}
          >
            CSV
          </Button>
        </div>
      </div>
      {description ? <p className="muted dash-panel-note">{description}</p> : null}
      {onScreen ? null : <div className="dash-chart">{children}</div>}
      {onScreen || hiddenTable ? <FiguresTable title={title} table={table} onScreen={onScreen} /> : null}
    </section>
  );
}

function FiguresTable({ title, table, onScreen }: { title: string; table: FigureTable; onScreen: boolean }) {
  return (
    <div className={onScreen ? 'table-wrap dash-table' : 'visually-hidden'}>
      <table className="table">
        <caption className="visually-hidden">{title}</caption>
        <thead>
          <tr>
            {table.columns.map((column, index) => (
              <th key={column} scope="col" className={index > 0 ? 'num' : undefined}>
                {column}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {table.rows.map((row) => (
            <tr key={row.key}>
              <th scope="row" className="cell-rowheader">
                {row.href ? (
                  <Link to={row.href} tabIndex={onScreen ? undefined : -1}>
                    {row.label}
                  </Link>
                ) : (
                  row.label
                )}
              </th>
              {row.values.map((value, index) => {
                const text = row.shown?.[index] ?? (value === null ? '–' : String(value));
                const href = row.valueHrefs?.[index];
                return (
                  <td key={table.columns[index + 1]} className="num">
                    {href ? (
                      <Link
                        to={href}
                        tabIndex={onScreen ? undefined : -1}
                        aria-label={`${row.label}, ${table.columns[index + 1]}: ${text}`}
                      >
                        {text}
                      </Link>
                    ) : (
                      text
                    )}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
