// What the sign-in page offers (create the administrator, sign up, or only sign in), asked of
// the API by the Next server while it renders the page, so the form opens in the right mode.
import { createClient, type AuthStatus } from '@switchyard/client';
import { env } from '../../env';

const api = createClient({
  baseUrl: env.API_URL,
  fetch: (input, init) => fetch(input, { ...init, cache: 'no-store', signal: AbortSignal.timeout(5000) }),
});

/** null when the API cannot say (down, or older than this page): the form then offers both. */
export async function fetchAuthStatus(): Promise<AuthStatus | null> {
  try {
    return await api.authStatus();
  } catch {
    return null;
  }
}
