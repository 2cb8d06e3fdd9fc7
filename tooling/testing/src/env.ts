// The only file of the test tooling that touches process.env: the global setup publishes the
// run's services and prefixes as variables (so processes spawned by tests inherit them), and
// tests read them back.

export interface TestEnv {
  redisUrl: string;
  chromaUrl: string;
  /** Prefix for every Redis key and BullMQ queue of this run (isolates concurrent runs). */
  keyPrefix: string;
  /** Prefix for every Chroma collection of this run. */
  collectionPrefix: string;
  /** A scratch directory for this run (blob store, logs); removed after the run. */
  dataDir: string;
}

export const testEnvVariables = {
  redisUrl: 'SWITCHYARD_TEST_REDIS_URL',
  chromaUrl: 'SWITCHYARD_TEST_CHROMA_URL',
  keyPrefix: 'SWITCHYARD_TEST_KEY_PREFIX',
  collectionPrefix: 'SWITCHYARD_TEST_COLLECTION_PREFIX',
  dataDir: 'SWITCHYARD_TEST_DATA_DIR',
} as const satisfies Record<keyof TestEnv, string>;

// Test services listen on their own ports so a running `pnpm start` (6379/8000) is untouched.
export function testServiceUrls(): { redisUrl: string; chromaUrl: string } {
  return {
    redisUrl: process.env[testEnvVariables.redisUrl] ?? 'redis://127.0.0.1:6399',
    chromaUrl: process.env[testEnvVariables.chromaUrl] ?? 'http://127.0.0.1:8099',
  };
}

export function publishTestEnv(env: TestEnv): void {
  for (const [key, name] of Object.entries(testEnvVariables)) {
    process.env[name] = env[key as keyof TestEnv];
  }
}

export function testEnv(): TestEnv {
  const read = (key: keyof TestEnv): string => {
    const value = process.env[testEnvVariables[key]];
    if (!value) {
      throw new Error(
        `${testEnvVariables[key]} is not set: integration tests need globalSetup: ['@switchyard/testing/global-setup'] in vitest.config.ts`,
      );
    }
    return value;
  };
  return {
    redisUrl: read('redisUrl'),
    chromaUrl: read('chromaUrl'),
    keyPrefix: read('keyPrefix'),
    collectionPrefix: read('collectionPrefix'),
    dataDir: read('dataDir'),
  };
}
