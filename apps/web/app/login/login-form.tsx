'use client';
import { useRouter } from 'next/navigation';
import { useId, useState, type FormEvent } from 'react';
import { LogoMark, ShieldIcon } from '../../components/icons';
import { api } from '../../lib/api';
import { describeError } from '../../lib/describe-error';

type Mode = 'signin' | 'signup';

export function LoginForm({ next }: { next: string }) {
  const router = useRouter();
  const [mode, setMode] = useState<Mode>('signin');
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
      setError(describeError(caught));
      setBusy(false);
    }
  }

  const signup = mode === 'signup';
  return (
    <main className="auth-screen">
      <div className="auth-card">
        <div className="auth-brand">
          <LogoMark />
          <span>Switchyard</span>
        </div>
        <h1>{signup ? 'Create your account' : 'Sign in'}</h1>
        <p className="muted">{signup ? 'The first account on a new server becomes its administrator.' : 'Chat with your documents, routed to the right model.'}</p>

        <div className="segmented" role="tablist" aria-label="Account">
          <button type="button" role="tab" aria-selected={!signup} className={!signup ? 'active' : ''} onClick={() => setMode('signin')}>
            Sign in
          </button>
          <button type="button" role="tab" aria-selected={signup} className={signup ? 'active' : ''} onClick={() => setMode('signup')}>
            Create account
          </button>
        </div>

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
            {busy ? 'Please wait…' : signup ? 'Create account' : 'Sign in'}
          </button>
        </form>
        <p className="auth-footnote">
          <ShieldIcon width={14} height={14} /> Confidential questions are answered by a local model and never leave this server.
        </p>
      </div>
    </main>
  );
}
