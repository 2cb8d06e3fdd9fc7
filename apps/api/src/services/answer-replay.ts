// A cached answer is replayed in a few pieces, so a streamed cached answer arrives like a live one.

/** Splits a cached answer into a few pieces so it streams like a live one. */
export function splitForReplay(text: string, pieces = 4): string[] {
  if (text.length === 0) return [];
  const size = Math.max(16, Math.ceil(text.length / pieces));
  const parts: string[] = [];
  for (let start = 0; start < text.length; start += size) parts.push(text.slice(start, start + size));
  return parts;
}
