import { Outlet } from 'react-router';
import { useCurrentSession } from '../../auth/session-context.js';
import { OrgSwitcher } from './org-switcher.js';
import { SideNav } from './side-nav.js';
import { UserMenu } from './user-menu.js';
import '../shell.css';

/** Signed-in layout: header (brand, organisation, user), navigation on the left, the page in <main>. */
export function AppShell() {
  const session = useCurrentSession();
  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="shell-header">
        <div className="brand">
          <span className="brand-mark" aria-hidden="true" />
          Clearsource
        </div>
        <div className="shell-header-org">
          {session.memberships.length > 1 ? (
            <OrgSwitcher session={session} />
          ) : (
            <span className="org-name">{session.org.name}</span>
          )}
        </div>
        <UserMenu session={session} />
      </header>
      <div className="shell-body">
        <SideNav role={session.role} />
        <main id="main" className="shell-main" tabIndex={-1}>
          <Outlet />
        </main>
      </div>
    </div>
  );
}
