import { describe, expect, it } from 'vitest';
import fixtures from '../test/fixtures/messages.json';
import { classify } from './classify';
import { detectSensitivity, findSensitive, maxSensitivity, redactSecrets } from './sensitivity';
import type { Sensitivity } from './types';

describe('labelled message set', () => {
  it('holds at least 60 labelled messages', () => {
    expect(fixtures.sensitivity.length + fixtures.complexity.length).toBeGreaterThanOrEqual(60);
  });

  for (const row of fixtures.sensitivity) {
    it(`${row.expected}: ${row.message.slice(0, 70).replace(/\n/g, ' ')}`, () => {
      const result = classify({ message: row.message });
      expect(result.sensitivity).toBe(row.expected as Sensitivity);
      if (row.kind) expect(result.signals.map((s) => s.kind)).toContain(row.kind);
    });
  }

  for (const row of fixtures.complexity) {
    it(`complexity ${row.expected}: ${row.message.slice(0, 60).replace(/\n/g, ' ')}`, () => {
      expect(classify({ message: row.message }).complexity).toBe(row.expected);
    });
  }
});

describe('classify', () => {
  it('never echoes the secret in its reasons', () => {
    const secrets = ['sk-proj-Abc123def456GHI789jkl012MNO345pqr', 'hunter22', '4111 1111 1111 1111', 'AKIAIOSFODNN7EXAMPLE'];
    const result = classify({ message: `key ${secrets[0]} password is ${secrets[1]} card ${secrets[2]} aws ${secrets[3]}` });
    expect(result.sensitivity).toBe('confidential');
    const text = JSON.stringify(result);
    for (const secret of secrets) expect(text).not.toContain(secret);
    expect(result.signals.map((s) => s.reason)).toContain('message contains an OpenAI API key');
  });

  it('lets a declared level raise the result but never lower it', () => {
    expect(classify({ message: 'What is the capital of France?', declaredSensitivity: 'confidential' }).sensitivity).toBe('confidential');
    const lowered = classify({ message: 'my email is ana@contoso.com', declaredSensitivity: 'public' });
    expect(lowered.sensitivity).toBe('confidential');
    expect(lowered.signals.map((s) => s.reason)).toContain('declared public cannot lower the detected level (confidential)');
  });

  it('counts what the history and the context hold', () => {
    const fromHistory = classify({
      message: 'and what about the second one?',
      history: [{ role: 'user', content: 'My card is 4111111111111111' }],
    });
    expect(fromHistory.sensitivity).toBe('confidential');
    expect(fromHistory.signals.map((s) => s.reason)).toContain('conversation history contains a payment card number');
    const fromContext = classify({ message: 'summarize it', contextSensitivities: ['public', 'confidential'] });
    expect(fromContext.sensitivity).toBe('confidential');
    expect(fromContext.signals.map((s) => s.reason)).toContain('context holds a confidential document');
  });

  it('uses a declared complexity but still reports the estimate', () => {
    const result = classify({ message: 'hi', declaredComplexity: 'complex' });
    expect(result.complexity).toBe('complex');
    expect(result.complexityScore).toBeLessThan(0.2);
  });

  it('labels document text for the worker', () => {
    expect(detectSensitivity('Contact: lee@fabrikam.com').sensitivity).toBe('confidential');
    expect(detectSensitivity('Contact: lee@fabrikam.com').signals[0]?.reason).toBe('text contains an email address');
    expect(detectSensitivity('The quick brown fox.').sensitivity).toBe('public');
  });

  it('reads a text again (the fail-closed second reading) with the same findings, which a caller cannot change', () => {
    const text = 'Reach me at ana@contoso.com or +44 20 7946 0958 about card 4111 1111 1111 1111';
    const first = findSensitive(text);
    expect(first.map((f) => f.kind).sort()).toEqual(findSensitive(`${text} `).map((f) => f.kind).sort());
    first.length = 0;
    const again = findSensitive(text);
    expect(again.map((f) => f.sensitivity)).toContain('confidential');
    expect(again.length).toBeGreaterThanOrEqual(2);
    expect(findSensitive('The quick brown fox.')).toEqual([]);
  });

  it('orders levels', () => {
    expect(maxSensitivity()).toBe('public');
    expect(maxSensitivity('internal', undefined, 'public')).toBe('internal');
    expect(maxSensitivity('confidential', 'internal')).toBe('confidential');
  });

  it('redacts secrets from text such as upstream error messages', () => {
    const redacted = redactSecrets('Incorrect API key provided: sk-proj-Abc123def456GHI789jkl012MNO345pqr; password: Tr0ub4dor&3');
    expect(redacted).not.toContain('Abc123def456');
    expect(redacted).not.toContain('Tr0ub4dor');
  });

  it('redacts a password written with no separator or after a word in another script, and keeps the rest', () => {
    const redacted = redactSecrets('login failed for user deploy, password Rt7!vQm2Lx; 密码是Abc#12345。Пароль: Vesna_2025! ok');
    for (const secret of ['Rt7!vQm2Lx', 'Abc#12345', 'Vesna_2025']) expect(redacted).not.toContain(secret);
    expect(redacted).toContain('login failed for user deploy');
    expect(redacted).toContain('Пароль');
  });
});
