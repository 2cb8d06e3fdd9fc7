// Check digits of the numbers detectors look for. A random run of digits passes one of these
// about one time in ten (Luhn, Verhoeff) to one in 97 (IBAN), which is what keeps a detector that
// lets digits span spaces, dashes and line breaks from firing on every table of figures.

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

// IBAN length by country (SWIFT IBAN registry).
const IBAN_LENGTHS: Record<string, number> = {
  AD: 24, AE: 23, AL: 28, AT: 20, AZ: 28, BA: 20, BE: 16, BG: 22, BH: 22, BR: 29, BY: 28, CH: 21, CR: 22, CY: 28, CZ: 24,
  DE: 22, DK: 18, DO: 28, EE: 20, EG: 29, ES: 24, FI: 18, FO: 18, FR: 27, GB: 22, GE: 22, GI: 23, GL: 18, GR: 27, GT: 28,
  HR: 21, HU: 28, IE: 22, IL: 23, IQ: 23, IS: 26, IT: 27, JO: 30, KW: 30, KZ: 20, LB: 28, LC: 32, LI: 21, LT: 20, LU: 20,
  LV: 21, MC: 27, MD: 24, ME: 22, MK: 19, MR: 27, MT: 31, MU: 30, NL: 18, NO: 15, PK: 24, PL: 28, PS: 29, PT: 25, QA: 29,
  RO: 24, RS: 22, SA: 24, SC: 31, SE: 24, SI: 19, SK: 24, SM: 27, ST: 25, SV: 28, TL: 23, TN: 24, TR: 26, UA: 29, VA: 22,
  VG: 24, XK: 20,
};

/** The registered IBAN length for a country code, if it has one. */
export function ibanLength(country: string): number | undefined {
  return IBAN_LENGTHS[country.toUpperCase()];
}

export function ibanValid(candidate: string): boolean {
  const expected = ibanLength(candidate.slice(0, 2));
  return (expected === undefined || candidate.length === expected) && ibanMod97(candidate);
}

/** The ISO 13616 check alone: letters, digits, mod 97 = 1, any length from 15 to 34. */
export function ibanMod97(candidate: string): boolean {
  const iban = candidate.toUpperCase();
  if (iban.length < 15 || iban.length > 34) return false;
  for (let i = 0; i < iban.length; i++) {
    const code = iban.charCodeAt(i);
    const letter = code >= 65 && code <= 90;
    const digit = code >= 48 && code <= 57;
    if (i < 2 ? !letter : i < 4 ? !digit : !(letter || digit)) return false;
  }
  const rearranged = iban.slice(4) + iban.slice(0, 4);
  let remainder = 0;
  for (const ch of rearranged) {
    const code = ch.charCodeAt(0);
    const value = code >= 65 ? String(code - 55) : ch;
    for (const digit of value) remainder = (remainder * 10 + (digit.charCodeAt(0) - 48)) % 97;
  }
  return remainder === 1;
}

// Verhoeff (dihedral group D5), used by India's Aadhaar.
const VERHOEFF_D = [
  [0, 1, 2, 3, 4, 5, 6, 7, 8, 9], [1, 2, 3, 4, 0, 6, 7, 8, 9, 5], [2, 3, 4, 0, 1, 7, 8, 9, 5, 6], [3, 4, 0, 1, 2, 8, 9, 5, 6, 7],
  [4, 0, 1, 2, 3, 9, 5, 6, 7, 8], [5, 9, 8, 7, 6, 0, 4, 3, 2, 1], [6, 5, 9, 8, 7, 1, 0, 4, 3, 2], [7, 6, 5, 9, 8, 2, 1, 0, 4, 3],
  [8, 7, 6, 5, 9, 3, 2, 1, 0, 4], [9, 8, 7, 6, 5, 4, 3, 2, 1, 0],
];
const VERHOEFF_P = [
  [0, 1, 2, 3, 4, 5, 6, 7, 8, 9], [1, 5, 7, 6, 2, 8, 3, 0, 9, 4], [5, 8, 0, 3, 7, 9, 6, 1, 4, 2], [8, 9, 1, 6, 0, 4, 3, 5, 2, 7],
  [9, 4, 5, 3, 1, 2, 6, 8, 7, 0], [4, 2, 8, 6, 5, 7, 3, 9, 0, 1], [2, 7, 9, 3, 8, 0, 6, 4, 1, 5], [7, 0, 4, 6, 9, 1, 3, 2, 5, 8],
];

export function verhoeffValid(digits: string): boolean {
  let check = 0;
  for (let i = 0; i < digits.length; i++) {
    const digit = digits.charCodeAt(digits.length - 1 - i) - 48;
    check = VERHOEFF_D[check]![VERHOEFF_P[i % 8]![digit]!]!;
  }
  return check === 0;
}

/** US SSN (and ITIN) ranges: the SSA never issues area 000, 666 or group 00 or serial 0000. */
export function ssnValid(digits: string): boolean {
  if (!/^\d{9}$/.test(digits)) return false;
  const area = digits.slice(0, 3);
  if (area === '000' || area === '666' || digits.slice(3, 5) === '00' || digits.slice(5) === '0000') return false;
  if (area.startsWith('9')) return itinValid(digits);
  return true;
}

/** US ITIN: 9XX-{50–65, 70–88, 90–92, 94–99}-XXXX. */
export function itinValid(digits: string): boolean {
  const group = Number(digits.slice(3, 5));
  return digits.startsWith('9') && ((group >= 50 && group <= 65) || (group >= 70 && group <= 88) || (group >= 90 && group <= 92) || group >= 94);
}

/** Canadian SIN: nine digits, Luhn, never starting with 0 or 8. */
export function sinValid(digits: string): boolean {
  return digits.length === 9 && digits[0] !== '0' && digits[0] !== '8' && luhnValid(digits);
}

/** Indian Aadhaar: twelve digits, not starting with 0 or 1, Verhoeff check digit. */
export function aadhaarValid(digits: string): boolean {
  return digits.length === 12 && digits[0] !== '0' && digits[0] !== '1' && verhoeffValid(digits);
}

/** German Steuer-ID: eleven digits, no leading 0, one digit repeated in the first ten, ISO 7064 MOD 11,10. */
export function steuerIdValid(digits: string): boolean {
  if (digits.length !== 11 || digits[0] === '0') return false;
  const counts = new Map<string, number>();
  for (const digit of digits.slice(0, 10)) counts.set(digit, (counts.get(digit) ?? 0) + 1);
  const repeated = [...counts.values()].filter((count) => count > 1);
  if (repeated.length !== 1 || repeated[0]! > 3) return false;
  let product = 10;
  for (let i = 0; i < 10; i++) {
    let sum = (digits.charCodeAt(i) - 48 + product) % 10;
    if (sum === 0) sum = 10;
    product = (sum * 2) % 11;
  }
  const check = (11 - product) % 10;
  return check === digits.charCodeAt(10) - 48;
}

/** Dutch BSN: nine digits passing the "elfproef" (weights 9..2 and -1, sum divisible by 11). */
export function bsnValid(digits: string): boolean {
  if (digits.length !== 9) return false;
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += (9 - i) * (digits.charCodeAt(i) - 48);
  sum -= digits.charCodeAt(8) - 48;
  return sum % 11 === 0 && sum !== 0;
}

/** French NIR (numéro de sécurité sociale): 13 digits and a key of 97 minus the number mod 97. */
export function nirValid(digits: string): boolean {
  if (digits.length !== 15 || (digits[0] !== '1' && digits[0] !== '2')) return false;
  const number = BigInt(digits.slice(0, 13));
  return 97n - (number % 97n) === BigInt(digits.slice(13));
}

const DNI_LETTERS = 'TRWAGMYFPDXBNJZSQVHLCKE';

/** Spanish DNI (8 digits + letter) or NIE (X/Y/Z + 7 digits + letter): the letter is the number mod 23. */
export function dniValid(candidate: string): boolean {
  const value = candidate.toUpperCase();
  const nie = { X: '0', Y: '1', Z: '2' }[value[0] ?? ''];
  const digits = nie === undefined ? value.slice(0, 8) : nie + value.slice(1, 8);
  if (!/^\d{8}$/.test(digits)) return false;
  return DNI_LETTERS[Number(digits) % 23] === value[8];
}

/** Brazilian CPF: eleven digits, two mod-11 check digits, not all the same digit. */
export function cpfValid(digits: string): boolean {
  if (digits.length !== 11 || [...digits].every((d) => d === digits[0])) return false;
  const check = (length: number) => {
    let sum = 0;
    for (let i = 0; i < length; i++) sum += (digits.charCodeAt(i) - 48) * (length + 1 - i);
    const rest = (sum * 10) % 11;
    return rest === 10 ? 0 : rest;
  };
  return check(9) === digits.charCodeAt(9) - 48 && check(10) === digits.charCodeAt(10) - 48;
}

/** A YYYYMMDD (or YYMMDD with a century) birth date that exists. */
function plausibleDate(year: number, month: number, day: number): boolean {
  return month >= 1 && month <= 12 && day >= 1 && day <= 31 && year >= 1900 && year <= 2100;
}

/** Chinese resident identity number: 17 digits with a birth date at 7–14 and an ISO 7064 MOD 11-2 check (0–9 or X). */
export function chineseIdValid(candidate: string): boolean {
  const value = candidate.toUpperCase();
  if (!/^\d{17}[\dX]$/.test(value)) return false;
  if (!plausibleDate(Number(value.slice(6, 10)), Number(value.slice(10, 12)), Number(value.slice(12, 14)))) return false;
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += (value.charCodeAt(i) - 48) * weights[i]!;
  return '10X98765432'[sum % 11] === value[17];
}

/** South Korean resident registration number: YYMMDD, a gender/century digit, and a mod-11 check digit. */
export function koreanRrnValid(digits: string): boolean {
  if (!/^\d{13}$/.test(digits) || !'1234'.includes(digits[6]!)) return false;
  const century = digits[6] === '1' || digits[6] === '2' ? 1900 : 2000;
  if (!plausibleDate(century + Number(digits.slice(0, 2)), Number(digits.slice(2, 4)), Number(digits.slice(4, 6)))) return false;
  const weights = [2, 3, 4, 5, 6, 7, 8, 9, 2, 3, 4, 5];
  let sum = 0;
  for (let i = 0; i < 12; i++) sum += (digits.charCodeAt(i) - 48) * weights[i]!;
  return (11 - (sum % 11)) % 10 === digits.charCodeAt(12) - 48;
}
