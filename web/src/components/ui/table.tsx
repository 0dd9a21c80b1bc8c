import type { ReactNode, ThHTMLAttributes } from 'react';

export interface TableProps {
  /** Read by screen readers to name the table; hidden visually because the page heading says the same. */
  caption: string;
  children: ReactNode;
  busy?: boolean;
  /** A class for the scrolling card around the table (e.g. to keep its first column in view). */
  wrapClassName?: string;
}

export function Table({ caption, children, busy = false, wrapClassName }: TableProps) {
  return (
    <TableScroll label={caption} className={wrapClassName}>
      <table className="table" aria-busy={busy || undefined}>
        <caption className="visually-hidden">{caption}</caption>
        {children}
      </table>
    </TableScroll>
  );
}

export interface TableScrollProps {
  /** Names the region for screen readers; the table's caption reads well. */
  label: string;
  className?: string;
  children: ReactNode;
}

/**
 * The card a table sits in, which scrolls sideways when the table is wider than the screen (a phone) and
 * down when a variant caps its height. It takes keyboard focus so the arrow keys can scroll it (WCAG 2.1.1;
 * axe "scrollable-region-focusable"), and is a named region so that focus lands somewhere announced.
 */
export function TableScroll({ label, className, children }: TableScrollProps) {
  return (
    <section
      className={className ? `table-wrap ${className}` : 'table-wrap'}
      aria-label={label}
      // biome-ignore lint/a11y/noNoninteractiveTabindex: a region that scrolls must take focus to be scrolled by keyboard.
      tabIndex={0}
    >
      {children}
    </section>
  );
}

export type SortDirection = 'asc' | 'desc';

export interface SortableHeaderProps extends Omit<ThHTMLAttributes<HTMLTableCellElement>, 'onClick'> {
  label: string;
  /** Direction when this column is the sort key; undefined when another column is. */
  direction: SortDirection | undefined;
  onSort: () => void;
}

/** A column header that sorts when pressed and tells assistive technology which way it is sorted. */
export function SortableHeader({ label, direction, onSort, ...th }: SortableHeaderProps) {
  const ariaSort = direction === 'asc' ? 'ascending' : direction === 'desc' ? 'descending' : undefined;
  return (
    <th scope="col" aria-sort={ariaSort} {...th}>
      <button type="button" className="sort-button" onClick={onSort}>
        {label}
        <span className="sort-indicator" aria-hidden="true">
          {direction === 'asc' ? '▲' : direction === 'desc' ? '▼' : '↕'}
        </span>
      </button>
    </th>
  );
}

/** A full-width row for "loading", "nothing matches" and similar messages inside a table body. */
export function TableMessageRow({ colSpan, children }: { colSpan: number; children: ReactNode }) {
  return (
    <tr>
      <td colSpan={colSpan} className="table-message">
        {children}
      </td>
    </tr>
  );
}
