import { zodResolver } from '@hookform/resolvers/zod';
import { useForm } from 'react-hook-form';
import type { z } from 'zod';
import { ROLE_LABELS } from '#shared/roles.js';
import { type ApiKeyCreate, ApiKeyCreateSchema } from '#shared/schemas/api-keys.js';
import { Button } from '../../../components/ui/button.js';
import { SelectField, TextField } from '../../../components/ui/field.js';
import { FormAlert } from '../../../components/ui/form-alert.js';
import { OneTimeSecret } from '../../../components/ui/one-time-secret.js';
import { useServerSubmit } from '../../../lib/form-errors.js';
import { formatDateTime } from '../../../lib/format.js';
import { ROLE_OPTIONS } from '../../../lib/role-options.js';
import { useCreateApiKey } from '../api.js';

const KEY_FIELDS = ['name', 'role', 'expiresAt'] as const;

/**
 * The date box gives "2026-12-31"; the key lasts until the end of that day where the admin is, sent as an
 * ISO time with offset. Empty means no end.
 */
const endOfDay = (value: unknown) => {
  if (typeof value !== 'string' || value === '') return undefined;
  const end = new Date(`${value}T23:59:59.999`);
  return Number.isNaN(end.getTime()) ? value : end.toISOString();
};

/** The earliest day the date box offers, as YYYY-MM-DD in local time. */
const tomorrow = () => {
  const d = new Date();
  d.setDate(d.getDate() + 1);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
};

export function CreateApiKeyPanel({ onClose }: { onClose: () => void }) {
  const createKey = useCreateApiKey();
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<z.input<typeof ApiKeyCreateSchema>, unknown, ApiKeyCreate>({
    resolver: zodResolver(ApiKeyCreateSchema),
    defaultValues: { name: '', role: 'executive' },
  });

  const { formError, onSubmit } = useServerSubmit({ handleSubmit, setError }, KEY_FIELDS, async (values) => {
    await createKey.mutateAsync(values);
  });

  const close = () => {
    createKey.reset();
    onClose();
  };

  if (createKey.data) {
    const created = createKey.data;
    return (
      <section className="panel" aria-labelledby="create-key-title">
        <h2 className="panel-title" id="create-key-title">
          API key “{created.name}” created
        </h2>
        <OneTimeSecret
          title="Your new API key"
          label={`API key ${created.name}`}
          secret={created.key}
          dismissLabel="I have stored the key – close"
          onDismiss={close}
        >
          <p>
            Copy the key now and put it in your secret manager. <strong>It will not be shown again</strong>:
            Clearsource keeps only a hash. If it is lost, revoke it and create a new one.
          </p>
          <p className="muted">
            It acts as {ROLE_LABELS[created.role]} in this organisation
            {created.expiresAt ? ` until ${formatDateTime(created.expiresAt)}` : ''}. See the{' '}
            <a href="/docs">API documentation</a> for how to send it.
          </p>
        </OneTimeSecret>
      </section>
    );
  }

  return (
    <section className="panel" aria-labelledby="create-key-title">
      <h2 className="panel-title" id="create-key-title">
        Create API key
      </h2>
      <form className="form" onSubmit={onSubmit} noValidate aria-labelledby="create-key-title">
        <FormAlert message={formError} />
        <div className="form-grid">
          <TextField
            label="Name"
            autoComplete="off"
            hint="Say what uses it, e.g. “ERP supplier sync”."
            error={errors.name?.message}
            {...register('name')}
          />
          <SelectField
            label="Role"
            options={ROLE_OPTIONS}
            hint="Give the key the least role it needs."
            error={errors.role?.message}
            {...register('role')}
          />
          <TextField
            label="Expires on (optional)"
            type="date"
            min={tomorrow()}
            hint="The key stops working at the end of that day. Leave empty for a key that lasts until revoked."
            error={errors.expiresAt?.message}
            {...register('expiresAt', { setValueAs: endOfDay })}
          />
        </div>
        <div className="form-actions">
          <Button type="submit" variant="primary" busy={isSubmitting}>
            Create key
          </Button>
          <Button onClick={close} disabled={isSubmitting}>
            Cancel
          </Button>
        </div>
      </form>
    </section>
  );
}
