import { zodResolver } from '@hookform/resolvers/zod';
import { useEffect } from 'react';
import { useForm } from 'react-hook-form';
import { Link, useLocation } from 'react-router';
import type { z } from 'zod';
import { type AccountLinkInfo, AccountLinkPasswordSchema } from '#shared/schemas/account-links.js';
import { NewPasswordField, usePasswordVerdict } from '../../../components/password-strength.js';
import { Alert } from '../../../components/ui/alert.js';
import { Button } from '../../../components/ui/button.js';
import { FormAlert } from '../../../components/ui/form-alert.js';
import { isApiError } from '../../../lib/api-client.js';
import { describeError, useServerSubmit } from '../../../lib/form-errors.js';
import { formatDateTime } from '../../../lib/format.js';
import { useAccountLink, useSetPasswordByLink } from '../api.js';
import { AuthCard } from '../components/auth-card.js';

const FormSchema = AccountLinkPasswordSchema.pick({ password: true });
type Form = z.infer<typeof FormSchema>;

/**
 * The page behind an invitation or password reset link: `/set-password#<token>`. The token sits in the
 * fragment, which the browser never sends to a server, so no access log or proxy can record it.
 */
export function SetPasswordPage() {
  const token = useLocation().hash.replace(/^#/, '');
  const link = useAccountLink(token);

  useEffect(() => {
    document.title = 'Choose your password · Clearsource';
  }, []);

  if (!token) {
    return (
      <AuthCard title="This link is incomplete">
        <Alert tone="error">
          Open it again from your e-mail, and copy the whole address if you paste it into the browser.
        </Alert>
        <SignInFootnote />
      </AuthCard>
    );
  }
  if (link.isPending) {
    return (
      <AuthCard title="Choose your password">
        <p className="loading-text" role="status">
          Checking your link…
        </p>
      </AuthCard>
    );
  }
  if (link.isError) {
    const unknown = isApiError(link.error) && link.error.status === 404;
    return (
      <AuthCard title={unknown ? 'This link is not valid' : 'Your link could not be checked'}>
        <Alert tone="error">
          {unknown
            ? 'It may have been copied incompletely. Open it again from your e-mail, or ask for a new one.'
            : describeError(link.error)}
        </Alert>
        <SignInFootnote />
      </AuthCard>
    );
  }
  const info = link.data;
  if (info.state !== 'live') {
    return (
      <AuthCard title={info.state === 'used' ? 'This link was already used' : 'This link has expired'}>
        <Alert tone="warning">
          {info.state === 'used'
            ? 'Each link works once. If you chose your password with it, sign in; if not, ask for a new link.'
            : info.kind === 'invitation'
              ? `Invitations work for a limited time. Ask an administrator of ${info.organisation} to send a new one.`
              : 'Reset links work for a limited time. Ask for a new one below.'}
        </Alert>
        <SignInFootnote />
      </AuthCard>
    );
  }
  return <ChoosePassword token={token} info={info} />;
}

function ChoosePassword({ token, info }: { token: string; info: AccountLinkInfo }) {
  const setPassword = useSetPasswordByLink();
  const {
    register,
    handleSubmit,
    setError,
    watch,
    formState: { errors, isSubmitting },
  } = useForm<Form>({ resolver: zodResolver(FormSchema), defaultValues: { password: '' } });
  const owner = { email: info.email ?? undefined, name: info.name ?? undefined };
  const verdict = usePasswordVerdict(watch('password'), owner);
  const { formError, onSubmit } = useServerSubmit({ handleSubmit, setError }, ['password'], (values) =>
    setPassword.mutateAsync({ token, password: values.password }),
  );
  const invitation = info.kind === 'invitation';

  if (setPassword.data) {
    return (
      <AuthCard title="Your password is set">
        <Alert tone="success">
          {invitation
            ? `Your account at ${info.organisation} is ready.`
            : 'You were signed out everywhere; sign in again with your new password.'}
        </Alert>
        <Link className="btn btn-primary btn-block" to="/login" state={{ email: setPassword.data.email }}>
          Sign in
        </Link>
      </AuthCard>
    );
  }
  return (
    <AuthCard title={invitation ? `Welcome to ${info.organisation}` : 'Choose a new password'}>
      <p className="login-lead">
        {invitation ? 'Choose the password of your Clearsource account' : 'For your Clearsource account'}{' '}
        <strong>{info.email}</strong>. This link works once, until {formatDateTime(info.expiresAt)}.
      </p>
      <form className="form" onSubmit={onSubmit} noValidate aria-label="Choose your password">
        <FormAlert message={formError} />
        {/* For password managers: the account the new password belongs to. */}
        <input type="hidden" name="username" autoComplete="username" value={info.email ?? ''} readOnly />
        <NewPasswordField
          label="New password"
          hint="A long phrase of unrelated words is strong and easy to remember."
          verdict={verdict}
          error={errors.password?.message}
          {...register('password')}
        />
        <Button type="submit" variant="primary" busy={isSubmitting} className="btn-block">
          {invitation ? 'Open my account' : 'Set new password'}
        </Button>
      </form>
    </AuthCard>
  );
}

function SignInFootnote() {
  return (
    <p className="login-footnote">
      <Link to="/forgot-password">Ask for a new link</Link> · <Link to="/login">Sign in</Link>
    </p>
  );
}
