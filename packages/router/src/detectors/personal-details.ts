// Dates of birth and home addresses. A date or a street address is personal data only when it
// belongs to a person:
//   - a date right after "date of birth", "DOB", "Geburtsdatum", "date de naissance" ... ; or after
//     "born on" with a person (a name, "I", "she" ...) just before it;
//   - a street address with a person's name nearby, or after "my address", "lives at", "ship to"
//     ... — unless it is offered as the organisation's own ("visit us at", "our office",
//     "headquarters": see contact-context.ts).
import { normalizeText } from '../normalize';
import { offeredAsContact } from './contact-context';
import { people } from './people';
import { registerDetector, type Finding } from './registry';
import { anyNear, nearestBefore, type Span, type TextView } from './text-view';

const MONTH = '(?:jan|feb|fev|mar|apr|avr|abr|may|mai|mei|mag|jun|juin|juil|jul|aug|aou|ago|sep|set|oct|okt|ott|out|nov|dec|dez|dic)[a-z]{0,7}\\.?';
// A day written as an ordinal word: "the third of March 1985", "March twenty-first, 1985".
const ORDINAL_DAY = '(?:(?:twenty|thirty)[ -]?)?(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth)|tenth|eleventh|twelfth|(?:thir|four|fif|six|seven|eigh|nine)teenth|twentieth|thirtieth';
const DATE = new RegExp(
  `(?<![\\d])(?:\\d{1,4}[./-]\\d{1,2}[./-]\\d{2,4}|\\d{1,2}(?:st|nd|rd|th|\\.)? (?:of |de )?${MONTH},? \\d{4}|${MONTH} \\d{1,2}(?:st|nd|rd|th)?,? \\d{4}|(?:the )?(?:${ORDINAL_DAY}) (?:of )?${MONTH},? \\d{4}|${MONTH} (?:the )?(?:${ORDINAL_DAY}),? \\d{4})(?![\\d])`,
  'i',
);
// Words in Cyrillic and Greek are written as they read after normalisation (Latin look-alikes),
// CJK ones as they are, without word boundaries (they have none).
const BIRTH_CONTEXT = new RegExp(
  '\\b(?:dob|d\\.o\\.b|date of birth|birth ?date|geburtsdatum|date de naissance|fecha de nacimiento|data di nascita|data de nascimento|geboortedatum|' +
    'data urodzenia|dogum tarihi|fodelsedatum|fodselsdato|syntymaaika|data nasterii|datum rodenja|datum rojstva|datum narozeni|datum narodenia|szuletesi datum|' +
    'gimimo data|dzimsanas datums|sunnipaev|tarikh lahir|tanggal lahir|ngay sinh|' +
    ['дата рождения', 'дата народження', 'дата на раждане', 'ημερομηνία γέννησης'].map((words) => normalizeText(words)).join('|') +
    ')\\b|\\bgeb\\.|生年月日|出生日期|出生年月日|생년월일',
  'gi',
);
const BORN = /\b(?:born(?: on| in)?|geboren(?: am)?|nee? le|nacid[oa]|nacio(?: el)?|nat[oa] il|nascid[oa] (?:em|a))\b/gi;
const YEAR = /(?:19|20)\d{2}/;
const PERSON_WORD = /\b(?:I|i|me|my|he|she|his|her|they|their|patient|employee|client|customer|applicant|child|son|daughter)\b/g;
const AFTER_CONTEXT = 40;

function dateAfter(text: string, at: number): boolean {
  return DATE.test(text.slice(at, at + AFTER_CONTEXT));
}

/** Where a date of the last hundred-odd years after "born" ends (-1: none): historical birthdays are not personal data. */
function recentDateAfter(text: string, at: number): number {
  const date = DATE.exec(text.slice(at, at + AFTER_CONTEXT));
  return date !== null && YEAR.test(date[0]) ? at + date.index + date[0].length : -1;
}

function hasDateOfBirth(view: TextView): boolean {
  if (view.spans(BIRTH_CONTEXT).some((span) => dateAfter(view.text, span.end))) return true;
  for (const span of view.spans(BORN)) {
    const dateEnd = recentDateAfter(view.text, span.end);
    if (dateEnd < 0) continue;
    if (nearestBefore(view.spans(PERSON_WORD), span.start, 40) || nearestBefore(people(view), span.start, 40)) return true;
    // ... or named right after the date, as forms and lists write it ("né le 5 juin 1986 : Thomas Leroy").
    if (anyNear(people(view), dateEnd, dateEnd, 6, true)) return true;
  }
  return false;
}

const STREET_TYPE =
  '(?:Street|St|Avenue|Ave|Road|Rd|Boulevard|Blvd|Lane|Ln|Drive|Dr|Court|Ct|Way|Place|Pl|Terrace|Close|Crescent|Square|Sq|Parkway|Pkwy|Highway|Hwy|Circle|Cir|Row|Gardens|Grove|Mews|Hill|Walk|Trail)';
const STREET_ADDRESSES: RegExp[] = [
  // 221B Baker Street, 1600 Pennsylvania Ave NW
  new RegExp(`\\b\\d{1,5}[A-Za-z]?,? (?:[A-Z][A-Za-z'.-]{1,20} ){1,4}${STREET_TYPE}\\b`, 'g'),
  // Hauptstrasse 12, Keizersgracht 123, Storgatan 5
  /\b[A-Z][a-z]{2,30}(?:strasse|str\.|weg|gasse|allee|platz|ring|damm|ufer|straat|laan|gracht|plein|vej|gatan|gata|veien) \d{1,4}[a-z]?\b/g,
  // 12 rue de la Paix, 5 avenue Foch
  /\b\d{1,4},? (?:rue|avenue|boulevard|bd|chemin|allee|impasse|quai|place) (?:[A-Za-z'-]{1,20} ){0,3}[A-Za-z'-]{2,20}/gi,
  // Calle Mayor 5, Via Roma 10, Rua Augusta 100
  /\b(?:Calle|Avenida|Plaza|Paseo|Via|Viale|Piazza|Corso|Rua|Travessa) (?:[A-Za-z'-]{1,20} ){0,3}[A-Za-z'-]{2,20},? \d{1,4}\b/g,
  // a street and number followed by a postcode and town: "Am Muhlbach 30 50667 Koln", "Damrak 1, 1012 LG Amsterdam"
  /\b[A-Z][A-Za-z'-]{1,30}(?: [A-Za-z'-]{1,30}){0,3} \d{1,4}[a-z]?,?[ \n]{1,2}(?:\d{5}|\d{4} ?[A-Z]{2}|[A-Z]{1,2}\d[A-Z\d]? \d[A-Z]{2}) [A-Z][a-z]{2,}/g,
  // a town, state and ZIP: "Springfield, IL 62704"
  /\b[A-Z][a-z]{2,}(?: [A-Z][a-z]{2,}){0,2}, [A-Z]{2} \d{5}(?:-\d{4})?\b/g,
];
const ADDRESS_CUE =
  /\b(?:my address|home address|address is|lives at|living at|resides at|residing at|ship to|deliver to|send it to|mailing address|postal address|wohnt in|wohnhaft|adresse|direccion|domicilio|indirizzo|endereco)\b/gi;
const NEAR_PERSON = 120;

/**
 * Is a person named near the address? A name inside it, after its start, is the street's
 * ("107 avenue Jean Jaurès", "Rue Victor Hugo 5"); one the match starts with is the person's
 * ("Lukas Becker Am Mühlbach 30, 50667 Köln").
 */
function personNear(view: TextView, address: Span): boolean {
  const names = people(view);
  return anyNear(names, address.start, address.end, NEAR_PERSON) || anyNear(names, address.start, address.start + 1, 0, true);
}

// "Copyright (c) 2013 Gary Court": a year after a copyright sign is not a house number (the "(c)"
// of a list before "14 Elm Street" is no copyright sign: the number must be a year).
const COPYRIGHT_BEFORE = /(?:copyright|\(c\)|©)[\s,]*(?:\d{4}\s*[-–]\s*)?$/i;
const YEAR_FIRST = /^(?:19|20)\d\d\b/;

function copyrightYear(text: string, span: Span): boolean {
  return YEAR_FIRST.test(text.slice(span.start, span.start + 5)) && COPYRIGHT_BEFORE.test(text.slice(Math.max(0, span.start - 24), span.start));
}

// A company's legal form just before an address makes it the company's own ("Müller GmbH,
// Hauptstraße 5", "Acme Inc., 123 Main Street"): a letterhead, an imprint or a signature.
const LEGAL_FORM =
  /\b(?:GmbH|AG|KG|OHG|UG|e\.V|Inc|Incorporated|Ltd|Limited|LLC|LLP|PLC|plc|Corp|Corporation|Co|SARL|SAS|SASU|SA|S\.A|SL|S\.L|SRL|S\.r\.l|SpA|S\.p\.A|BV|B\.V|NV|N\.V|Oy|Oyj|AB|A\/S|ApS|AS|ASA|Pty|Pvt|K\.K|Sp\. z o\.o|s\.r\.o|a\.s|Kft|Zrt|Lda|Ltda)\.?(?=[ ,\n])/g;
const LEGAL_FORM_WINDOW = 40;

/** Is the address the organisation's own: a legal form shortly before it, with no address cue ("ship to") nearer? */
function organisationsAddress(view: TextView, span: Span): boolean {
  const form = nearestBefore(view.spans(LEGAL_FORM), span.start, LEGAL_FORM_WINDOW);
  if (!form) return false;
  const cue = nearestBefore(view.spans(ADDRESS_CUE), span.start, 60);
  return !cue || cue.end <= form.start;
}

function hasPersonalAddress(view: TextView): boolean {
  // An address is personal only after a cue or near a name: without either, there is nothing to look for.
  if (view.spans(ADDRESS_CUE).length === 0 && people(view).length === 0) return false;
  for (const pattern of STREET_ADDRESSES) {
    for (const span of view.spans(pattern)) {
      if (offeredAsContact(view, span.start) || copyrightYear(view.text, span) || organisationsAddress(view, span)) continue;
      if (nearestBefore(view.spans(ADDRESS_CUE), span.start, 60) || personNear(view, span)) return true;
    }
  }
  return false;
}

registerDetector({
  id: 'personal-details',
  patterns: [DATE, BIRTH_CONTEXT, BORN, YEAR, PERSON_WORD, ADDRESS_CUE, COPYRIGHT_BEFORE, YEAR_FIRST, LEGAL_FORM, ...STREET_ADDRESSES],
  detect(view): Finding[] {
    const findings: Finding[] = [];
    if (!view.hasDigit) return findings; // every date and street address holds a digit
    if (hasDateOfBirth(view)) findings.push({ kind: 'pii.date_of_birth', sensitivity: 'confidential', what: 'a date of birth' });
    if (hasPersonalAddress(view)) findings.push({ kind: 'pii.postal_address', sensitivity: 'confidential', what: "a person's postal address" });
    return findings;
  },
});
