// Login abuse: an attacker hammering one account from one address slows that account with
// exponential backoff and spends their own address's budget, and nobody else's. The web app's
// proxy forwards the browser's address in X-Forwarded-For (overwritten, never appended); the API
// believes it only from the hops TRUST_PROXY names. Every failed or throttled attempt is audited.
import { auditResponseSchema } from '@switchyard/client';
import { uniqueId } from '@switchyard/testing';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, buildTestApp, errorCode, signup, waitFor, type SignedUp, type TestApp } from './helpers';

const ATTACKER = '203.0.113.66';
const VICTIM_ADDRESS = '198.51.100.10';
const BYSTANDER_ADDRESS = '198.51.100.20';
const PASSWORD = 'correct horse battery';

const login = (t: TestApp, email: string, password: string, address: string) =>
  request(t.app).post('/api/auth/login').set('X-Forwarded-For', address).send({ email, password });

describe('130 bad logins from one client behind the web proxy', () => {
  let t: TestApp;
  let admin: SignedUp;
  let victim: SignedUp;
  let bystander: SignedUp;
  const statuses: Record<string, number> = {};
  const retryAfters: number[] = [];

  beforeAll(async () => {
    // The API trusts the proxy on loopback (as the launcher runs it); tests speak as that proxy.
    t = await buildTestApp({ ALLOW_SIGNUP: 'true', TRUST_PROXY: 'loopback', LOGIN_BACKOFF_BASE_MS: '200', LOGIN_BACKOFF_MAX_MS: '1500' });
    admin = await signup(t.app);
    victim = await signup(t.app, `${uniqueId('victim')}@example.com`, PASSWORD);
    bystander = await signup(t.app, `${uniqueId('bystander')}@example.com`, PASSWORD);
    // Ten guesses in flight at a time, as a script would send them.
    let next = 0;
    const attacker = async () => {
      while (next < 130) {
        const attempt = next++;
        const response = await login(t, victim.user.email, `guess number ${attempt}`, ATTACKER);
        const code = response.status === 401 || response.status === 429 ? errorCode(response) : String(response.status);
        statuses[code] = (statuses[code] ?? 0) + 1;
        if (code === 'login_throttled') retryAfters.push(Number(response.headers['retry-after']));
      }
    };
    await Promise.all(Array.from({ length: 10 }, attacker));
  }, 180_000);
  afterAll(() => t.close());

  it('lets another person sign in from another address at once', async () => {
    const response = await login(t, bystander.user.email, PASSWORD, BYSTANDER_ADDRESS);
    expect(response.status).toBe(200);
    expect(response.body.user.id).toBe(bystander.user.id);
  });

  it('slows the attacked account with backoff instead of checking every guess', () => {
    // The first guesses are checked (401); after that the account makes them wait (429), and the
    // attacker's address runs out of its per-minute budget (120) as well.
    expect(statuses.invalid_credentials).toBeGreaterThanOrEqual(5);
    expect(statuses.invalid_credentials).toBeLessThan(40);
    expect(statuses.login_throttled).toBeGreaterThan(50);
    expect(statuses.rate_limited).toBe(10);
    expect(Math.max(...retryAfters)).toBeGreaterThanOrEqual(1);
    expect(Math.max(...retryAfters)).toBeLessThanOrEqual(2); // capped by LOGIN_BACKOFF_MAX_MS
  });

  it('never locks the account: once the wait is over, the right password works from anywhere', async () => {
    const first = await login(t, victim.user.email, PASSWORD, VICTIM_ADDRESS);
    if (first.status === 429) {
      expect(errorCode(first)).toBe('login_throttled');
      expect(Number(first.headers['retry-after'])).toBeGreaterThan(0);
    }
    const signedIn = await waitFor('the victim signs in after the backoff', async () => {
      const response = await login(t, victim.user.email, PASSWORD, VICTIM_ADDRESS);
      return response.status === 200 ? response : undefined;
    });
    expect(signedIn.body.user.id).toBe(victim.user.id);
    // A success clears the backoff: a wrong guess is checked again right away (401, not 429).
    expect((await login(t, victim.user.email, 'one more typo here', VICTIM_ADDRESS)).status).toBe(401);
  });

  it('puts every failed and throttled attempt, with the forwarded address, in the audit trail', async () => {
    const response = await request(t.app).get('/api/audit').query({ type: 'auth.login_failed,auth.login_throttled', limit: 500 }).set(bearer(admin.token));
    expect(response.status).toBe(200);
    const { events } = auditResponseSchema.parse(response.body);
    const fromAttacker = events.filter((event) => event.ip === ATTACKER);
    expect(fromAttacker).toHaveLength(120);
    expect(fromAttacker.every((event) => event.actorEmail === victim.user.email)).toBe(true);
    expect(fromAttacker.filter((event) => event.type === 'auth.login_failed').every((event) => event.details?.reason === 'wrong_password')).toBe(true);
    expect(JSON.stringify(events)).not.toContain('guess number');
  });
});

describe('throttling an account says nothing about whether it exists', () => {
  it('throttles an unknown email exactly like a known one', async () => {
    const t = await buildTestApp({ LOGIN_FREE_ATTEMPTS: '2', LOGIN_BACKOFF_BASE_MS: '60000' });
    try {
      await signup(t.app, 'known@example.com', PASSWORD);
      const codes = async (email: string) => {
        const seen: string[] = [];
        for (let attempt = 0; attempt < 4; attempt++) seen.push(errorCode(await request(t.app).post('/api/auth/login').send({ email, password: 'not it at all' })));
        return seen;
      };
      const known = await codes('known@example.com');
      const unknown = await codes('nobody-here@example.com');
      expect(known).toEqual(['invalid_credentials', 'invalid_credentials', 'invalid_credentials', 'login_throttled']);
      expect(unknown).toEqual(known);
    } finally {
      await t.close();
    }
  });
});

describe('client addresses the API does not trust', () => {
  it('ignores X-Forwarded-For from a peer TRUST_PROXY does not name: rotating it does not escape the address limit', async () => {
    const t = await buildTestApp({ RATE_LIMIT_PER_MINUTE: '5' });
    try {
      const codes: number[] = [];
      for (let attempt = 0; attempt < 7; attempt++) {
        const response = await request(t.app)
          .post('/api/auth/login')
          .set('X-Forwarded-For', `192.0.2.${attempt + 1}`)
          .send({ email: `${uniqueId('x')}@example.com`, password: 'whatever it is' });
        codes.push(response.status);
      }
      expect(codes).toEqual([401, 401, 401, 401, 401, 429, 429]);
    } finally {
      await t.close();
    }
  });
});
