import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { classify } from './classify';
import { ClassifierPool, inlineClassifier, type Classifier } from './classifier-pool';
import type { ChatTurn, ClassifyInput } from './types';

// A coding agent's request: its conversation holds files it read (sources of this package that
// hold no example of a secret or an identifier; the detectors' own files do).
const sources = ['./providers/local-extractive.ts', './extractive/sentences.ts', './policy.ts', './router.ts'].map((file) => readFileSync(new URL(file, import.meta.url), 'utf8'));
function agentConversation(chars: number, lastTurn: string): ClassifyInput {
  const history: ChatTurn[] = [];
  for (let i = 0, size = 0; size < chars; i++) {
    const content = `Here is the file I read:\n\n${sources[i % sources.length] as string}`;
    history.push({ role: i % 2 === 0 ? 'assistant' : 'user', content });
    size += content.length;
  }
  return { message: lastTurn, history };
}

/** How often a 1 ms timer fired while `classifier` classified `input`: 0 when the event loop was held the whole time. */
async function timerTicksDuring(classifier: Classifier, input: ClassifyInput): Promise<number> {
  let ticks = 0;
  const timer = setInterval(() => (ticks += 1), 1);
  try {
    await classifier.classify(input);
  } finally {
    clearInterval(timer);
  }
  return ticks;
}

describe('ClassifierPool', () => {
  let pool: ClassifierPool;
  beforeAll(async () => {
    pool = await ClassifierPool.create({ threads: 1 });
  }, 60_000);
  afterAll(async () => {
    await pool.close();
  });

  it('gives a large conversation the same verdict as classifying it in place, public and confidential', async () => {
    const ordinary = agentConversation(200_000, 'Now add a test for the decoder.');
    const withKey = agentConversation(200_000, 'Deploy it with this key: ghp_R8x2Lm4Qv9Tz7Wn3Yp6Ks1Hd5Jf0Bc2Ga8Ue');
    const pooled = await pool.classify(ordinary);
    expect(pooled).toEqual(classify(ordinary));
    expect(pooled.sensitivity).not.toBe('confidential');
    const secret = await pool.classify(withKey);
    expect(secret).toEqual(classify(withKey));
    expect(secret.sensitivity).toBe('confidential');
  }, 60_000);

  it('keeps the event loop free while a large conversation is classified, where classifying in place holds it', async () => {
    const input = agentConversation(400_000, 'What does this code do?');
    expect(await timerTicksDuring(pool, input)).toBeGreaterThan(0);
    expect(await timerTicksDuring(inlineClassifier, input)).toBe(0);
  }, 60_000);

  it('reads many texts at once for their highest sensitivity', async () => {
    const filler = sources.join('\n');
    expect(await pool.sensitivityOf([filler, filler])).toBe(await inlineClassifier.sensitivityOf([filler, filler]));
    expect(await pool.sensitivityOf([filler, 'my SSN is 536-22-8741', filler])).toBe('confidential');
    expect(await pool.sensitivityOf(['hello', 'my SSN is 536-22-8741'])).toBe('confidential');
  }, 60_000);

  it('refuses large inputs once closed, and still classifies small ones', async () => {
    const closed = await ClassifierPool.create({ threads: 1 });
    await closed.close();
    await expect(closed.classify(agentConversation(20_000, 'and now?'))).rejects.toThrow(/closed/);
    expect((await closed.classify({ message: 'my password is hunter2hunter2' })).sensitivity).toBe('confidential');
  }, 60_000);
});
