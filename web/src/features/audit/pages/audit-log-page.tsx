import { AuditQuerySchema } from '#shared/schemas/audit.js';
import { Alert } from '../../../components/ui/alert.js';
import { Button } from '../../../components/ui/button.js';
import { PageHeader } from '../../../components/ui/page-header.js';
import { Pagination } from '../../../components/ui/pagination.js';
import { describeError } from '../../../lib/form-errors.js';
import { useSearchState } from '../../../lib/use-search-state.js';
import { useAuditEvents } from '../api.js';
import { AuditFilters } from '../components/audit-filters.js';
import { AuditTable } from '../components/audit-table.js';
import '../audit.css';

const PAGE_SIZE = '50';

export function AuditLogPage() {
  const [query, setQuery] = useSearchState(AuditQuerySchema, { limit: PAGE_SIZE });
  const events = useAuditEvents(query);
  const filterKey = [query.action, query.entityType, query.entityId, query.from, query.to].join('|');

  return (
    <>
      <PageHeader
        title="Audit log"
        description="Every sign-in and change in this organisation, append-only. Each event carries the hash of the one before it, so a removed or altered event breaks the chain."
      />
      <AuditFilters key={filterKey} query={query} onApply={setQuery} />
      {events.isError ? (
        <Alert tone="error" title="Audit events could not be loaded">
          {describeError(events.error)}{' '}
          <Button size="sm" onClick={() => events.refetch()}>
            Try again
          </Button>
        </Alert>
      ) : null}
      {events.data ? (
        <>
          <AuditTable
            events={events.data.items}
            order={query.order}
            busy={events.isFetching}
            onToggleOrder={() =>
              setQuery({ order: query.order === 'desc' ? 'asc' : undefined, offset: undefined })
            }
            onShowEntity={(entityType, entityId) =>
              setQuery({ entityType, entityId, action: undefined, offset: undefined })
            }
          />
          <Pagination
            noun="events"
            total={events.data.total}
            limit={query.limit}
            offset={query.offset}
            onChange={(offset) => setQuery({ offset: offset || undefined })}
          />
        </>
      ) : events.isPending ? (
        <p className="loading-text" role="status">
          Loading audit events…
        </p>
      ) : null}
    </>
  );
}
