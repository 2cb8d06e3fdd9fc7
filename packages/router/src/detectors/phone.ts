// Phone numbers that are personal data. Candidates are found with cheap patterns (an international
// "+CC" number, a North American "(415) 555-0132", or digits after a phone word such as "phone:",
// "call me on", "Handy", "téléphone"); libphonenumber (libphonenumber-js) then decides whether the
// digits can be a phone number at all and what kind of number it is.
//
// Published numbers are not personal data (the rule is at the top of contact-context.ts and
// email.ts): toll-free, premium-rate, shared-cost and universal access numbers, and numbers
// offered for contact ("call us at", "switchboard", a role address such as hr@ close before it).
// libphonenumber is thorough but not cheap (~50 µs a number), so at most PARSE_LIMIT candidates
// per text are parsed; past that a candidate is judged by its shape alone.
import { parsePhoneNumberFromString, type CountryCode, type PhoneNumber } from 'libphonenumber-js/max';
import { offeredAsContact, personalCueBefore } from './contact-context';
import { classifyEmail, findEmails } from './email';
import { registerDetector, registerSharedPatterns, type Finding } from './registry';
import type { TextView } from './text-view';

const INTERNATIONAL = /(?<![\w+])\+ {0,2}\(?[1-9][\d ()./\n-]{6,22}\d(?![\d])/g;
const NORTH_AMERICAN = /(?<![\w+.-])(?:1[ .-]{0,2})?(?:\(\d{3}\) {0,2}|\d{3}(?:[ .-]|\n){1,2})\d{3}(?:[ .-]|\n){1,2}\d{4}(?![\w-])/g;
// A phone word, or "call/text/ring <someone> at"; words may be compounds ("Handynummer", "cellulare").
// The digits stand on their own: glued to a name ("textEditor_20250728") they are part of it.
const PHONE_WORD =
  /(?:\b(?:phone|tel|telephone|mob|cell|call|ring|text|dial|fax|sms|whatsapp|my number|contact number|handy|telefon|mobil|portable|telefono|movil|celular|telefone|numero de telefone|numero de telefono|numero di telefono|mi numero|mon numero|meine nummer|il mio numero|mijn nummer|meu numero|emergency contact|next of kin|notfallkontakt)[a-z]{0,8}|\b(?:call|text|ring|reach|message|whatsapp|contact|joindre|appeler|appelle[rz]?|anrufen|llama(?:r)? a|chiama(?:re)?|bel) (?:me|him|her|them|us|[A-Z][a-z]{1,20}))(?: (?:at|on|under|unter|au|al|em|op))?\b[^\d\n+]{0,24}(?<![A-Za-z_])(\+?\(?\d[\d ()./\n-]{5,20}\d)(?!\d)/gi;
const PERSONAL_PHONE_WORD = /\b(?:[Mm]y|[Mm]e|[Hh]im|[Hh]er|[Tt]hem|[Mm]obile?|[Mm]ob|[Cc]ell|[Hh]andy|[Mm]ovil|[Cc]elular|[Cc]ellulare|[Pp]ortable|[Pp]rivate|[Pp]ersonal|[Hh]ome|[Ww]hats[Aa]pp|MOBILE|CELL)|[Mm]i numero|[Mm]on numero|[Mm]eine nummer|[Ii]l mio numero|[Mm]ijn nummer|[Mm]eu numero|[Ee]mergency|[Nn]ext of kin|[Nn]otfallkontakt|^(?:[Cc]all|[Tt]ext|[Rr]ing|[Rr]each|[Mm]essage|[Cc]ontact|[Jj]oindre|[Aa]ppele?r?|[Aa]nrufen|[Ll]lamar? a|[Cc]hiama(?:re)?|[Bb]el) [A-Z][a-z]/;
const TOLL_FREE_NANP = /^(?:\+?1)?8(?:00|33|44|55|66|77|88)\d{7}$/;
const DIGIT = /\d/g;
const LAST_GROUP = /[ ()./-]{1,3}\d{1,6}$/;
const NEWLINES = /\n/g;

/** How many candidates per text are checked with libphonenumber. */
export const PARSE_LIMIT = 24;
const COUNTRIES: CountryCode[] = ['US', 'GB', 'DE', 'FR', 'IN', 'ES', 'IT', 'NL', 'AU', 'CA'];
const NOT_PERSONAL_TYPES = new Set(['TOLL_FREE', 'PREMIUM_RATE', 'SHARED_COST', 'UAN', 'VOICEMAIL']);

interface Candidate {
  text: string;
  index: number;
  digits: string;
  /** Countries to read a number without "+" in (empty: it carries its country code). */
  countries: CountryCode[];
  /** Introduced as someone's own ("my mobile", "call Priya on"): its number type does not matter. */
  personal: boolean;
}

function candidates(text: string): Candidate[] {
  const found: Candidate[] = [];
  const add = (match: string, index: number, countries: CountryCode[], min: number, personal = false) => {
    let value = match;
    let digits = value.match(DIGIT)?.join('') ?? '';
    // The pattern may have run on into a following figure ("+44 20 7946 0958 - 2024"): drop groups.
    while (digits.length > 15 && value.search(LAST_GROUP) > 0) {
      value = value.slice(0, value.search(LAST_GROUP));
      digits = value.match(DIGIT)?.join('') ?? '';
    }
    if (digits.length < min || digits.length > 15 || [...digits].every((d) => d === digits[0])) return;
    found.push({ text: value.replace(NEWLINES, ' '), index, digits, countries: value.startsWith('+') ? [] : countries, personal });
  };
  for (const match of text.matchAll(INTERNATIONAL)) add(match[0], match.index, [], 8);
  for (const match of text.matchAll(NORTH_AMERICAN)) add(match[0], match.index, ['US'], 10);
  for (const match of text.matchAll(PHONE_WORD)) {
    add(match[1]!, match.index + match[0].length - match[1]!.length, COUNTRIES, 7, PERSONAL_PHONE_WORD.test(match[0]));
  }
  return found;
}

function parse(candidate: Candidate): PhoneNumber | undefined {
  if (candidate.countries.length === 0) return parsePhoneNumberFromString(candidate.text);
  for (const country of candidate.countries) {
    const parsed = parsePhoneNumberFromString(candidate.text, country);
    if (parsed?.isPossible()) return parsed;
  }
  return undefined;
}

/** Role addresses (hr@, support@ ...) in the text: a number next to one is offered with it. */
function roleAddresses(view: TextView): number[] {
  return view.memo(roleAddresses, (text) => findEmails(text).filter((e) => classifyEmail(e.local, e.domain) === 'role').map((e) => e.index));
}

function isPersonalPhone(view: TextView): boolean {
  let parsed = 0;
  for (const candidate of candidates(view.text)) {
    const personal = candidate.personal || personalCueBefore(view, candidate.index);
    if (!personal && TOLL_FREE_NANP.test(candidate.digits)) continue;
    if (!personal && offeredAsContact(view, candidate.index)) continue;
    if (!personal && roleAddresses(view).some((at) => Math.abs(candidate.index - at) < 120)) continue;
    if (parsed < PARSE_LIMIT) {
      parsed++;
      const number = parse(candidate);
      if (!number?.isPossible()) continue;
      if (!personal && number.isValid() && NOT_PERSONAL_TYPES.has(number.getType() ?? '')) continue;
    }
    return true;
  }
  return false;
}

// Phone words of Chinese, Japanese and Korean, and the countries to read their numbers in. These
// scripts put no space between the word and the number ("我的手机号是13812345678"), so they are
// read in the text as written (written.ts). A number offered by a company ("お問い合わせ",
// "客服", "고객센터") or a toll-free one (0120 …) is published, as in English.
const SCRIPT_PHONE_WORD =
  /(?:携帯(?:電話)?(?:番号)?|電話番号|電話|連絡先|手机(?:号码|号)?|手機(?:號碼)?|电话(?:号码)?|聯絡電話|联系电话|휴대폰(?: ?번호)?|핸드폰(?: ?번호)?|전화(?: ?번호)?|연락처)[^\d\n+]{0,8}?([+\d][\d ()-]{6,18}\d)/gu;
const SCRIPT_PERSONAL = /私の|僕の|俺の|我的|本人|제 |내 |저의|携帯|手机|手機|휴대폰|핸드폰/u;
const SCRIPT_PUBLISHED = /お問い合わせ|問合せ|カスタマー|サポート|窓口|代表|客服|客户服务|服务热线|热线|總機|总机|고객센터|대표번호|상담/u;
const SCRIPT_COUNTRIES: CountryCode[] = ['JP', 'CN', 'KR', 'TW', 'HK'];
/** How far before the phone word its owner ("私の", "我的") or a company's cue may stand. */
const SCRIPT_CUE_WINDOW = 24;

/** A personal phone number after a phone word in Chinese, Japanese or Korean, in the text as written (NFKC). */
export function findScriptPhones(written: string): Finding[] {
  let parsed = 0;
  for (const match of written.matchAll(SCRIPT_PHONE_WORD)) {
    if (parsed++ >= PARSE_LIMIT) break;
    const before = written.slice(Math.max(0, match.index - SCRIPT_CUE_WINDOW), match.index + match[0].length - match[1]!.length);
    const personal = SCRIPT_PERSONAL.test(before);
    if (!personal && SCRIPT_PUBLISHED.test(before)) continue;
    const number = parse({ text: match[1]!, index: match.index, digits: '', countries: match[1]!.startsWith('+') ? [] : SCRIPT_COUNTRIES, personal });
    if (!number?.isPossible()) continue;
    if (number.isValid() && NOT_PERSONAL_TYPES.has(number.getType() ?? '')) continue;
    return [{ kind: 'pii.phone', sensitivity: 'confidential', what: 'a phone number' }];
  }
  return [];
}

registerSharedPatterns('phone-scripts', [SCRIPT_PHONE_WORD, SCRIPT_PERSONAL, SCRIPT_PUBLISHED]);

registerDetector({
  id: 'phone',
  patterns: [INTERNATIONAL, NORTH_AMERICAN, PHONE_WORD, PERSONAL_PHONE_WORD, TOLL_FREE_NANP, DIGIT, LAST_GROUP, NEWLINES],
  detect(view): Finding[] {
    return view.hasDigit && isPersonalPhone(view) ? [{ kind: 'pii.phone', sensitivity: 'confidential', what: 'a phone number' }] : [];
  },
});
