'use client';
import Link from 'next/link';
import { usePathname } from 'next/navigation';
import type { ReactNode } from 'react';
import { ChartIcon, ChatIcon, DocumentIcon, KeyIcon, LayersIcon, ListIcon, LogoMark, RouteIcon, SearchIcon, ServerIcon, ShieldIcon, UsersIcon } from './icons';
import { useSession } from './session';
import { ThemeToggle } from './theme-toggle';

const links = [
  { href: '/chat', label: 'Chat', Icon: ChatIcon },
  { href: '/documents', label: 'Documents', Icon: DocumentIcon },
  { href: '/collections', label: 'Collections', Icon: ListIcon },
  { href: '/search', label: 'Search', Icon: SearchIcon },
  { href: '/dashboard', label: 'Dashboard', Icon: ChartIcon },
  { href: '/models', label: 'Models', Icon: LayersIcon },
  { href: '/keys', label: 'API keys', Icon: KeyIcon },
];

/** Pages that operate the server: shown to administrators only. */
const adminLinks = [
  { href: '/providers', label: 'Providers', Icon: ServerIcon },
  { href: '/policy', label: 'Routing policy', Icon: RouteIcon },
  { href: '/users', label: 'Users', Icon: UsersIcon },
  { href: '/audit', label: 'Audit trail', Icon: ShieldIcon },
];

export function AppShell({ children }: { children: ReactNode }) {
  const pathname = usePathname();
  const { user, signOut } = useSession();
  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <nav className="sidebar" aria-label="Main">
        <Link href="/chat" className="brand" aria-label="Switchyard">
          <LogoMark />
          <span>Switchyard</span>
        </Link>
        <NavList links={links} pathname={pathname} />
        {user.role === 'admin' ? (
          <>
            <p className="nav-section" aria-hidden="true">
              Administration
            </p>
            <NavList links={adminLinks} pathname={pathname} label="Administration" />
          </>
        ) : null}
        <div className="sidebar-footer">
          <div className="user-chip" title={user.email}>
            <span className="avatar" aria-hidden="true">
              {user.email.charAt(0).toUpperCase()}
            </span>
            <span className="user-meta">
              <span className="user-email">{user.email}</span>
              <span className="user-role">{user.role === 'admin' ? 'Administrator' : 'Member'}</span>
            </span>
          </div>
          <ThemeToggle />
          <button type="button" className="button ghost small" onClick={() => void signOut()}>
            Sign out
          </button>
        </div>
      </nav>
      <main className="content" id="main" tabIndex={-1}>
        {children}
      </main>
    </div>
  );
}

function NavList({ links: items, pathname, label }: { links: typeof links; pathname: string; label?: string }) {
  return (
    <ul className="nav-list" aria-label={label}>
      {items.map(({ href, label: text, Icon }) => {
        const active = pathname === href || pathname.startsWith(`${href}/`);
        return (
          <li key={href}>
            <Link href={href} className={active ? 'nav-link active' : 'nav-link'} aria-current={active ? 'page' : undefined} aria-label={text}>
              <Icon />
              <span>{text}</span>
            </Link>
          </li>
        );
      })}
    </ul>
  );
}
