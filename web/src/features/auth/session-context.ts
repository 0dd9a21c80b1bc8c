import { createContext, useContext } from 'react';
import type { SessionInfo } from '#shared/schemas/auth.js';

/**
 * The signed-in session, handed down by <RequireAuth> from the `me` query (it is not a copy: the provider
 * re-renders with every new answer). Pages read it from here rather than from the query itself so that, when
 * the session ends, a page that re-renders before the guard redirects still sees the last session instead
 * of null.
 */
export const SessionContext = createContext<SessionInfo | null>(null);

export const useCurrentSession = (): SessionInfo => {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useCurrentSession is only available inside <RequireAuth>');
  return session;
};
