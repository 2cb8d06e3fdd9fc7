// The one API client of the browser app: same-origin, authenticated by the HttpOnly session cookie.
import { createClient } from '@switchyard/client';

export const api = createClient({ baseUrl: '' });
