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
//   - An author's attribution is published with their work, whatever the domain: after a label
//     ("Author:", "\"author\":", "Signed-off-by:", "@author"), a byline or a copyright notice, or
//     listed under a "## Maintainers" heading (see `attributed` below).
// Written-out forms ("jane [at] contoso [dot] com", "jane dot doe at gmail dot com") count as addresses.
import { offeredAsContact, personalCueBefore } from './contact-context';
import { registerDetector, registerSharedPatterns, type Finding } from './registry';
import { nearestBefore, TextView, type Span } from './text-view';

const PLACEHOLDER_DOMAIN = /(?:^|\.)(?:example\.(?:com|org|net|edu)|[a-z0-9-]+\.(?:test|example|invalid|localhost|local))$/i;
const PLACEHOLDER_LOCAL = /^(?:you|your[._-]?[a-z]{0,20}|user|username|name|email|e-mail|someone|somebody|firstname[._-]?lastname|first[._-]?last|foo|bar|foobar|xxx+|abc|test)$/i;
const ROLE_LOCAL =
  /^(?:[a-z]{2,3}[._-])?(?:info|information|hello|hi|contact|contacts|support|help|helpdesk|service|services|customerservice|customer[._-]?care|care|sales|press|media|pr|news|newsroom|comms|communications|marketing|hr|people|jobs|careers|recruiting|recruitment|talent|hiring|billing|accounts|accounting|finance|invoices?|payments|payroll|admin|administrator|office|team|privacy|legal|compliance|dpo|gdpr|security|abuse|postmaster|webmaster|hostmaster|noreply|no[._-]?reply|donotreply|do[._-]?not[._-]?reply|feedback|enquiries|inquiries|reception|events|orders|returns|shipping|partners|partnerships|investors|ir|bookings|reservations|membership|members|students|alumni|library|it|itsupport|servicedesk|ops|operations|facilities|procurement|purchasing|editor|editorial|tips|notifications|alerts|mail|general|kundenservice|kundendienst|service-?client|atencion(?:al)?cliente|contato|presse|verkauf|vertrieb|buchhaltung|rechnung(?:en)?|bewerbung(?:en)?|karriere|datenschutz|impressum|kontakt|ventas|soporte|ayuda|prensa|facturacion|comercial|assistance|aide|recrutement|rh|empleo|lavoro|assistenza|vendite|team[._-][a-z0-9]{1,20}|[a-z0-9]{1,20}[._-](?:team|support|desk|office|help))(?:[._-](?:[a-z]{2,3}|team|dept|desk))?$/i;
const FREE_MAIL =
  /^(?:gmail|googlemail|yahoo|ymail|hotmail|outlook|live|msn|icloud|me|mac|aol|proton|protonmail|pm|gmx|web|t-online|freenet|orange|free|laposte|libero|virgilio|mail|yandex|qq|163|126|rediffmail|zoho|fastmail|tutanota|hey)\.[a-z.]{2,10}$/i;

// "jane [at] contoso [dot] com", "jane(at)contoso(dot)com"
const WRITTEN_AT = / ?[[({<] ?at ?[\])}>] ?/gi;
const WRITTEN_DOT = / ?[[({<] ?dot ?[\])}>] ?/gi;
// "jane dot doe at gmail dot com", "m_garcia AT yahoo DOT es": "at" and "dot" as bare words, read
// as an address only when the domain after the "at" ends in "dot" and a top-level domain ("I work
// at Acme", "look at the dot product" are none); and "lena.kraus @ gmx.de", spaces around the "@".
const WORD_AT = / at (?=[A-Za-z0-9-]{1,63}(?: dot [A-Za-z0-9-]{1,63}){0,3} dot (?:com|net|org|edu|gov|info|biz|io|co|me|app|dev|[a-z]{2})\b)/gi;
const WORD_DOT = / dot (?=[A-Za-z0-9])/gi;
const SPACED_AT = /(?<=[A-Za-z0-9_.-]) {1,3}@ {1,3}(?=[A-Za-z0-9])/g;

const TLD = /^[A-Za-z]{2,24}$/;
// File extensions that are no top-level domain: "logo@2x.png" names an image, not a mailbox.
const NOT_A_TLD = new Set('png jpg jpeg gif svg webp avif ico bmp tif tiff heic json yaml yml toml lock txt csv html htm css scss sass less tsx jsx mjs cjs vue wasm exe dll'.split(' '));
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
    if (labels.length < 2 || !TLD.test(labels.at(-1)!) || NOT_A_TLD.has(labels.at(-1)!.toLowerCase()) || !labels.every((label) => LABEL.test(label))) continue;
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

// Software's own attribution: an author's address in a package manifest ("author": "Jane Doe
// <jane@gmail.com>"), a commit ("Author:", "Signed-off-by:", "Co-authored-by:" in `git log`), a
// source file's header ("@author", "Copyright (c) 2024 …") or a README's list of maintainers. The
// author published it with their work: a coding agent that reads a repository must not be cut off
// from its cloud model for it. A personal cue between the two ("the author's private address")
// keeps it personal. The cue is a label ("Author:", "\"author\":", "__author__ =",
// "Signed-off-by:"), a byline ("written by") or a copyright notice ("(c) 2021", not the "(c)" of a
// list), never the word in a sentence ("our maintainers meet weekly").
const ATTRIBUTION_CUE =
  /(?:\b(?:authors?|maintainers?|contributors?|committer|signed-off-by|co-authored-by|reviewed-by|acked-by|tested-by|reported-by|helped-by)\b["']? {0,2}[:=]|\b(?:authored|written|maintained|created) by\b|@author\b|__(?:author|email|maintainer)__|\bcopyright\b|(?:\(c\)|©) ?(?:19|20)\d\d)/gi;
const ATTRIBUTION_WINDOW = 120;
// A README's list of people under a heading such as "## Maintainers" or "## Team".
const ATTRIBUTION_HEADING = /^ {0,3}#{1,6} {1,3}(?:[A-Za-z]{1,12} ){0,2}(?:team|authors?|maintainers?|contributors?|collaborators?|credits|acknowledge?ments|people)\b/i;
const HEADING = /^ {0,3}#{1,6} /;
const LIST_ITEM = /^ {0,6}(?:[-*+]|\d{1,3}[.)]) /;
registerSharedPatterns('email-attribution', [ATTRIBUTION_CUE, ATTRIBUTION_HEADING, HEADING, LIST_ITEM]);

/**
 * The lines that sit under an attribution heading ("# Authors", "## Original Author"): its list
 * items, past blank lines and sub-headings, or the one line of text right under it (a caption
 * such as "[Troy Goode](…) (troy@…)"). Any other line of prose ends it. One pass, once per text.
 */
function attributionLines(text: string): Span[] {
  const spans: Span[] = [];
  if (!text.includes('#')) return spans;
  let open = false;
  let sawItem = false;
  for (let start = 0; start <= text.length; ) {
    const newline = text.indexOf('\n', start);
    const end = newline === -1 ? text.length : newline;
    const line = text.slice(start, end);
    if (ATTRIBUTION_HEADING.test(line)) {
      open = true;
      sawItem = false;
    } else if (open && line.trim() !== '' && !HEADING.test(line)) {
      const item = LIST_ITEM.test(line);
      if (item || !sawItem) spans.push({ start, end });
      sawItem ||= item;
      open = item;
    }
    if (newline === -1) break;
    start = newline + 1;
  }
  return spans;
}

function attributed(view: TextView, index: number): boolean {
  const cue = nearestBefore(view.spans(ATTRIBUTION_CUE), index, ATTRIBUTION_WINDOW);
  if (cue && !view.text.slice(cue.end, index).includes('\n\n') && !personalCueBefore(view, index, index - cue.end)) return true;
  const line = lineHolding(view.memo(attributionLines, attributionLines), index);
  // "- If it is urgent, email me at …" in the list is the person's own request.
  return line !== undefined && !personalCueBefore(view, index, index - line.start);
}

/** The span (sorted, not overlapping) that holds `index`, by binary search. */
function lineHolding(spans: readonly Span[], index: number): Span | undefined {
  let low = 0;
  let high = spans.length - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    const span = spans[mid]!;
    if (index < span.start) high = mid - 1;
    else if (index >= span.end) low = mid + 1;
    else return span;
  }
  return undefined;
}

function hasPersonalEmail(view: TextView, text: string): boolean {
  for (const email of emailsIn(text)) {
    if (classifyEmail(email.local, email.domain) !== 'personal') continue;
    // A free-mail address belongs to a person even when it is offered for contact...
    if (text === view.text && !FREE_MAIL.test(email.domain) && offeredAsContact(view, email.index)) continue;
    // ...but not when it signs the person's own published work.
    if (text === view.text && attributed(view, email.index)) continue;
    return true;
  }
  return false;
}

registerDetector({
  id: 'email',
  patterns: [AT_SIGN, PLACEHOLDER_DOMAIN, PLACEHOLDER_LOCAL, ROLE_LOCAL, FREE_MAIL, WRITTEN_AT, WRITTEN_DOT, WORD_AT, WORD_DOT, SPACED_AT, WRITTEN_OUT, TLD, LABEL],
  detect(view): Finding[] {
    let personal = hasPersonalEmail(view, view.text);
    if (!personal && WRITTEN_OUT.test(view.text)) {
      personal = hasPersonalEmail(view, view.text.replace(WRITTEN_AT, '@').replace(WRITTEN_DOT, '.'));
    }
    // Read as a text of its own, so an address offered for contact or signing published work is
    // judged by what stands around it there, as in the text as written.
    const rewritten = (text: string) => hasPersonalEmail(new TextView(text), text);
    if (!personal && view.text.includes(' @ ')) personal = rewritten(view.text.replace(SPACED_AT, '@'));
    if (!personal && WORD_AT.test(view.text)) {
      WORD_AT.lastIndex = 0;
      personal = rewritten(view.text.replace(WORD_AT, '@').replace(WORD_DOT, '.'));
    }
    return personal ? [{ kind: 'pii.email', sensitivity: 'confidential', what: 'an email address' }] : [];
  },
});
