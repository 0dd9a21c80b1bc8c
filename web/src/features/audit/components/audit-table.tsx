import { Fragment, useState } from 'react';
import { summariseEvent } from '#shared/domain/audit/summary.js';
import type { AuditEvent } from '#shared/schemas/audit.js';
import { Badge } from '../../../components/ui/badge.js';
import { Button } from '../../../components/ui/button.js';
import { SortableHeader, type SortDirection, Table, TableMessageRow } from '../../../components/ui/table.js';
import { shortHash } from '../../../lib/format.js';
import { ACTOR_TYPE_LABELS, actionLabel, entityTypeLabel } from './audit-labels.js';
import { formatAuditTime } from './audit-time.js';

export interface AuditTableProps {
  events: readonly AuditEvent[];
  order: SortDirection;
  onToggleOrder: () => void;
  onShowEntity: (entityType: string, entityId: string) => void;
  busy: boolean;
}

const COLUMNS = 5;

function EventDetails({ event }: { event: AuditEvent }) {
  return (
    <div className="event-details">
      <dl className="details details-compact">
        <dt>Sequence</dt>
        <dd>{event.seq}</dd>
        <dt>Recorded at (UTC)</dt>
        <dd>{event.createdAt}</dd>
        <dt>Action</dt>
        <dd>
          <code className="code">{event.action}</code>
        </dd>
        <dt>Actor id</dt>
        <dd>
          <code className="code">{event.actorId ?? '—'}</code>
        </dd>
        <dt>Entity id</dt>
        <dd>
          <code className="code">{event.entityId}</code>
        </dd>
        <dt>Hash</dt>
        <dd>
          <code className="code code-wrap">{event.hash}</code>
        </dd>
        <dt>Previous hash</dt>
        <dd>
          <code className="code code-wrap">{event.prevHash}</code>
        </dd>
      </dl>
      <p className="event-payload-title">Payload (as recorded; erased personal values show their digest)</p>
      <pre className="json">{JSON.stringify(event.payload, null, 2)}</pre>
    </div>
  );
}

export function AuditTable({ events, order, onToggleOrder, onShowEntity, busy }: AuditTableProps) {
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(new Set());
  const toggle = (id: string) =>
    setExpanded((current) => {
      const next = new Set(current);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });

  return (
    <Table caption="Audit events" busy={busy}>
      <thead>
        <tr>
          <SortableHeader label="Time" direction={order} onSort={onToggleOrder} />
          <th scope="col">Actor</th>
          <th scope="col">Entity</th>
          <th scope="col">What happened</th>
          <th scope="col">
            <span className="visually-hidden">Details</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {events.length === 0 ? (
          <TableMessageRow colSpan={COLUMNS}>No audit events match these filters.</TableMessageRow>
        ) : (
          events.map((event) => {
            const open = expanded.has(event.id);
            const detailsId = `audit-details-${event.id}`;
            return (
              <Fragment key={event.id}>
                <tr className={open ? 'row-open' : undefined}>
                  <td className="cell-nowrap" title={event.createdAt}>
                    {formatAuditTime(event.createdAt)}
                  </td>
                  <td>
                    {event.actorLabel ?? <span className="muted">{ACTOR_TYPE_LABELS[event.actorType]}</span>}
                    {event.actorType !== 'user' ? (
                      <span className="cell-sub">
                        <Badge>{ACTOR_TYPE_LABELS[event.actorType]}</Badge>
                      </span>
                    ) : null}
                  </td>
                  <td>
                    <span className="cell-sub">{entityTypeLabel(event.entityType)}</span>
                    <button
                      type="button"
                      className="link-button"
                      title={`Show every event for ${event.entityId}`}
                      aria-label={`Show every event for ${entityTypeLabel(event.entityType)} ${event.entityLabel ?? event.entityId}`}
                      onClick={() => onShowEntity(event.entityType, event.entityId)}
                    >
                      {event.entityLabel ?? <code className="code">{shortHash(event.entityId, 8)}</code>}
                    </button>
                  </td>
                  <td className="audit-summary">
                    <span className="cell-strong">{actionLabel(event.action)}</span>
                    <span className="cell-sub">{summariseEvent(event)}</span>
                  </td>
                  <td className="cell-actions">
                    <Button
                      size="sm"
                      variant="ghost"
                      aria-expanded={open}
                      aria-controls={open ? detailsId : undefined}
                      aria-label={`${open ? 'Hide' : 'Show'} details of event ${event.seq}`}
                      onClick={() => toggle(event.id)}
                    >
                      {open ? 'Hide' : 'Details'}
                    </Button>
                  </td>
                </tr>
                {open ? (
                  <tr className="row-details" id={detailsId}>
                    <td colSpan={COLUMNS}>
                      <EventDetails event={event} />
                    </td>
                  </tr>
                ) : null}
              </Fragment>
            );
          })
        )}
      </tbody>
    </Table>
  );
}
