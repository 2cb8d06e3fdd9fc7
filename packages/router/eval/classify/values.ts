// Realistic sensitive values with valid checksums: what a detector must find. Every generator
// takes the seeded Random, so the same seed gives the same values. Checksum helpers are written
// here from their public definitions (not imported from the detectors under test).
import { createHmac } from 'node:crypto';
import { asciiName, type Person } from './pools';
import type { Random } from './random';

const UPPER = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const LOWER = 'abcdefghijklmnopqrstuvwxyz';
const DIGITS = '0123456789';
const ALNUM = UPPER + LOWER + DIGITS;
const BASE64 = ALNUM + '+/';

// ---------------------------------------------------------------------------------------------
// Checksums

/** Luhn (ISO/IEC 7812): payment cards, Canadian SIN. */
export function luhnValid(digits: string): boolean {
  if (!/^\d+$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) d = d * 2 > 9 ? d * 2 - 9 : d * 2;
    sum += d;
  }
  return sum % 10 === 0;
}

/** The digit that makes `payload + digit` pass Luhn. */
export function luhnCheckDigit(payload: string): string {
  for (let d = 0; d <= 9; d++) if (luhnValid(payload + d)) return String(d);
  throw new Error('unreachable');
}

function mod97(numeric: string): number {
  let remainder = 0;
  for (const ch of numeric) remainder = (remainder * 10 + Number(ch)) % 97;
  return remainder;
}

function ibanNumeric(rearranged: string): string {
  return rearranged.replace(/[A-Z]/g, (ch) => String(ch.charCodeAt(0) - 55));
}

/** A compact IBAN as issued: the ISO 13616 mod-97 check and, for the countries generated here, the registered length. */
/** IBAN lengths in the SWIFT registry for the countries generated here. */
const IBAN_REGISTERED_LENGTH: Record<string, number> = { AT: 20, BE: 16, CH: 21, DE: 22, ES: 24, FR: 27, GB: 22, IE: 22, IT: 27, NL: 18, PL: 28, PT: 25, SE: 24 };

export function ibanValid(iban: string): boolean {
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]{11,30}$/.test(iban)) return false;
  const registered = IBAN_REGISTERED_LENGTH[iban.slice(0, 2)];
  if (registered !== undefined && iban.length !== registered) return false;
  return mod97(ibanNumeric(iban.slice(4) + iban.slice(0, 4))) === 1;
}

// Verhoeff (used by Aadhaar): dihedral group tables from the original paper.
const VERHOEFF_D = [
  [0, 1, 2, 3, 4, 5, 6, 7, 8, 9], [1, 2, 3, 4, 0, 6, 7, 8, 9, 5], [2, 3, 4, 0, 1, 7, 8, 9, 5, 6],
  [3, 4, 0, 1, 2, 8, 9, 5, 6, 7], [4, 0, 1, 2, 3, 9, 5, 6, 7, 8], [5, 9, 8, 7, 6, 0, 4, 3, 2, 1],
  [6, 5, 9, 8, 7, 1, 0, 4, 3, 2], [7, 6, 5, 9, 8, 2, 1, 0, 4, 3], [8, 7, 6, 5, 9, 3, 2, 1, 0, 4],
  [9, 8, 7, 6, 5, 4, 3, 2, 1, 0],
];
const VERHOEFF_P = [
  [0, 1, 2, 3, 4, 5, 6, 7, 8, 9], [1, 5, 7, 6, 2, 8, 3, 0, 9, 4], [5, 8, 0, 3, 7, 9, 6, 1, 4, 2],
  [8, 9, 1, 6, 0, 4, 3, 5, 2, 7], [9, 4, 5, 3, 1, 2, 6, 8, 7, 0], [4, 2, 8, 6, 5, 7, 3, 9, 0, 1],
  [2, 7, 9, 3, 8, 0, 6, 4, 1, 5], [7, 0, 4, 6, 9, 1, 3, 2, 5, 8],
];
const VERHOEFF_INV = [0, 4, 3, 2, 1, 5, 6, 7, 8, 9];

function verhoeffState(digits: string, offset: number): number {
  let c = 0;
  for (let i = 0; i < digits.length; i++) {
    const d = Number(digits[digits.length - 1 - i]);
    c = VERHOEFF_D[c]![VERHOEFF_P[(i + offset) % 8]![d]!]!;
  }
  return c;
}

export function verhoeffValid(digits: string): boolean {
  return /^\d+$/.test(digits) && verhoeffState(digits, 0) === 0;
}

export function verhoeffCheckDigit(payload: string): string {
  return String(VERHOEFF_INV[verhoeffState(payload, 1)]);
}

// ---------------------------------------------------------------------------------------------
// National ids and financial numbers. `grouped` asks for the usual separators (spaces/hyphens).

export function usSsn(random: Random, grouped = true): string {
  let area: number;
  do area = random.int(1, 899);
  while (area === 666);
  const parts = [String(area).padStart(3, '0'), String(random.int(1, 99)).padStart(2, '0'), String(random.int(1, 9999)).padStart(4, '0')];
  return grouped ? parts.join(random.chance(0.85) ? '-' : ' ') : parts.join('');
}

interface CardBrand {
  name: string;
  prefixes: string[];
  length: number;
  groups: number[];
}

export const CARD_BRANDS: CardBrand[] = [
  { name: 'Visa', prefixes: ['4'], length: 16, groups: [4, 4, 4, 4] },
  { name: 'Mastercard', prefixes: ['51', '52', '53', '54', '55', '2221', '2500', '2720'], length: 16, groups: [4, 4, 4, 4] },
  { name: 'American Express', prefixes: ['34', '37'], length: 15, groups: [4, 6, 5] },
  { name: 'Discover', prefixes: ['6011', '644', '65'], length: 16, groups: [4, 4, 4, 4] },
  { name: 'JCB', prefixes: ['3528', '3541', '3566', '3589'], length: 16, groups: [4, 4, 4, 4] },
  { name: 'Diners Club', prefixes: ['36', '38'], length: 14, groups: [4, 6, 4] },
  { name: 'UnionPay', prefixes: ['62'], length: 16, groups: [4, 4, 4, 4] },
  { name: 'Maestro', prefixes: ['6759', '6761'], length: 16, groups: [4, 4, 4, 4] },
];

function splitGroups(text: string, groups: number[], separator: string): string {
  const out: string[] = [];
  let at = 0;
  for (const size of groups) {
    out.push(text.slice(at, at + size));
    at += size;
  }
  if (at < text.length) out.push(text.slice(at));
  return out.filter(Boolean).join(separator);
}

export function paymentCard(random: Random, grouped = true): { number: string; brand: string; expiry: string; cvc: string } {
  const brand = random.pick(CARD_BRANDS);
  const prefix = random.pick(brand.prefixes);
  let payload: string;
  do payload = prefix + random.digits(brand.length - prefix.length - 1);
  while (/^(\d)\1+$/.test(payload));
  const digits = payload + luhnCheckDigit(payload);
  const number = grouped ? splitGroups(digits, brand.groups, random.chance(0.8) ? ' ' : '-') : digits;
  const expiry = `${String(random.int(1, 12)).padStart(2, '0')}/${random.int(26, 31)}`;
  return { number, brand: brand.name, expiry, cvc: random.digits(brand.length === 15 ? 4 : 3) };
}

/** Country, then the BBAN as a pattern: 'n' digit, 'a' upper-case letter, 'c' letter or digit. */
const IBAN_FORMATS: Record<string, string> = {
  DE: 'nnnnnnnnnnnnnnnnnn',
  GB: 'aaaannnnnnnnnnnnnn',
  FR: 'nnnnnnnnnncccccccccccnn', // bank 5, branch 5, account 11, key 2: 27 with country and check
  ES: 'nnnnnnnnnnnnnnnnnnnn',
  IT: 'annnnnnnnnncccccccccccc',
  NL: 'aaaannnnnnnnnn',
  BE: 'nnnnnnnnnnnn',
  AT: 'nnnnnnnnnnnnnnnn',
  CH: 'nnnnncccccccccccc', // bank 5, account 12: 21 with country and check
  PL: 'nnnnnnnnnnnnnnnnnnnnnnnn',
  IE: 'aaaannnnnnnnnnnnnn',
  PT: 'nnnnnnnnnnnnnnnnnnnnn',
  SE: 'nnnnnnnnnnnnnnnnnnnn',
};
const BANK_CODES: Record<string, string[]> = { GB: ['NWBK', 'BARC', 'LOYD', 'HBUK', 'MIDL'], NL: ['ABNA', 'INGB', 'RABO', 'TRIO'], IE: ['AIBK', 'BOFI'] };

export const IBAN_COUNTRIES = Object.keys(IBAN_FORMATS);

export function iban(random: Random, grouped = true, country = random.pick(IBAN_COUNTRIES)): string {
  const format = IBAN_FORMATS[country];
  if (!format) throw new Error(`no IBAN format for ${country}`);
  let bban = '';
  for (const slot of format) bban += slot === 'n' ? random.digits(1) : slot === 'a' ? random.chars(UPPER, 1) : random.chars(UPPER + DIGITS, 1);
  const codes = BANK_CODES[country];
  if (codes) bban = random.pick(codes) + bban.slice(4);
  const check = String(98 - mod97(ibanNumeric(`${bban}${country}00`))).padStart(2, '0');
  const compact = `${country}${check}${bban}`;
  return grouped ? (compact.match(/.{1,4}/g) ?? []).join(' ') : compact;
}

const NI_FIRST = 'ABCEGHJKLMNOPRSTWXYZ';
const NI_SECOND = 'ABCEGHJKLMNPRSTWXYZ';
const NI_BANNED = new Set(['BG', 'GB', 'KN', 'NK', 'NT', 'TN', 'ZZ']);

/** UK National Insurance number, e.g. "QQ 12 34 56 C" (prefix rules from HMRC's manual). */
export function ukNiNumber(random: Random, grouped = true): string {
  let prefix: string;
  do prefix = random.chars(NI_FIRST, 1) + random.chars(NI_SECOND, 1);
  while (NI_BANNED.has(prefix));
  const digits = random.digits(6);
  const suffix = random.chars('ABCD', 1);
  return grouped ? `${prefix} ${digits.slice(0, 2)} ${digits.slice(2, 4)} ${digits.slice(4)} ${suffix}` : `${prefix}${digits}${suffix}`;
}

/** Canadian Social Insurance Number: 9 digits, Luhn-valid, not starting with 0 or 8. */
export function caSin(random: Random, grouped = true): string {
  const payload = random.pick(['1', '2', '3', '4', '5', '6', '7', '9']) + random.digits(7);
  const digits = payload + luhnCheckDigit(payload);
  return grouped ? splitGroups(digits, [3, 3, 3], random.chance(0.6) ? ' ' : '-') : digits;
}

/** Indian Aadhaar: 12 digits, first 2-9, Verhoeff check digit; written 4-4-4. */
export function aadhaar(random: Random, grouped = true): string {
  const payload = String(random.int(2, 9)) + random.digits(10);
  const digits = payload + verhoeffCheckDigit(payload);
  return grouped ? splitGroups(digits, [4, 4, 4], ' ') : digits;
}

/** A passport number in the shape one of seven countries issues. */
export function passportNumber(random: Random): { number: string; country: string } {
  switch (random.int(0, 6)) {
    case 0:
      return { country: 'US', number: random.chance(0.5) ? random.digits(9).replace(/^0/, '5') : `A${random.digits(8)}` };
    case 1:
      return { country: 'UK', number: `${random.int(1, 9)}${random.digits(8)}` };
    case 2:
      return { country: 'DE', number: random.chars('CFGHJK', 1) + random.chars('CFGHJKLMNPRTVWXYZ0123456789', 8) };
    case 3:
      return { country: 'FR', number: `${random.digits(2)}${random.chars(UPPER, 2)}${random.digits(5)}` };
    case 4:
      return { country: 'IN', number: `${random.chars('JKLMNPRSTUVWZ', 1)}${random.int(1, 9)}${random.digits(6)}` };
    case 5:
      return { country: 'ES', number: `${random.chars(UPPER, 3)}${random.digits(6)}` };
    default:
      return { country: 'CA', number: `${random.chars(UPPER, 2)}${random.digits(6)}` };
  }
}

/** A driving licence number in the shape one of six issuers uses (UK DVLA, US states, Germany). */
export function drivingLicence(random: Random, person: Person): { number: string; issuer: string } {
  switch (random.int(0, 5)) {
    case 0: {
      // DVLA: surname (5, padded with 9), decade, month (+50 for women), day, year digit, initials, 9, two check letters.
      const surname = asciiName(person.last).toUpperCase().padEnd(5, '9').slice(0, 5);
      const year = random.int(50, 99);
      const month = random.int(1, 12) + (random.chance(0.5) ? 50 : 0);
      const body = `${String(year)[0]}${String(month).padStart(2, '0')}${String(random.int(1, 28)).padStart(2, '0')}${String(year)[1]}`;
      const initials = `${asciiName(person.first).toUpperCase()[0]}9`;
      return { issuer: 'UK', number: `${surname}${body}${initials}9${random.chars(UPPER, 2)}` };
    }
    case 1:
      return { issuer: 'California', number: `${random.chars(UPPER, 1)}${random.digits(7)}` };
    case 2:
      return { issuer: 'New York', number: `${random.int(1, 9)}${random.digits(2)} ${random.digits(3)} ${random.digits(3)}` };
    case 3:
      return { issuer: 'Florida', number: `${asciiName(person.last).toUpperCase()[0]}${random.digits(3)}-${random.digits(3)}-${random.digits(2)}-${random.digits(3)}-${random.digits(1)}` };
    case 4:
      return { issuer: 'Texas', number: `${random.int(1, 4)}${random.digits(7)}` };
    default:
      return { issuer: 'DE', number: `${random.chars('BFGHJKLMN', 1)}${random.digits(3)}${random.chars(UPPER + DIGITS, 6)}${random.digits(1)}` };
  }
}

// ---------------------------------------------------------------------------------------------
// Contact details of a person

const MAIL_PROVIDERS = ['gmail.com', 'outlook.com', 'yahoo.com', 'hotmail.co.uk', 'gmx.de', 'web.de', 'icloud.com', 'proton.me', 'orange.fr', 'libero.it', 'yahoo.es', 'hotmail.com'];

/** A person's own work address (first.last@company), personal data like a private one. */
export function workEmail(random: Random, who: Person, domain: string): string {
  const first = asciiName(who.first);
  const last = asciiName(who.last);
  return `${random.pick([`${first}.${last}`, `${first[0]}${last}`, `${first}`])}@${domain}`;
}

export function personalEmail(random: Random, who: Person): string {
  const first = asciiName(who.first);
  const last = asciiName(who.last);
  const local = random.pick([
    `${first}.${last}`,
    `${first}${last}${random.int(60, 99)}`,
    `${first[0]}.${last}`,
    `${first}_${last[0]}`,
    `${last}.${first}${random.int(1, 9)}`,
    `${first}${random.int(1980, 2004)}`,
  ]);
  return `${local}@${random.pick(MAIL_PROVIDERS)}`;
}

export interface Phone {
  text: string;
  country: 'US' | 'UK' | 'DE' | 'FR' | 'ES' | 'IN' | 'BR' | 'AU' | 'JP' | 'IT';
}

/** A mobile or home number in the notation people type in that country (with or without +CC). */
export function phoneNumber(random: Random): Phone {
  const d = (n: number) => random.digits(n);
  const intl = random.chance(0.5);
  switch (random.int(0, 9)) {
    case 0: {
      const area = random.pick(['415', '212', '617', '312', '206', '512', '303', '718', '646', '469']);
      const exchange = `${random.int(2, 9)}${d(2)}`.replace(/^(\d)11$/, '$112');
      const line = d(4);
      const text = intl ? `+1 ${area} ${exchange} ${line}` : random.pick([`(${area}) ${exchange}-${line}`, `${area}-${exchange}-${line}`, `${area}.${exchange}.${line}`]);
      return { country: 'US', text };
    }
    case 1: {
      const mobile = `7${random.pick(['4', '5', '8', '9'])}${d(2)}`;
      return { country: 'UK', text: intl ? `+44 ${mobile} ${d(6)}` : `0${mobile} ${d(6)}` };
    }
    case 2: {
      const prefix = random.pick(['151', '152', '157', '160', '170', '171', '176']);
      return { country: 'DE', text: intl ? `+49 ${prefix} ${d(8)}` : `0${prefix} ${d(4)} ${d(4)}` };
    }
    case 3: {
      const first = random.pick(['6', '7']);
      const pairs = [d(2), d(2), d(2), d(2)].join(' ');
      return { country: 'FR', text: intl ? `+33 ${first} ${pairs}` : `0${first} ${pairs}` };
    }
    case 4:
      return { country: 'ES', text: `${intl ? '+34 ' : ''}6${d(2)} ${d(3)} ${d(3)}` };
    case 5:
      return { country: 'IN', text: `${intl ? '+91 ' : '0'}${random.pick(['98', '97', '99', '88', '70'])}${d(3)} ${d(5)}` };
    case 6:
      return { country: 'BR', text: `${intl ? '+55 ' : ''}(${random.pick(['11', '21', '31', '41'])}) 9${d(4)}-${d(4)}` };
    case 7:
      return { country: 'AU', text: intl ? `+61 4${d(2)} ${d(3)} ${d(3)}` : `04${d(2)} ${d(3)} ${d(3)}` };
    case 8:
      return { country: 'JP', text: intl ? `+81 ${random.pick(['90', '80', '70'])}-${d(4)}-${d(4)}` : `0${random.pick(['90', '80', '70'])}-${d(4)}-${d(4)}` };
    default:
      return { country: 'IT', text: `${intl ? '+39 ' : ''}3${d(2)} ${d(3)} ${d(4)}` };
  }
}

// ---------------------------------------------------------------------------------------------
// Secrets: shapes documented by each vendor; random bodies.

export function awsAccessKey(random: Random): { keyId: string; secret: string } {
  let keyId: string;
  do keyId = random.pick(['AKIA', 'AKIA', 'ASIA']) + random.chars('ABCDEFGHIJKLMNOPQRSTUVWXYZ234567', 16);
  while (keyId.includes('EXAMPLE'));
  return { keyId, secret: random.chars(ALNUM + '/+', 40) };
}

export function githubToken(random: Random): string {
  const kind = random.int(0, 3);
  if (kind === 3) return `github_pat_11${random.chars(UPPER + DIGITS, 20)}_${random.chars(ALNUM, 59)}`;
  return `${['ghp', 'gho', 'ghs'][kind]}_${random.chars(ALNUM, 36)}`;
}

export function openaiKey(random: Random): string {
  if (random.chance(0.4)) return `sk-${random.chars(ALNUM, 20)}T3BlbkFJ${random.chars(ALNUM, 20)}`;
  const prefix = random.pick(['sk-proj-', 'sk-proj-', 'sk-svcacct-', 'sk-admin-']);
  return `${prefix}${random.chars(ALNUM + '-_', 74)}T3BlbkFJ${random.chars(ALNUM + '-_', 74)}`;
}

export function anthropicKey(random: Random): string {
  return `sk-ant-${random.pick(['api03', 'api03', 'admin01'])}-${random.chars(ALNUM + '-_', 93)}AA`;
}

export function stripeKey(random: Random): string {
  return `${random.pick(['sk_live_', 'sk_live_', 'rk_live_'])}${random.pick(['51', '4e'])}${random.chars(ALNUM, random.pick([22, 97]))}`;
}

export function slackToken(random: Random): string {
  if (random.chance(0.5)) return `xoxb-${random.digits(12).replace(/^0/, '7')}-${random.digits(13).replace(/^0/, '4')}-${random.chars(ALNUM, 24)}`;
  return `xoxp-${random.digits(11).replace(/^0/, '2')}-${random.digits(12).replace(/^0/, '3')}-${random.digits(13).replace(/^0/, '5')}-${random.chars('0123456789abcdef', 32)}`;
}

const base64url = (text: string | Buffer) => Buffer.from(text).toString('base64url');

/** A real HS256 JWT (header.payload.signature) over a user's claims. */
export function jwt(random: Random, who: Person): string {
  const header = base64url(JSON.stringify({ alg: 'HS256', typ: 'JWT' }));
  const iat = 1_760_000_000 + random.int(0, 20_000_000);
  const claims = { sub: random.digits(8), name: who.full, role: random.pick(['admin', 'user', 'billing']), iat, exp: iat + 3600 };
  const payload = base64url(JSON.stringify(claims));
  const signature = createHmac('sha256', random.chars(ALNUM, 32)).update(`${header}.${payload}`).digest('base64url');
  return `${header}.${payload}.${signature}`;
}

/** A PEM private key block with a random body of the right shape (not a usable key). */
export function privateKeyBlock(random: Random): string {
  const [label, start] = random.pick([
    ['RSA PRIVATE KEY', 'MIIEpAIBAAKCAQEA'],
    ['PRIVATE KEY', 'MIIEvQIBADANBgkqhkiG9w0BAQEFAASC'],
    ['OPENSSH PRIVATE KEY', 'b3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAABAAAAMwAAAAtzc2gtZW'],
    ['EC PRIVATE KEY', 'MHcCAQEEI'],
  ] as const);
  const lines = random.int(4, 12);
  const body = start + random.chars(BASE64, lines * 64 - start.length);
  return `-----BEGIN ${label}-----\n${(body.match(/.{1,64}/g) ?? []).join('\n')}\n-----END ${label}-----`;
}

export function password(random: Random): string {
  const words = ['sunshine', 'dragon', 'Bluebird', 'falcon', 'Orchid', 'winter', 'Mango', 'tiger', 'Harbor', 'Lobster', 'rocket', 'Violet'];
  switch (random.int(0, 4)) {
    case 0:
      return `${random.pick(words)}${random.int(10, 2025)}${random.pick(['!', '#', '$', '?', ''])}`;
    case 1:
      return random.chars(ALNUM + '!#$%&*?@', random.int(10, 18));
    case 2:
      return random.pick(words).replace(/o/g, '0').replace(/a/g, '@').replace(/e/g, '3') + random.digits(2);
    case 3:
      return `${random.pick(words)}-${random.pick(words).toLowerCase()}-${random.pick(words).toLowerCase()}-${random.digits(2)}`;
    default:
      return `${random.chars(UPPER, 1)}${random.chars(LOWER, 5)}${random.digits(3)}${random.pick(['!', '%', '&', '.'])}`;
  }
}

/** A connection string that carries a password, in the common driver notations. */
export function connectionString(random: Random): string {
  const secret = password(random).replace(/[@/:#?%]/g, 'x');
  const user = random.pick(['app_user', 'admin', 'svc_orders', 'reporting', 'root', 'etl']);
  const host = random.pick(['db.internal', 'prod-db-01.cluster-c8x2.eu-west-1.rds.amazonaws.com', '10.0.3.12', 'pg.acme.local', 'mysql-primary']);
  switch (random.int(0, 6)) {
    case 0:
      return `postgres://${user}:${secret}@${host}:5432/${random.pick(['orders', 'billing', 'app'])}`;
    case 1:
      return `mongodb+srv://${user}:${secret}@cluster0.${random.chars(LOWER + DIGITS, 5)}.mongodb.net/${random.pick(['prod', 'test', 'crm'])}?retryWrites=true`;
    case 2:
      return `mysql://${user}:${secret}@${host}:3306/shop`;
    case 3:
      return `redis://default:${secret}@${host}:6379/0`;
    case 4:
      return `amqps://${user}:${secret}@rabbit.${random.chars(LOWER, 6)}.net/vhost`;
    case 5:
      return `https://${random.pick(['deploy', 'ci-bot', 'admin'])}:${secret}@${random.pick(['git.internal.acme.net', 'registry.acme-corp.io', 'jenkins.build.local'])}/${random.pick(['infra.git', 'v2/', 'job/release'])}`;
    default:
      return `Server=tcp:${random.chars(LOWER, 8)}.database.windows.net,1433;Database=crm;User ID=${user};Password=${secret};Encrypt=True;`;
  }
}

/** API keys of other well-known vendors, in their documented shapes. */
export function otherVendorKey(random: Random, short = false): { vendor: string; envName: string; key: string } {
  const hex = '0123456789abcdef';
  const options = [
    { vendor: 'Google Cloud', envName: 'GOOGLE_API_KEY', key: `AIza${random.chars(ALNUM + '_-', 35)}` },
    { vendor: 'npm', envName: 'NPM_TOKEN', key: `npm_${random.chars(ALNUM, 36)}` },
    { vendor: 'GitLab', envName: 'GITLAB_TOKEN', key: `glpat-${random.chars(ALNUM + '_-', 20)}` },
    { vendor: 'Hugging Face', envName: 'HF_TOKEN', key: `hf_${random.chars(UPPER + LOWER, 34)}` },
    { vendor: 'Shopify', envName: 'SHOPIFY_ACCESS_TOKEN', key: `shpat_${random.chars(hex, 32)}` },
    { vendor: 'Linear', envName: 'LINEAR_API_KEY', key: `lin_api_${random.chars(ALNUM, 40)}` },
    { vendor: 'SendGrid', envName: 'SENDGRID_API_KEY', key: `SG.${random.chars(ALNUM + '_-', 22)}.${random.chars(ALNUM + '_-', 43)}` },
  ];
  const fitting = short ? options.filter((option) => option.key.length <= 64) : options;
  return random.pick(fitting);
}

const DNI_LETTERS = 'TRWAGMYFPDXBNJZSQVHLCKE';

/** Spanish DNI: 8 digits and the letter of their value mod 23. */
export function spanishDni(random: Random): string {
  const number = random.int(10_000_000, 79_999_999);
  return `${number}${DNI_LETTERS[number % 23]}`;
}

export function dniValid(dni: string): boolean {
  const match = /^(\d{8})-?([A-Z])$/.exec(dni);
  return !!match && DNI_LETTERS[Number(match[1]) % 23] === match[2];
}

function cpfDigit(digits: number[]): number {
  const weightStart = digits.length + 1;
  const sum = digits.reduce((total, d, i) => total + d * (weightStart - i), 0);
  const rest = (sum * 10) % 11;
  return rest === 10 ? 0 : rest;
}

/** Brazilian CPF, written 123.456.789-09, with its two mod-11 check digits. */
export function brazilianCpf(random: Random): string {
  let base: number[];
  do base = Array.from({ length: 9 }, () => random.int(0, 9));
  while (base.every((d) => d === base[0]));
  const first = cpfDigit(base);
  const second = cpfDigit([...base, first]);
  const all = [...base, first, second].join('');
  return `${all.slice(0, 3)}.${all.slice(3, 6)}.${all.slice(6, 9)}-${all.slice(9)}`;
}

export function cpfValid(cpf: string): boolean {
  const digits = cpf.replace(/\D/g, '').split('').map(Number);
  if (digits.length !== 11) return false;
  return cpfDigit(digits.slice(0, 9)) === digits[9] && cpfDigit(digits.slice(0, 10)) === digits[10];
}

/** Dutch BSN: 9 digits passing the "elfproef" (weights 9..2 and -1, sum divisible by 11). */
export function dutchBsn(random: Random): string {
  for (;;) {
    const head = [random.int(1, 9), ...Array.from({ length: 7 }, () => random.int(0, 9))];
    const sum = head.reduce((total, d, i) => total + d * (9 - i), 0);
    const last = sum % 11;
    if (last < 10) return [...head, last].join('');
  }
}

export function bsnValid(bsn: string): boolean {
  if (!/^\d{9}$/.test(bsn)) return false;
  const digits = bsn.split('').map(Number);
  const sum = digits.slice(0, 8).reduce((total, d, i) => total + d * (9 - i), 0) - (digits[8] ?? 0);
  return sum % 11 === 0;
}

/** French NIR (numéro de sécurité sociale): 13 digits and the key 97 - (number mod 97). */
export function frenchNir(random: Random): string {
  const body = `${random.int(1, 2)}${String(random.int(50, 99)).padStart(2, '0')}${String(random.int(1, 12)).padStart(2, '0')}${String(random.int(1, 95)).padStart(2, '0')}${random.digits(3)}${random.digits(3)}`;
  const key = String(97 - Number(BigInt(body) % 97n)).padStart(2, '0');
  return `${body[0]} ${body.slice(1, 3)} ${body.slice(3, 5)} ${body.slice(5, 7)} ${body.slice(7, 10)} ${body.slice(10, 13)} ${key}`;
}

export function nirValid(nir: string): boolean {
  const digits = nir.replace(/\s/g, '');
  if (!/^\d{15}$/.test(digits)) return false;
  return 97 - Number(BigInt(digits.slice(0, 13)) % 97n) === Number(digits.slice(13));
}
