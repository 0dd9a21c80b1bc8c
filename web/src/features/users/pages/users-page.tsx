import { useState } from 'react';
import type { Role } from '#shared/roles.js';
import { ROLE_LABELS } from '#shared/roles.js';
import { type User, UserSchema, UsersQuerySchema, type UserUpdate } from '#shared/schemas/users.js';
import { Alert } from '../../../components/ui/alert.js';
import { Button } from '../../../components/ui/button.js';
import { ConfirmDialog } from '../../../components/ui/confirm-dialog.js';
import { PageHeader } from '../../../components/ui/page-header.js';
import { Pagination } from '../../../components/ui/pagination.js';
import { staleRecord } from '../../../lib/edit-conflict.js';
import { describeError } from '../../../lib/form-errors.js';
import { useSearchState } from '../../../lib/use-search-state.js';
import { useCurrentSession } from '../../auth/session-context.js';
import { useIssuePasswordLink, useUpdateUser, useUsers } from '../api.js';
import { AddUserPanel } from '../components/add-user-panel.js';
import { PasswordLinkResult } from '../components/password-link-result.js';
import { type UserConflict, UserConflictAlert } from '../components/user-conflict-alert.js';
import { UsersFilters } from '../components/users-filters.js';
import { UsersTable } from '../components/users-table.js';

const PAGE_SIZE = '25';

const ROLE_CONSEQUENCES: Record<Role, string> = {
  admin: 'Administrators manage users, API keys and scoring policies, besides everything officers do.',
  officer: 'Compliance officers keep the supplier register and its assessments; they cannot manage users.',
  executive: 'Executives read everything and change nothing.',
};

export function UsersPage() {
  const session = useCurrentSession();
  const [query, setQuery] = useSearchState(UsersQuerySchema, { limit: PAGE_SIZE, order: 'asc' });
  const users = useUsers(query);
  const changeRole = useUpdateUser();
  const changeStatus = useUpdateUser();
  const reapply = useUpdateUser();
  const sendLink = useIssuePasswordLink();
  const [linkFor, setLinkFor] = useState<User | null>(null);
  const [adding, setAdding] = useState(false);
  const [confirming, setConfirming] = useState<User | null>(null);
  // A role chosen in the table waits here until confirmed; the select keeps showing the stored role.
  const [roleChange, setRoleChange] = useState<{ user: User; role: Role } | null>(null);
  // A change made from a row someone else had changed meanwhile (409): shown with the member as they are now.
  const [conflict, setConflict] = useState<UserConflict | null>(null);
  const isStale = (error: unknown) => staleRecord(error, UserSchema) !== null;
  const conflictFrom = (changes: UserUpdate) => (error: unknown) => {
    const user = staleRecord(error, UserSchema);
    if (user) setConflict({ user, changes });
  };

  const onSort = (sort: typeof query.sort) => {
    const order = query.sort === sort ? (query.order === 'asc' ? 'desc' : 'asc') : 'asc';
    setQuery({ sort, order, offset: undefined });
  };

  const onChangeRole = (user: User, role: Role) => {
    changeStatus.reset();
    changeRole.reset();
    setConflict(null);
    if (role !== user.role) setRoleChange({ user, role });
  };

  const confirmRoleChange = () => {
    if (!roleChange) return;
    const { user, role } = roleChange;
    changeRole.mutate(
      { id: user.id, changes: { role }, revision: user.revision },
      {
        onSuccess: () => setRoleChange(null),
        onError: (error) => {
          if (isStale(error)) setRoleChange(null);
          conflictFrom({ role })(error);
        },
      },
    );
  };

  const confirmStatusChange = () => {
    if (!confirming) return;
    const status = confirming.status === 'active' ? 'deactivated' : 'active';
    setConflict(null);
    changeStatus.mutate(
      { id: confirming.id, changes: { status }, revision: confirming.revision },
      {
        onSuccess: () => setConfirming(null),
        onError: (error) => {
          if (isStale(error)) setConfirming(null);
          conflictFrom({ status })(error);
        },
      },
    );
  };

  /** The admin's own change again, made from the member as they are now. */
  const applyAnyway = () => {
    if (!conflict) return;
    const { user, changes } = conflict;
    reapply.mutate(
      { id: user.id, changes, revision: user.revision },
      { onSuccess: () => setConflict(null), onError: conflictFrom(changes) },
    );
  };

  const savingId = changeRole.isPending ? changeRole.variables?.id : undefined;

  return (
    <>
      <PageHeader
        title="Users"
        description={`People who can sign in to ${session.org.name}, and what each may do.`}
        actions={
          adding ? null : (
            <Button variant="primary" onClick={() => setAdding(true)}>
              Add user
            </Button>
          )
        }
      />
      {adding ? <AddUserPanel onClose={() => setAdding(false)} /> : null}
      {linkFor && sendLink.data ? (
        <PasswordLinkResult
          user={linkFor}
          issued={sendLink.data}
          onDismiss={() => {
            sendLink.reset();
            setLinkFor(null);
          }}
        />
      ) : null}
      {linkFor && sendLink.isError ? (
        <Alert tone="error" title={`No link was sent to ${linkFor.name}`}>
          {describeError(sendLink.error)}
        </Alert>
      ) : null}
      <UsersFilters query={query} onChange={setQuery} />
      {conflict ? (
        <UserConflictAlert
          conflict={conflict}
          busy={reapply.isPending}
          error={reapply.isError && !isStale(reapply.error) ? describeError(reapply.error) : null}
          onApply={applyAnyway}
          onDismiss={() => {
            setConflict(null);
            reapply.reset();
          }}
        />
      ) : null}
      {users.isError ? (
        <Alert tone="error" title="Users could not be loaded">
          {describeError(users.error)}{' '}
          <Button size="sm" onClick={() => users.refetch()}>
            Try again
          </Button>
        </Alert>
      ) : null}
      {users.data ? (
        <>
          <UsersTable
            users={users.data.items}
            currentUserId={session.user.id}
            sort={query.sort}
            order={query.order}
            onSort={onSort}
            savingId={savingId}
            busy={users.isFetching}
            onChangeRole={onChangeRole}
            onChangeStatus={(user) => {
              changeStatus.reset();
              setConfirming(user);
            }}
            onSendPasswordLink={(user) => {
              setLinkFor(user);
              sendLink.mutate(user);
            }}
            sendingLinkId={sendLink.isPending ? linkFor?.id : undefined}
          />
          <Pagination
            noun="users"
            total={users.data.total}
            limit={query.limit}
            offset={query.offset}
            onChange={(offset) => setQuery({ offset: offset || undefined })}
          />
        </>
      ) : users.isPending ? (
        <p className="loading-text" role="status">
          Loading users…
        </p>
      ) : null}
      {roleChange ? (
        <ConfirmDialog
          title={`Change ${roleChange.user.name}’s role?`}
          confirmLabel="Change role"
          tone={roleChange.user.role === 'admin' ? 'danger' : 'primary'}
          busy={changeRole.isPending}
          error={changeRole.isError ? describeError(changeRole.error) : null}
          onConfirm={confirmRoleChange}
          onCancel={() => {
            changeRole.reset();
            setRoleChange(null);
          }}
        >
          <p>
            {roleChange.user.email} goes from {ROLE_LABELS[roleChange.user.role]} to{' '}
            <strong>{ROLE_LABELS[roleChange.role]}</strong> in {session.org.name}, from their next request on.
          </p>
          <p className="muted">{ROLE_CONSEQUENCES[roleChange.role]}</p>
        </ConfirmDialog>
      ) : null}
      {confirming ? (
        <ConfirmDialog
          title={
            confirming.status === 'active'
              ? `Deactivate ${confirming.name}?`
              : `Reactivate ${confirming.name}?`
          }
          confirmLabel={confirming.status === 'active' ? 'Deactivate' : 'Reactivate'}
          tone={confirming.status === 'active' ? 'danger' : 'primary'}
          busy={changeStatus.isPending}
          error={changeStatus.isError ? describeError(changeStatus.error) : null}
          onConfirm={confirmStatusChange}
          onCancel={() => setConfirming(null)}
        >
          {confirming.status === 'active' ? (
            <p>
              {confirming.email} will lose access to {session.org.name}. Their past actions stay in the audit
              trail. You can reactivate them later.
            </p>
          ) : (
            <p>
              {confirming.email} will be able to sign in to {session.org.name} again as{' '}
              {ROLE_LABELS[confirming.role]}.
            </p>
          )}
        </ConfirmDialog>
      ) : null}
    </>
  );
}
