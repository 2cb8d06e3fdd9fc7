import type { ReactNode } from 'react';
import { AppShell } from '../../components/app-shell';
import { RequireSession } from '../../components/session';

export default function SignedInLayout({ children }: { children: ReactNode }) {
  return (
    <RequireSession>
      <AppShell>{children}</AppShell>
    </RequireSession>
  );
}
