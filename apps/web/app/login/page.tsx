import type { Metadata } from 'next';
import { fetchAuthStatus } from '../../lib/server/auth-status';
import { LoginForm } from './login-form';

export const metadata: Metadata = { title: 'Sign in' };

export default async function LoginPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { next } = await searchParams;
  const target = typeof next === 'string' && next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/\\') ? next : '/chat';
  return <LoginForm next={target} status={await fetchAuthStatus()} />;
}
