import { Link } from 'react-router';
import type { Role } from '#shared/roles.js';
import { canManageApiKeys, canManageUsers, canReadAuditLog } from '../../auth/permissions.js';

interface Step {
  to: string;
  title: string;
  text: string;
}

/** Set-up tasks beyond the register, offered only to roles that can do them. */
export function GettingStarted({ role }: { role: Role }) {
  const steps = [
    canManageUsers(role) && {
      to: '/settings/users',
      title: 'Invite your team',
      text: 'Add compliance officers and read-only executives to this organisation.',
    },
    canManageApiKeys(role) && {
      to: '/settings/api-keys',
      title: 'Connect your systems',
      text: 'Create an API key with the least role it needs; the key is shown once.',
    },
    canReadAuditLog(role) && {
      to: '/settings/audit-log',
      title: 'Review the audit trail',
      text: 'Every sign-in and change is recorded in a hash-chained, append-only log.',
    },
  ].filter((step): step is Step => Boolean(step));
  if (steps.length === 0) return null;
  return (
    <section className="section" aria-labelledby="next-steps">
      <h2 className="section-title" id="next-steps">
        Also worth doing
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
  );
}
