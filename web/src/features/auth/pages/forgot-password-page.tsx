import { zodResolver } from '@hookform/resolvers/zod';
import { useEffect } from 'react';
import { useForm } from 'react-hook-form';
import { Link } from 'react-router';
import { type PasswordResetRequest, PasswordResetRequestSchema } from '#shared/schemas/account-links.js';
import { Alert } from '../../../components/ui/alert.js';
import { Button } from '../../../components/ui/button.js';
import { TextField } from '../../../components/ui/field.js';
import { FormAlert } from '../../../components/ui/form-alert.js';
import { useServerSubmit } from '../../../lib/form-errors.js';
import { useRequestPasswordReset } from '../api.js';
import { AuthCard } from '../components/auth-card.js';

/** Asks for a link to choose a new password; the answer never says whether the address has an account. */
export function ForgotPasswordPage() {
  const request = useRequestPasswordReset();
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<PasswordResetRequest>({
    resolver: zodResolver(PasswordResetRequestSchema),
    defaultValues: { email: '' },
  });
  const { formError, onSubmit } = useServerSubmit({ handleSubmit, setError }, ['email'], (values) =>
    request.mutateAsync(values),
  );

  useEffect(() => {
    document.title = 'Forgot your password · Clearsource';
  }, []);

  return (
    <AuthCard title="Forgot your password?">
      {request.data ? (
        <>
          <Alert tone="success" title="Check your e-mail">
            {request.data.message}
          </Alert>
          <p className="login-footnote">
            Nothing arrived? Look in your spam folder, or ask an administrator of your organisation to send
            you a link from the Users page. <Link to="/login">Back to sign in</Link>
          </p>
        </>
      ) : (
        <>
          <p className="login-lead">
            Enter the e-mail you sign in with. We send a link to choose a new password.
          </p>
          <form className="form" onSubmit={onSubmit} noValidate aria-label="Ask for a password reset link">
            <FormAlert message={formError} />
            <TextField
              label="Email"
              type="email"
              autoComplete="username"
              inputMode="email"
              error={errors.email?.message}
              {...register('email')}
            />
            <Button type="submit" variant="primary" busy={isSubmitting} className="btn-block">
              Send me a link
            </Button>
          </form>
          <p className="login-footnote">
            <Link to="/login">Back to sign in</Link>
          </p>
        </>
      )}
    </AuthCard>
  );
}
