// The only place the web app reads process.env (at build and server start, never in the browser).
import { z } from 'zod';

const envSchema = z.object({
  /** Where the Switchyard API listens; the Next server proxies /api, /v1 and /health to it. */
  API_URL: z.url().default('http://127.0.0.1:4000'),
  NODE_ENV: z.enum(['development', 'production', 'test']).default('production'),
});

const parsed = envSchema.safeParse(process.env);
if (!parsed.success) {
  for (const issue of parsed.error.issues) console.error(`invalid env ${issue.path.join('.')}: ${issue.message}`);
  throw new Error('invalid environment for @switchyard/web');
}

export const env = parsed.data;
