// What an integration test needs to reach the real Redis and Chroma of this test run.
// The global setup (./global-setup.ts) starts or reuses the services and exports the run's
// settings as variables (./env.ts), so worker processes spawned by tests inherit them too.

export { testEnv, testEnvVariables, type TestEnv } from './env';

/** A unique suffix for names inside one test (queues, users, collections). */
export function uniqueId(label = 'x'): string {
  return `${label}${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`;
}
