// The launcher's own settings (`pnpm start`), validated like every app's env.ts: a bad value
// stops start-up with one line naming the variable. The rest of the environment is handed to
// the apps, whose own env.ts check it.
import { z } from 'zod';

const port = (fallback: number) => z.coerce.number().int().min(1).max(65535).default(fallback);

const launcherEnvSchema = z.object({
  WEB_PORT: port(3000),
  API_PORT: port(4000),
  REDIS_PORT: port(6379),
  CHROMA_PORT: port(8000),
  DATA_DIR: z.string().min(1).optional(),
});

export type LauncherEnv = z.infer<typeof launcherEnvSchema>;

export function loadLauncherEnv(source: Record<string, string | undefined> = process.env): LauncherEnv {
  const result = launcherEnvSchema.safeParse(source);
  if (result.success) return result.data;
  throw new Error(result.error.issues.map((issue) => `invalid environment variable ${issue.path.join('.')}: ${issue.message}`).join('\n'));
}

/** The environment the apps receive. */
export const appEnvironment = (): Record<string, string | undefined> => process.env;
