import { Button } from './button.js';

export interface PaginationProps {
  total: number;
  limit: number;
  offset: number;
  onChange: (offset: number) => void;
  /** Noun for the counter, e.g. "users". */
  noun: string;
}

export function Pagination({ total, limit, offset, onChange, noun }: PaginationProps) {
  const first = total === 0 ? 0 : offset + 1;
  const last = Math.min(offset + limit, total);
  const page = Math.floor(offset / limit) + 1;
  const pages = Math.max(1, Math.ceil(total / limit));
  return (
    <nav className="pagination" aria-label={`Pages of ${noun}`}>
      <p className="pagination-summary" aria-live="polite">
        {total === 0 ? `No ${noun}` : `${first}–${last} of ${total} ${noun}`}
      </p>
      <div className="pagination-controls">
        <Button size="sm" onClick={() => onChange(Math.max(0, offset - limit))} disabled={offset === 0}>
          Previous
        </Button>
        <span className="pagination-page">
          Page {page} of {pages}
        </span>
        <Button size="sm" onClick={() => onChange(offset + limit)} disabled={offset + limit >= total}>
          Next
        </Button>
      </div>
    </nav>
  );
}
