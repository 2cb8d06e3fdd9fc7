// National identity and tax numbers. Digits may span spaces, dashes, dots and line breaks (see
// digit-runs.ts); check digits and issuing ranges keep ordinary figures out:
//   US SSN / ITIN   written 3-2-4 in SSA ranges; or nine digits next to "SSN", "social security"
//   Canadian SIN    nine digits, Luhn, next to "SIN" / "social insurance"
//   Indian Aadhaar  twelve digits, Verhoeff, written 4-4-4 or next to "Aadhaar" / "UIDAI"
//   German Steuer-ID  eleven digits, ISO 7064 check, next to "Steuer-ID" / "Identifikationsnummer"
//   Dutch BSN       nine digits, elfproef, next to "BSN" / "burgerservicenummer"
//   French NIR      fifteen digits with its mod-97 key, next to "sécurité sociale" / "NIR" / "INSEE"
//   UK NI number    two letters, six digits, a letter A–D, in HMRC's allowed prefixes
//   Spanish DNI/NIE eight digits (or X/Y/Z and seven) and the mod-23 letter
import { aadhaarValid, bsnValid, chineseIdValid, cpfValid, dniValid, koreanRrnValid, nirValid, sinValid, ssnValid, steuerIdValid } from '../checksums';
import { normalizeText } from '../normalize';
import { digitRuns, type DigitRun } from './digit-runs';
import { registerDetector, type Finding } from './registry';
import { anyNear, type TextView } from './text-view';

const SSN_CONTEXT = /\b(?:ssn|ss#|ss no|social security|soc sec|itin|taxpayer id(?:entification)?|tin|seguro social|seguridad social)\b/gi;
const SIN_CONTEXT = /\b(?:SIN|NAS|[Ss]ocial [Ii]nsurance|SOCIAL INSURANCE|[Aa]ssurance [Ss]ociale)\b/g;
// "आधार" is Aadhaar in Devanagari, written as it reads after normalisation.
const AADHAAR_CONTEXT = new RegExp(`\\b(?:aadhaar|aadhar|adhaar|uidai|uid)\\b|${normalizeText('आधार')}`, 'gi');
const STEUER_CONTEXT = /\b(?:steuer-?id|steueridentifikationsnummer|identifikationsnummer|idnr|steuer-?nummer|tax id|tax identification)\b/gi;
const BSN_CONTEXT = /\b(?:bsn|burgerservicenummer|sofinummer)\b/gi;
const NIR_CONTEXT = /\b(?:nir|insee|securite sociale|secu|carte vitale|numero de securite)\b/gi;
const CPF_CONTEXT = /\b(?:cpf|cadastro de pessoas)\b/gi;
const RRN_CONTEXT = /\b(?:rrn|resident registration)\b/gi;
const CHINA_ID_CONTEXT = /\b(?:resident id|identity card|id card|shenfenzheng)\b/gi;
// An 18-character Chinese resident id ends in a digit or X, so it is read apart from digit runs.
const CHINA_ID = /(?<![A-Za-z0-9])\d{17}[\dXx](?![A-Za-z0-9])/g;
// Mexican CURP and Italian codice fiscale: letters and digits in fixed places.
const CURP = /(?<![A-Za-z0-9])[A-Z]{4}\d{6}[HMX][A-Z]{5}[A-Z0-9]\d(?![A-Za-z0-9])/g;
const CODICE_FISCALE = /(?<![A-Za-z0-9])[A-Z]{6}\d{2}[A-EHLMPR-T]\d{2}[A-Z]\d{3}[A-Z](?![A-Za-z0-9])/g;
const NINO = /(?<![A-Za-z0-9])([A-Za-z]{2})[ \n-]{0,2}(\d{2})[ \n-]{0,2}(\d{2})[ \n-]{0,2}(\d{2})[ \n-]{0,2}([A-Da-d])(?![A-Za-z0-9])/g;
const NINO_CONTEXT = /\b(?:national insurance|ni number|ni no|nino|nin)\b/gi;
const DNI = /(?<![A-Za-z0-9])([XYZxyz]?\d{7,8})[ -]?([A-Za-z])(?![A-Za-z0-9])/g;

const CONTEXT_WINDOW = 60;

interface IdRule {
  what: string;
  length: number;
  valid: (digits: string) => boolean;
  context: RegExp;
  /** The group shape that identifies the number without a context word (3-2-4 for an SSN). */
  shape?: number[];
}

const DIGIT_IDS: IdRule[] = [
  { what: 'a national id number (US SSN)', length: 9, valid: ssnValid, context: SSN_CONTEXT, shape: [3, 2, 4] },
  { what: 'a national id number (Canadian SIN)', length: 9, valid: sinValid, context: SIN_CONTEXT },
  { what: 'a national id number (Aadhaar)', length: 12, valid: aadhaarValid, context: AADHAAR_CONTEXT, shape: [4, 4, 4] },
  { what: 'a national id number (German Steuer-ID)', length: 11, valid: steuerIdValid, context: STEUER_CONTEXT },
  { what: 'a national id number (Dutch BSN)', length: 9, valid: bsnValid, context: BSN_CONTEXT },
  { what: 'a national id number (French NIR)', length: 15, valid: nirValid, context: NIR_CONTEXT },
  { what: 'a national id number (Brazilian CPF)', length: 11, valid: cpfValid, context: CPF_CONTEXT, shape: [3, 3, 3, 2] },
  { what: 'a national id number (South Korean RRN)', length: 13, valid: koreanRrnValid, context: RRN_CONTEXT, shape: [6, 7] },
];

/**
 * Windows of consecutive whole groups of a run with `length` digits in all. At most one window
 * starts at each group, so the work stays linear in the run.
 */
function* windows(run: DigitRun, length: number): Generator<{ digits: string; from: number; to: number }> {
  let to = 0;
  let total = 0;
  for (let from = 0; from < run.groupCount; from++) {
    if (to < from) {
      to = from;
      total = 0;
    }
    while (to < run.groupCount && total < length) {
      total += run.groupLength(to);
      to++;
    }
    if (total === length) yield { digits: run.groupDigits(from, to), from, to };
    total -= run.groupLength(from);
  }
}

function hasShape(run: DigitRun, shape: number[]): boolean {
  return run.groupCount === shape.length && shape.every((length, g) => run.groupLength(g) === length);
}

const SHORTEST_ID = Math.min(...DIGIT_IDS.map((rule) => rule.length));

function digitId(view: TextView): string | undefined {
  const runs = digitRuns(view).filter((run) => run.digitCount >= SHORTEST_ID);
  if (runs.length === 0) return undefined;
  for (const rule of DIGIT_IDS) {
    const context = view.spans(rule.context);
    for (const run of runs) {
      if (run.digitCount < rule.length) continue;
      // Written in the number's own shape ("536-22-8411"), as the whole run: no context needed.
      if (rule.shape && hasShape(run, rule.shape) && rule.valid(run.digits)) return rule.what;
      if (context.length === 0 || !anyNear(context, run.start, run.end, CONTEXT_WINDOW)) continue;
      for (const window of windows(run, rule.length)) {
        const start = run.groupStart(window.from);
        const end = run.groupEnd(window.to - 1);
        if (rule.valid(window.digits) && anyNear(context, start, end, CONTEXT_WINDOW)) return rule.what;
      }
    }
  }
  return undefined;
}

const NINO_BAD_PREFIXES = new Set(['BG', 'GB', 'KN', 'NK', 'NT', 'TN', 'ZZ']);

function ninoValid(prefix: string): boolean {
  const p = prefix.toUpperCase();
  return !'DFIQUV'.includes(p[0]!) && !'DFIQUVO'.includes(p[1]!) && !NINO_BAD_PREFIXES.has(p);
}

function letterId(view: TextView): string | undefined {
  for (const match of view.text.matchAll(NINO)) {
    const upper = match[0] === match[0].toUpperCase();
    if (ninoValid(match[1]!) && (upper || anyNear(view.spans(NINO_CONTEXT), match.index, match.index + match[0].length, CONTEXT_WINDOW))) {
      return 'a national id number (UK NI number)';
    }
  }
  for (const match of view.text.matchAll(CHINA_ID)) {
    if (chineseIdValid(match[0])) return 'a national id number (Chinese resident id)';
  }
  if (CURP.test(view.text)) return 'a national id number (Mexican CURP)';
  if (CODICE_FISCALE.test(view.text)) return 'a national id number (Italian codice fiscale)';
  for (const match of view.text.matchAll(DNI)) {
    if (dniValid(match[1]! + match[2]!)) return 'a national id number (Spanish DNI/NIE)';
  }
  return undefined;
}

registerDetector({
  id: 'national-id',
  patterns: [SSN_CONTEXT, SIN_CONTEXT, AADHAAR_CONTEXT, STEUER_CONTEXT, BSN_CONTEXT, NIR_CONTEXT, CPF_CONTEXT, RRN_CONTEXT, CHINA_ID_CONTEXT, CHINA_ID, CURP, CODICE_FISCALE, NINO, NINO_CONTEXT, DNI],
  detect(view): Finding[] {
    if (!view.hasDigit) return []; // every id here holds digits
    const what = digitId(view) ?? letterId(view);
    return what ? [{ kind: 'pii.national_id', sensitivity: 'confidential', what }] : [];
  },
});
