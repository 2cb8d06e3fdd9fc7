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
import { registerSharedPatterns, type Finding } from './registry';

/**
 * A letter of a script these detectors read: Greek, Cyrillic, Hebrew, Arabic, Devanagari, Thai,
 * kana, CJK ideographs (and their compatibility forms), Hangul, or a full-width form that NFKC
 * turns into ASCII. A text with none (English, or emoji and symbols only) has nothing for them.
 */
const SCRIPT_LETTER = /[\u0386-\u03ff\u0400-\u0482\u048a-\u052f\u05d0-\u05ea\u0620-\u064a\u0904-\u0939\u0e01-\u0e30\u3041-\u3096\u30a1-\u30fa\u3400-\u9fff\uac00-\ud7a3\uf900-\ufaff\uff01-\uff5e]/;

export function findInWrittenText(text: string): Finding[] {
  if (!SCRIPT_LETTER.test(text)) return [];
  const written = text.normalize('NFKC');
  return [...findScriptPasswords(written), ...findScriptRecords(written), ...findScriptMarkings(written), ...findScriptPhones(written), ...findScriptDocuments(written)];
}

registerSharedPatterns('written', [SCRIPT_LETTER]);
