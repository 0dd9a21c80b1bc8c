import { useState } from 'react';
import type { Role } from '#shared/roles.js';
import { ROLE_LABELS } from '#shared/roles.js';
import { type User, UsersQuerySchema } from '#shared/schemas/users.js';
import { Alert } from '../../../components/ui/alert.js';
import { Button } from '../../../components/ui/button.js';
import { ConfirmDialog } from '../../../components/ui/confirm-dialog.js';
import { PageHeader } from '../../../components/ui/page-header.js';
import { Pagination } from '../../../components/ui/pagination.js';
import { describeError } from '../../../lib/form-errors.js';
import { useSearchState } from '../../../lib/use-search-state.js';
import { useCurrentSession } from '../../auth/session-context.js';
import { useUpdateUser, useUsers } from '../api.js';
import { AddUserPanel } from '../components/add-user-panel.js';
import { UsersFilters } from '../components/users-filters.js';
import { UsersTable } from '../components/users-table.js';

const PAGE_SIZE = '25';

export function UsersPage() {
  const session = useCurrentSession();
  const [query, setQuery] = useSearchState(UsersQuerySchema, { limit: PAGE_SIZE, order: 'asc' });
  const users = useUsers(query);
  const changeRole = useUpdateUser();
  const changeStatus = useUpdateUser();
  const [adding, setAdding] = useState(false);
  const [confirming, setConfirming] = useState<User | null>(null);

  const onSort = (sort: typeof query.sort) => {
    const order = query.sort === sort ? (query.order === 'asc' ? 'desc' : 'asc') : 'asc';
    setQuery({ sort, order, offset: undefined });
  };

  const onChangeRole = (user: User, role: Role) => {
    changeStatus.reset();
    changeRole.mutate({ id: user.id, changes: { role } });
  };

  const confirmStatusChange = () => {
    if (!confirming) return;
    const status = confirming.status === 'active' ? 'deactivated' : 'active';
    changeStatus.mutate({ id: confirming.id, changes: { status } }, { onSuccess: () => setConfirming(null) });
  };

  const failedRoleUser = users.data?.items.find((user) => user.id === changeRole.variables?.id);
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
      <UsersFilters query={query} onChange={setQuery} />
      {changeRole.isError ? (
        <Alert tone="error" title="The role was not changed" onDismiss={() => changeRole.reset()}>
          {failedRoleUser ? `${failedRoleUser.name}: ` : null}
          {describeError(changeRole.error)}
        </Alert>
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
