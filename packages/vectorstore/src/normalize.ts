// Text normalization applied to every parsed document before chunking: makes offsets stable,
// removes characters that hide or reorder text (prompt-injection vectors) and tidies whitespace.

// C0/C1 controls except \t and \n; \r is handled by newline normalization first.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/g;
// Zero-width and invisible formatting characters, incl. soft hyphen, word joiner, BOM.
const INVISIBLE = /[\u00AD\u180E\u200B-\u200F\u2060-\u2064\uFEFF]/g;
// Bidi embedding/override/isolate controls (LRE, RLE, PDF, LRO, RLO, LRI, RLI, FSI, PDI), ALM.
const BIDI = /[\u061C\u202A-\u202E\u2066-\u2069]/g;
// Unicode tag characters (U+E0000..U+E007F), used to smuggle invisible instructions.
const TAGS = /[\u{E0000}-\u{E007F}]/gu;

export function normalizeText(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .replace(/[\u2028\u2029]/g, '\n')
    .normalize('NFC')
    .replace(CONTROL, '')
    .replace(INVISIBLE, '')
    .replace(BIDI, '')
    .replace(TAGS, '')
    .replace(/[ \t]+$/gm, '')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
