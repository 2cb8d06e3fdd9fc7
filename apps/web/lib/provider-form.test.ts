import { describe, expect, it } from 'vitest';
import { formatPrices, parsePrices, splitList } from './provider-form';

describe('provider form fields', () => {
  it('splits keys and models on lines and commas, dropping blanks', () => {
    expect(splitList('sk-one\n  sk-two  \n\n,sk-three')).toEqual(['sk-one', 'sk-two', 'sk-three']);
    expect(splitList('llama3.2:3b, qwen2.5:32b')).toEqual(['llama3.2:3b', 'qwen2.5:32b']);
    expect(splitList('  \n ')).toEqual([]);
  });

  it('reads "model input output" price lines and names the lines it cannot read', () => {
    const parsed = parsePrices('gpt-4o-mini 0.15 0.6\n\nclaude-haiku-4-5   1 5\nbroken line\nx -1 2\ny 1');
    expect(parsed.prices).toEqual({
      'gpt-4o-mini': { inputPerMTok: 0.15, outputPerMTok: 0.6 },
      'claude-haiku-4-5': { inputPerMTok: 1, outputPerMTok: 5 },
    });
    expect(parsed.errors).toEqual(['broken line', 'x -1 2', 'y 1']);
    expect(parsePrices(formatPrices(parsed.prices)).prices).toEqual(parsed.prices);
  });
});
