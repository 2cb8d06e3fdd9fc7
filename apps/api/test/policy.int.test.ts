// The routing policy at run time: admins view it, replace it (versioned, checked by the same
// schema as the policy file and against the configured providers), go back to the environment's,
// and dry-run a candidate over the last routed requests; others get 403; every replica follows.
import { startFakeLlm, type FakeLlm } from '@switchyard/fake-llm';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, buildTestApp, errorCode, signup, waitFor, type SignedUp, type TestApp } from './helpers';

let fake: FakeLlm;
let t: TestApp;
let admin: SignedUp;
let member: SignedUp;

const ENV = () => ({
  ALLOW_SIGNUP: 'true',
  RATE_LIMIT_PER_MINUTE: '100000',
  OPENAI_API_KEY: 'sk-env-configured-key-0000',
  OPENAI_BASE_URL: fake.openaiBaseURL,
});

beforeAll(async () => {
  fake = await startFakeLlm();
  t = await buildTestApp(ENV());
  admin = await signup(t.app);
  member = await signup(t.app);
}, 60_000);

afterAll(async () => {
  await t?.close();
  await fake?.close();
});

const as = (who: SignedUp) => bearer(who.token);
/** Everything that may leave the machine goes to the strong tier. */
const ALL_STRONG = {
  rules: [
    { when: { sensitivity: ['confidential'] }, tier: 'local', reason: 'confidential work stays local' },
    { when: {}, tier: 'strong', reason: 'this week everything goes to the strong model' },
  ],
};
const route = (message: string, extra: Record<string, unknown> = {}) =>
  request(t.app).post('/api/route').set(as(member)).send({ message, ...extra });

describe('policy routes', () => {
  it('are for admins only', async () => {
    const attempts = [
      request(t.app).get('/api/policy').set(as(member)),
      request(t.app).put('/api/policy').set(as(member)).send({ policy: ALL_STRONG }),
      request(t.app).delete('/api/policy').set(as(member)),
      request(t.app).get('/api/policy/versions').set(as(member)),
      request(t.app).post('/api/policy/dry-run').set(as(member)).send({ policy: ALL_STRONG }),
    ];
    for (const response of await Promise.all(attempts)) {
      expect(response.status).toBe(403);
      expect(errorCode(response)).toBe('forbidden');
    }
  });

  it("show the environment's policy at version 0 with each tier's chain", async () => {
    const response = await request(t.app).get('/api/policy').set(as(admin));
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ version: 0, source: 'environment' });
    expect(response.body.policy.rules.map((r: { tier: string }) => r.tier)).toEqual(['local-strong', 'local', 'long-context', 'cheap', 'strong', 'balanced']);
    expect(response.body.tiers.cheap[0]).toBe('openai:gpt-4o-mini');
    expect(response.body.tiers.local).toEqual(['local-extractive:extractive-v1']);
  });

  it('replace the policy (versioned, effective at once), refuse a stale version, and go back to the environment', async () => {
    expect((await route('What is the capital of France?', { complexity: 'simple' })).body.route.tier).toBe('cheap');
    const replaced = await request(t.app).put('/api/policy').set(as(admin)).send({ policy: ALL_STRONG, expectedVersion: 0 });
    expect(replaced.status, JSON.stringify(replaced.body)).toBe(200);
    expect(replaced.body).toMatchObject({ version: 1, source: 'admin', updatedBy: admin.user.email });
    const strong = (await route('What is the capital of France?', { complexity: 'simple' })).body.route;
    expect(strong.tier).toBe('strong');
    expect(strong.reasons).toContain('tier strong: this week everything goes to the strong model');

    const stale = await request(t.app).put('/api/policy').set(as(admin)).send({ policy: ALL_STRONG, expectedVersion: 0 });
    expect(stale.status).toBe(409);
    expect(errorCode(stale)).toBe('policy_version_conflict');
    expect(stale.body.error.details).toEqual({ version: 1 });

    const reset = await request(t.app).delete('/api/policy').set(as(admin));
    expect(reset.body).toMatchObject({ version: 2, source: 'environment' });
    expect((await route('What is the capital of France?', { complexity: 'simple' })).body.route.tier).toBe('cheap');

    const versions = (await request(t.app).get('/api/policy/versions').set(as(admin))).body.versions as { version: number; by: string; policy: unknown }[];
    expect(versions.map((v) => v.version)).toEqual([2, 1]);
    expect(versions[0]?.policy).toBeNull();
    expect(versions[1]).toMatchObject({ by: admin.user.email, policy: { rules: [{ tier: 'local' }, { tier: 'strong' }] } });
  });

  it('refuse a policy the router could not honour, naming the field, never a 500', async () => {
    const cases: [unknown, string, string][] = [
      [{ rules: [{ when: { sensitivty: ['public'] }, tier: 'cheap' }] }, 'invalid_policy', 'policy.rules.0.when'],
      [{ rules: [{ when: {}, tier: 'cheap' }], surprise: true }, 'invalid_policy', 'policy'],
      [{ localOnly: ['internal'] }, 'invalid_policy', 'policy.localOnly'],
      [{ rules: [{ when: {}, tier: 'platinum' }] }, 'invalid_policy', 'policy.rules.0.tier'],
      [{ tiers: { cheap: ['openai:gpt-9'], local: ['local-extractive'] }, rules: [{ when: {}, tier: 'cheap' }] }, 'invalid_policy', 'policy.tiers.cheap'],
      [{ tiers: { cheap: ['nowhere'] }, rules: [{ when: {}, tier: 'cheap' }] }, 'invalid_policy', 'policy.tiers.cheap'],
      [{ rules: [] }, 'invalid_policy', 'policy.rules'],
      [{ maxRetryAfterMs: -1 }, 'invalid_policy', 'policy.maxRetryAfterMs'],
    ];
    for (const [policy, code, path] of cases) {
      const response = await request(t.app).put('/api/policy').set(as(admin)).send({ policy });
      expect(response.status, JSON.stringify(policy)).toBe(400);
      expect(errorCode(response)).toBe(code);
      expect(JSON.stringify(response.body.error.details.fields), JSON.stringify(response.body)).toContain(`"path":"${path}`);
    }
    for (const body of [{ policy: ALL_STRONG, force: true }, { policy: 'cheap' }, {}]) {
      const response = await request(t.app).put('/api/policy').set(as(admin)).send(body);
      expect(response.status, JSON.stringify(body)).toBe(400);
    }
    expect((await request(t.app).get('/api/policy').set(as(admin))).body.source).toBe('environment');
  });
});

describe('POST /api/policy/dry-run', () => {
  it('replays the last requests under a candidate policy and says which would change, without changing anything', async () => {
    const sent = [
      ['What is the capital of France?', { complexity: 'simple' }],
      ['Write a short note thanking the team for the launch.', { complexity: 'moderate' }],
      ['Prove the ordering bound of this queue design step by step.', { complexity: 'complex' }],
      ['Patient Jane Roe, SSN 123-45-6789, asks about her results.', { complexity: 'simple' }],
      ['Translate "good morning" into German.', { complexity: 'simple' }],
    ] as const;
    const tiers: string[] = [];
    for (const [message, extra] of sent) tiers.push((await route(message, extra)).body.route.tier);
    expect(tiers).toEqual(['cheap', 'balanced', 'strong', 'local', 'cheap']);

    const dry = await request(t.app).post('/api/policy/dry-run').set(as(admin)).send({ policy: ALL_STRONG, limit: 5 });
    expect(dry.status, JSON.stringify(dry.body)).toBe(200);
    expect(dry.body.considered).toBe(5);
    // Newest first: the translation, the patient, the proof, the note, the lookup.
    expect(dry.body.requests.map((r: { current: { tier: string } }) => r.current.tier)).toEqual(['cheap', 'local', 'strong', 'balanced', 'cheap']);
    expect(dry.body.requests.map((r: { proposed: { tier: string } }) => r.proposed.tier)).toEqual(['strong', 'local', 'strong', 'strong', 'strong']);
    expect(dry.body.requests.map((r: { changed: boolean }) => r.changed)).toEqual([true, false, false, true, true]);
    expect(dry.body.changed).toBe(3);
    expect(dry.body.current).toEqual({ cheap: 2, balanced: 1, strong: 1, local: 1 });
    expect(dry.body.proposed).toEqual({ strong: 4, local: 1 });
    expect(dry.body.requests[1]).toMatchObject({ sensitivity: 'confidential', then: { tier: 'local', provider: 'local-extractive' } });
    expect(dry.body.requests[0].reasons).toContain('tier strong: this week everything goes to the strong model');

    // Nothing changed, and what was kept holds no message text.
    expect((await route('What is the capital of France?', { complexity: 'simple' })).body.route.tier).toBe('cheap');
    const kept = (await t.ctx.redis.lrange(`${t.env.REDIS_PREFIX}routing:decisions`, 0, -1)).join('\n');
    expect(kept).not.toContain('Jane Roe');
    expect(kept).not.toContain('123-45-6789');
    expect(kept).not.toContain('capital of France');

    const invalid = await request(t.app).post('/api/policy/dry-run').set(as(admin)).send({ policy: { rules: [{ when: {}, tier: 'nowhere' }] } });
    expect(invalid.status).toBe(400);
    expect((await request(t.app).post('/api/policy/dry-run').set(as(admin)).send({ policy: ALL_STRONG, limit: 5000 })).status).toBe(400);
  });
});

describe('policy across replicas', () => {
  it('a policy replaced on one replica routes on the other at once', async () => {
    const other = await buildTestApp({ ...ENV(), REDIS_PREFIX: t.env.REDIS_PREFIX }, { embedder: t.ctx.embedder });
    try {
      const current = (await request(t.app).get('/api/policy').set(as(admin))).body.version as number;
      expect((await request(t.app).put('/api/policy').set(as(admin)).send({ policy: ALL_STRONG, expectedVersion: current })).status).toBe(200);
      const routeOnOther = async () =>
        (await request(other.app).post('/api/route').set(as(member)).send({ message: 'What is the capital of France?', complexity: 'simple' })).body.route.tier as string;
      await waitFor('the other replica to route by the new policy', async () => (await routeOnOther()) === 'strong', 5_000);
      await request(t.app).delete('/api/policy').set(as(admin));
      await waitFor('the other replica to go back to the environment policy', async () => (await routeOnOther()) === 'cheap', 5_000);
    } finally {
      await other.close();
    }
  });
});
