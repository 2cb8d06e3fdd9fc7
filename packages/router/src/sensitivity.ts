// Sensitivity detectors. Each detector looks for something a text *contains* (an address, a key,
// a record about a named person), not for a topic it talks about: "how should I store card
// numbers?" mentions cards but holds none, so it stays public.
//
// Levels (documented in README.md):
//   confidential  personal data (email, phone, national id, payment card, IBAN), secrets and
//                 credentials, health / personnel records about a named person, and the markings
//                 "confidential", "NDA", "privileged".
//   internal      the markings "internal only", "internal use", "do not distribute",
//                 "not for external distribution", "proprietary".
//   public        everything else.
import { SENSITIVITIES, type Sensitivity, type Signal } from './types';

export interface Finding {
  kind: string;
  sensitivity: Sensitivity;
  /** What was found, phrased to follow "contains": "an email address". Never the match itself. */
  what: string;
}

const rank = (level: Sensitivity) => SENSITIVITIES.indexOf(level);

export function maxSensitivity(...levels: (Sensitivity | undefined)[]): Sensitivity {
  let best: Sensitivity = 'public';
  for (const level of levels) if (level && rank(level) > rank(best)) best = level;
  return best;
}

// ---------------------------------------------------------------------------------------------
// Personal data

// Domains reserved for documentation (RFC 2606/6761): addresses there are placeholders, not people.
const PLACEHOLDER_DOMAIN = /(^|\.)(example\.(com|org|net)|[a-z0-9-]+\.(test|example|invalid|localhost))$/i;
const EMAIL = /\b[A-Za-z0-9][A-Za-z0-9._%+-]*@((?:[A-Za-z0-9-]+\.)+[A-Za-z]{2,24})\b/g;

function hasEmail(text: string): boolean {
  for (const match of text.matchAll(EMAIL)) {
    if (!PLACEHOLDER_DOMAIN.test(match[1] ?? '')) return true;
  }
  return false;
}

// International (+CC ...), North American (555) 123-4567 / 555-123-4567, or digits after a phone word.
const PHONE_INTL = /(?<![\w.])\+\d{1,3}[\s.-]?\(?\d{1,4}\)?(?:[\s.-]?\d{2,4}){2,4}(?![\w.])/g;
const PHONE_NANP = /(?<![\w.-])(?:\(\d{3}\)\s?|\d{3}[\s.-])\d{3}[\s.-]\d{4}(?![\w.-])/g;
const PHONE_WORD = /\b(?:phone|tel|telephone|mobile|cell|call(?: me)?(?: at| on)?|whatsapp|fax)\b[^\d\n]{0,12}(\+?\d[\d\s().-]{5,18}\d)/gi;

function digitCount(text: string): number {
  let count = 0;
  for (const ch of text) if (ch >= '0' && ch <= '9') count++;
  return count;
}

function hasPhone(text: string): boolean {
  for (const match of text.matchAll(PHONE_INTL)) {
    const digits = digitCount(match[0]);
    if (digits >= 8 && digits <= 15) return true;
  }
  for (const _match of text.matchAll(PHONE_NANP)) return true;
  for (const match of text.matchAll(PHONE_WORD)) {
    const digits = digitCount(match[1] ?? '');
    if (digits >= 7 && digits <= 15) return true;
  }
  return false;
}

// US SSN with the ranges the SSA never issues excluded; or 9 digits right after "SSN".
const SSN = /(?<![\d-])(?!000|666|9\d\d)\d{3}-(?!00)\d{2}-(?!0000)\d{4}(?![\d-])/;
const SSN_WORD = /\b(?:ssn|social security(?: number| no\.?)?)\b\D{0,15}\d{3}[\s-]?\d{2}[\s-]?\d{4}\b/i;

export function luhnValid(digits: string): boolean {
  let sum = 0;
  let double = false;
  for (let i = digits.length - 1; i >= 0; i--) {
    let d = digits.charCodeAt(i) - 48;
    if (double) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
    double = !double;
  }
  return sum % 10 === 0;
}

const CARD = /(?<![\d.-])\d(?:[ -]?\d){12,18}(?![\d.-])/g;

function hasCard(text: string): boolean {
  for (const match of text.matchAll(CARD)) {
    const digits = match[0].replace(/\D/g, '');
    // All-same digits (0000 0000 ...) pass Luhn but are placeholders.
    if (digits.length >= 13 && digits.length <= 19 && !/^(\d)\1+$/.test(digits) && luhnValid(digits)) return true;
  }
  return false;
}

export function ibanValid(candidate: string): boolean {
  const iban = candidate.toUpperCase();
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]{11,30}$/.test(iban)) return false;
  const rearranged = iban.slice(4) + iban.slice(0, 4);
  let remainder = 0;
  for (const ch of rearranged) {
    const code = ch.charCodeAt(0);
    const value = code >= 65 ? String(code - 55) : ch;
    for (const digit of value) remainder = (remainder * 10 + (digit.charCodeAt(0) - 48)) % 97;
  }
  return remainder === 1;
}

const IBAN = /\b[A-Z]{2}\d{2}(?: ?[A-Z0-9]){11,32}/g;

function hasIban(text: string): boolean {
  for (const match of text.matchAll(IBAN)) {
    const compact = match[0].replace(/ /g, '');
    // The match may have swallowed a following word; try the longest prefix that checks out.
    for (let length = Math.min(compact.length, 34); length >= 15; length--) {
      if (ibanValid(compact.slice(0, length))) return true;
    }
  }
  return false;
}

// ---------------------------------------------------------------------------------------------
// Secrets

const SECRET_PATTERNS: { kind: string; what: string; pattern: RegExp }[] = [
  { kind: 'secret.anthropic_key', what: 'an Anthropic API key', pattern: /\bsk-ant-[A-Za-z0-9_-]{20,}/ },
  { kind: 'secret.openai_key', what: 'an OpenAI API key', pattern: /\bsk-(?!ant-)(?:proj-|svcacct-|admin-)?[A-Za-z0-9_-]{20,}/ },
  { kind: 'secret.stripe_key', what: 'a Stripe secret key', pattern: /\b(?:sk|rk)_(?:live|test)_[A-Za-z0-9]{16,}/ },
  { kind: 'secret.github_token', what: 'a GitHub token', pattern: /\b(?:(?:ghp|gho|ghu|ghs|ghr)_[A-Za-z0-9]{30,}|github_pat_[A-Za-z0-9_]{22,})/ },
  { kind: 'secret.aws_key', what: 'an AWS access key', pattern: /\b(?:AKIA|ASIA)[A-Z0-9]{16}\b/ },
  {
    kind: 'secret.aws_secret',
    what: 'an AWS secret access key',
    pattern: /\baws_secret_access_key\b\s*[=:]\s*["']?[A-Za-z0-9/+=]{40}/i,
  },
  { kind: 'secret.slack_token', what: 'a Slack token', pattern: /\bxox[abposr]-[A-Za-z0-9-]{10,}/ },
  { kind: 'secret.jwt', what: 'a JSON Web Token', pattern: /\beyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}/ },
  {
    kind: 'secret.private_key',
    what: 'a private key block',
    pattern: /-----BEGIN (?:[A-Z0-9]+ )*PRIVATE KEY( BLOCK)?-----\s*[A-Za-z0-9+/=\r\n:-]{20,}/,
  },
  {
    kind: 'secret.connection_string',
    what: 'a connection string with a password',
    pattern: /\b[a-z][a-z0-9+.-]{1,20}:\/\/[^\s:/@]{1,64}:[^\s@/]{3,}@[^\s/]+/i,
  },
  {
    kind: 'secret.api_key_assignment',
    what: 'an API key or secret value',
    pattern: /\b(?:api[_-]?key|api[_-]?secret|secret[_-]?key|access[_-]?token|auth[_-]?token|client[_-]?secret)\b["']?\s*[:=]\s*["']?[A-Za-z0-9_\-./+]{16,}/i,
  },
];

// "password is X", "password: X", "pwd=X". X must look like a password, not like English:
// "the password is required" and "password: at least 12 characters" stay public.
const PASSWORD = /\b(?:password|passwd|passcode|passphrase|pwd|pin)\b\s*(?:is|was|=|:|->)\s*(["'`]?)([^\s"'`]{3,64})\1/gi;
const NOT_A_PASSWORD = new Set(
  (
    'required optional incorrect wrong invalid weak strong correct expired being set reset changed empty missing ' +
    'stored hashed encrypted salted the a an not too at least case sensitive case-sensitive mandatory needed ' +
    'protected secure insecure long short field hidden visible shown masked sent saved only never always ' +
    'what how where when why which managed rotated checked validated compared ignored optional.'
  ).split(' '),
);

function hasPassword(text: string): boolean {
  for (const match of text.matchAll(PASSWORD)) {
    const quoted = (match[1] ?? '') !== '';
    const value = (match[2] ?? '').replace(/[.,;!?)]+$/, '');
    if (value.length < 3 || NOT_A_PASSWORD.has(value.toLowerCase())) continue;
    const looksLikeSecret = /\d/.test(value) || /[^A-Za-z]/.test(value) || /[a-z][A-Z]/.test(value);
    if (quoted || looksLikeSecret || value.length >= 6) return true;
  }
  return false;
}

/** Replaces anything that looks like a secret with `[redacted]`; for error messages and logs. */
export function redactSecrets(text: string): string {
  let out = text;
  for (const { pattern } of SECRET_PATTERNS) out = out.replace(new RegExp(pattern.source, `${pattern.flags.replace('g', '')}g`), '[redacted]');
  return out.replace(PASSWORD, (all, _q: string, value: string) => all.replace(value, '[redacted]'));
}

// ---------------------------------------------------------------------------------------------
// Health and personnel records: a named person together with a diagnosis, salary or review.

const NOT_A_NAME = new Set(
  (
    'the a an this that these those what how why when where who which whose can could should would will is are was ' +
    'do does did please hi hello dear thanks thank i we you they he she it my our your their new old north south east west ' +
    'monday tuesday wednesday thursday friday saturday sunday january february march april may june july august ' +
    'september october november december type stage level grade class annual q1 q2 q3 q4 hr it us uk eu ' +
    'performance salary medical health review diagnosis patient employee manager team company department ' +
    'explain write summarize compare design list give tell show describe draft create help make find'
  ).split(' '),
);

// Group 1, when present, is a capitalized word that must not be a common non-name word.
const PERSON_PATTERNS: RegExp[] = [
  /\b(?:Mr|Mrs|Ms|Mx|Dr|Miss|Prof)\.?\s+[A-Z][a-z]+/g,
  /\b([A-Z][a-z]+)(?:\s+[A-Z]\.)?\s+[A-Z][a-z]+(?:-[A-Z][a-z]+)?\b/g,
  /\b(?:[Ee]mployee|[Pp]atient|[Cc]olleague|[Cc]o-?worker|[Ss]taff member|[Cc]andidate|[Nn]ame)\s*[:#]?\s*[A-Z][a-z]+/g,
  /\b([A-Z][a-z]+)'s\b/g,
];

const RECORD_TERMS: { kind: string; what: string; pattern: RegExp }[] = [
  {
    kind: 'record.health',
    what: 'health information about a named person',
    pattern:
      /\b(?:diagnos(?:ed|is|es)|prognosis|prescribed|prescription|medication|chemotherapy|cancer|tumou?r|diabetes|diabetic|hiv|depression|anxiety disorder|bipolar|schizophrenia|adhd|dementia|pregnan(?:t|cy)|miscarriage|surgery|therapy|blood pressure|hypertension|allergic to|medical (?:leave|condition|history|record)|sick leave|mental health|psychiatric|treatment for|tested positive)\b/gi,
  },
  {
    kind: 'record.compensation',
    what: 'salary or compensation of a named person',
    pattern: /\b(?:salary|compensation|earns|wage|base pay|bonus|pay (?:rate|grade|raise|cut)|stock options|equity grant)\b/gi,
  },
  {
    kind: 'record.performance',
    what: 'a performance or disciplinary record of a named person',
    pattern:
      /\b(?:performance review|performance rating|performance improvement plan|disciplinary|written warning|final warning|terminated|termination|fired|laid off|below expectations|underperform(?:ing|ed|s)?|misconduct|harassment complaint|demoted|on probation)\b/gi,
  },
];

/** Is there a person's name within `window` characters of the term at [from, to)? */
function personNear(text: string, from: number, to: number, window = 160): boolean {
  const start = Math.max(0, from - window);
  const slice = text.slice(start, Math.min(text.length, to + window));
  for (const pattern of PERSON_PATTERNS) {
    for (const match of slice.matchAll(pattern)) {
      const matchFrom = start + match.index;
      const matchTo = matchFrom + match[0].length;
      if (matchFrom < to && matchTo > from) continue; // "Great Depression" is not a person with depression
      if (match[1] !== undefined && NOT_A_NAME.has(match[1].toLowerCase())) continue;
      return true;
    }
  }
  return false;
}

function recordFindings(text: string): Finding[] {
  const findings: Finding[] = [];
  for (const term of RECORD_TERMS) {
    for (const match of text.matchAll(term.pattern)) {
      if (personNear(text, match.index, match.index + match[0].length)) {
        findings.push({ kind: term.kind, sensitivity: 'confidential', what: term.what });
        break;
      }
    }
  }
  return findings;
}

// ---------------------------------------------------------------------------------------------
// Explicit markings

const MARKINGS: { kind: string; sensitivity: Sensitivity; what: string; pattern: RegExp }[] = [
  {
    kind: 'marking.confidential',
    sensitivity: 'confidential',
    what: 'a "confidential" marking',
    pattern:
      /(?:^|\n)\s*[[(*_#-]*\s*(?:strictly |highly |company |business )?confidential\b|\bCONFIDENTIAL\b|\b(?:strictly|highly|company|business) confidential\b|\bconfidential\s*[:\]—–-]|\b(?:is|are|remains?|marked|kept|treated as|classified as)\s+(?:strictly |highly )?confidential\b|\bconfidential (?:and|&) (?:proprietary|privileged)\b/i,
  },
  {
    kind: 'marking.nda',
    sensitivity: 'confidential',
    what: 'an NDA marking',
    pattern: /\b(?:under|covered by|subject to|bound by|protected by)\s+(?:an?\s+|the\s+|our\s+|my\s+)?(?:mutual\s+)?(?:NDA|non-disclosure agreement)\b|\bNDA[- ](?:protected|restricted|only)\b/i,
  },
  {
    kind: 'marking.privileged',
    sensitivity: 'confidential',
    what: 'a legal privilege marking',
    pattern: /\b(?:attorney[- ]client privileged?|privileged (?:and|&) confidential|legally privileged)\b/i,
  },
  {
    kind: 'marking.internal',
    sensitivity: 'internal',
    what: 'an "internal only" marking',
    pattern: /\b(?:internal(?: use)? only|for internal (?:use|distribution)|not for (?:external|public) (?:use|distribution|release)|internal[- ]use[- ]only)\b/i,
  },
  {
    kind: 'marking.do_not_distribute',
    sensitivity: 'internal',
    what: 'a "do not distribute" marking',
    pattern: /\b(?:do not (?:distribute|forward|share externally)|not for distribution)\b/i,
  },
  {
    kind: 'marking.proprietary',
    sensitivity: 'internal',
    what: 'a "proprietary" marking',
    pattern: /\bproprietary (?:and confidential|information|[-–—] )|\bPROPRIETARY\b/,
  },
];

// ---------------------------------------------------------------------------------------------

/** How much of a document's start counts as its header, where a marking labels the whole document. */
export const DOCUMENT_HEADER_CHARS = 1500;

/**
 * Explicit markings that label a whole document: those in its header (a "CONFIDENTIAL" banner
 * on top). A marking further down labels only the chunk it stands in.
 */
export function documentMarkings(text: string): Finding[] {
  const head = text.slice(0, DOCUMENT_HEADER_CHARS);
  return MARKINGS.filter((marking) => marking.pattern.test(head)).map(({ kind, sensitivity, what }) => ({ kind, sensitivity, what }));
}

/** Every finding in `text`, one per kind. Cheap: regexes plus a couple of checksums. */
export function findSensitive(text: string): Finding[] {
  const findings: Finding[] = [];
  if (text.length === 0) return findings;
  if (hasEmail(text)) findings.push({ kind: 'pii.email', sensitivity: 'confidential', what: 'an email address' });
  if (hasPhone(text)) findings.push({ kind: 'pii.phone', sensitivity: 'confidential', what: 'a phone number' });
  if (SSN.test(text) || SSN_WORD.test(text)) {
    findings.push({ kind: 'pii.national_id', sensitivity: 'confidential', what: 'a national id number (US SSN)' });
  }
  if (hasCard(text)) findings.push({ kind: 'pii.payment_card', sensitivity: 'confidential', what: 'a payment card number' });
  if (hasIban(text)) findings.push({ kind: 'pii.iban', sensitivity: 'confidential', what: 'a bank account number (IBAN)' });
  for (const secret of SECRET_PATTERNS) {
    if (secret.pattern.test(text)) findings.push({ kind: secret.kind, sensitivity: 'confidential', what: secret.what });
  }
  if (hasPassword(text)) findings.push({ kind: 'secret.password', sensitivity: 'confidential', what: 'a password' });
  findings.push(...recordFindings(text));
  for (const marking of MARKINGS) {
    if (marking.pattern.test(text)) findings.push({ kind: marking.kind, sensitivity: marking.sensitivity, what: marking.what });
  }
  return findings;
}

export function toSignals(findings: Finding[], where: string): Signal[] {
  return findings.map((finding) => ({ kind: finding.kind, sensitivity: finding.sensitivity, reason: `${where} contains ${finding.what}` }));
}

/** Sensitivity of a piece of text (the worker labels document content with this). */
export function detectSensitivity(text: string): { sensitivity: Sensitivity; signals: Signal[] } {
  const findings = findSensitive(text);
  return { sensitivity: maxSensitivity(...findings.map((f) => f.sensitivity)), signals: toSignals(findings, 'text') };
}
