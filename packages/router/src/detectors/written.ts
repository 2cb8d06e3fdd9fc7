// The second way detectors read a text: as it was written (NFKC only), for words in scripts the
// canonical text (normalize.ts) cannot be searched in. The canonical text maps Cyrillic, Greek,
// Hebrew and Arabic letters to their Latin look-alikes ("пароль" reads "naponb", "обязательно"
// "o6R3aTenbHo"), so a word of those scripts would be followed there by what looks like a value;
// and Chinese, Japanese and Korean write no spaces or capitals for a pattern to find a name or a
// value by. Each detector below keeps the values it looks for to ASCII runs in the written text.
import { findScriptDocuments } from './identity-document';
import { findScriptMarkings } from './markings';
import { findScriptPasswords } from './password';
import { findScriptPhones } from './phone';
import { findScriptRecords } from './records';
import type { Finding } from './registry';

/** Code units past ASCII: a text without any has nothing for these detectors. */
const NOT_ASCII = /[\u0080-\uffff]/;

export function findInWrittenText(text: string): Finding[] {
  if (!NOT_ASCII.test(text)) return [];
  const written = text.normalize('NFKC');
  return [...findScriptPasswords(written), ...findScriptRecords(written), ...findScriptMarkings(written), ...findScriptPhones(written), ...findScriptDocuments(written)];
}

export const WRITTEN_PATTERNS: readonly RegExp[] = [NOT_ASCII];
