import { useState } from 'react';
import { Link } from 'react-router';
import { SuppliersQuerySchema } from '#shared/schemas/suppliers.js';
import { Alert } from '../../../components/ui/alert.js';
import { Button } from '../../../components/ui/button.js';
import { EmptyState } from '../../../components/ui/empty-state.js';
import { PageHeader } from '../../../components/ui/page-header.js';
import { Pagination } from '../../../components/ui/pagination.js';
import { describeError } from '../../../lib/form-errors.js';
import { useSearchState } from '../../../lib/use-search-state.js';
import { canManageSuppliers, canSendQuestionnaires } from '../../auth/permissions.js';
import { useCurrentSession } from '../../auth/session-context.js';
import { SendQuestionnairePanel } from '../../questionnaires/components/send/send-questionnaire-panel.js';
import { exportCsvUrl, TEMPLATE_CSV_URL, useSuppliers } from '../api.js';
import { SelectionBar } from '../components/selection-bar.js';
import { hasActiveFilters, SuppliersFilters } from '../components/suppliers-filters.js';
import { type SupplierSelection, SuppliersTable } from '../components/suppliers-table.js';
import '../suppliers.css';

const PAGE_SIZE = '25';
/** Columns where the largest value matters first. */
const DESCENDING_FIRST = new Set(['rating', 'residualScore', 'chain_risk', 'updatedAt', 'annualSpend']);

export function SuppliersPage() {
  const session = useCurrentSession();
  const canManage = canManageSuppliers(session.role);
  const [query, setQuery] = useSearchState(SuppliersQuerySchema, { limit: PAGE_SIZE, order: 'asc' });
  const suppliers = useSuppliers(query);
  const canSend = canSendQuestionnaires(session.role);
  // Chosen suppliers by id, with the name the send form shows; kept across pages and filters.
  const [selected, setSelected] = useState<ReadonlyMap<string, string>>(new Map());
  const [sending, setSending] = useState(false);
  const selection: SupplierSelection = {
    isSelected: (id) => selected.has(id),
    onChange: (rows, on) =>
      setSelected((current) => {
        const next = new Map(current);
        for (const row of rows) {
          if (on) next.set(row.id, row.name);
          else next.delete(row.id);
        }
        return next;
      }),
  };

  const onSort = (sort: typeof query.sort) => {
    const fresh = DESCENDING_FIRST.has(sort) ? 'desc' : 'asc';
    const order = query.sort === sort ? (query.order === 'asc' ? 'desc' : 'asc') : fresh;
    setQuery({ sort, order, offset: undefined });
  };

  const registerIsEmpty = suppliers.data?.total === 0 && !hasActiveFilters(query);

  return (
    <>
      <PageHeader
        title="Suppliers"
        description="The companies and production sites in your supply chain, with the risk each carries."
        actions={
          <>
            <a className="btn btn-secondary" href={exportCsvUrl(query)} download>
              Export CSV (filtered)
            </a>
            {canManage ? (
              <>
                <Link className="btn btn-secondary" to="/suppliers/import">
                  Import CSV
                </Link>
                <Link className="btn btn-primary" to="/suppliers/new">
                  Add supplier
                </Link>
              </>
            ) : null}
          </>
        }
      />
      {suppliers.isError ? (
        <Alert tone="error" title="Suppliers could not be loaded">
          {describeError(suppliers.error)}{' '}
          <Button size="sm" onClick={() => suppliers.refetch()}>
            Try again
          </Button>
        </Alert>
      ) : null}
      {registerIsEmpty ? (
        <EmptyState
          title="No suppliers in the register yet"
          action={
            canManage ? (
              <div className="button-row">
                <Link className="btn btn-primary" to="/suppliers/import">
                  Import from CSV
                </Link>
                <a className="btn btn-secondary" href={TEMPLATE_CSV_URL} download>
                  Download the CSV template
                </a>
                <Link className="btn btn-ghost" to="/suppliers/new">
                  Add one by hand
                </Link>
              </div>
            ) : null
          }
        >
          <p>
            Risk is scored per production site, so add one record for each place where work for you is done:
            its country, the goods it makes, its tier and its workforce. Most teams start from an export of
            their ERP vendor list.
          </p>
          {canManage ? null : (
            <p>Compliance officers and administrators of {session.org.name} can add suppliers.</p>
          )}
        </EmptyState>
      ) : (
        <>
          <SuppliersFilters query={query} onChange={setQuery} />
          {sending ? (
            <SendQuestionnairePanel
              suppliers={[...selected].map(([id, name]) => ({ id, name }))}
              onSent={() => setSelected(new Map())}
              onClose={() => setSending(false)}
            />
          ) : canSend ? (
            <SelectionBar
              count={selected.size}
              onSend={() => setSending(true)}
              onClear={() => setSelected(new Map())}
            />
          ) : null}
          {suppliers.data ? (
            <>
              <SuppliersTable
                selection={canSend ? selection : undefined}
                suppliers={suppliers.data.items}
                sort={query.sort}
                order={query.order}
                onSort={onSort}
                busy={suppliers.isFetching}
              />
              <Pagination
                noun="suppliers"
                total={suppliers.data.total}
                limit={query.limit}
                offset={query.offset}
                onChange={(offset) => setQuery({ offset: offset || undefined })}
              />
            </>
          ) : suppliers.isPending ? (
            <p className="loading-text" role="status">
              Loading suppliers…
            </p>
          ) : null}
        </>
      )}
    </>
  );
}
