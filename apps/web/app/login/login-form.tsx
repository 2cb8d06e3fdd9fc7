'use client';
import { ApiError, PASSWORD_MIN_LENGTH, type AuthStatus } from '@switchyard/client';
import { useRouter } from 'next/navigation';
import { useId, useState, type FormEvent } from 'react';
import { LogoMark, ShieldIcon } from '../../components/icons';
import { api } from '../../lib/api';
import { describeError } from '../../lib/describe-error';
import { passwordAdvice, type PasswordAdvice } from '../../lib/password-feedback';

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
  const [advice, setAdvice] = useState<PasswordAdvice | null>(null);
  const [busy, setBusy] = useState(false);
  const errorId = useId();
  const hintId = useId();

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    setAdvice(null);
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
      setAdvice(passwordAdvice(caught));
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

        <form onSubmit={(event) => void submit(event)} aria-describedby={error && !(signup && advice) ? errorId : undefined} noValidate={false}>
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
              // Sign-up: the server judges strength and says what to change (shown below the field).
              minLength={signup ? undefined : 8}
              aria-invalid={advice ? true : undefined}
              aria-describedby={signup ? hintId : undefined}
              value={password}
              onChange={(e) => {
                setPassword(e.target.value);
                setAdvice(null);
              }}
            />
            {signup ? (
              <small className="hint" id={hintId}>
                At least {PASSWORD_MIN_LENGTH} characters, hard to guess: a few unrelated words work well.
              </small>
            ) : null}
          </label>
          {signup && advice ? (
            <div className="form-error password-advice" role="alert" data-testid="password-advice">
              <p>Choose a stronger password:</p>
              <ul>
                {[...advice.problems, ...advice.suggestions].map((line) => (
                  <li key={line}>{line}</li>
                ))}
              </ul>
            </div>
          ) : null}
          {error && !(signup && advice) ? (
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
