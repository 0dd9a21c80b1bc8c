import { ROLE_LABELS } from '#shared/roles.js';
import type { ApiKey } from '#shared/schemas/api-keys.js';
import { Badge } from '../../../components/ui/badge.js';
import { Button } from '../../../components/ui/button.js';
import { Table, TableMessageRow } from '../../../components/ui/table.js';
import { formatDate, formatDateTime, formatRelative } from '../../../lib/format.js';

export interface ApiKeysTableProps {
  keys: readonly ApiKey[];
  includeRevoked: boolean;
  busy: boolean;
  onRevoke: (key: ApiKey) => void;
}

const COLUMNS = 8;

const isExpired = (key: ApiKey, now: number) =>
  key.expiresAt !== null && new Date(key.expiresAt).getTime() <= now;

export function ApiKeysTable({ keys, includeRevoked, busy, onRevoke }: ApiKeysTableProps) {
  const now = Date.now();
  return (
    <Table caption="API keys of this organisation" busy={busy}>
      <thead>
        <tr>
          <th scope="col">Name</th>
          <th scope="col">Key</th>
          <th scope="col">Role</th>
          <th scope="col">Status</th>
          <th scope="col">Last used</th>
          <th scope="col">Created</th>
          <th scope="col">Expires</th>
          <th scope="col">
            <span className="visually-hidden">Actions</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {keys.length === 0 ? (
          <TableMessageRow colSpan={COLUMNS}>
            {includeRevoked ? 'No API keys have been created yet.' : 'No active API keys.'}
          </TableMessageRow>
        ) : (
          keys.map((key) => (
            <tr key={key.id} className={key.revokedAt ? 'row-muted' : undefined}>
              <td className="cell-strong">{key.name}</td>
              <td>
                <code className="code" title="First characters of the key">
                  {key.prefix}…
                </code>
              </td>
              <td>{ROLE_LABELS[key.role]}</td>
              <td>
                {key.revokedAt ? (
                  <span title={formatDateTime(key.revokedAt)}>
                    <Badge tone="danger">Revoked {formatDate(key.revokedAt)}</Badge>
                  </span>
                ) : isExpired(key, now) ? (
                  <Badge tone="warning">Expired</Badge>
                ) : (
                  <Badge tone="success">Active</Badge>
                )}
              </td>
              <td title={key.lastUsedAt ? formatDateTime(key.lastUsedAt) : undefined}>
                {key.lastUsedAt ? formatRelative(key.lastUsedAt) : <span className="muted">Never used</span>}
              </td>
              <td className="cell-nowrap">{formatDate(key.createdAt)}</td>
              <td className="cell-nowrap" title={key.expiresAt ? formatDateTime(key.expiresAt) : undefined}>
                {key.expiresAt ? formatDate(key.expiresAt) : <span className="muted">Never</span>}
              </td>
              <td className="cell-actions">
                {key.revokedAt ? null : (
                  <Button
                    size="sm"
                    variant="ghost"
                    onClick={() => onRevoke(key)}
                    aria-label={`Revoke ${key.name}`}
                  >
                    Revoke
                  </Button>
                )}
              </td>
            </tr>
          ))
        )}
      </tbody>
    </Table>
  );
}
