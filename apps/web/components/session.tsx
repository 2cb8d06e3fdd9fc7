'use client';
import { ApiError, type User } from '@switchyard/client';
import { usePathname, useRouter } from 'next/navigation';
import { createContext, useCallback, useContext, useEffect, useState, type ReactNode } from 'react';
import { api } from '../lib/api';
import { describeError } from '../lib/describe-error';

interface Session {
  user: User;
  signOut: () => Promise<void>;
}

const SessionContext = createContext<Session | null>(null);

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside <RequireSession>');
  return session;
}

/** Renders its children only for a signed-in person; sends everyone else to /login. */
export function RequireSession({ children }: { children: ReactNode }) {
  const router = useRouter();
  const pathname = usePathname();
  const [user, setUser] = useState<User | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let cancelled = false;
    api
      .me()
      .then(({ user: me }) => {
        if (!cancelled) setUser(me);
      })
      .catch((caught: unknown) => {
        if (cancelled) return;
        if (caught instanceof ApiError && caught.status === 401) router.replace(`/login?next=${encodeURIComponent(pathname)}`);
        else setError(describeError(caught));
      });
    return () => {
      cancelled = true;
    };
  }, [router, pathname]);

  const signOut = useCallback(async () => {
    await api.logout().catch(() => undefined);
    router.replace('/login');
  }, [router]);

  if (error) {
    return (
      <main className="center-screen">
        <div className="card narrow" role="alert">
          <h1>Cannot reach Switchyard</h1>
          <p className="muted">{error}</p>
          <button type="button" className="button primary" onClick={() => window.location.reload()}>
            Try again
          </button>
        </div>
      </main>
    );
  }
  if (!user) {
    return (
      <main className="center-screen" aria-busy="true">
        <p className="muted">Loading…</p>
      </main>
    );
  }
  return <SessionContext.Provider value={{ user, signOut }}>{children}</SessionContext.Provider>;
}
