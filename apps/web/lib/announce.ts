// What a screen reader hears when an answer completes: the answer once, as plain sentences,
// instead of every streamed piece.

/** The answer without markdown punctuation, link targets or citation markers. */
export function answerAnnouncement(markdown: string): string {
  const text = markdown
    .replace(/```[^\n]*\n?/g, ' ') // code fences (their content stays)
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, 'Image: $1') // images: their description
    .replace(/\[([^\]]+)\]\([^)]*\)/g, '$1') // links: their text
    .replace(/\[\d{1,3}\](?![(:])/g, '') // citation markers; the sources are listed after the answer
    .replace(/^\s*\|?[\s:|-]*-[\s:|-]*$/gm, ' ') // table separator rows
    .replace(/^\s{0,3}(#{1,6}|>|[-*+]|\d+[.)])\s+/gm, '') // headings, quotes, list bullets
    .replace(/\*\*|~~|[*`|]/g, ' ')
    .replace(/\s+([.,;:!?])/g, '$1')
    .replace(/\s+/g, ' ')
    .trim();
  return text ? `Answer: ${text}` : 'The answer is empty.';
}

export const stoppedAnnouncement = 'Stopped before the answer was complete.';
