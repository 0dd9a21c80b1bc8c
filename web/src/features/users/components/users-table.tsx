import type { Role } from '#shared/roles.js';
import type { User, UsersQuery } from '#shared/schemas/users.js';
import { Badge } from '../../../components/ui/badge.js';
import { Button } from '../../../components/ui/button.js';
import { SortableHeader, Table, TableMessageRow } from '../../../components/ui/table.js';
import { formatDate, formatRelative } from '../../../lib/format.js';
import { ROLE_OPTIONS } from '../../../lib/role-options.js';

type SortKey = UsersQuery['sort'];

export interface UsersTableProps {
  users: readonly User[];
  currentUserId: string;
  sort: SortKey;
  order: UsersQuery['order'];
  onSort: (sort: SortKey) => void;
  /** Id of the user whose change is being saved; their controls are disabled meanwhile. */
  savingId: string | undefined;
  busy: boolean;
  onChangeRole: (user: User, role: Role) => void;
  onChangeStatus: (user: User) => void;
  /** Sends the member a link to set their password (an invitation until their first sign-in). */
  onSendPasswordLink: (user: User) => void;
  /** Id of the user whose link is being issued. */
  sendingLinkId: string | undefined;
}

const COLUMNS = 7;

export function UsersTable(props: UsersTableProps) {
  const { users, currentUserId, sort, order, onSort, savingId, busy } = props;
  const header = (key: SortKey, label: string) => (
    <SortableHeader label={label} direction={sort === key ? order : undefined} onSort={() => onSort(key)} />
  );
  return (
    <Table caption="Users of this organisation" busy={busy}>
      <thead>
        <tr>
          {header('name', 'Name')}
          {header('email', 'Email')}
          {header('role', 'Role')}
          <th scope="col">Status</th>
          <th scope="col">Last sign-in</th>
          {header('createdAt', 'Added')}
          <th scope="col">
            <span className="visually-hidden">Actions</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {users.length === 0 ? (
          <TableMessageRow colSpan={COLUMNS}>No users match these filters.</TableMessageRow>
        ) : (
          users.map((user) => {
            const saving = savingId === user.id;
            const isSelf = user.id === currentUserId;
            return (
              <tr key={user.id}>
                <td className="cell-strong">
                  {user.name}
                  {isSelf ? <span className="muted"> (you)</span> : null}
                </td>
                <td>{user.email}</td>
                <td>
                  <select
                    className="input select input-compact"
                    aria-label={`Role of ${user.name}`}
                    value={user.role}
                    disabled={saving}
                    onChange={(event) => props.onChangeRole(user, event.target.value as Role)}
                  >
                    {ROLE_OPTIONS.map((option) => (
                      <option key={option.value} value={option.value}>
                        {option.label}
                      </option>
                    ))}
                  </select>
                </td>
                <td>
                  {user.status === 'active' ? (
                    <Badge tone="success">Active</Badge>
                  ) : (
                    <Badge tone="neutral">Deactivated</Badge>
                  )}
                </td>
                <td className="cell-nowrap" title={user.lastLoginAt ?? undefined}>
                  {user.lastLoginAt ? formatRelative(user.lastLoginAt) : <span className="muted">Never</span>}
                </td>
                <td className="cell-nowrap">{formatDate(user.createdAt)}</td>
                <td className="cell-actions">
                  <div className="row-actions">
                    {isSelf || user.status !== 'active' ? null : (
                      <Button
                        size="sm"
                        variant="ghost"
                        busy={props.sendingLinkId === user.id}
                        onClick={() => props.onSendPasswordLink(user)}
                        aria-label={`${user.lastLoginAt ? 'Send a password reset link to' : 'Send a new invitation to'} ${user.name}`}
                      >
                        {user.lastLoginAt ? 'Reset password' : 'Re-invite'}
                      </Button>
                    )}
                    {isSelf ? null : (
                      <Button
                        size="sm"
                        variant={user.status === 'active' ? 'ghost' : 'secondary'}
                        disabled={saving}
                        onClick={() => props.onChangeStatus(user)}
                        aria-label={`${user.status === 'active' ? 'Deactivate' : 'Reactivate'} ${user.name}`}
                      >
                        {user.status === 'active' ? 'Deactivate' : 'Reactivate'}
                      </Button>
                    )}
                  </div>
                </td>
              </tr>
            );
          })
        )}
      </tbody>
    </Table>
  );
}
