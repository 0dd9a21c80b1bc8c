import { useEffect, useId, useRef, useState } from 'react';
import { Link } from 'react-router';
import { ROLE_LABELS } from '#shared/roles.js';
import type { SessionInfo } from '#shared/schemas/auth.js';
import { Button } from '../../../components/ui/button.js';
import { useLogout } from '../../auth/api.js';

const initials = (name: string): string =>
  name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((part) => part[0]?.toUpperCase() ?? '')
    .join('') || '?';

/** Disclosure with who is signed in, as what, and Sign out. Closes on Escape and on a click elsewhere. */
export function UserMenu({ session }: { session: SessionInfo }) {
  const [open, setOpen] = useState(false);
  const logout = useLogout();
  const id = useId();
  const rootRef = useRef<HTMLDivElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (!open) return;
    const onPointer = (event: PointerEvent) => {
      if (rootRef.current && !rootRef.current.contains(event.target as Node)) setOpen(false);
    };
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') {
        setOpen(false);
        buttonRef.current?.focus();
      }
    };
    document.addEventListener('pointerdown', onPointer);
    document.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('pointerdown', onPointer);
      document.removeEventListener('keydown', onKey);
    };
  }, [open]);

  return (
    <div className="user-menu" ref={rootRef}>
      <button
        ref={buttonRef}
        type="button"
        className="user-menu-button"
        aria-expanded={open}
        aria-controls={`${id}-panel`}
        onClick={() => setOpen((value) => !value)}
      >
        <span className="avatar" aria-hidden="true">
          {initials(session.user.name)}
        </span>
        <span className="user-menu-text">
          <span className="user-menu-name">{session.user.name}</span>
          <span className="user-menu-role">{ROLE_LABELS[session.role]}</span>
        </span>
        <span className="visually-hidden">Account menu</span>
      </button>
      {open ? (
        <div className="user-menu-panel" id={`${id}-panel`}>
          <p className="user-menu-email">{session.user.email}</p>
          <p className="user-menu-detail">
            {ROLE_LABELS[session.role]} in {session.org.name}
          </p>
          <Link className="user-menu-link" to="/settings" onClick={() => setOpen(false)}>
            Account settings
          </Link>
          <Button className="btn-block" onClick={() => logout.mutate()} busy={logout.isPending}>
            Sign out
          </Button>
        </div>
      ) : null}
    </div>
  );
}
