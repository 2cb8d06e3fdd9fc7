// Payment card numbers: 13–19 digits with a card network's prefix and length, passing Luhn. The
// digits may span spaces, dashes and line breaks. Inside a longer run of figures only the shapes
// cards are printed in count (4-4-4-4, 4-6-5, one block); a run that is nothing but the number may
// also be spaced out digit by digit or wrapped by a line break anywhere ("4 1 1 1 …",
// "4111 11\n11 1111 …"), but not grouped like an order number ("504-7578219-0747679").
import { luhnValid } from '../checksums';
import { digitRuns, type DigitRun } from './digit-runs';
import { registerDetector, type Finding } from './registry';

const NETWORK_PREFIX = /^(?:4\d{12}(?:\d{3}){0,2}|5[1-5]\d{14}|2(?:2[2-9][1-9]|2[3-9]\d|[3-6]\d\d|7[01]\d|720)\d{12}|220[0-4]\d{12}|3[47]\d{13}|3(?:0[0-5]|[689]\d)\d{11,16}|35\d{14,17}|6\d{15,18}|5[06-8]\d{11,17})$/;

function allSame(digits: string): boolean {
  for (let i = 1; i < digits.length; i++) if (digits[i] !== digits[0]) return false;
  return true;
}

export function cardNumberValid(digits: string): boolean {
  return luhnValid(digits) && NETWORK_PREFIX.test(digits) && !allSame(digits);
}

/**
 * The Luhn check over the digits of groups [from, to), read in place: nine windows in ten fail
 * it, and none of those needs its digits copied out.
 */
function luhnInPlace(run: DigitRun, from: number, to: number): boolean {
  let sum = 0;
  let double = false;
  for (let g = to - 1; g >= from; g--) {
    for (let i = run.groupEnd(g) - 1; i >= run.groupStart(g); i--) {
      const digit = run.text.charCodeAt(i) - 48;
      sum += double ? (digit > 4 ? 2 * digit - 9 : 2 * digit) : digit;
      double = !double;
    }
  }
  return sum % 10 === 0;
}

/**
 * May a run of 13–19 digits in groups that are no printed layout be a card? Only when spaced out
 * digit by digit or wrapped by a line break: "4 1 1 1 …", "4111 11\n11 1111 …". Order and
 * reference numbers ("#504-7578219-0747679") are grouped in their own layouts.
 */
function unusuallyWritten(run: DigitRun): boolean {
  if (run.groupCount === run.digitCount) return true;
  const lineBreak = run.text.indexOf('\n', run.start);
  return lineBreak !== -1 && lineBreak < run.end;
}

function hasCard(run: DigitRun): boolean {
  if (run.digitCount < 13) return false;
  if (run.digitCount <= 19 && unusuallyWritten(run) && cardNumberValid(run.digits)) return true;
  const check = (from: number, to: number) => luhnInPlace(run, from, to) && cardNumberValid(run.groupDigits(from, to));
  // Inside a longer run, only printed layouts: one block, Amex 4-6-5, Diners 4-6-4, blocks of four
  // with a shorter last block. At most a handful of windows start at each group.
  for (let from = 0; from < run.groupCount; from++) {
    const first = run.groupLength(from);
    if (first >= 13 && first <= 19 && check(from, from + 1)) return true;
    if (first !== 4) continue;
    if (run.groupLength(from + 1) === 6 && (run.groupLength(from + 2) === 5 || run.groupLength(from + 2) === 4) && check(from, from + 3)) return true;
    let total = 4;
    for (let to = from + 1; to < run.groupCount && total < 19; to++) {
      const length = run.groupLength(to);
      total += length;
      if (total >= 13 && total <= 19 && length <= 4 && check(from, to + 1)) return true;
      if (length !== 4) break;
    }
  }
  return false;
}

registerDetector({
  id: 'payment-card',
  patterns: [NETWORK_PREFIX],
  detect(view): Finding[] {
    return digitRuns(view).some(hasCard) ? [{ kind: 'pii.payment_card', sensitivity: 'confidential', what: 'a payment card number' }] : [];
  },
});
