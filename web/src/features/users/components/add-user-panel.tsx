import { zodResolver } from '@hookform/resolvers/zod';
import { useForm } from 'react-hook-form';
import type { z } from 'zod';
import { ROLE_LABELS } from '#shared/roles.js';
import { type UserCreate, UserCreateSchema } from '#shared/schemas/users.js';
import { NewPasswordField, usePasswordVerdict } from '../../../components/password-strength.js';
import { Alert } from '../../../components/ui/alert.js';
import { Button } from '../../../components/ui/button.js';
import { SelectField, TextField } from '../../../components/ui/field.js';
import { FormAlert } from '../../../components/ui/form-alert.js';
import { OneTimeSecret } from '../../../components/ui/one-time-secret.js';
import { useServerSubmit } from '../../../lib/form-errors.js';
import { formatDateTime } from '../../../lib/format.js';
import { ROLE_OPTIONS } from '../../../lib/role-options.js';
import { useCreateUser } from '../api.js';

const USER_FIELDS = ['email', 'name', 'role', 'password'] as const;

/** An empty password box means "invite them to choose one", which the schema spells as undefined. */
const emptyToUndefined = (value: unknown) => (value === '' ? undefined : value);

export function AddUserPanel({ onClose }: { onClose: () => void }) {
  const createUser = useCreateUser();
  const {
    register,
    handleSubmit,
    setError,
    watch,
    formState: { errors, isSubmitting },
  } = useForm<z.input<typeof UserCreateSchema>, unknown, UserCreate>({
    resolver: zodResolver(UserCreateSchema),
    defaultValues: { email: '', name: '', role: 'officer' },
  });

  // The server refuses a weak password with the same verdict; showing it while typing saves the round trip.
  const verdict = usePasswordVerdict(watch('password') ?? '', { email: watch('email'), name: watch('name') });

  const { formError, onSubmit } = useServerSubmit({ handleSubmit, setError }, USER_FIELDS, async (values) => {
    await createUser.mutateAsync(values);
  });

  const close = () => {
    createUser.reset();
    onClose();
  };

  const created = createUser.data;
  if (created) {
    return (
      <section className="panel" aria-labelledby="add-user-title">
        <h2 className="panel-title" id="add-user-title">
          User added
        </h2>
        <Alert tone="success">
          {created.invitation
            ? `${created.name} (${created.email}) was added as ${ROLE_LABELS[created.role]}.`
            : `${created.name} (${created.email}) can now sign in as ${ROLE_LABELS[created.role]}.`}
        </Alert>
        {created.invitation?.url ? (
          <OneTimeSecret
            title="Invitation link"
            label={`Invitation link for ${created.email}`}
            secret={created.invitation.url}
            dismissLabel="I have passed it on – close"
            onDismiss={close}
          >
            <p>
              No mail server is configured, so pass this link to {created.name} yourself. It is shown{' '}
              <strong>only once</strong>, works once, and lets them choose their own password until{' '}
              {formatDateTime(created.invitation.expiresAt)}.
            </p>
          </OneTimeSecret>
        ) : (
          <>
            <p className="muted">
              {created.invitation
                ? `An invitation is on its way to ${created.email}: a link to choose their own password, valid once until ${formatDateTime(created.invitation.expiresAt)}. If it expires, send a new one from the list.`
                : createUser.variables?.password
                  ? 'Hand the password you chose over through a secure channel, separately from the login address.'
                  : 'They already have a Clearsource account and sign in with their existing password.'}
            </p>
            <Button onClick={close}>Close</Button>
          </>
        )}
      </section>
    );
  }

  return (
    <section className="panel" aria-labelledby="add-user-title">
      <h2 className="panel-title" id="add-user-title">
        Add user
      </h2>
      <form className="form" onSubmit={onSubmit} noValidate aria-labelledby="add-user-title">
        <FormAlert message={formError} />
        <div className="form-grid">
          <TextField label="Name" autoComplete="off" error={errors.name?.message} {...register('name')} />
          <TextField
            label="Email"
            type="email"
            autoComplete="off"
            error={errors.email?.message}
            {...register('email')}
          />
          <SelectField
            label="Role"
            options={ROLE_OPTIONS}
            error={errors.role?.message}
            {...register('role')}
          />
          <NewPasswordField
            label="Password (optional)"
            hint="Leave empty and Clearsource invites them to choose their own, with a single-use link."
            verdict={verdict}
            error={errors.password?.message}
            {...register('password', { setValueAs: emptyToUndefined })}
          />
        </div>
        <div className="form-actions">
          <Button type="submit" variant="primary" busy={isSubmitting}>
            Add user
          </Button>
          <Button onClick={close} disabled={isSubmitting}>
            Cancel
          </Button>
        </div>
      </form>
    </section>
  );
}
