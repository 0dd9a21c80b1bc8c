import { useEffect, useRef, useState } from 'react';
import { Outlet } from 'react-router';
import { useCurrentSession } from '../../auth/session-context.js';
import { OrgSwitcher } from './org-switcher.js';
import { SideNav } from './side-nav.js';
import { UserMenu } from './user-menu.js';
import '../shell.css';

const NAV_ID = 'side-nav';

/**
 * Signed-in layout: header (brand, organisation, user), navigation on the left, the page in <main>. On a
 * narrow screen the navigation folds behind a Menu button, so the page starts on the first screen. Opening
 * it moves focus to its first link (the navigation comes after the header in the page, so Tab alone would
 * not reach it next); it closes on Escape (focus back on the button), on a click or focus outside it, and
 * when a link in it is followed.
 */
export function AppShell() {
  const session = useCurrentSession();
  const [navOpen, setNavOpen] = useState(false);
  const toggleRef = useRef<HTMLButtonElement>(null);
  const navRef = useRef<HTMLElement>(null);

  useEffect(() => {
    if (!navOpen) return;
    navRef.current?.querySelector('a')?.focus();
    const inside = (target: EventTarget | null) =>
      target instanceof Node && (navRef.current?.contains(target) || toggleRef.current?.contains(target));
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return;
      setNavOpen(false);
      toggleRef.current?.focus();
    };
    const onPointer = (event: PointerEvent) => {
      if (!inside(event.target)) setNavOpen(false);
    };
    const onFocus = (event: FocusEvent) => {
      if (!inside(event.target)) setNavOpen(false);
    };
    document.addEventListener('keydown', onKey);
    document.addEventListener('pointerdown', onPointer);
    document.addEventListener('focusin', onFocus);
    return () => {
      document.removeEventListener('keydown', onKey);
      document.removeEventListener('pointerdown', onPointer);
      document.removeEventListener('focusin', onFocus);
    };
  }, [navOpen]);

  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="shell-header">
        <button
          ref={toggleRef}
          type="button"
          className="nav-toggle"
          aria-expanded={navOpen}
          aria-controls={NAV_ID}
          onClick={() => setNavOpen((open) => !open)}
        >
          <span className="nav-toggle-icon" aria-hidden="true" />
          Menu
        </button>
        <div className="brand">
          <span className="brand-mark" aria-hidden="true" />
          <span className="brand-name">Clearsource</span>
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
        <SideNav
          ref={navRef}
          id={NAV_ID}
          role={session.role}
          open={navOpen}
          onNavigate={() => setNavOpen(false)}
        />
        <main id="main" className="shell-main" tabIndex={-1}>
          <Outlet />
        </main>
      </div>
    </div>
  );
}
