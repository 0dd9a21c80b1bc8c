import type { ReactNode } from 'react';
import type { TemplateSummary } from '#shared/schemas/templates.js';
import { Alert } from '../../../components/ui/alert.js';
import { Button } from '../../../components/ui/button.js';
import { describeError } from '../../../lib/form-errors.js';
import { useTemplates } from '../api.js';

/**
 * The organisation's templates once loaded, given to `children`; until then "Loading templates…", and if the
 * load failed, why, with "Try again".
 */
export function TemplatesLoaded({
  children,
}: {
  children: (templates: readonly TemplateSummary[]) => ReactNode;
}) {
  const templates = useTemplates();
  if (templates.isError) {
    return (
      <Alert tone="error" title="The templates could not be loaded">
        {describeError(templates.error)}{' '}
        <Button size="sm" onClick={() => templates.refetch()}>
          Try again
        </Button>
      </Alert>
    );
  }
  if (templates.isPending) {
    return (
      <p className="loading-text" role="status">
        Loading templates…
      </p>
    );
  }
  return children(templates.data);
}
