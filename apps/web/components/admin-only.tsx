'use client';
import type { ReactNode } from 'react';
import { useSession } from './session';

/** Renders its children for administrators; everyone else reads why the page is empty. */
export function AdminOnly({ title, children }: { title: string; children: ReactNode }) {
  const { user } = useSession();
  if (user.role === 'admin') return <>{children}</>;
  return (
    <div className="page narrow-page">
      <header className="page-header">
        <div>
          <h1>{title}</h1>
        </div>
      </header>
      <p className="banner error" role="alert">
        This page is for administrators. Ask one if something here needs changing.
      </p>
    </div>
  );
}
