// Test helpers: sensitive values generated with valid check digits, and the ways people and pasted
// text hide them (issue 12). Values come from a seeded generator, so each run sees the same broad
// set and a failure names the exact case.
import { verhoeffValid } from '../src/checksums';

export interface Random {
  next(): number;
  int(min: number, max: number): number;
  pick<T>(items: readonly T[]): T;
  digits(n: number): string;
  chars(alphabet: string, n: number): string;
}

export function seeded(seed: number): Random {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  const chars = (alphabet: string, n: number) => Array.from({ length: n }, () => alphabet[int(0, alphabet.length - 1)]).join('');
  return { next, int, pick: (items) => items[int(0, items.length - 1)]!, digits: (n) => chars('0123456789', n), chars };
}

const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

function luhnComplete(partial: string): string {
  for (let d = 0; d <= 9; d++) {
    const candidate = partial + d;
    let sum = 0;
    for (let i = 0; i < candidate.length; i++) {
      let digit = candidate.charCodeAt(candidate.length - 1 - i) - 48;
      if (i % 2 === 1) digit = digit * 2 > 9 ? digit * 2 - 9 : digit * 2;
      sum += digit;
    }
    if (sum % 10 === 0) return candidate;
  }
  throw new Error('unreachable');
}

function ibanFor(country: string, bban: string): string {
  const rearranged = `${bban}${country}00`.replace(/[A-Z]/g, (ch) => String(ch.charCodeAt(0) - 55));
  let remainder = 0;
  for (const digit of rearranged) remainder = (remainder * 10 + Number(digit)) % 97;
  return `${country}${String(98 - remainder).padStart(2, '0')}${bban}`;
}

const groups = (value: string, size: number) => value.match(new RegExp(`.{1,${size}}`, 'g'))!.join(' ');

export interface Sample {
  family: string;
  kind: string;
  /** The message; `value` occurs in it exactly once. */
  message: string;
  value: string;
}

type Maker = (r: Random) => { value: string; message: (value: string) => string };

/** Makers per family: a generated value and a sentence around it, in several phrasings. */
export const FAMILIES: Record<string, { kind: string; make: Maker }> = {
  us_ssn: {
    kind: 'pii.national_id',
    make: (r) => {
      const value = `${r.int(100, 665)}-${String(r.int(1, 99)).padStart(2, '0')}-${String(r.int(1, 9999)).padStart(4, '0')}`;
      return { value, message: (v) => r.pick([`My SSN is ${v}, please update the W-2.`, `Employee social security number: ${v}`, `${v} is the SSN on file for Dana.`]) };
    },
  },
  payment_card: {
    kind: 'pii.payment_card',
    make: (r) => {
      const prefix = r.pick(['4', '51', '55', '2221', '37', '6011']);
      const length = prefix === '37' ? 15 : 16;
      const digits = luhnComplete(prefix + r.digits(length - prefix.length - 1));
      const value = length === 15 ? `${digits.slice(0, 4)} ${digits.slice(4, 10)} ${digits.slice(10)}` : groups(digits, 4);
      return { value, message: (v) => r.pick([`Charge it to ${v}, expiry 09/28.`, `card number: ${v}`, `The customer paid with ${v} yesterday.`]) };
    },
  },
  iban: {
    kind: 'pii.iban',
    make: (r) => {
      const [country, length] = r.pick([['DE', 18], ['GB', 18], ['FR', 23], ['NL', 14], ['ES', 20]] as const);
      const bban = country === 'GB' || country === 'NL' ? r.chars('ABCDEFGHIJKLMNOPQRSTUVWXYZ', 4) + r.digits(length - 4) : r.digits(length);
      const value = groups(ibanFor(country, bban), 4);
      return { value, message: (v) => r.pick([`Please wire the deposit to ${v} by Friday.`, `IBAN: ${v}`, `Bankverbindung ${v}, Kontoinhaber M. Weber`]) };
    },
  },
  uk_ni_number: {
    kind: 'pii.national_id',
    make: (r) => {
      const value = `${r.pick(['AB', 'JT', 'SR', 'LT', 'PN'])} ${r.digits(2)} ${r.digits(2)} ${r.digits(2)} ${r.pick(['A', 'B', 'C', 'D'])}`;
      return { value, message: (v) => r.pick([`My National Insurance number is ${v}.`, `NI number ${v} for payroll`]) };
    },
  },
  ca_sin: {
    kind: 'pii.national_id',
    make: (r) => {
      const digits = luhnComplete(String(r.int(1, 7)) + r.digits(7));
      return { value: `${digits.slice(0, 3)} ${digits.slice(3, 6)} ${digits.slice(6)}`, message: (v) => r.pick([`Social Insurance Number: ${v}`, `My SIN is ${v}.`]) };
    },
  },
  aadhaar: {
    kind: 'pii.national_id',
    make: (r) => {
      let digits = String(r.int(2, 9)) + r.digits(11);
      while (!verhoeffValid(digits)) digits = String(r.int(2, 9)) + r.digits(11);
      return { value: groups(digits, 4), message: (v) => r.pick([`Aadhaar: ${v}`, `My Aadhaar number is ${v}, please complete KYC.`]) };
    },
  },
  personal_email: {
    kind: 'pii.email',
    make: (r) => {
      const value = `${r.pick(['maria.keller', 'j.smith', 'priya.raman', 'chen.wei', 'lukas.becker'])}${r.int(1, 99)}@${r.pick(['gmail.com', 'northwind-traders.de', 'outlook.fr', 'acme-corp.io'])}`;
      return { value, message: (v) => r.pick([`Send the contract to ${v} please.`, `You can reach me at ${v} after six.`, `Her private address is ${v}.`]) };
    },
  },
  phone: {
    kind: 'pii.phone',
    make: (r) => {
      const value = r.pick([`+44 20 7946 ${r.digits(4)}`, `+49 176 ${r.digits(8)}`, `(415) 555-${r.digits(4)}`, `+33 6 ${r.digits(2)} ${r.digits(2)} ${r.digits(2)} ${r.digits(2)}`]);
      return { value, message: (v) => r.pick([`Call me on ${v} after lunch.`, `My mobile is ${v}.`, `Text Julia at ${v} when you arrive.`]) };
    },
  },
  aws_key: {
    kind: 'secret.aws_key',
    make: (r) => ({ value: `AKIA${r.chars('ABCDEFGHIJKLMNOPQRSTUVWXYZ234567', 16)}`, message: (v) => `Why does ${v} get AccessDenied on s3:PutObject?` }),
  },
  github_token: {
    kind: 'secret.github_token',
    make: (r) => ({ value: `ghp_${r.chars(ALNUM, 36)}`, message: (v) => `My token ${v} cannot push to the repo.` }),
  },
  openai_key: {
    kind: 'secret.openai_key',
    make: (r) => ({ value: `sk-proj-${r.chars(ALNUM, 40)}`, message: (v) => `OPENAI_API_KEY=${v} fails with 401, why?` }),
  },
  stripe_key: {
    kind: 'secret.stripe_key',
    make: (r) => ({ value: `sk_live_${r.chars(ALNUM, 24)}`, message: (v) => `The webhook handler uses ${v} in production.` }),
  },
  password: {
    kind: 'secret.password',
    make: (r) => {
      const value = `${r.pick(['Blue', 'Tiger', 'Falcon', 'Orchid'])}-${r.chars(ALNUM, 4)}${r.int(10, 99)}!`;
      return { value, message: (v) => r.pick([`The wifi password is ${v}`, `Passwort: ${v}`, `le mot de passe est ${v}`, `la contraseña es ${v}`, `a senha é ${v}`]) };
    },
  },
};

export const TECHNIQUES = ['plain', 'zero_width', 'soft_hyphen', 'word_joiner', 'bidi', 'variation_selector', 'fullwidth', 'spaced', 'nbsp', 'en_dash', 'homoglyph', 'tag_characters', 'line_break', 'base64', 'hex', 'split_turns'] as const;
export type Technique = (typeof TECHNIQUES)[number];

const interleave = (value: string, mark: string) => [...value].join(mark);
const HOMOGLYPHS: Record<string, string> = { a: 'а', c: 'с', e: 'е', o: 'о', p: 'р', x: 'х', y: 'у', A: 'А', B: 'В', C: 'С', E: 'Е', H: 'Н', K: 'К', M: 'М', O: 'О', P: 'Р', T: 'Т', X: 'Х' };

/** The value rewritten by a technique that works on the value itself. */
export function disguise(value: string, technique: Technique, r: Random): string {
  switch (technique) {
    case 'zero_width':
      return interleave(value, r.pick(['\u200b', '\u200c', '\u200d', '\ufeff']));
    case 'soft_hyphen':
      return interleave(value, '\u00ad');
    case 'word_joiner':
      return interleave(value, '\u2060');
    case 'bidi':
      return interleave(value, r.pick(['\u200e', '\u200f', '\u202a', '\u202c', '\u2066']));
    case 'variation_selector':
      return interleave(value, '\ufe0f');
    case 'fullwidth':
      return [...value].map((ch) => (ch >= '!' && ch <= '~' ? String.fromCharCode(ch.charCodeAt(0) + 0xfee0) : ch === ' ' ? '\u3000' : ch)).join('');
    case 'spaced':
      return value.replace(/ /g, '').split('').join(' ');
    // Separators between digits and blocks: spaces become no-break or thin spaces, hyphens and
    // spaces between digits become dashes and minus signs.
    case 'nbsp':
      return value.replace(/ /g, () => r.pick(['\u00a0', '\u2009', '\u202f']));
    case 'en_dash':
      return value.replace(/(?<=\d)[ -](?=\d)|-/g, () => r.pick(['\u2013', '\u2014', '\u2212']));
    case 'homoglyph':
      return [...value].map((ch) => HOMOGLYPHS[ch] ?? ch).join('');
    case 'tag_characters':
      return [...value].map((ch) => String.fromCodePoint(0xe0000 + ch.charCodeAt(0))).join('');
    case 'line_break': {
      const at = Math.max(1, Math.floor(value.length / 2));
      return `${value.slice(0, at)}\n${value.slice(at)}`;
    }
    default:
      return value;
  }
}

export interface Case {
  family: string;
  kind: string;
  technique: Technique;
  message: string;
  history?: { role: 'user'; content: string }[];
}

/** `count` cases of a family under a technique. */
export function cases(family: string, technique: Technique, count: number, seed: number): Case[] {
  const r = seeded(seed);
  const { kind, make } = FAMILIES[family]!;
  return Array.from({ length: count }, () => {
    const { value, message } = make(r);
    const plain = message(value);
    switch (technique) {
      case 'base64':
        return { family, kind, technique, message: `Can you decode this? ${Buffer.from(plain).toString('base64')}` };
      case 'hex':
        return { family, kind, technique, message: `Found in a log line: ${Buffer.from(plain).toString('hex')}` };
      case 'split_turns': {
        const at = plain.indexOf(value) + Math.floor(value.length / 2);
        return { family, kind, technique, message: plain.slice(at), history: [{ role: 'user', content: plain.slice(0, at) }] };
      }
      default:
        return { family, kind, technique, message: plain.replace(value, disguise(value, technique, r)) };
    }
  });
}
