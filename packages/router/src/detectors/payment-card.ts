// Payment card numbers: 13–19 digits with a card network's prefix and length, passing Luhn. The
// digits may span spaces, dashes and line breaks. Inside a longer run of figures only the shapes
// cards are printed in count (4-4-4-4, 4-6-5, one block); a run that is nothing but the number may
// be split anyhow ("4 1 1 1 …", "4111 11\n11 1111 …").
import { luhnValid } from '../checksums';
import { digitRuns, groupDigits, type DigitRun } from './digit-runs';
import { registerDetector, type Finding } from './registry';

const NETWORK_PREFIX = /^(?:4\d{12}(?:\d{3}){0,2}|5[1-5]\d{14}|2(?:2[2-9][1-9]|2[3-9]\d|[3-6]\d\d|7[01]\d|720)\d{12}|220[0-4]\d{12}|3[47]\d{13}|3(?:0[0-5]|[689]\d)\d{11,16}|35\d{14,17}|6\d{15,18}|5[06-8]\d{11,17})$/;

function allSame(digits: string): boolean {
  for (let i = 1; i < digits.length; i++) if (digits[i] !== digits[0]) return false;
  return true;
}

export function cardNumberValid(digits: string): boolean {
  return luhnValid(digits) && NETWORK_PREFIX.test(digits) && !allSame(digits);
}

function hasCard(run: DigitRun): boolean {
  if (run.digits.length < 13) return false;
  if (run.digits.length >= 13 && run.digits.length <= 19 && cardNumberValid(run.digits)) return true;
  const length = (g: number) => (g < run.groups.length ? run.groups[g]!.end - run.groups[g]!.start : 0);
  const check = (from: number, to: number) => cardNumberValid(groupDigits(run, from, to));
  // Inside a longer run, only printed layouts: one block, Amex 4-6-5, Diners 4-6-4, blocks of four
  // with a shorter last block. At most a handful of windows start at each group.
  for (let from = 0; from < run.groups.length; from++) {
    const first = length(from);
    if (first >= 13 && first <= 19 && check(from, from + 1)) return true;
    if (first !== 4) continue;
    if (length(from + 1) === 6 && (length(from + 2) === 5 || length(from + 2) === 4) && check(from, from + 3)) return true;
    let total = 4;
    for (let to = from + 1; to < run.groups.length && total < 19; to++) {
      total += length(to);
      if (total >= 13 && total <= 19 && length(to) <= 4 && check(from, to + 1)) return true;
      if (length(to) !== 4) break;
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
