import { useId } from 'react';
import { ROLE_LABELS } from '#shared/roles.js';
import type { SessionInfo } from '#shared/schemas/auth.js';
import { describeError } from '../../../lib/form-errors.js';
import { useSwitchOrg } from '../../auth/api.js';

/** Organisation picker; the role can differ per organisation, so it is named in each option. */
export function OrgSwitcher({ session }: { session: SessionInfo }) {
  const switchOrg = useSwitchOrg();
  const id = useId();
  return (
    <div className="org-switcher">
      <label htmlFor={id} className="visually-hidden">
        Organisation
      </label>
      <select
        id={id}
        className="input select org-select"
        value={session.org.id}
        disabled={switchOrg.isPending}
        aria-describedby={switchOrg.isError ? `${id}-error` : undefined}
        onChange={(event) => switchOrg.mutate(event.target.value)}
      >
        {session.memberships.map((membership) => (
          <option key={membership.org.id} value={membership.org.id}>
            {membership.org.name} ({ROLE_LABELS[membership.role]})
          </option>
        ))}
      </select>
      {switchOrg.isError ? (
        <span className="org-switcher-error" id={`${id}-error`} role="alert">
          {describeError(switchOrg.error)}
        </span>
      ) : null}
    </div>
  );
}
