// Bank account numbers (IBAN): a registered country code, two check digits and the national part,
// written compact, in blocks of four, or broken across a line; valid only with the registered
// length for the country and the ISO 13616 mod-97 check.
import { ibanLength, ibanMod97, ibanValid } from '../checksums';
import { registerDetector, type Finding } from './registry';

// An IBAN is written in capitals: the national part stops at a lower-case letter, so it never runs
// on into the words after a code ("Flight UA5317 on 2026-11-26", "VAT ID DE061905495 is missing").
const IBAN = /(?<![A-Za-z0-9])([A-Z]{2})(\d{2})((?:[ \n-]{0,2}[A-Z0-9]){11,30})/g;
const SEPARATORS = /[ \n-]/g;
// Typed in lower case ("de89 3704 0044 …"): read as one only beside a banking word, since lower-case
// hex ("de89a1…", a hash) would otherwise be tried too.
const LOWER_IBAN = /(?<![A-Za-z0-9])[a-z]{2}\d{2}(?:[ \n-]{0,2}[a-z0-9]){11,30}/g;
const BANKING_WORD = /\b(?:iban|bank|account|konto|compte|cuenta|conto|rekening|transfer|wire|sepa|payee|beneficiary|uberweisung|virement|bonifico|transferencia)\b/i;

function hasIban(text: string): boolean {
  for (const match of text.matchAll(IBAN)) {
    const registered = ibanLength(match[1]!);
    if (registered === undefined) continue;
    // The match may run on into the next word: try the country's registered length, then the match
    // as written (for a national format the registry does not know yet).
    const compact = match[1]! + match[2]! + match[3]!.replace(SEPARATORS, '');
    if (ibanValid(compact.slice(0, registered))) return true;
    // Else cut where the writer put a space: the blocks as written, in case the registry lags.
    let length = 4;
    for (const block of match[3]!.split(SEPARATORS)) {
      length += block.length;
      if (length >= 15 && length <= 34 && block.length > 0 && ibanMod97(compact.slice(0, length))) return true;
    }
  }
  return false;
}

registerDetector({
  id: 'iban',
  patterns: [IBAN, SEPARATORS, LOWER_IBAN, BANKING_WORD],
  detect(view): Finding[] {
    if (!view.hasDigit) return [];
    const found = hasIban(view.text) || (BANKING_WORD.test(view.text) && [...view.text.matchAll(LOWER_IBAN)].some((match) => hasIban(match[0].toUpperCase())));
    return found ? [{ kind: 'pii.iban', sensitivity: 'confidential', what: 'a bank account number (IBAN)' }] : [];
  },
});
