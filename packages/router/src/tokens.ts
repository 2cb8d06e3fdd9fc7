/**
 * A fast token estimate for English-like text (about 4 characters or 0.75 words per token),
 * used where a provider does not report usage and for context-size routing.
 */
export function estimateTokens(text: string): number {
  if (text.length === 0) return 0;
  let words = 0;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const space = code === 32 || code === 10 || code === 9 || code === 13;
    if (!space && !inWord) words++;
    inWord = !space;
  }
  return Math.max(1, Math.ceil(Math.max(text.length / 4, words * 1.3)));
}
