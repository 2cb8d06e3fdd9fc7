// What an integration test needs to reach the real Redis and Chroma of this test run.
// The global setup (./global-setup.ts) starts or reuses the services and exports these
// variables, so worker processes spawned by tests inherit them too.

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

const names = {
  redisUrl: 'SWITCHYARD_TEST_REDIS_URL',
  chromaUrl: 'SWITCHYARD_TEST_CHROMA_URL',
  keyPrefix: 'SWITCHYARD_TEST_KEY_PREFIX',
  collectionPrefix: 'SWITCHYARD_TEST_COLLECTION_PREFIX',
  dataDir: 'SWITCHYARD_TEST_DATA_DIR',
} as const satisfies Record<keyof TestEnv, string>;

export const testEnvVariables = names;

export function testEnv(): TestEnv {
  const read = (key: keyof TestEnv): string => {
    const value = process.env[names[key]];
    if (!value) {
      throw new Error(`${names[key]} is not set: integration tests need globalSetup: ['@switchyard/testing/global-setup'] in vitest.config.ts`);
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

/** A unique suffix for names inside one test (queues, users, collections). */
export function uniqueId(label = 'x'): string {
  return `${label}${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`;
}
