import type { Ref } from 'react';
import { NavLink } from 'react-router';
import type { Role } from '#shared/roles.js';
import { canManageApiKeys, canManageUsers, canReadAuditLog } from '../../auth/permissions.js';

interface NavItem {
  to: string;
  label: string;
  end?: boolean;
  visible?: (role: Role) => boolean;
}

const MAIN_ITEMS: NavItem[] = [
  { to: '/', label: 'Overview', end: true },
  { to: '/suppliers', label: 'Suppliers' },
  { to: '/questionnaires', label: 'Questionnaires' },
  { to: '/remediation', label: 'Remediation' },
  { to: '/reports', label: 'Reports' },
];

const RISK_DATA_ITEMS: NavItem[] = [
  { to: '/reference-data', label: 'Reference data' },
  { to: '/policies', label: 'Scoring policy' },
];

const SETTINGS_ITEMS: NavItem[] = [
  { to: '/settings', label: 'Account', end: true },
  { to: '/settings/users', label: 'Users', visible: canManageUsers },
  { to: '/settings/api-keys', label: 'API keys', visible: canManageApiKeys },
  { to: '/settings/audit-log', label: 'Audit log', visible: canReadAuditLog },
];

const linkClass = ({ isActive }: { isActive: boolean }) =>
  isActive ? 'nav-link nav-link-active' : 'nav-link';

interface NavListProps {
  items: NavItem[];
  role: Role;
  labelledBy?: string;
  onNavigate: () => void;
}

function NavList({ items, role, labelledBy, onNavigate }: NavListProps) {
  return (
    <ul className="nav-list" aria-labelledby={labelledBy}>
      {items
        .filter((item) => !item.visible || item.visible(role))
        .map((item) => (
          <li key={item.to}>
            <NavLink to={item.to} end={item.end} className={linkClass} onClick={onNavigate}>
              {item.label}
            </NavLink>
          </li>
        ))}
    </ul>
  );
}

export interface SideNavProps {
  ref?: Ref<HTMLElement>;
  id: string;
  role: Role;
  /** Shown on a narrow screen, where the navigation is folded away until the Menu button opens it. */
  open: boolean;
  /** A link was followed (the folded navigation closes). */
  onNavigate: () => void;
}

/** Left navigation; Settings entries a role cannot use are not offered at all. */
export function SideNav({ ref, id, role, open, onNavigate }: SideNavProps) {
  return (
    <nav ref={ref} id={id} className={open ? 'side-nav side-nav-open' : 'side-nav'} aria-label="Main">
      <NavList items={MAIN_ITEMS} role={role} onNavigate={onNavigate} />
      <h2 className="nav-heading" id="nav-risk-data">
        Risk data
      </h2>
      <NavList items={RISK_DATA_ITEMS} role={role} labelledBy="nav-risk-data" onNavigate={onNavigate} />
      <h2 className="nav-heading" id="nav-settings">
        Settings
      </h2>
      <NavList items={SETTINGS_ITEMS} role={role} labelledBy="nav-settings" onNavigate={onNavigate} />
    </nav>
  );
}
