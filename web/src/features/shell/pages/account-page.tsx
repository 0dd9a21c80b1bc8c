import { ROLE_LABELS } from '#shared/roles.js';
import { PageHeader } from '../../../components/ui/page-header.js';
import { formatDateTime } from '../../../lib/format.js';
import { ChangePasswordPanel } from '../../account/components/change-password-panel.js';
import { useCurrentSession } from '../../auth/session-context.js';

export function AccountPage() {
  const session = useCurrentSession();
  return (
    <>
      <PageHeader title="Account" description="Who you are signed in as, where, and your password." />
      <section className="panel" aria-labelledby="account-details">
        <h2 className="panel-title" id="account-details">
          Your session
        </h2>
        <dl className="details">
          <dt>Name</dt>
          <dd>{session.user.name}</dd>
          <dt>Email</dt>
          <dd>{session.user.email}</dd>
          <dt>Organisation</dt>
          <dd>{session.org.name}</dd>
          <dt>Role</dt>
          <dd>{ROLE_LABELS[session.role]}</dd>
          <dt>Session ends</dt>
          <dd>{formatDateTime(session.expiresAt)}</dd>
        </dl>
      </section>
      {session.memberships.length > 1 ? (
        <section className="panel" aria-labelledby="account-memberships">
          <h2 className="panel-title" id="account-memberships">
            Your organisations
          </h2>
          <p className="muted">Switch between them with the organisation menu in the header.</p>
          <ul className="plain-list">
            {session.memberships.map((membership) => (
              <li key={membership.org.id}>
                {membership.org.name} · {ROLE_LABELS[membership.role]}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <ChangePasswordPanel />
    </>
  );
}
