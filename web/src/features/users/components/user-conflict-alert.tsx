import { ROLE_LABELS } from '#shared/roles.js';
import type { User, UserUpdate } from '#shared/schemas/users.js';
import { Alert } from '../../../components/ui/alert.js';
import { Button } from '../../../components/ui/button.js';

/** A change of a member that met someone else's: the member as they are now, and the change that was refused. */
export interface UserConflict {
  user: User;
  changes: UserUpdate;
}

const describeChange = (changes: UserUpdate) => {
  if (changes.role) return `make them ${ROLE_LABELS[changes.role]}`;
  return changes.status === 'deactivated' ? 'deactivate them' : 'reactivate them';
};

export interface UserConflictAlertProps {
  conflict: UserConflict;
  busy: boolean;
  error: string | null;
  onApply: () => void;
  onDismiss: () => void;
}

/** Tells the admin that someone else changed this member first, and offers to apply their change on top. */
export function UserConflictAlert({ conflict, busy, error, onApply, onDismiss }: UserConflictAlertProps) {
  const { user, changes } = conflict;
  const inEffect =
    (changes.role ?? user.role) === user.role && (changes.status ?? user.status) === user.status;
  return (
    <Alert
      tone="error"
      title={`Someone else changed ${user.name} while you were looking`}
      onDismiss={onDismiss}
    >
      <p>
        They are now {ROLE_LABELS[user.role]}, {user.status === 'active' ? 'active' : 'deactivated'}.{' '}
        {inEffect
          ? 'Your change is already in effect.'
          : `Your change (${describeChange(changes)}) was not applied.`}
      </p>
      {error ? <p>{error}</p> : null}
      {inEffect ? null : (
        <div className="button-row">
          <Button variant="primary" size="sm" busy={busy} onClick={onApply}>
            Apply my change anyway
          </Button>
          <Button size="sm" onClick={onDismiss} disabled={busy}>
            Keep theirs
          </Button>
        </div>
      )}
    </Alert>
  );
}
