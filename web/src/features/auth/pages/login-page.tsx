import { zodResolver } from '@hookform/resolvers/zod';
import { useEffect } from 'react';
import { useForm } from 'react-hook-form';
import { Link, Navigate, useLocation } from 'react-router';
import { type Login, LoginSchema } from '#shared/schemas/auth.js';
import { Button } from '../../../components/ui/button.js';
import { TextField } from '../../../components/ui/field.js';
import { FormAlert } from '../../../components/ui/form-alert.js';
import { useServerSubmit } from '../../../lib/form-errors.js';
import { useLogin, useSession } from '../api.js';
import '../auth.css';

const LOGIN_FIELDS = ['email', 'password'] as const;

/** Only same-app paths are followed after login, never an absolute URL smuggled into the state. */
const safeRedirect = (from: unknown): string =>
  typeof from === 'string' && from.startsWith('/') && !from.startsWith('//') && from !== '/login'
    ? from
    : '/';

export function LoginPage() {
  const session = useSession();
  const login = useLogin();
  const location = useLocation();
  const state = location.state as { from?: unknown; email?: unknown } | null;
  const from = safeRedirect(state?.from);
  // Arriving from a password link: the account's e-mail is filled in.
  const email = typeof state?.email === 'string' ? state.email : '';

  const {
    register,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<Login>({ resolver: zodResolver(LoginSchema), defaultValues: { email, password: '' } });

  const { formError, onSubmit } = useServerSubmit(
    { handleSubmit, setError },
    LOGIN_FIELDS,
    async (values) => {
      // On success the session lands in the cache and the <Navigate> below takes the person onwards.
      await login.mutateAsync(values);
    },
  );

  useEffect(() => {
    document.title = 'Sign in · Clearsource';
  }, []);

  if (session.data) return <Navigate to={from} replace />;

  return (
    <main className="login-layout">
      <div className="login-card">
        <div className="brand brand-large">
          <span className="brand-mark" aria-hidden="true" />
          Clearsource
        </div>
        <h1 className="login-title">Sign in</h1>
        <p className="login-lead">Supply-chain due diligence against forced labour and human trafficking.</p>
        <form className="form" onSubmit={onSubmit} noValidate aria-label="Sign in">
          <FormAlert message={formError} />
          <TextField
            label="Email"
            type="email"
            autoComplete="username"
            inputMode="email"
            error={errors.email?.message}
            {...register('email')}
          />
          <TextField
            label="Password"
            type="password"
            autoComplete="current-password"
            error={errors.password?.message}
            {...register('password')}
          />
          <Button type="submit" variant="primary" busy={isSubmitting} className="btn-block">
            {isSubmitting ? 'Signing in…' : 'Sign in'}
          </Button>
        </form>
        <p className="login-forgot">
          <Link to="/forgot-password">Forgot your password?</Link>
        </p>
        <p className="login-footnote">
          Supplier contacts do not need an account: use the secure link from your customer's questionnaire
          email.
        </p>
        <p className="login-footnote login-verify">
          Holding a Clearsource report? <Link to="/verify">Check that it is genuine</Link>, no account needed.
        </p>
      </div>
    </main>
  );
}
