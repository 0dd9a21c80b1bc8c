import type { AccountLinkIssued } from '#shared/schemas/account-links.js';
import type { User } from '#shared/schemas/users.js';
import { Alert } from '../../../components/ui/alert.js';
import { Button } from '../../../components/ui/button.js';
import { OneTimeSecret } from '../../../components/ui/one-time-secret.js';
import { formatDateTime } from '../../../lib/format.js';

/** What became of a password link an admin sent: e-mailed, or (no mail server) shown once to pass on. */
export function PasswordLinkResult({
  user,
  issued,
  onDismiss,
}: {
  user: User;
  issued: AccountLinkIssued;
  onDismiss: () => void;
}) {
  const what = issued.kind === 'invitation' ? 'invitation' : 'password reset link';
  if (issued.url) {
    return (
      <section className="panel" aria-labelledby="password-link-title">
        <h2 className="panel-title" id="password-link-title">
          {issued.kind === 'invitation' ? 'New invitation' : 'Password reset link'} for {user.name}
        </h2>
        <OneTimeSecret
          title={issued.kind === 'invitation' ? 'Invitation link' : 'Reset link'}
          label={`${issued.kind === 'invitation' ? 'Invitation link' : 'Reset link'} for ${user.email}`}
          secret={issued.url}
          dismissLabel="I have passed it on – close"
          onDismiss={onDismiss}
        >
          <p>
            No mail server is configured, so pass this link to {user.name} yourself, through a channel only
            they read. It is shown <strong>only once</strong>, works once, and expires{' '}
            {formatDateTime(issued.expiresAt)}. Any earlier link of theirs stops working when this one is
            used.
          </p>
        </OneTimeSecret>
      </section>
    );
  }
  return (
    <Alert tone="success" title={`The ${what} is on its way`}>
      Sent to {user.email}; it works once, until {formatDateTime(issued.expiresAt)}.{' '}
      <Button size="sm" onClick={onDismiss}>
        Close
      </Button>
    </Alert>
  );
}
