import type { ReactNode } from 'react';
import { Link } from 'react-router';
import type { Role } from '#shared/roles.js';
import { ROLE_LABELS } from '#shared/roles.js';
import { EmptyState } from '../../../components/ui/empty-state.js';
import { PageHeader } from '../../../components/ui/page-header.js';
import { useCurrentSession } from '../session-context.js';

export interface RequireRoleProps {
  allowed: (role: Role) => boolean;
  title: string;
  children: ReactNode;
}

/** Shows the page only to roles that may use it; others get an explanation instead of a broken screen. */
export function RequireRole({ allowed, title, children }: RequireRoleProps) {
  const session = useCurrentSession();
  if (allowed(session.role)) return children;
  return (
    <>
      <PageHeader title={title} />
      <EmptyState
        title="You do not have access to this page"
        action={
          <Link className="btn btn-secondary" to="/">
            Back to Overview
          </Link>
        }
      >
        <p>
          In {session.org.name} you are signed in as {ROLE_LABELS[session.role]}. Ask an administrator of this
          organisation if you need access.
        </p>
      </EmptyState>
    </>
  );
}
