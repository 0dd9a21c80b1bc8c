import { useId, useState } from 'react';
import { type ApiKey, ApiKeysQuerySchema } from '#shared/schemas/api-keys.js';
import { Alert } from '../../../components/ui/alert.js';
import { Button } from '../../../components/ui/button.js';
import { ConfirmDialog } from '../../../components/ui/confirm-dialog.js';
import { PageHeader } from '../../../components/ui/page-header.js';
import { Pagination } from '../../../components/ui/pagination.js';
import { describeError } from '../../../lib/form-errors.js';
import { useSearchState } from '../../../lib/use-search-state.js';
import { useApiKeys, useRevokeApiKey } from '../api.js';
import { ApiKeysTable } from '../components/api-keys-table.js';
import { CreateApiKeyPanel } from '../components/create-api-key-panel.js';

const PAGE_SIZE = '25';

export function ApiKeysPage() {
  const id = useId();
  const [query, setQuery] = useSearchState(ApiKeysQuerySchema, { limit: PAGE_SIZE });
  const keys = useApiKeys(query);
  const revoke = useRevokeApiKey();
  const [creating, setCreating] = useState(false);
  const [confirming, setConfirming] = useState<ApiKey | null>(null);

  const confirmRevoke = () => {
    if (confirming) revoke.mutate(confirming.id, { onSuccess: () => setConfirming(null) });
  };

  return (
    <>
      <PageHeader
        title="API keys"
        description="Keys let your own systems call the Clearsource API. Each key acts with the role you give it."
        actions={
          creating ? null : (
            <Button variant="primary" onClick={() => setCreating(true)}>
              Create API key
            </Button>
          )
        }
      />
      {creating ? <CreateApiKeyPanel onClose={() => setCreating(false)} /> : null}
      <div className="toolbar">
        <label className="checkbox" htmlFor={`${id}-revoked`}>
          <input
            id={`${id}-revoked`}
            type="checkbox"
            checked={query.includeRevoked}
            onChange={(event) =>
              setQuery({ includeRevoked: event.target.checked ? 'true' : undefined, offset: undefined })
            }
          />
          Show revoked keys
        </label>
      </div>
      {keys.isError ? (
        <Alert tone="error" title="API keys could not be loaded">
          {describeError(keys.error)}{' '}
          <Button size="sm" onClick={() => keys.refetch()}>
            Try again
          </Button>
        </Alert>
      ) : null}
      {keys.data ? (
        <>
          <ApiKeysTable
            keys={keys.data.items}
            includeRevoked={query.includeRevoked}
            busy={keys.isFetching}
            onRevoke={(key) => {
              revoke.reset();
              setConfirming(key);
            }}
          />
          <Pagination
            noun="keys"
            total={keys.data.total}
            limit={query.limit}
            offset={query.offset}
            onChange={(offset) => setQuery({ offset: offset || undefined })}
          />
        </>
      ) : keys.isPending ? (
        <p className="loading-text" role="status">
          Loading API keys…
        </p>
      ) : null}
      {confirming ? (
        <ConfirmDialog
          title={`Revoke “${confirming.name}”?`}
          confirmLabel="Revoke key"
          busy={revoke.isPending}
          error={revoke.isError ? describeError(revoke.error) : null}
          onConfirm={confirmRevoke}
          onCancel={() => setConfirming(null)}
        >
          <p>
            Systems using the key starting <code className="code">{confirming.prefix}</code> will be refused
            from now on. This cannot be undone: to restore access, create a new key.
          </p>
        </ConfirmDialog>
      ) : null}
    </>
  );
}
