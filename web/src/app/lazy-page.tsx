import type { ComponentType } from 'react';
import type { RouteObject } from 'react-router';
import type { Role } from '#shared/roles.js';
import { RequireRole } from '../features/auth/components/require-role.js';

interface Guard {
  allowed: (role: Role) => boolean;
  title: string;
}

/**
 * A route whose page is fetched on first visit: each page is its own chunk (with its own CSS), so the first
 * screen downloads the shell and one page, not the whole dashboard. The router waits for the chunk before it
 * leaves the current page, so navigation shows no blank fallback in between.
 */
export function lazyPage<M>(
  load: () => Promise<M>,
  pick: (module: M) => ComponentType,
  guard?: Guard,
): Pick<RouteObject, 'lazy'> {
  return {
    lazy: async () => {
      const Page = pick(await load());
      return {
        element: guard ? (
          <RequireRole allowed={guard.allowed} title={guard.title}>
            <Page />
          </RequireRole>
        ) : (
          <Page />
        ),
      };
    },
  };
}
