// Passport and driving licence numbers. Their formats differ by country and look like any other
// code, so a number counts only right after a context word ("passport no.", "Reisepass",
// "driver's license #", "Führerschein", "permis de conduire"), or as a passport's machine-readable
// zone ("P<GBR…"). A question about passports holds no number and stays public.
import { registerDetector, registerSharedPatterns, type Finding } from './registry';
import type { TextView } from './text-view';

// Compounds count too: "Reisepassnummer", "Führerscheinnummer", "passport no."
const PASSPORT_CONTEXT = /\b(?:passport|passeport|reisepass|pasaporte|passaporto|paspoort|passaporte|paszport)[a-z]{0,8}|\bpass(?:nummer|-?nr\b)/gi;
const LICENCE_CONTEXT =
  /\b(?:driver'?s? licen[cs]e|driving licen[cs]e|drivers? license|licen[cs]e (?:number|no)|DL ?(?:no|number)|fuhrerschein[a-z]{0,8}|fuehrerschein[a-z]{0,8}|permis de conduire|carnet de conducir|licencia de conducir|patente di guida|rijbewijs[a-z]{0,8}|carteira de motorista|cnh)\b|\bDL ?#/gi;
// A document number: 6–20 letters and digits (dashes allowed inside) with a digit, or 6–9 capitals;
// or digits printed in groups ("701 738 714"). Never a date.
const DOCUMENT_NUMBER = /(?<![A-Za-z0-9])(?:[A-Za-z0-9](?:-?[A-Za-z0-9]){5,19}|\d{2,4}(?: \d{2,4}){1,4})(?![A-Za-z0-9])/g;
const CAPITALS = /^[A-Z]{6,9}$/;
const DATE_LIKE = /^(?:\d{4}-\d{1,2}-\d{1,2}|\d{1,2}-\d{1,2}-\d{2,4})$/;
const MACHINE_READABLE_ZONE = /\bP[<A-Z][A-Z]{3}[A-Z]{1,30}<<[A-Z<]{2,30}/;
const DIGIT = /\d/g;
// A line break between two capitals or digits inside a number ("KXXN\nHJHRG") is a wrap, not a gap.
const WRAPPED = /(?<=[A-Z0-9])\n(?=[A-Z0-9])/g;
/** How far after its context word a number may stand ("Passport number (issued 2019): X1234567"). */
const AFTER_CONTEXT = 48;

/** Context words read per text: a real document names a few; thousands are a hostile input. */
const MAX_CONTEXTS = 64;

function numberAfter(view: TextView, context: RegExp): boolean {
  for (const span of view.spans(context).slice(0, MAX_CONTEXTS)) {
    const tail = view.text.slice(span.end, span.end + AFTER_CONTEXT).replace(WRAPPED, '');
    for (const match of tail.matchAll(DOCUMENT_NUMBER)) {
      const digits = match[0].match(DIGIT)?.length ?? 0;
      if ((digits >= 1 || CAPITALS.test(match[0])) && !DATE_LIKE.test(match[0])) return true;
    }
  }
  return false;
}

// Passport and licence words in other scripts, read in the text as written (written.ts): the
// canonical text would turn the Cyrillic or Greek words after them into Latin letters and digits.
const SCRIPT_DOCUMENT_CONTEXT: { kind: string; what: string; pattern: RegExp }[] = [
  { kind: 'pii.passport', what: 'a passport number', pattern: /パスポート(?:番号)?|旅券(?:番号)?|护照(?:号码|号)?|護照(?:號碼)?|여권(?: ?번호)?|(?<!\p{L})паспорт\p{L}{0,3}|(?<!\p{L})διαβατ[ήη]ρι\p{L}{0,2}|דרכון/giu },
  { kind: 'pii.driving_licence', what: 'a driving licence number', pattern: /運転免許証?(?:番号)?|驾驶证(?:号)?|駕照|운전면허(?:증)?(?: ?번호)?|водительско\p{L}{0,2} удостоверени\p{L}{0,2}|(?<!\p{L})δίπλωμα οδήγησης/giu },
];
/** A document number in the written text: ASCII letters and digits, the Russian "45 12 345678" included. */
const WRITTEN_NUMBER = /(?<![A-Za-z0-9])(?:[A-Za-z0-9](?:-?[A-Za-z0-9]){5,19}|\d{2,4}(?: \d{2,4}){1,4})(?![A-Za-z0-9])/g;

/** Passport and driving licence numbers after the words of other scripts, in the text as written (NFKC). */
export function findScriptDocuments(written: string): Finding[] {
  const findings: Finding[] = [];
  for (const context of SCRIPT_DOCUMENT_CONTEXT) {
    const found = [...written.matchAll(context.pattern)].slice(0, MAX_CONTEXTS).some((word) => {
      const tail = written.slice(word.index + word[0].length, word.index + word[0].length + AFTER_CONTEXT);
      return [...tail.matchAll(WRITTEN_NUMBER)].some((match) => (match[0].match(DIGIT)?.length ?? 0) >= 1 && !DATE_LIKE.test(match[0]));
    });
    if (found) findings.push({ kind: context.kind, sensitivity: 'confidential', what: context.what });
  }
  return findings;
}

registerSharedPatterns('identity-document-scripts', [...SCRIPT_DOCUMENT_CONTEXT.map((context) => context.pattern), WRITTEN_NUMBER]);

registerDetector({
  id: 'identity-document',
  patterns: [PASSPORT_CONTEXT, LICENCE_CONTEXT, DOCUMENT_NUMBER, CAPITALS, DATE_LIKE, MACHINE_READABLE_ZONE, DIGIT, WRAPPED],
  detect(view): Finding[] {
    const findings: Finding[] = [];
    if (numberAfter(view, PASSPORT_CONTEXT) || MACHINE_READABLE_ZONE.test(view.text)) {
      findings.push({ kind: 'pii.passport', sensitivity: 'confidential', what: 'a passport number' });
    }
    if (numberAfter(view, LICENCE_CONTEXT)) findings.push({ kind: 'pii.driving_licence', sensitivity: 'confidential', what: 'a driving licence number' });
    return findings;
  },
});
