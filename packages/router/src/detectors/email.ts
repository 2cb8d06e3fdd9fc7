// Email addresses that are personal data.
//
// The rule (also in the package README, "Sensitivity levels"):
//   - An address of a person (jane.doe@, jdoe@, a free-mail address) is personal data: confidential.
//     A list of people with their addresses is therefore confidential too.
//   - A role address offered for contact (support@, info@, press@, hr@, sales@, careers@ ...) is
//     published contact information, not personal data: it alone never makes a text confidential.
//     At a free-mail domain (gmail.com ...) a role-like name still belongs to a person.
//   - A person's work address introduced by an organisational cue ("media contact:", "contact us",
//     "for more information" ...) is offered for contact and counts as published too, unless a
//     personal cue ("my", "her personal email") stands between the cue and the address. A
//     free-mail address (gmail.com ...) stays personal whatever introduces it.
//   - Documentation placeholders are nobody's: RFC 2606/6761 domains (example.com, *.test ...) and
//     names like "you@", "user@", "firstname.lastname@".
// Written-out forms ("jane [at] contoso [dot] com") count as addresses.
import { offeredAsContact } from './contact-context';
import { registerDetector, type Finding } from './registry';
import type { TextView } from './text-view';

const PLACEHOLDER_DOMAIN = /(?:^|\.)(?:example\.(?:com|org|net|edu)|[a-z0-9-]+\.(?:test|example|invalid|localhost|local))$/i;
const PLACEHOLDER_LOCAL = /^(?:you|your[._-]?[a-z]{0,20}|user|username|name|email|e-mail|someone|somebody|firstname[._-]?lastname|first[._-]?last|foo|bar|foobar|xxx+|abc|test)$/i;
const ROLE_LOCAL =
  /^(?:[a-z]{2,3}[._-])?(?:info|information|hello|hi|contact|contacts|support|help|helpdesk|service|services|customerservice|customer[._-]?care|care|sales|press|media|pr|news|newsroom|comms|communications|marketing|hr|people|jobs|careers|recruiting|recruitment|talent|hiring|billing|accounts|accounting|finance|invoices?|payments|payroll|admin|administrator|office|team|privacy|legal|compliance|dpo|gdpr|security|abuse|postmaster|webmaster|hostmaster|noreply|no[._-]?reply|donotreply|do[._-]?not[._-]?reply|feedback|enquiries|inquiries|reception|events|orders|returns|shipping|partners|partnerships|investors|ir|bookings|reservations|membership|members|students|alumni|library|it|itsupport|servicedesk|ops|operations|facilities|procurement|purchasing|editor|editorial|tips|notifications|alerts|mail|general|kundenservice|kundendienst|service-?client|atencion(?:al)?cliente|contato|presse|verkauf|vertrieb|buchhaltung|rechnung(?:en)?|bewerbung(?:en)?|karriere|datenschutz|impressum|kontakt|ventas|soporte|ayuda|prensa|facturacion|comercial|assistance|aide|recrutement|rh|empleo|lavoro|assistenza|vendite|team[._-][a-z0-9]{1,20}|[a-z0-9]{1,20}[._-](?:team|support|desk|office|help))(?:[._-](?:[a-z]{2,3}|team|dept|desk))?$/i;
const FREE_MAIL =
  /^(?:gmail|googlemail|yahoo|ymail|hotmail|outlook|live|msn|icloud|me|mac|aol|proton|protonmail|pm|gmx|web|t-online|freenet|orange|free|laposte|libero|virgilio|mail|yandex|qq|163|126|rediffmail|zoho|fastmail|tutanota|hey)\.[a-z.]{2,10}$/i;

// "jane [at] contoso [dot] com", "jane(at)contoso(dot)com"
const WRITTEN_AT = / ?[[({<] ?at ?[\])}>] ?/gi;
const WRITTEN_DOT = / ?[[({<] ?dot ?[\])}>] ?/gi;

const TLD = /^[A-Za-z]{2,24}$/;
const LABEL = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?$/;
const WRITTEN_OUT = /[[({<] ?at ?[\])}>]/i;

const isAlnum = (code: number) => (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
// An "@" after a character of a local part (a dot right before the "@" makes no address).
const AT_SIGN = /[A-Za-z0-9_%+'-]@/g;
// . _ % + ' - in the local part; . - in the domain
const isLocalCode = (code: number) => isAlnum(code) || code === 46 || code === 95 || code === 37 || code === 43 || code === 39 || code === 45;
const isDomainCode = (code: number) => isAlnum(code) || code === 46 || code === 45;

function trim(value: string, strip: string): string {
  let from = 0;
  let to = value.length;
  while (from < to && strip.includes(value[from]!)) from++;
  while (to > from && strip.includes(value[to - 1]!)) to--;
  return value.slice(from, to);
}

export type EmailClass = 'personal' | 'role' | 'placeholder';

export interface EmailCandidate {
  local: string;
  domain: string;
  /** Where the address starts in the text. */
  index: number;
}

/**
 * The addresses in the text, in order. Found from each "@" outwards (at most 64 characters left
 * and 253 right, never past another "@"), so the work is linear however the text is built; a
 * generator, so a caller that needs only the first personal address stops there.
 */
export function* emailsIn(text: string): Generator<EmailCandidate> {
  for (const sign of text.matchAll(AT_SIGN)) {
    const at = sign.index + 1;
    let from = at - 1;
    while (from > 0 && at - from < 64 && isLocalCode(text.charCodeAt(from - 1))) from--;
    let to = at + 1;
    let dots = 0;
    for (let code = text.charCodeAt(to); to - at <= 253 && isDomainCode(code); code = text.charCodeAt(++to)) if (code === 46) dots++;
    if (dots === 0) continue;
    const local = trim(text.slice(from, at), ".'-");
    let domain = trim(text.slice(at + 1, to), '.-');
    if (local.length === 0) continue;
    // A top-level domain has no hyphen: "jane@contoso.com-thanks" (or a spaced-out address run
    // into the dash after it) ends at ".com".
    const lastDot = domain.lastIndexOf('.');
    const hyphen = domain.indexOf('-', lastDot);
    if (hyphen !== -1) domain = domain.slice(0, hyphen);
    const labels = domain.split('.');
    if (labels.length < 2 || !TLD.test(labels.at(-1)!) || !labels.every((label) => LABEL.test(label))) continue;
    yield { local, domain, index: at - local.length };
  }
}

/** Every address in the text (see emailsIn). */
export function findEmails(text: string): EmailCandidate[] {
  return [...emailsIn(text)];
}

export function classifyEmail(local: string, domain: string): EmailClass {
  if (PLACEHOLDER_DOMAIN.test(domain) || PLACEHOLDER_LOCAL.test(local)) return 'placeholder';
  if (!FREE_MAIL.test(domain) && ROLE_LOCAL.test(local)) return 'role';
  return 'personal';
}

function hasPersonalEmail(view: TextView, text: string): boolean {
  for (const email of emailsIn(text)) {
    if (classifyEmail(email.local, email.domain) !== 'personal') continue;
    // A free-mail address belongs to a person even when it is offered for contact.
    if (text === view.text && !FREE_MAIL.test(email.domain) && offeredAsContact(view, email.index)) continue;
    return true;
  }
  return false;
}

registerDetector({
  id: 'email',
  patterns: [AT_SIGN, PLACEHOLDER_DOMAIN, PLACEHOLDER_LOCAL, ROLE_LOCAL, FREE_MAIL, WRITTEN_AT, WRITTEN_DOT, WRITTEN_OUT, TLD, LABEL],
  detect(view): Finding[] {
    let personal = hasPersonalEmail(view, view.text);
    if (!personal && WRITTEN_OUT.test(view.text)) {
      personal = hasPersonalEmail(view, view.text.replace(WRITTEN_AT, '@').replace(WRITTEN_DOT, '.'));
    }
    return personal ? [{ kind: 'pii.email', sensitivity: 'confidential', what: 'an email address' }] : [];
  },
});
