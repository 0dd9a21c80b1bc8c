import { zodResolver } from '@hookform/resolvers/zod';
import { useForm } from 'react-hook-form';
import { z } from 'zod';
import { describeVerdict, loadPasswordChecker } from '#shared/domain/passwords/strength.js';
import { PasswordChangeSchema } from '#shared/schemas/auth.js';
import { NewPasswordField, usePasswordVerdict } from '../../../components/password-strength.js';
import { Alert } from '../../../components/ui/alert.js';
import { Button } from '../../../components/ui/button.js';
import { TextField } from '../../../components/ui/field.js';
import { FormAlert } from '../../../components/ui/form-alert.js';
import { useServerSubmit } from '../../../lib/form-errors.js';
import { useCurrentSession } from '../../auth/session-context.js';
import { useChangePassword } from '../api.js';

/** The API's contract plus a second typing of the new password, which only the form needs. */
const ChangePasswordFormSchema = PasswordChangeSchema.extend({ confirmPassword: z.string() }).refine(
  (v) => v.newPassword === v.confirmPassword,
  { path: ['confirmPassword'], message: 'The two new passwords differ' },
);
type ChangePasswordForm = z.infer<typeof ChangePasswordFormSchema>;

const FIELDS = ['currentPassword', 'newPassword'] as const;
const EMPTY: ChangePasswordForm = { currentPassword: '', newPassword: '', confirmPassword: '' };

const endedText = (n: number) =>
  n === 0
    ? 'You were not signed in anywhere else.'
    : `You were signed out of ${n} other session${n === 1 ? '' : 's'} (other browsers or devices).`;

export function ChangePasswordPanel() {
  const session = useCurrentSession();
  const changePassword = useChangePassword();
  const {
    register,
    handleSubmit,
    setError,
    reset,
    watch,
    formState: { errors, isSubmitting },
  } = useForm<ChangePasswordForm>({ resolver: zodResolver(ChangePasswordFormSchema), defaultValues: EMPTY });
  const owner = { email: session.user.email, name: session.user.name };
  const verdict = usePasswordVerdict(watch('newPassword'), owner);

  const { formError, onSubmit } = useServerSubmit({ handleSubmit, setError }, FIELDS, async (values) => {
    changePassword.reset();
    // The same rule the server applies; checked here too so a refusal needs no round trip.
    const check = (await loadPasswordChecker()).check(values.newPassword, owner);
    if (!check.ok) {
      setError('newPassword', { type: 'strength', message: describeVerdict(check) }, { shouldFocus: true });
      return;
    }
    await changePassword.mutateAsync({
      currentPassword: values.currentPassword,
      newPassword: values.newPassword,
    });
    reset(EMPTY);
  });

  return (
    <section className="panel" aria-labelledby="change-password-title">
      <h2 className="panel-title" id="change-password-title">
        Change your password
      </h2>
      {changePassword.data ? (
        <Alert tone="success" title="Your password was changed" onDismiss={() => changePassword.reset()}>
          {endedText(changePassword.data.otherSessionsEnded)}
        </Alert>
      ) : null}
      <form className="form" onSubmit={onSubmit} noValidate aria-labelledby="change-password-title">
        <FormAlert message={formError} />
        <input
          type="text"
          name="username"
          autoComplete="username"
          value={session.user.email}
          readOnly
          hidden
        />
        <div className="form-grid">
          <TextField
            label="Current password"
            type="password"
            autoComplete="current-password"
            error={errors.currentPassword?.message}
            {...register('currentPassword')}
          />
          <NewPasswordField
            label="New password"
            hint="At least 12 characters. Several unusual words are easier to remember than symbols."
            verdict={verdict}
            error={errors.newPassword?.message}
            {...register('newPassword')}
          />
          <TextField
            label="New password again"
            type="password"
            autoComplete="new-password"
            error={errors.confirmPassword?.message}
            {...register('confirmPassword')}
          />
        </div>
        <p className="muted">Changing it signs you out everywhere else; this browser stays signed in.</p>
        <div className="form-actions">
          <Button type="submit" variant="primary" busy={isSubmitting}>
            Change password
          </Button>
        </div>
      </form>
    </section>
  );
}
