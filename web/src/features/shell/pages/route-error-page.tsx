import { isRouteErrorResponse, useRouteError } from 'react-router';
import { Alert } from '../../../components/ui/alert.js';
import { Button } from '../../../components/ui/button.js';

/** Last line of defence: a rendering error shows this instead of a blank page. */
export function RouteErrorPage() {
  const error = useRouteError();
  const detail = isRouteErrorResponse(error) ? `${error.status} ${error.statusText}` : null;
  return (
    <main className="boot-screen">
      <Alert tone="error" title="This page could not be shown">
        <p>
          Something went wrong in the dashboard. Reloading usually helps; your data is safe on the server.
        </p>
        {detail ? <p>{detail}</p> : null}
        <div>
          <Button onClick={() => window.location.reload()}>Reload</Button>
        </div>
      </Alert>
    </main>
  );
}
