// The only place the web app reads process.env (at build and server start, never in the browser).
import { z } from 'zod';

/** "false", a hop count, or the addresses/subnets of the reverse proxies in front of this server. */
function trustProxySetting(value: string): false | number | string[] {
  const trimmed = value.trim().toLowerCase();
  if (trimmed === '' || trimmed === 'false' || trimmed === '0' || trimmed === 'no') return false;
  if (/^\d+$/.test(trimmed)) return Number(trimmed);
  return value.split(',').map((item) => item.trim()).filter(Boolean);
}

const envSchema = z.object({
  /** Where the Switchyard API listens; the Next server proxies /api, /v1 and /health to it. */
  API_URL: z.url().default('http://127.0.0.1:4000'),
  NODE_ENV: z.enum(['development', 'production', 'test']).default('production'),
  /** The web server's listen address and port (server.ts). */
  HOST: z.string().min(1).default('0.0.0.0'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  /**
   * Reverse proxies in front of this web server whose X-Forwarded-For it believes (as Express's
   * "trust proxy"): false (the browser connects directly), a hop count, or addresses/subnets.
   * The client address found this way is what the API is told, overwriting whatever the browser
   * sent; never "true".
   */
  WEB_TRUST_PROXY: z
    .string()
    .default('false')
    .refine((value) => !['true', 'yes', '*'].includes(value.trim().toLowerCase()), {
      message: 'WEB_TRUST_PROXY must be false, a hop count or a list of proxy addresses/subnets, never "true"',
    })
    .transform(trustProxySetting),
});

const parsed = envSchema.safeParse(process.env);
if (!parsed.success) {
  for (const issue of parsed.error.issues) console.error(`invalid env ${issue.path.join('.')}: ${issue.message}`);
  throw new Error('invalid environment for @switchyard/web');
}

export const env = parsed.data;
