// What an integration test needs to reach the real Redis and Chroma of this test run.
// The global setup (./global-setup.ts) starts or reuses the services and exports the run's
// settings as variables (./env.ts), so worker processes spawned by tests inherit them too.

export { testEnv, testEnvVariables, testServiceUrls, type TestEnv } from './env';

/** A unique suffix for names inside one test (queues, users, collections). */
export function uniqueId(label = 'x'): string {
  return `${label}${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`;
}

/**
 * Polls `probe` until it returns a value (not undefined or false) and returns it; fails after the
 * deadline naming what it waited for. For tests: wait on a condition, never a bare sleep.
 */
export async function waitForValue<T>(what: string, probe: () => Promise<T | undefined | false>, timeoutMs = 30_000, everyMs = 100): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
}
