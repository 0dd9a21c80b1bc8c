import { Navigate, Outlet, useLocation } from 'react-router';
import { Alert } from '../../../components/ui/alert.js';
import { Button } from '../../../components/ui/button.js';
import { describeError } from '../../../lib/form-errors.js';
import { BootScreen } from '../../shell/components/boot-screen.js';
import { useSession } from '../api.js';
import { SessionContext } from '../session-context.js';

/** Route guard: renders its child routes for a signed-in person, otherwise sends them to /login. */
export function RequireAuth() {
  const session = useSession();
  const location = useLocation();

  if (session.isPending) {
    return <BootScreen />;
  }
  if (session.isError) {
    return (
      <main className="boot-screen">
        <Alert tone="error" title="Clearsource could not load your session">
          <p>{describeError(session.error)}</p>
          <Button onClick={() => session.refetch()}>Try again</Button>
        </Alert>
      </main>
    );
  }
  if (!session.data) {
    return <Navigate to="/login" replace state={{ from: `${location.pathname}${location.search}` }} />;
  }
  return (
    <SessionContext.Provider value={session.data}>
      <Outlet />
    </SessionContext.Provider>
  );
}
