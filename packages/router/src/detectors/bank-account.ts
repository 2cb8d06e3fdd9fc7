// Domestic bank account numbers: the forms that carry no checksum of their own (US routing +
// account, UK sort code + account, "Kontonummer", "numéro de compte"). An account number is
// personal banking data when it is written as one (an account cue right before the digits) with a
// banking cue nearby — a routing or ABA number, a sort code, SWIFT/BIC, "bank", "beneficiary",
// "wire", "direct deposit". A routing number alone is the bank's, published; "account number:
// 55012 for your electricity bill" has no banking cue and stays public. IBANs are iban.ts.
import { registerDetector, type Finding } from './registry';
import { anyNear, type TextView } from './text-view';

const ACCOUNT =
  /\b(?:account (?:number|num|no)|account(?= ?#)|acct|a\/c|kontonummer|konto-?nr|numero de (?:compte|cuenta|conta)|rekeningnummer|numer konta)\b\.?(?: (?:no|number|nr)\b\.?)?[ :#]{0,4}(\d(?:[ -]?\d){5,16})(?!\d)/gi;
const BANK_CUE =
  /\b(?:routing|aba|rtn|sort code|bsb|transit number|swift|bic|bank|beneficiary|direct deposit|wire|payee|blz|bankleitzahl|banque|banco|guichet)\b/gi;
/** How far from the account number the banking cue may stand. */
const NEAR = 150;

function hasBankAccount(view: TextView): boolean {
  const cues = view.spans(BANK_CUE);
  if (cues.length === 0) return false;
  return view.spans(ACCOUNT).some((span) => anyNear(cues, span.start, span.end, NEAR));
}

registerDetector({
  id: 'bank-account',
  patterns: [ACCOUNT, BANK_CUE],
  detect(view): Finding[] {
    return view.hasDigit && hasBankAccount(view) ? [{ kind: 'pii.bank_account', sensitivity: 'confidential', what: 'a bank account number' }] : [];
  },
});
