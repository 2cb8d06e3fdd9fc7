import { describe, expect, it } from 'vitest';
import { answerAnnouncement } from './announce';

describe('answerAnnouncement', () => {
  it('reads an answer as plain text, without markdown punctuation or citation markers', () => {
    const markdown = [
      '## Launch',
      '',
      'The **Zephyr** project launches on *14 March 2031* [1].',
      '',
      '- Budget: `48,000` euros [2]',
      '- See [the handbook](https://example.com/handbook) and ![a diagram](x.png)',
    ].join('\n');
    expect(answerAnnouncement(markdown)).toBe(
      'Answer: Launch The Zephyr project launches on 14 March 2031. Budget: 48,000 euros See the handbook and Image: a diagram',
    );
  });

  it('keeps the words of tables and code, and says when there is nothing to read', () => {
    expect(answerAnnouncement('| day | hours |\n| --- | --- |\n| Monday | 8-18 |')).toBe('Answer: day hours Monday 8-18');
    expect(answerAnnouncement('```ts\nconst x = 1;\n```')).toBe('Answer: const x = 1;');
    expect(answerAnnouncement('  ')).toBe('The answer is empty.');
  });
});
