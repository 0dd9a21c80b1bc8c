import { Link } from 'react-router';
import { ROLE_LABELS } from '#shared/roles.js';
import { EmptyState } from '../../../components/ui/empty-state.js';
import { PageHeader } from '../../../components/ui/page-header.js';
import { canManageApiKeys, canManageUsers, canReadAuditLog } from '../../auth/permissions.js';
import { useCurrentSession } from '../../auth/session-context.js';

export function OverviewPage() {
  const session = useCurrentSession();
  const firstName = session.user.name.split(/\s+/)[0] ?? session.user.name;
  const steps = [
    canManageUsers(session.role) && {
      to: '/settings/users',
      title: 'Invite your team',
      text: 'Add compliance officers and read-only executives to this organisation.',
    },
    canManageApiKeys(session.role) && {
      to: '/settings/api-keys',
      title: 'Connect your systems',
      text: 'Create an API key with the least role it needs; the key is shown once.',
    },
    canReadAuditLog(session.role) && {
      to: '/settings/audit-log',
      title: 'Review the audit trail',
      text: 'Every sign-in and change is recorded in a hash-chained, append-only log.',
    },
  ].filter((step): step is { to: string; title: string; text: string } => Boolean(step));

  return (
    <>
      <PageHeader
        title="Overview"
        description={`Welcome, ${firstName}. You are signed in to ${session.org.name} as ${ROLE_LABELS[session.role]}.`}
      />
      <EmptyState title="Your risk overview will appear here">
        <p>
          Once suppliers are in the register and assessed, this page shows residual risk across your
          portfolio, how many suppliers sit in each rating band, questionnaires waiting for review and overdue
          remediation. Every figure will come from your own data, with its sources; until then there is
          nothing to show.
        </p>
      </EmptyState>
      {steps.length > 0 ? (
        <section className="section" aria-labelledby="next-steps">
          <h2 className="section-title" id="next-steps">
            What you can do today
          </h2>
          <ul className="card-grid">
            {steps.map((step) => (
              <li key={step.to} className="card">
                <h3 className="card-title">
                  <Link to={step.to}>{step.title}</Link>
                </h3>
                <p className="card-text">{step.text}</p>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </>
  );
}
