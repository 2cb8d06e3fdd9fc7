// Passwords and PINs written out: "password is X", "Passwort: X", "mot de passe : X",
// "contraseña es X", "senha: X", "pw=X", "login: root / hunter22", "sshpass -p X", "mysql -pX",
// "Authorization: Basic <user:password in base64>". X must look like a password, not
// like a word of the sentence: "the password is required", "Passwort: mindestens 12 Zeichen" and
// "password: <your password>" stay public. (Accents are gone after normalisation: "contrasena".)
import { placeholderSecret } from './secret-rules';
import { registerDetector, registerSharedPatterns, type Finding } from './registry';

// The value: quoted, or bare, when bare perhaps broken by a line ("Passwort: wint\n3r80"; the
// piece after the line break is its own group, see passwordLike).
const VALUE = `(?:"([^"\\s]{3,64})"|'([^'\\s]{3,64})'|\`([^\`\\s]{3,64})\`|([^\\s"'\`]{3,64})(?:\\n([^\\s"'\`]{2,64}))?)`;
// The keyword ("password", "Passwort", "mot de passe", "PIN", "password_hex" ...), then, read from
// where the keyword ends, up to five words ("for the shared Netflix account"), a separator and the
// value. Reading from the keyword (a sticky pattern) keeps the work per keyword bounded.
const KEYWORD =
  /\b(?:p[a@4][s$5]{2}w[o0]rd|p[a@4][s$5]{2}w[o0]rt|passwd|passcode|passphrase|kennwort|mot de passe|mdp|contrasena|clave|senha|wachtwoord|parola d'ordine|haslo|heslo|salasana|losenord(?:et)?|adgangskode(?:n)?|passord(?:et)?|jelszo|jelszava(?:m|d|t)?|sifre(?:si|m|n|niz)?|parol(?:a|am|asi|e|ei)|geslo|lozink[aeu]|parool|slaptazodis|contrasenya|mat khau|kata (?:sandi|laluan)|lykilord|pin(?: code| number)?|pin-code|wifi key|wi-fi key)((?:[_-][A-Za-z0-9]{1,10})?)\b/gi;
const AFTER_KEYWORD = new RegExp(
  `((?: [A-Za-z][A-Za-z0-9'-]{0,15}){0,5})["']? {0,3}(?:\\b(?:is|was|ist|war|est|etait|es|era|e|lautet|sera|will be|(er|ar|je|jest|to|on|la|este|adalah|ialah|ir|yra))(?= )|=>|=|:|->|→|:=)(?: {0,3}(?:now|set to|changed to|still|:))? {0,3}${VALUE}`,
  'iy',
);
const STRICT_KEYWORD = /^parol(?!a d'ordine)/i;
// Which password words each of those verbs follows: Norwegian and Danish "er", Swedish "är",
// Slovene, Croatian, Czech "je", Polish "jest" and "to", Finnish and Estonian "on", Vietnamese
// "là", Romanian "este", Indonesian and Malay "adalah" / "ialah", Latvian "ir", Lithuanian "yra".
const VERB_LANGUAGE = new Map<string, RegExp>([
  ['er', /^(?:passord|adgangskode)/i],
  ['ar', /^losenord/i],
  ['je', /^(?:geslo|lozink|heslo)/i],
  ['jest', /^haslo/i],
  ['to', /^haslo/i],
  ['on', /^(?:salasana|parool)/i],
  ['la', /^mat khau/i],
  ['este', /^parol/i],
  ['adalah', /^kata/i],
  ['ialah', /^kata/i],
  ['ir', /^parol/i],
  ['yra', /^slaptazodis/i],
]);
const SHORT_KEY = new RegExp(`\\b(?:pw|pwd|pass|pword|passw)\\b {0,3}(?:=|:|:=) {0,3}${VALUE}`, 'gi');
const CREDENTIAL_PAIR = /\b(?:credentials?|creds|login|logon|username\/password|user\/pass|user\/password)\b {0,3}(?::|=| are| is) {0,3}([^\s:/]{2,40}) {0,2}[:/] {0,2}([^\s]{3,64})/gi;
// On a command line: "sshpass -p 'Wint3r!'", "mysql -u root -pS3cret" (the value glued to -p),
// and an HTTP Basic credential ("Authorization: Basic YWRtaW46…", user:password in base64).
const SSHPASS = /\bsshpass -p ?(?:"([^"\s]{3,64})"|'([^'\s]{3,64})'|([^\s"']{3,64}))/g;
const MYSQL_GLUED = /\bmysql(?:dump|admin)?\b[^\n]{0,80}? -p([^\s"']{3,64})/g;
const BASIC_AUTH = /\bBasic ([A-Za-z0-9+/]{8,200}={0,2})(?![A-Za-z0-9+/=])/g;
const USER_PASSWORD = /^[^:\s]{1,64}:(\S{3,128})$/;
// "$DB_PASS", "${SSHPASS}", "$(cat secret.txt)", "%PASSWORD%": a shell's reference to a value, not one.
const SHELL_REFERENCE = /^(?:\$\{?[A-Za-z_][A-Za-z0-9_]*\}?|\$\(|%[A-Za-z_][A-Za-z0-9_]*%$)/;
const NOT_LETTERS = /[^A-Za-z]/;
const CAMEL = /[a-z][A-Z]/;
// "process.env.DB_PASSWORD", "config.db.password", "DB_PASSWORD": a reference to a password, not one;
// "(input)" opens a function ("const pin = (input) => …").
const CODE_REFERENCE = /^(?:[A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)+|[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+|[A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)*\(.*|\([\w$, ]*\)?)$/;

const NOT_A_PASSWORD = new Set(
  (
    'required optional incorrect wrong invalid weak strong correct expired being set reset changed empty missing ' +
    'stored hashed encrypted salted the a an not too at least case sensitive case-sensitive mandatory needed ' +
    'protected secure insecure long short field hidden visible shown masked sent saved only never always ' +
    'what how where when why which managed rotated checked validated compared ignored something nothing anything ' +
    'different unique private personal secret known confidential important generated temporary random complex simple ' +
    'easy hard very still now just also usually typically often must should will can cannot your my his her their our ' +
    'same new old blank null none disabled enabled locked unlocked forgotten lost compromised leaked shared ' +
    'erforderlich falsch ungultig abgelaufen mindestens leer requis obligatoire incorrect invalide expire vide ' +
    'obligatoria incorrecta invalida requerida vacia obrigatoria incorreta sbagliata obbligatoria verplicht onjuist ' +
    // Types in code ("password: string", "password: Optional[str] = None"): a declaration, not a value.
    'string str number boolean bool int bytes any unknown object secretstr secretstring'
  ).split(' '),
);

/** The value without the sentence's punctuation after it ("hunter22." → "hunter22"). */
const TRAILING_PUNCTUATION = new Set(['.', ',', ';', ':', '!', '?', ')', ']'].map((ch) => ch.charCodeAt(0)));

function trimPunctuation(value: string): string {
  let end = value.length;
  while (end > 0 && TRAILING_PUNCTUATION.has(value.charCodeAt(end - 1))) end--;
  return end === value.length ? value : value.slice(0, end);
}

// A piece on the next line that is a plain word ("Passwort: Sommer24\nBitte ändern") starts the
// next sentence; one with digits or symbols ("wint\n3r80") is the rest of the value.
const NEXT_LINE_WORD = /^[A-Za-z]+[,.;:!?)]?$/;

// "password Rt7!vQm2Lx", "Kennwort Xk9#mPq2vL": the value right after the word, with no separator.
// Then it must look chosen to be hard to guess: see strongPassword.
const NO_SEPARATOR = / {1,2}([^\s"'`]{8,64})/y;
const PIN_WORD = /^pin/i;
const LOWER = /[a-z]/;
const UPPER = /[A-Z]/;
const DIGIT = /\d/;
/** A symbol other than those that join the words of a name ("reset_token", "v2.1", "sign-in"). */
const SYMBOL = /[^A-Za-z0-9_./-]/;
const NOT_ALPHANUMERIC = /[^A-Za-z0-9]/;
const URL_LIKE = /:\/\/|^www\./i;
// "express@5.1.0", "@types/node@20", "jane.doe@gmail.com": a package at a version or an address.
const ADDRESS_OR_PACKAGE = /^@?[\w.-]+(?:\/[\w.-]+)?@(?:[\d^~<>=*]|[\w-]+\.[\w.-]+$)/;

/**
 * A value that is a password with no word around it to say so: at least three of lower case,
 * upper case, digits and symbols; a name's joiners (_ . - /) count as a symbol only beside both cases.
 */
function strongPassword(raw: string): boolean {
  const value = trimPunctuation(raw);
  if (value.length < 8 || placeholderSecret(value) || CODE_REFERENCE.test(value) || SHELL_REFERENCE.test(value) || URL_LIKE.test(value) || ADDRESS_OR_PACKAGE.test(value)) return false;
  const lower = LOWER.test(value);
  const upper = UPPER.test(value);
  const digit = DIGIT.test(value);
  const symbol = SYMBOL.test(value) || (lower && upper && NOT_ALPHANUMERIC.test(value));
  return [lower, upper, digit, symbol].filter(Boolean).length >= 3;
}

/**
 * Does the value after "password is" look like a password? `values` are the pattern's value
 * groups: three quoted forms, the bare value and the piece of it after a line break. `strict`
 * when words stood between the keyword and the value ("the password policy was updated"): then a
 * plain word never counts.
 */
function passwordLike(values: (string | undefined)[], strict: boolean): boolean {
  const quoted = values.slice(0, 3).some((v) => v !== undefined);
  const raw = values.slice(0, 4).find((v) => v !== undefined) ?? '';
  const value = trimPunctuation(raw);
  if (value.length < 3 || NOT_A_PASSWORD.has(value.toLowerCase()) || placeholderSecret(value) || CODE_REFERENCE.test(value) || SHELL_REFERENCE.test(value)) return false;
  if (quoted || NOT_LETTERS.test(value) || CAMEL.test(value) || (!strict && value.length >= 6)) return true;
  const rest = values[4];
  return rest !== undefined && !NEXT_LINE_WORD.test(rest) && passwordLike([undefined, undefined, undefined, raw + rest], strict);
}

/** The value after each password keyword: [value groups, whether words stood between]. */
function* keywordValues(text: string): Generator<{ values: (string | undefined)[]; strict: boolean; from: number; to: number }> {
  for (const keyword of text.matchAll(KEYWORD)) {
    AFTER_KEYWORD.lastIndex = keyword.index + keyword[0].length;
    const after = AFTER_KEYWORD.exec(text);
    if (!after) continue;
    // Words between, a suffix ("password_hex"), "parola" (also Italian for "word") or a verb that is
    // a short word in other languages too ("la", "je", "er"): then a plain word is no password.
    // "is" in another language counts only after that language's word: "password on iphone" is English.
    if (after[2] !== undefined && !VERB_LANGUAGE.get(after[2].toLowerCase())?.test(keyword[0])) continue;
    const strict = keyword[1] !== '' || after[1] !== '' || after[2] !== undefined || STRICT_KEYWORD.test(keyword[0]);
    yield { values: [after[3], after[4], after[5], after[6], after[7]], strict, from: after.index, to: after.index + after[0].length };
  }
}

function hasPassword(text: string): boolean {
  for (const { values, strict } of keywordValues(text)) if (passwordLike(values, strict)) return true;
  for (const keyword of text.matchAll(KEYWORD)) {
    // "pin" is also a verb ("pin express@5.1.0"); a PIN is digits, said with a separator.
    if (PIN_WORD.test(keyword[0])) continue;
    NO_SEPARATOR.lastIndex = keyword.index + keyword[0].length;
    const value = NO_SEPARATOR.exec(text);
    if (value && strongPassword(value[1]!)) return true;
  }
  // "pass" alone is also a pass over data or a ticket ("Second pass: concatenate…", "Boarding pass: Gate 12"): a plain word after it is prose.
  for (const match of text.matchAll(SHORT_KEY)) if (passwordLike(match.slice(1, 6), /^pass\b/i.test(match[0]))) return true;
  for (const match of text.matchAll(SSHPASS)) if (passwordLike([match[1], match[2], undefined, match[3]], false)) return true;
  for (const match of text.matchAll(MYSQL_GLUED)) if (passwordLike([undefined, undefined, undefined, match[1]], true)) return true;
  for (const match of text.matchAll(BASIC_AUTH)) {
    const pair = USER_PASSWORD.exec(Buffer.from(match[1]!, 'base64').toString('utf8'));
    if (pair && passwordLike([undefined, undefined, undefined, pair[1]], false)) return true;
  }
  for (const match of text.matchAll(CREDENTIAL_PAIR)) {
    const secret = trimPunctuation(match[2]!);
    if (!placeholderSecret(secret) && NOT_LETTERS.test(secret) && !NOT_A_PASSWORD.has(secret.toLowerCase())) return true;
  }
  return false;
}

// Password words in other scripts. The canonical text maps Cyrillic, Greek, Hebrew and Arabic
// letters to Latin look-alikes ("пароль" reads "naponb", "обязательно" "o6R3aTenbHo"), which
// would make any word after them look like a password, so these are read in the text as written
// (NFKC only): the value is the run of ASCII after the word, a separator or the language's own
// "is" ("パスワードは X", "密码是X", "비밀번호는 X", "κωδικός μου είναι X", "הסיסמה שלי היא X").
const SCRIPT_KEYWORD =
  /(?<![\p{L}\p{N}])(?:парол\p{L}{0,4}|лозинк\p{L}{0,2}|κωδικ\p{L}{0,3}|συνθηματικ\p{L}{0,2})|パスワード|暗証番号|密码|密碼|口令|비밀번호|패스워드|암호|كلمة (?:ال)?(?:مرور|سر)|الرقم السري|סיסמ[הא]|पासवर्ड|รหัสผ่าน/giu;
// Up to 40 characters of the sentence, then a separator or an "is", then the value.
const SCRIPT_AFTER =
  /[^\n]{0,40}?(?:\s*(?:[:=→⇒]|->)|\s[-–—]\s|\s*(?:は|是|为|為|는|은|이|가)|\s(?:είναι|ήταν|है|था|היא|הוא|היתה|это|был|была|было|є|був|була|е|беше))\s*["'«“「『]?([!-~]{4,64})(?![!-~])/iuy;
const URL_OR_PATH = /:\/\/|^www\.|^\//i;
const MAX_SCRIPT_KEYWORDS = 64;
/** Digits with separators only: a date, a time or an amount ("2025-12-31", "10:00"). */
const FIGURE = /^[\d.,:/-]+$/;
const ONLY_DIGITS = /^\d+$/;

/** A value after a password word in another script: digits alone (a PIN), or letters with digits or symbols. */
function scriptPasswordLike(raw: string): boolean {
  const value = trimPunctuation(raw);
  if (value.length < 4 || placeholderSecret(value) || CODE_REFERENCE.test(value) || SHELL_REFERENCE.test(value) || URL_OR_PATH.test(value)) return false;
  if (ONLY_DIGITS.test(value)) return true;
  if (FIGURE.test(value)) return false;
  return value.length >= 6 && NOT_LETTERS.test(value) && !NOT_A_PASSWORD.has(value.toLowerCase());
}

/** A password written after a password word in a script other than Latin, in the text as written (NFKC). */
export function findScriptPasswords(written: string): Finding[] {
  let read = 0;
  for (const keyword of written.matchAll(SCRIPT_KEYWORD)) {
    // A real message names a password a few times; thousands of the word are a hostile input.
    if (read++ >= MAX_SCRIPT_KEYWORDS) break;
    SCRIPT_AFTER.lastIndex = keyword.index + keyword[0].length;
    const after = SCRIPT_AFTER.exec(written);
    if (after && scriptPasswordLike(after[1]!)) return [{ kind: 'secret.password', sensitivity: 'confidential', what: 'a password' }];
  }
  return [];
}

registerSharedPatterns('password-scripts', [SCRIPT_KEYWORD, SCRIPT_AFTER, URL_OR_PATH, FIGURE, ONLY_DIGITS]);

/** Replaces written-out password values with `[redacted]`. */
export function redactPasswords(text: string): string {
  let out = '';
  let from = 0;
  for (const { values, from: start, to } of keywordValues(text)) {
    const value = values.slice(0, 4).find((v) => v !== undefined);
    if (value === undefined) continue;
    const rest = values[4];
    out += text.slice(from, start) + text.slice(start, to).replace(rest === undefined ? value : `${value}\n${rest}`, '[redacted]');
    from = to;
  }
  out += text.slice(from);
  const shortKeys = out.replace(SHORT_KEY, (all: string, ...groups: unknown[]) => {
    const value = groups.slice(0, 4).find((g): g is string => typeof g === 'string');
    const rest = groups[4];
    return value === undefined ? all : all.replace(typeof rest === 'string' ? `${value}\n${rest}` : value, '[redacted]');
  });
  return redactScriptPasswords(redactAfter(shortKeys, KEYWORD, NO_SEPARATOR, strongPassword));
}

/** Each value that `after` reads right after a match of `keyword` and `accept` takes, replaced. */
function redactAfter(text: string, keyword: RegExp, after: RegExp, accept: (value: string) => boolean): string {
  let out = '';
  let from = 0;
  for (const match of text.matchAll(keyword)) {
    after.lastIndex = match.index + match[0].length;
    const found = after.exec(text);
    if (!found || !accept(found[1]!)) continue;
    const valueStart = found.index + found[0].length - found[1]!.length;
    if (valueStart < from) continue;
    out += text.slice(from, valueStart) + '[redacted]';
    from = valueStart + found[1]!.length;
  }
  return out + text.slice(from);
}

function redactScriptPasswords(text: string): string {
  const written = text.normalize('NFKC');
  return written.search(SCRIPT_KEYWORD) >= 0 ? redactAfter(written, SCRIPT_KEYWORD, SCRIPT_AFTER, scriptPasswordLike) : text;
}

registerDetector({
  id: 'password',
  patterns: [KEYWORD, AFTER_KEYWORD, STRICT_KEYWORD, ...VERB_LANGUAGE.values(), NO_SEPARATOR, PIN_WORD, ADDRESS_OR_PACKAGE, LOWER, UPPER, DIGIT, SYMBOL, URL_LIKE, NOT_ALPHANUMERIC, SHORT_KEY, CREDENTIAL_PAIR, SSHPASS, MYSQL_GLUED, BASIC_AUTH, USER_PASSWORD, SHELL_REFERENCE, NOT_LETTERS, CAMEL, CODE_REFERENCE, NEXT_LINE_WORD],
  detect(view): Finding[] {
    return hasPassword(view.text) ? [{ kind: 'secret.password', sensitivity: 'confidential', what: 'a password' }] : [];
  },
});
