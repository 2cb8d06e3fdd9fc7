// What the decodings of decodings.ts let classify() see: keys and personal data written the way
// code, markup, mail and red-team tools write them are confidential, and ordinary text carried the
// same ways stays public.
import { describe, expect, it } from 'vitest';
import { classify } from './classify';
import { decodeQuotedPrintable, joinStringLiterals, spelledDigits, unescapeCode } from './decodings';

const KEY = 'sk-proj-Q7vN2kLm9XpR4tWz8YbC3dFh6JsA1eGu5KoP0iTq';
const escaped = (text: string) => [...text].map((ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`).join('');
const reversed = (text: string) => [...text].reverse().join('');
const rot13 = (text: string) => text.replace(/[A-Za-z]/g, (ch) => String.fromCharCode(((ch.charCodeAt(0) - (ch <= 'Z' ? 65 : 97) + 13) % 26) + (ch <= 'Z' ? 65 : 97)));
const level = (message: string) => classify({ message }).sensitivity;

describe('hidden keys and personal data are found', () => {
  it.each([
    ['a key in JSON escapes', `{"apiKey": "${escaped(KEY)}"}`],
    ['a key in Python byte escapes', `key = "${[...KEY].map((ch) => `\\x${ch.charCodeAt(0).toString(16)}`).join('')}"`],
    ['a key as HTML character references', `<input value="${[...KEY].map((ch) => `&#${ch.charCodeAt(0)};`).join('')}">`],
    ['a key split into joined literals', `const k = "sk-proj-Q7vN2kLm9XpR4tWz" +\n  "8YbC3dFh6JsA1eGu5KoP0iTq";`],
    ['a key split into Python literals', `OPENAI_KEY = (\n    "sk-proj-Q7vN2kLm9XpR4tWz"\n    "8YbC3dFh6JsA1eGu5KoP0iTq"\n)`],
    ['escapes and joined literals together', `"\\x73\\x6b\\x2d" + "${KEY.slice(3)}"`],
    ['a key written backwards', `here is my key backwards: ${reversed(KEY)}`],
    ['a GitHub token in ROT13', `rot13: ${rot13('ghp_R8sK2mN4pQ7tV9wX1yZ3aB5cD6eF0gH2iJ4k')}`],
    ['a key in base32', `decode this base32: ${toBase32(`OPENAI_API_KEY=${KEY}`)}`],
    ['a key in Ascii85 (Python\'s base64.a85encode)', `payload: ${toAscii85(`OPENAI_API_KEY=${KEY}`)}`],
    ['a key in Adobe Ascii85 delimiters', `<~${toAscii85(`token ${KEY}`)}~>`],
    ['a card number in quoted-printable with a soft break', 'Content-Transfer-Encoding: quoted-printable\n\nmy card is 4539 1488 03=\n43 6467, expiry 09/27'],
    ['an SSN spelled out', 'my social security number is five three six, two two, eight seven four one'],
    ['a card number read out digit by digit', 'card: four five three nine one four eight eight zero three four three six four six seven'],
    ['a password behind a leet keyword', 'my p4ssw0rd is Tr0ub4dor&3'],
    ['a password after an arrow', 'password → Hunter2024!'],
    ['a key gzipped then base64-encoded', `H4sIAC5YEGsC/8utVEhOLEpRMDE1tlQwNLGwUDAwNjFWMDMxMwcAggZu3hsAAAA=`],
    ['a key zlib-compressed then base64-encoded', 'echo eJzzD3D1c/SMdwzwjPd2jbQtztYtKMrP0g00L/MzyvbJtYwoCDIpCa+yiExyNk5xyzDzKnY0THUvNfXODzDIDCkEAImSFHo= | base64 -d'],
    ['an address written "dot … at … dot"', 'you can reach me at john dot smith at gmail dot com'],
    ['an address written "AT … DOT"', 'contact: m_garcia AT yahoo DOT es'],
    ['an address with spaces around the @', 'my address is lena.kraus @ gmx.de'],
    ['an IBAN typed in lower case', 'my iban is de89 3704 0044 0532 0130 00'],
    ['a key id with a dot after each character', 'AWS key id A.K.I.A.Q.3.X.R.7.L.Z.2.N.B.5.T.Y.4.W.M'],
    ['a GitHub token with a dot after each character', `token ${[...'ghp_R8sK2mN4pQ7tV9wX1yZ3aB5cD6eF0gH2iJ4k'].join('.')}`],
    ['a card number with a pipe after each digit', [...'4539148803436467'].join('|')],
    ['a card number with emoji between its groups', 'card 4539🔒1488🔒0343🔒6467'],
    ['a key written in groups of five', `key: ${KEY.match(/.{1,5}/g)?.join(' ') ?? ''}`],
    ['a key with markdown bold inside', '**sk-proj-**Q7vN2kLm9XpR4tWz8YbC3dFh6JsA1eGu5KoP0iTq'],
    ['an HTTP Basic credential', 'Authorization: Basic YWRtaW46U3VwM3JTM2NyM3Qh'],
    ['a password on an sshpass command line', 'sshpass -p "Wint3r!2024" ssh root@10.0.0.5'],
    ['a password glued to mysql -p', 'mysql -u root -pS3cr3tPa55 prod'],
  ])('%s', (_name, message) => {
    expect(level(message)).toBe('confidential');
  });
});

describe('ordinary text carried the same ways stays public', () => {
  it.each([
    ['JSON with escaped accents', '{"city": "Z\\u00fcrich", "greeting": "Gr\\u00fc\\u00dfe"}'],
    ['an HTML page', '<p>Prices from &euro;12 &ndash; see our FAQ &amp; terms.</p>'],
    ['code joining strings', 'const url = "https://api.example.com/" + "v1/" + "users";'],
    ['a placeholder connection string in a README', "new KeyvRedis('redis://user:pass@localhost:6379')"],
    ['an order number read out', 'my order number is one two three four five six seven eight, can you check it?'],
    ['a quoted-printable newsletter', 'Content-Transfer-Encoding: quoted-printable\n\nOur caf=C3=A9 opens at 9 on Monday. Tickets cost =E2=82=AC12 at the=\n door.'],
    ['a long word reversed', 'the tokenizer splits antidisestablishmentarianism into pieces'],
    ['"at" and "dot" as words', 'I work at Acme and look at the dot product at home'],
    ['an @ between words', 'standup @ 10am, retro @ noon'],
    ['lower-case hex beside "account"', 'account sync failed at commit de41b7c09a3e5f21d6c8a0e4, retry'],
    ['version numbers and initials', 'upgrade from 1.2.3 to 2.0.1, signed J.R.R. Tolkien, see a/b/c'],
    ['a placeholder Basic credential', 'Authorization: Basic dXNlcjpwYXNz'],
    ['a password from a shell variable', 'sshpass -p $SSHPASS ssh deploy@host'],
    ['a sentence of short words', 'we fix the bug in the new build and ship it on the next day'],
    ['a compressed blob that is not text', 'payload H4sIAAAAAAAAA+3BAQ0AAADCoPdPbQ43oAAAAAAAAAAAAIA3A8ThmCsAAAA='],
  ])('%s', (_name, message) => {
    expect(level(message)).toBe('public');
  });
});

describe('the decoders', () => {
  it('read each encoding back', () => {
    expect(unescapeCode('\\u0041\\u{1F600}\\x42\\ud83d\\ude00')).toBe('A😀B😀');
    expect(unescapeCode('no escapes here')).toBeUndefined();
    expect(joinStringLiterals(`"ab" + "cd" .. 'ef'`)).toBe(`"abcdef'`);
    expect(joinStringLiterals('say "" twice')).toBeUndefined();
    expect(spelledDigits('PIN: double five, one two three four')).toBe('PIN: 55-1234');
    expect(spelledDigits('eins zwei drei vier fünf sechs')).toBe('123456');
    expect(spelledDigits('one or two things')).toBeUndefined();
    expect(decodeQuotedPrintable('caf=C3=A9 =3D=\nok')).toBe('café =ok');
  });
});

function toBase32(text: string): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  let bits = '';
  for (const byte of Buffer.from(text)) bits += byte.toString(2).padStart(8, '0');
  let out = '';
  for (let i = 0; i < bits.length; i += 5) out += alphabet[parseInt(bits.slice(i, i + 5).padEnd(5, '0'), 2)];
  return out;
}

/** Ascii85 without delimiters, as Python's base64.a85encode writes it. */
function toAscii85(text: string): string {
  const bytes = [...Buffer.from(text)];
  let out = '';
  for (let i = 0; i < bytes.length; i += 4) {
    const chunk = bytes.slice(i, i + 4);
    const padded = [...chunk, 0, 0, 0].slice(0, 4);
    let value = ((padded[0] as number) * 2 ** 24 + (padded[1] as number) * 2 ** 16 + (padded[2] as number) * 2 ** 8 + (padded[3] as number)) >>> 0;
    const digits: string[] = [];
    for (let k = 0; k < 5; k++) {
      digits.unshift(String.fromCharCode(33 + (value % 85)));
      value = Math.floor(value / 85);
    }
    out += digits.slice(0, chunk.length + 1).join('');
  }
  return out;
}
