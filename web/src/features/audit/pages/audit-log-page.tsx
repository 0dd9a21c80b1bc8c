import { AuditQuerySchema } from '#shared/schemas/audit.js';
import { Alert } from '../../../components/ui/alert.js';
import { Button } from '../../../components/ui/button.js';
import { PageHeader } from '../../../components/ui/page-header.js';
import { Pagination } from '../../../components/ui/pagination.js';
import { describeError } from '../../../lib/form-errors.js';
import { useSearchState } from '../../../lib/use-search-state.js';
import { useCurrentSession } from '../../auth/session-context.js';
import { auditExportUrl, useAuditEvents } from '../api.js';
import { AuditFilters } from '../components/audit-filters.js';
import { entityTypeLabel } from '../components/audit-labels.js';
import { AuditTable } from '../components/audit-table.js';
import { AuditVerifyPanel } from '../components/audit-verify-panel.js';
import '../audit.css';

const PAGE_SIZE = '50';

export function AuditLogPage() {
  const [query, setQuery] = useSearchState(AuditQuerySchema, { limit: PAGE_SIZE });
  const events = useAuditEvents(query);
  const session = useCurrentSession();
  const filterKey = [query.action, query.entityType, query.entity, query.from, query.to].join('|');
  const oneEntity = query.entityId
    ? (events.data?.items.find((e) => e.entityId === query.entityId)?.entityLabel ?? query.entityId)
    : null;

  return (
    <>
      <PageHeader
        title="Audit log"
        description="Every sign-in and change in this organisation, append-only. Each event carries the hash of the one before it, so a removed or altered event breaks the chain; signed checkpoints of the chain's head reveal events removed from its end."
        actions={
          <a className="btn btn-secondary" href={auditExportUrl(query)} download>
            Export CSV
          </a>
        }
      />
      <AuditVerifyPanel isAdmin={session.role === 'admin'} />
      <AuditFilters key={filterKey} query={query} onApply={setQuery} />
      {oneEntity ? (
        <p className="audit-entity-scope">
          Showing the events of one {entityTypeLabel(query.entityType ?? '').toLowerCase()}:{' '}
          <strong>{oneEntity}</strong>{' '}
          <Button
            size="sm"
            variant="ghost"
            onClick={() => setQuery({ entityId: undefined, entityType: undefined, offset: undefined })}
          >
            Show all
          </Button>
        </p>
      ) : null}
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
