import { describe, expect, it } from 'vitest';
import { parseEnv } from './env';

describe('parseEnv', () => {
  it('reads TRUST_PROXY as false, a hop count or a list, and refuses a blind true', () => {
    expect(parseEnv({}).TRUST_PROXY).toBe(false);
    expect(parseEnv({ TRUST_PROXY: '1' }).TRUST_PROXY).toBe(1);
    expect(parseEnv({ TRUST_PROXY: 'loopback, 10.0.0.0/8' }).TRUST_PROXY).toEqual(['loopback', '10.0.0.0/8']);
    expect(() => parseEnv({ TRUST_PROXY: 'true' })).toThrow(/TRUST_PROXY must be false, a hop count/);
  });

  it('names each bad variable on its own line', () => {
    expect(() => parseEnv({ PORT: 'eighty', ADMIN_API_KEY: 'short' })).toThrow(/PORT[\s\S]*\n.*ADMIN_API_KEY must be at least 24/);
  });
});
