// National identity, social security and personal tax numbers of the countries national-id.ts
// does not read itself, checked by `stdnum` (a port of python-stdnum: each number's own length,
// check digits and embedded dates). A number counts only next to the word people write beside it
// ("PESEL", "personnummer", "Henkilötunnus", "ЕГН", "T.C. Kimlik No", "AHV-Nummer" ...): eleven
// digits alone are as likely an order or a tracking number, and a check digit alone passes one
// random number in ten. The word may stand a little before the number or just after it.
//
// The words are matched in the canonical text (normalize.ts), so each is written through
// normalizeText: "ЕГН" reads "ErH" there, "ΑΜΚΑ" reads "AMKA", "Fødselsnummer" "Fodselsnummer".
import { stdnum } from 'stdnum';
import { normalizeText } from '../normalize';
import { registerDetector, type Finding } from './registry';
import type { Span, TextView } from './text-view';

interface Validator {
  validate(value: string): { isValid: boolean; isCompany?: boolean; isIndividual?: boolean };
}

interface NumberRule {
  /** Follows "a national id number (…)". */
  what: string;
  validator: Validator;
  /** The number may also be a company's, and the validator tells which (a Portuguese NIF starting 5, a CUIT starting 30). */
  companiesToo?: boolean;
  /** The words beside the number, lower case, as they read after normalisation. */
  words: string[];
}

const v = stdnum as unknown as Record<string, Record<string, Validator>>;
const rule = (what: string, validator: Validator | undefined, words: string[], companiesToo = false): NumberRule => {
  if (!validator) throw new Error(`stdnum has no validator for ${what}`);
  return { what, validator, companiesToo, words: words.map((word) => normalizeText(word).toLowerCase()) };
};

const RULES: NumberRule[] = [
  rule('Polish PESEL', v.PL?.pesel, ['pesel']),
  rule('Swedish personnummer', v.SE?.personnummer, ['personnummer', 'personnumret', 'personnr', 'samordningsnummer']),
  rule('Norwegian fødselsnummer', v.NO?.fodselsnummer, ['fødselsnummer', 'fødselsnr', 'fnr', 'personnummer', 'd-nummer']),
  rule('Danish CPR number', v.DK?.cpr, ['cpr', 'cpr-nr', 'cpr-nummer', 'cpr-nummeret', 'personnummer']),
  rule('Finnish henkilötunnus', v.FI?.hetu, ['henkilötunnus', 'henkilötunnukseni', 'hetu', 'personbeteckning']),
  rule('Icelandic kennitala', v.IS?.kennitala, ['kennitala', 'kt.']),
  rule('Estonian isikukood', v.EE?.ik, ['isikukood', 'isikukoodi']),
  rule('Lithuanian asmens kodas', v.LT?.asmens, ['asmens kodas', 'asmens kodą', 'asmens kodo']),
  rule('Romanian CNP', v.RO?.cnp, ['cnp', 'cnp-ul', 'cod numeric personal']),
  rule('Bulgarian EGN', v.BG?.egn, ['егн', 'egn']),
  rule('Croatian OIB', v.HR?.oib, ['oib']),
  rule('JMBG/EMŠO', v.RS?.jmbg, ['jmbg', 'јмбг', 'ембг', 'emšo', 'matični broj', 'матични број']),
  rule('Slovenian EMŠO', v.SI?.emso, ['emšo', 'emso']),
  rule('Czech or Slovak rodné číslo', v.CZ?.rc, ['rodné číslo', 'rodného čísla', 'rč']),
  rule('Slovak rodné číslo', v.SK?.rc, ['rodné číslo', 'rodného čísla']),
  rule('Greek AMKA', v.GR?.amka, ['amka', 'αμκα']),
  rule('Turkish T.C. Kimlik No', v.TR?.tckimlik, ['kimlik no', 'kimlik numarası', 'kimlik numaram', 'tc kimlik', 't.c. kimlik', 'tckn', 'tc no']),
  rule('Israeli teudat zehut', v.IL?.idnr, ['teudat zehut', 'mispar zehut', 'תעודת זהות', 'ת.ז', 'ת"ז']),
  rule('South African ID number', v.ZA?.idnr, ['id number', 'identity number', 'sa id', 'id no']),
  rule('Australian tax file number', v.AU?.tfn, ['tax file number', 'tfn']),
  rule('New Zealand IRD number', v.NZ?.ird, ['ird number', 'ird no', 'ird']),
  rule('Belgian national number', v.BE?.nn, ['rijksregisternummer', 'rijksregister', 'numéro national', 'registre national', 'national number']),
  rule('Belgian social security number', v.BE?.insz, ['insz', 'niss', 'sociale zekerheid', 'sécurité sociale']),
  rule('Austrian social security number', v.AT?.vnr, ['sozialversicherungsnummer', 'versicherungsnummer', 'sv-nummer', 'svnr', 'vsnr']),
  rule('German social security number', v.DE?.svnr, ['sozialversicherungsnummer', 'rentenversicherungsnummer', 'versicherungsnummer', 'sv-nummer', 'rvnr', 'svnr']),
  rule('Swiss AHV number', v.CH?.ssn, ['ahv', 'ahv-nummer', 'ahv-nr', 'avs', 'numéro avs', 'sozialversicherungsnummer']),
  rule('Irish PPS number', v.IE?.pps, ['pps', 'ppsn', 'pps number', 'pps no']),
  rule('Portuguese NIF', v.PT?.nif, ['nif', 'contribuinte', 'número fiscal'], true),
  rule('Spanish social security number', v.ES?.nss, ['seguridad social', 'nss', 'naf', 'número de afiliación']),
  // Not "inn" in Latin letters: "Holiday Inn" and a ten-digit phone number pass one time in ten.
  rule('Russian INN', v.RU?.inn, ['инн'], true),
  rule('Ukrainian RNOKPP', v.UA?.rntrc, ['рнокпп', 'іпн', 'ідентифікаційний код', 'ipn']),
  rule('Indian PAN', v.IN?.pan, ['pan card', 'pan number', 'pan no', 'pan:', 'permanent account number']),
  rule('Pakistani CNIC', v.PK?.cnic, ['cnic', 'nic number', 'nic no']),
  rule('Hong Kong identity card', v.HK?.hkid, ['hkid', '香港身份證', '身份證', 'identity card']),
  rule('Taiwanese national id', v.TW?.natid, ['身分證', '身份證', '身分證字號', 'national id']),
  rule('Malaysian NRIC', v.MY?.nric, ['nric', 'mykad', 'kad pengenalan', 'ic no', 'no. ic']),
  rule('Thai national id', v.TH?.idnr, ['บัตรประชาชน', 'เลขประจำตัวประชาชน', 'thai id', 'id card']),
  rule('Argentine CUIL/CUIT', v.AR?.cuit, ['cuil', 'cuit'], true),
  rule('Chilean RUN/RUT', v.CL?.run, ['rut', 'rol único nacional', 'rol único tributario']),
  rule('Ecuadorian cédula', v.EC?.ci, ['cédula', 'cedula de identidad']),
  rule('Uruguayan cédula', v.UY?.cedula, ['cédula', 'cedula de identidad']),
  rule('Guatemalan CUI', v.GT?.cui, ['cui', 'dpi']),
  rule('Peruvian CUI', v.PE?.cui, ['dni', 'cui']),
  rule('Mexican RFC', v.MX?.rfc, ['rfc']),
];

const escape = (word: string) => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** Which rules each word is written beside. */
const RULES_BY_WORD = new Map<string, NumberRule[]>();
for (const r of RULES) for (const word of r.words) RULES_BY_WORD.set(word, [...(RULES_BY_WORD.get(word) ?? []), r]);
// Every word in one pattern, longest first. A word must stand apart from the letters and digits
// around it in the canonical text: "ErH" (ЕГН) not inside "erhalten", "pps" not inside "apps".
const WORDS = new RegExp(
  `(?<![A-Za-z0-9])(?:${[...RULES_BY_WORD.keys()]
    .sort((a, b) => b.length - a.length)
    .map(escape)
    .join('|')})(?![A-Za-z0-9])`,
  'gi',
);

/** How far after the word (and before it) a number may start. */
const AFTER = 40;
const BEFORE = 24;
/** Separators people put inside a number: "811202-5989", "85.04.13-578.69", "28 60537814 54". */
// Anything else ends a piece: a space, a comma, a bracket, a letter of another script ("W838490877，王小明").
const BETWEEN_PIECES = /[^A-Za-z0-9./-]+/;
const DIGIT = /\d/;
const JOINERS = new Set(['.', '/', '-']);

/** The piece without the joiners it starts or ends with ("85011601680." → "85011601680"). */
function trimJoiners(piece: string): string {
  let start = 0;
  let end = piece.length;
  while (start < end && JOINERS.has(piece[start]!)) start++;
  while (end > start && JOINERS.has(piece[end - 1]!)) end--;
  return piece.slice(start, end);
}
/** At most this many pieces joined: "1 2345 67890 12 3" (Thai) is the longest written form. */
const MAX_PIECES = 5;

/** Candidate numbers in a stretch of text: each piece with a digit, and its runs with the pieces after it. */
function* candidates(stretch: string): Generator<string> {
  const pieces = stretch.split(BETWEEN_PIECES).map(trimJoiners);
  for (let from = 0; from < pieces.length; from++) {
    let joined = '';
    let length = 0;
    for (let to = from; to < Math.min(pieces.length, from + MAX_PIECES); to++) {
      const piece = pieces[to]!;
      if (!DIGIT.test(piece)) break;
      joined = joined === '' ? piece : `${joined} ${piece}`;
      length += piece.length;
      // Every number read here has 6 to 16 characters without its separators.
      if (length > 18) break;
      if (length >= 6) yield joined;
    }
  }
}

/** A valid number of a person: a company's tax number is published on its invoices. */
function valid(rule: NumberRule, value: string): boolean {
  try {
    const result = rule.validator.validate(value);
    return result.isValid && !(rule.companiesToo && result.isCompany === true && result.isIndividual !== true);
  } catch {
    return false;
  }
}

/** Candidates validated per text, across all words: each is a call into stdnum, and a refusal builds an Error. */
const MAX_CANDIDATES = 256;

function numberNear(view: TextView, rule: NumberRule, word: Span, budget: { left: number }): boolean {
  const text = view.text;
  const stretches = [text.slice(word.end, word.end + AFTER), text.slice(Math.max(0, word.start - BEFORE), word.start)];
  return stretches.some((stretch) => {
    for (const candidate of candidates(stretch)) {
      if (budget.left-- <= 0) return false;
      if (valid(rule, candidate)) return true;
    }
    return false;
  });
}

/**
 * Words read per text: a real document names a few; thousands ("PESEL 85011601681 " repeated) are a
 * hostile input, and each candidate is a call into stdnum (1.4 s for 100,000 such characters unbounded).
 */
const MAX_WORDS = 64;

function nationalNumber(view: TextView): string | undefined {
  const budget = { left: MAX_CANDIDATES };
  for (const word of view.spans(WORDS).slice(0, MAX_WORDS)) {
    for (const r of RULES_BY_WORD.get(view.text.slice(word.start, word.end).toLowerCase()) ?? []) {
      if (numberNear(view, r, word, budget)) return r.what;
    }
  }
  return undefined;
}

registerDetector({
  id: 'national-numbers',
  patterns: [WORDS, BETWEEN_PIECES, DIGIT],
  detect(view): Finding[] {
    if (!view.hasDigit) return [];
    const what = nationalNumber(view);
    return what ? [{ kind: 'pii.national_id', sensitivity: 'confidential', what: `a national id number (${what})` }] : [];
  },
});
