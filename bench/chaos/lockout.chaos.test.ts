// Login abuse through the web app, as the security review reproduced it: 130 bad logins from one
// client through the Next.js proxy, then another person signs in from another address. Before,
// everyone behind the proxy shared one address bucket, so the other person got 429, and the
// attacked account itself was never slowed. Now the proxy forwards each browser's own address
// (overwriting whatever the browser claims), the API believes it only from that hop, and the
// attacked account is slowed by exponential backoff, never locked.
//
// Clients are told apart by their source address on loopback (127.0.0.2, .3, .4: Linux routes
// all of 127/8 to lo). Prints the scenario's figures with the suite's summary.
import { request as httpRequest } from 'node:http';
import { auditResponseSchema } from '@switchyard/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startChaos, type Chaos } from './harness';
import { newUser } from './workload';

let chaos: Chaos;

beforeAll(async () => {
  // The real per-address limit (120 a minute), and the web app in front of the api.
  chaos = await startChaos({ apps: ['api', 'worker', 'web'], env: { RATE_LIMIT_PER_MINUTE: '120' } });
});

afterAll(async () => {
  if (!chaos) return;
  console.log(`chaos summary ${JSON.stringify(chaos.summary, null, 2)}`);
  await chaos.stop();
});

interface Answer {
  status: number;
  code: string | undefined;
  retryAfter: number | undefined;
  ms: number;
}

/** POST /api/auth/login to the web app from `from` (a loopback source address). */
function loginThroughWeb(from: string, email: string, password: string, headers: Record<string, string> = {}): Promise<Answer> {
  const body = JSON.stringify({ email, password });
  const url = new URL('/api/auth/login', chaos.stack.webUrl);
  const started = performance.now();
  chaos.summary.requestsSent += 1;
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      url,
      { method: 'POST', localAddress: from, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), ...headers } },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (text += chunk));
        res.on('end', () => {
          chaos.seenBodies.push(text);
          let code: string | undefined;
          try {
            code = (JSON.parse(text) as { error?: { code?: string } }).error?.code;
          } catch {
            code = undefined;
          }
          const retryAfter = res.headers['retry-after'];
          resolve({ status: res.statusCode ?? 0, code, retryAfter: retryAfter === undefined ? undefined : Number(retryAfter), ms: performance.now() - started });
        });
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

describe('login lockout through the web proxy', () => {
  it('130 bad logins from one client: another person signs in at once, the attacked account is slowed and never locked', async () => {
    const victim = await newUser(chaos, 'victim');
    const bystander = await newUser(chaos, 'bystander');
    const attacker = '127.0.0.2';

    const codes: Record<string, number> = {};
    const accountWaits: number[] = [];
    const attackStarted = performance.now();
    // Ten guesses in flight at a time, each also claiming another address (the proxy must not pass it on).
    let next = 0;
    const guesser = async () => {
      while (next < 130) {
        const attempt = next++;
        const answer = await loginThroughWeb(attacker, victim.email, `wrong guess ${attempt}`, { 'X-Forwarded-For': `10.66.${attempt}.1`, 'X-Real-IP': `10.77.${attempt}.1` });
        const key = answer.code ?? String(answer.status);
        codes[key] = (codes[key] ?? 0) + 1;
        if (answer.code === 'login_throttled' && answer.retryAfter !== undefined) accountWaits.push(answer.retryAfter);
      }
    };
    await Promise.all(Array.from({ length: 10 }, guesser));
    const attackMs = performance.now() - attackStarted;
    // Some guesses were checked (401) before the backoff; most were made to wait (429); the
    // attacker's own address ran out of its 120 a minute.
    expect(codes.invalid_credentials).toBeGreaterThanOrEqual(5);
    expect((codes.login_throttled ?? 0) + (codes.rate_limited ?? 0)).toBeGreaterThan(100);
    expect(codes.rate_limited).toBe(10);
    expect(Object.keys(codes).sort()).toEqual(['invalid_credentials', 'login_throttled', 'rate_limited']);

    const other = await loginThroughWeb('127.0.0.3', bystander.email, chaos.canaries.password);
    expect(other.status).toBe(200);

    const victimFirst = await loginThroughWeb('127.0.0.4', victim.email, chaos.canaries.password);
    const waitStarted = performance.now();
    let victimSignedIn = victimFirst;
    const deadline = Date.now() + 120_000;
    while (victimSignedIn.status !== 200 && Date.now() < deadline) {
      expect(victimSignedIn.status).toBe(429);
      expect(victimSignedIn.code).toBe('login_throttled');
      await new Promise((resolve) => setTimeout(resolve, Math.min(1000, (victimSignedIn.retryAfter ?? 1) * 1000)));
      victimSignedIn = await loginThroughWeb('127.0.0.4', victim.email, chaos.canaries.password);
    }
    expect(victimSignedIn.status).toBe(200);
    const victimWaitedMs = victimFirst.status === 200 ? 0 : performance.now() - waitStarted;

    // The audit trail names the attacker's real address for every checked or throttled guess, and
    // none of the addresses it claimed.
    const audit = await chaos.request('/api/audit?type=auth.login_failed,auth.login_throttled&limit=500', { token: chaos.adminKey });
    const events = auditResponseSchema.parse(audit.json()).events;
    const fromAttacker = events.filter((event) => event.ip === attacker && event.actorEmail === victim.email).length;
    const forged = events.filter((event) => event.ip?.startsWith('10.66.') || event.ip?.startsWith('10.77.')).length;
    expect(fromAttacker).toBe(120);
    expect(forged).toBe(0);

    chaos.summary.scenarios.loginLockout = {
      badLogins: 130,
      attackMs: Math.round(attackMs),
      guessesChecked: codes.invalid_credentials,
      throttledByAccountBackoff: codes.login_throttled,
      refusedByAddressLimit: codes.rate_limited,
      longestAccountWaitS: Math.max(...accountWaits),
      otherPersonStatus: other.status,
      otherPersonMs: Math.round(other.ms),
      victimFirstStatus: victimFirst.status,
      victimFirstRetryAfterS: victimFirst.retryAfter ?? 0,
      victimSignedInAfterMs: Math.round(victimWaitedMs),
      auditedFromAttackerAddress: fromAttacker,
      forgedAddressesInAudit: forged,
    };
  });
});
