'use client';
import { ApiError, type AuthStatus } from '@switchyard/client';
import { useRouter } from 'next/navigation';
import { useId, useState, type FormEvent } from 'react';
import { LogoMark, ShieldIcon } from '../../components/icons';
import { api } from '../../lib/api';
import { describeError } from '../../lib/describe-error';

type Mode = 'signin' | 'signup';

/** `status` null: the server could not say whether sign-up is open, so both are offered. */
export function LoginForm({ next, status }: { next: string; status: AuthStatus | null }) {
  const router = useRouter();
  const [firstRun, setFirstRun] = useState(status?.firstRun ?? false);
  const [signupOpen, setSignupOpen] = useState(status?.signupOpen ?? true);
  const [mode, setMode] = useState<Mode>(firstRun ? 'signup' : 'signin');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const errorId = useId();

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      if (mode === 'signup') await api.signup({ email, password });
      else await api.login({ email, password });
      router.replace(next);
    } catch (caught) {
      if (caught instanceof ApiError && caught.code === 'signup_disabled') {
        // Someone else created the administrator meanwhile, and sign-up is closed: sign in instead.
        setFirstRun(false);
        setSignupOpen(false);
        setMode('signin');
      }
      setError(describeError(caught));
      setBusy(false);
    }
  }

  const signup = mode === 'signup';
  const heading = signup ? (firstRun ? 'Create the admin account' : 'Create your account') : 'Sign in';
  const intro = signup
    ? firstRun
      ? 'This server has no accounts yet. The account you create now becomes its administrator.'
      : 'Your account is yours alone: your documents and conversations are private to it.'
    : 'Chat with your documents, routed to the right model.';
  const submitLabel = signup ? (firstRun ? 'Create admin account' : 'Create account') : 'Sign in';
  return (
    <main className="auth-screen">
      <div className="auth-card">
        <div className="auth-brand">
          <LogoMark />
          <span>Switchyard</span>
        </div>
        <h1>{heading}</h1>
        <p className="muted">{intro}</p>

        {/* A first run has nobody to sign in yet; a closed server has no sign-up to offer. */}
        {signupOpen && !firstRun ? (
          <div className="segmented" role="tablist" aria-label="Account">
            <button type="button" role="tab" aria-selected={!signup} className={!signup ? 'active' : ''} onClick={() => setMode('signin')}>
              Sign in
            </button>
            <button type="button" role="tab" aria-selected={signup} className={signup ? 'active' : ''} onClick={() => setMode('signup')}>
              Create account
            </button>
          </div>
        ) : (
          <div className="auth-spacer" />
        )}

        <form onSubmit={(event) => void submit(event)} aria-describedby={error ? errorId : undefined} noValidate={false}>
          <label className="field">
            <span>Email</span>
            <input type="email" name="email" autoComplete="email" required value={email} onChange={(e) => setEmail(e.target.value)} />
          </label>
          <label className="field">
            <span>Password</span>
            <input
              type="password"
              name="password"
              autoComplete={signup ? 'new-password' : 'current-password'}
              required
              minLength={8}
              value={password}
              onChange={(e) => setPassword(e.target.value)}
            />
            {signup ? <small className="hint">At least 8 characters.</small> : null}
          </label>
          {error ? (
            <p className="form-error" role="alert" id={errorId}>
              {error}
            </p>
          ) : null}
          <button type="submit" className="button primary block" disabled={busy}>
            {busy ? 'Please wait…' : submitLabel}
          </button>
        </form>
        {!signupOpen ? <p className="auth-footnote">New here? Ask an administrator of this server for an account.</p> : null}
        <p className="auth-footnote">
          <ShieldIcon width={14} height={14} /> Confidential questions are answered by a local model and never leave this server.
        </p>
      </div>
    </main>
  );
}
