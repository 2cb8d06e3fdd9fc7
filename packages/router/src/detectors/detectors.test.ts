// Every detector family under every way of hiding a value (generated, with valid check digits),
// and ordinary text that talks about the same topics or offers published contacts.
import { describe, expect, it } from 'vitest';
import { cases, FAMILIES, TECHNIQUES } from '../../test/obfuscate';
import { classify } from '../classify';
import { findSensitive, findSensitiveInConversation } from '../sensitivity';

const kindsOf = (message: string, history?: { content: string }[]) =>
  (history ? findSensitiveInConversation([...history.map((turn) => turn.content), message]) : findSensitive(message)).map((f) => f.kind);

describe('each family is found however it is written', () => {
  for (const family of Object.keys(FAMILIES)) {
    for (const technique of TECHNIQUES) {
      it(`${family} × ${technique}`, () => {
        const missed = cases(family, technique, 6, family.length * 131 + technique.length)
          .filter((c) => !kindsOf(c.message, c.history).includes(c.kind))
          .map((c) => JSON.stringify(c.history ? [c.history[0]!.content, c.message] : c.message));
        expect(missed).toEqual([]);
      });
    }
  }

  it('a figure continued in the next turn after a few words is read as one', () => {
    expect(kindsOf('the last four are 6789', [{ content: 'for the form, my SSN starts 219-09' }])).toContain('pii.national_id');
    expect(kindsOf('and 17 more after lunch', [{ content: 'we shipped 2024' }]).filter((k) => k.startsWith('pii.'))).toEqual([]);
  });

  it('reads a cue and its value a few short turns apart, with long turns (files an agent read) before them and between', () => {
    const file = `export function add(a: number, b: number) {\n  return a + b;\n}\n`.repeat(60);
    expect(kindsOf('12 March 1985', [{ content: file }, { content: 'Date of birth?' }, { content: 'one sec' }])).toContain('pii.date_of_birth');
    expect(kindsOf('1111 1111 and the expiry is 09/28', [{ content: file }, { content: 'my card is 4111 1111' }])).toContain('pii.payment_card');
    // A card number split around a long turn's end, and a key inside a long tool result.
    expect(kindsOf('1111 1111, expiry 09/28', [{ content: `${file}my card is 4111 1111` }])).toContain('pii.payment_card');
    expect(kindsOf('thanks', [{ content: `${file}AWS_ACCESS_KEY_ID=AKIA2OGYBAH6STMKQF7P\n${file}` }, { content: 'ok' }])).toContain('secret.aws_key');
    expect(kindsOf('and now?', [{ content: file }, { content: 'ok' }, { content: file }]).filter((k) => !k.startsWith('complexity'))).toEqual([]);
  });

  it('classify reads the conversation as a whole: a card split across two turns is confidential', () => {
    const result = classify({ message: '1111 1111 and the expiry is 09/28', history: [{ role: 'user', content: 'my card is 4111 1111' }] });
    expect(result.sensitivity).toBe('confidential');
    expect(result.signals.map((s) => s.reason)).toContain('conversation history contains a payment card number');
  });
});

const SENSITIVE_BY_KIND: [string, string][] = [
  ['pii.bank_account', 'Routing number 011000015, account number 0047 1123 9981 — Jane Roe, direct deposit'],
  ['pii.bank_account', 'Payee: Lukas Becker, sort code 40-11-62, account no. 31926819'],
  ['pii.bank_account', 'Kontonummer 0532013000, BLZ 37040044'],
  ['pii.date_of_birth', 'nee le 12 mars 1991 : Claire Dubois'],
  ['pii.bank_account', 'Bank of Example, savings account # 4410 2291 8830, Jane Roe'],
  ['pii.passport', 'Passnummer: L01X00T47, Inhaber Lukas Becker'],
  ['pii.driving_licence', 'DL# W426-545-30-761-0 (Wisconsin)'],
  ['pii.phone', 'mi número es el 622 198 345'],
  ['record.compensation', 'Offer letter: Jane Roe joins at $142k base'],
  ['marking.confidential', 'Strictement confidentiel : projet de réorganisation'],
  ['pii.phone', 'Handynummer von Herrn Becker: 0171 2345678'],
  ['pii.phone', 'tu peux appeler Claire au 06 45 22 19 87'],
  ['pii.phone', 'emergency contact: Jane Roe (sister) 0413 555 219'],
  ['record.health', 'MRN 55120934, Jane Roe, admitted with pneumonia'],
  ['marking.confidential', 'Asunto: CONFIDENCIAL — plan de reestructuración'],
  ['marking.proprietary', 'Proprietary and internal: the pricing engine design'],
  ['secret.openai_key', `GET /cb?next=${encodeURIComponent('https://app.test/?key=sk-proj-' + 'Zq81bW4nT0cLx7VdPe2sKr9YhA3mJu6G'.repeat(2))}`],
  ['pii.passport', 'Passport No.: C01X00T47, issued in Berlin'],
  ['pii.passport', 'Reisepassnummer: 46IT10226, gültig bis 2032'],
  ['pii.driving_licence', "Driver's license number D123-4567-8901 for the rental"],
  ['pii.driving_licence', 'Führerscheinnummer: B072RRE2I55'],
  ['pii.date_of_birth', 'Name: Jane Roe, DOB: 1985-03-12, allergies: none'],
  ['pii.date_of_birth', 'Geburtsdatum: 12.03.1985 (Lukas Becker)'],
  ['pii.date_of_birth', 'Kwame Wang was born on 17 February 1967 in Accra.'],
  ['pii.date_of_birth', 'Maria Lopez was born on the twenty-first of June, 1990.'],
  ['pii.date_of_birth', 'Maria Lopez, date of birth: March third 1985'],
  ['pii.postal_address', 'Ship it to Jane Roe, 42 Oak Street, Springfield, IL 62704'],
  ['pii.postal_address', 'Lukas Becker wohnt in der Hauptstrasse 12, 10115 Berlin'],
  ['pii.national_id', 'Steuer-ID: 86095742719'],
  ['pii.national_id', 'Meu CPF é 529.982.247-25, pode emitir a nota?'],
  ['pii.national_id', 'DNI 12345678Z del cliente'],
  ['secret.password', 'pw: hunter22'],
  ['secret.password', 'Kennwort: Sommer2024!'],
  ['secret.password', '"password": "Qmx1M2JpcmQ5NA=="'],
  ['secret.password', 'Login: priya.n\nPasswort: wint\n3r80\nBitte nach dem ersten Login ändern.'],
  ['secret.github_token', `git clone https://${Buffer.from('gho_aRt88WnJLe5oFvgWBO3jkEZ3JS0JBQXTDaSO').toString('base64')}@github.com/acme/infra.git`],
  ['secret.private_key', `~/.ssh/id_deploy:\n${Buffer.from('-----BEGIN EC PRIVATE KEY-----\nMHcCAQEEIHVHOPVyEtGiTtlP7tJCnujR2+20tHXqr2H0myoSj8OY779mmnsRAoaC\n-----END EC PRIVATE KEY-----\n').toString('hex')}\nPermissions must be 600.`],
  ['pii.email', 'You can reach me at y a m a m o t o . a i s h a 5 @ y a h o o . c o m — I\'d rather not use my work address.'],
  ['pii.email', 'Customer: Grace Nair <n a i r . g r a c e 7 @ w e b . d e>, asked for a callback.'],
  ['secret.google_api_key', `config.google_api_key = "${[...'AIzaanZntWoLCnoz1fjB8ga8mkVe-o3PlKCSU8-'].join(' ')}"`],
  ['pii.iban', 'Rekeningnummer C H 9 3 0 0 7 6 2 0 1 1 6 2 3 8 5 2 9 5 7 t.n.v. Chloe Wang, graag voor vrijdag overmaken.'],
  ['pii.national_id', "Payroll says they need my NI number before the first payslip: it's L R 7 9 2 6 2 6 A."],
  ['pii.passport', 'Numéro de passeport : KXXN\nHJHRG (Emily Weber), pour la demande de visa.'],
  ['secret.private_key', '-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEA7x9fQ2kP0aZ3+c8VYbq1xJm\n-----END RSA PRIVATE KEY-----'],
  ['secret.connection_string', 'DATABASE_URL=postgres://app:s3cretPa55@db.internal:5432/prod'],
  ['secret.slack_token', 'the bot uses xoxb-1234567890-abcdefghijkl'],
  ['secret.jwt', 'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U'],
  ['secret.google_api_key', 'maps key AIzaSyD-9tSrke72PouQMnMX-a7eZSW0jkFMBWY'],
  ['record.health', 'Sarah Connor was diagnosed with type 2 diabetes last spring.'],
  ['record.health', 'Priya Brennan hat Brustkrebs und beginnt mit der Chemotherapie.'],
  ['record.compensation', "John Miller's salary is $142,000."],
  ['record.performance', 'HR note: Ravi Fischer will be let go on Friday.'],
  ['record.performance', 'Tom Hughes was made redundant in the March restructuring.'],
  ['record.health', 'Herr Schulz hat die Diagnose Parkinson erhalten.'],
  ['record.health', 'Mme Laurent a reçu un diagnostic de Parkinson en mai.'],
  ['record.health', 'Dennis Hale suffered a stroke on Tuesday and is in the stroke unit.'],
  ['pii.email', 'The author of the complaint wrote from her private address jane.roe@gmail.com.'],
  ['pii.postal_address', 'Tenant: (a) Jane Roe, (b) born 1990, (c) 14 Elm Street, Springfield.'],
  ['pii.email', 'The form asks for (a) the name, (b) the date and (c) jane.roe@gmail.com as the reply address.'],
  ['pii.email', '## Maintainers\n\n- Jane Roe\n- Tom Hughes\n\nFor anything urgent, write to me at tom.hughes@gmail.com.'],
  ['pii.email', '## Maintainers\n\nOur maintainers meet weekly.\n\nIf it is urgent, write to Jane at jane.roe@gmail.com.'],
  ['mnpi', 'Board only: we are acquiring Fabrikam for $2.1bn, announcement on 12 May.'],
  ['mnpi', 'Q3 revenue came in at $2.88B, not public until the earnings call.'],
  ['mnpi', 'Press release EMBARGOED until 9:00 CET Thursday.'],
  ['mnpi', 'Nur für den Vorstand: Wir übernehmen Cobalt Payments.'],
  ['marking.confidential', 'CONFIDENTIAL - Q3 board deck draft'],
  ['marking.confidential', 'This memo is strictly confidential.'],
  ['marking.internal', 'Solo para uso interno: calendario de formación.'],
  // National numbers next to their word, checked by stdnum (national-numbers.ts).
  ['pii.national_id', 'Nr PESEL: 02262328474'],
  ['pii.national_id', 'Hans personnummer är 19790613-4205.'],
  ['pii.national_id', 'Henkilötunnus: 231192-2052'],
  ['pii.national_id', 'T.C. Kimlik No 30919592334'],
  ['pii.national_id', '84.01.19-594.25 is het rijksregisternummer van de klant'],
  ['pii.national_id', 'ЕГН: 7614231123'],
  ['pii.national_id', 'AHV-Nr. 756.1338.0024.61'],
  // Passwords written with no separator, in other languages, and in other scripts.
  ['secret.password', 'user: root, password Zq8#wLr4Tp'],
  ['secret.password', 'Lösenordet är Sommar#2025'],
  ['secret.password', 'salasana on Kesa!2025x'],
  ['secret.password', 'Пароль: Vesna_2025!'],
  ['secret.password', '我的密码是Abc#12345'],
  ['secret.password', '暗証番号は 9051 です'],
  ['secret.password', 'הסיסמה היא Gan!2025'],
  // Records of a named person in other languages and scripts.
  ['record.health', 'Jan Kowalski ma cukrzycę i bierze insulinę.'],
  ['record.compensation', 'Het salaris van Eva Jansen is verhoogd naar € 4.800.'],
  ['record.health', 'Наталье Ивановой поставили диагноз онкология.'],
  ['record.compensation', '高橋健太の年収は800万円です。'],
  ['record.health', '陈静女士怀孕了。'],
  ['record.performance', '최민호 씨는 징계를 받았습니다.'],
  // Markings, phones and passports written in other scripts (written.ts).
  ['marking.confidential', '【機密】人事異動案'],
  ['marking.confidential', 'КОММЕРЧЕСКАЯ ТАЙНА. Условия договора с поставщиком.'],
  ['marking.internal', '内部资料：2026年培训计划'],
  ['pii.phone', '我的电话是 13912345678'],
  ['pii.passport', '여권 번호: M87654321'],
  ['pii.passport', 'Номер паспорта: 4509 123456'],
  // Dates of birth after the words of other languages.
  ['pii.date_of_birth', 'Data urodzenia: 03.05.1991'],
  ['pii.date_of_birth', 'Дата рождения: 03.05.1991'],
  ['pii.date_of_birth', '生年月日: 1991/05/03'],
];

describe('other kinds', () => {
  for (const [kind, message] of SENSITIVE_BY_KIND) {
    it(`${kind}: ${message.slice(0, 60).replace(/\n/g, ' ')}`, () => {
      expect(kindsOf(message)).toContain(kind);
    });
  }
});

// Published contact details: role addresses and numbers offered for contact are not personal data.
const PUBLISHED = [
  'Questions? Email hr@northwind.com or call +1 415 555 0100.',
  'For press enquiries contact press@fabrikam.com.',
  'Media contact: Jane Doe, Head of Communications, jane.doe@fabrikam.com, +44 20 3000 1234',
  'Call us toll-free at 1-800-273-8255, Monday to Friday.',
  'Our support team answers at support@contoso.io within a day.',
  'Contact us: info@adatum.de, Tel. +49 89 4520 1180',
  'Bei Fragen wenden Sie sich bitte an kundenservice@vantageclinics.de.',
  'Send invoices to billing@tailspin.com and copy accounts@tailspin.com.',
  'Customer service: 0800 123 4567 (free from UK landlines).',
  'Visit us at our new office at 517 Market Street in San Francisco.',
];
// Questions about sensitive topics hold no value.
const ORDINARY = [
  'const token = process.env.GITHUB_TOKEN ?? "";',
  'password = getpass.getpass("Password: ")',
  'Fabrikam today announced the completion of its acquisition of Northwind for $310 million.',
  "Satya Nadella's compensation was $79 million according to the proxy statement.",
  'The knowledge base has 1,200 articles and costs $9 a month.',
  'Your electricity account number is 55012398 — quote it when you pay online.',
  'The bank routing number for Chase in New York is 021000021.',
  'https://www.google.com/search?q=how%20to%20reset%20my%20password',
  'What is the capital of France?',
  'What does a US social security number look like?',
  'How do I store card numbers in a PCI-compliant way?',
  'Is it safe to keep passwords in a password manager?',
  'The password is required and must be at least 12 characters.',
  'Passwort: mindestens\n12 Zeichen, davon eine Ziffer.',
  'How long does it take to renew a passport?',
  'Explain how IBAN check digits are computed.',
  'How do insider trading rules apply to employees?',
  'What is an NDA and when do startups need one?',
  'Where do I find my Aadhaar number?',
  'aws_access_key_id = AKIAIOSFODNN7EXAMPLE',
  'aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
  'OPENAI_API_KEY=sk-your-key-here',
  'api_key: <your-api-key>',
  'GITHUB_TOKEN=ghp_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
  'const password = process.env.DB_PASSWORD;',
  'Send feedback to user@example.com in the docs sample.',
  'Albert Einstein was born on 14 March 1879 in Ulm.',
  'Queen Victoria was born on the twenty-fourth of May 1819.',
  'The launch is on the third of March 2025.',
  'We upgraded from version 1.2.3.4 to 2.0.0.1 last week; build 2024.11.05.1132.',
  'ISBN 978-0-306-40615-7 is on the back cover.',
  'The order total was 1299.99 and tracking number 1Z999AA10123456784.',
  'Where is my order #504-7578219-0747679? It said 2-day delivery.',
  'Flight UA5317 on 2026-11-26 was cancelled — what are my rights under EU261?',
  'Our VAT ID DE061905495 is missing on the invoice, how do I add it?',
  'The controller is Tessellate AI, 107 avenue Jean Jaurès, 69003 Lyon. Our data protection officer is at dpo@tessellateai.de.',
  'How do acquisitions usually affect share prices?',
  'Salary information must be kept confidential under our policy.',
  'Apple reported quarterly revenue of $94.9 billion last week.',
  'How do I mark a document as confidential in Word?',
  // What coding agents send as their system prompt: Title Case product names and section labels
  // next to "diagnose" (a verb here, not the German noun) and "redundant" (not a dismissal).
  '- **Stuck sessions:** Diagnose frozen, stuck, or slow Qwen Code sessions on this machine.',
  'Use your internal memory and previous context to avoid redundant reads.\n\n# Writing Prompts\nWrite the prompt in markdown.',
  '- **Key Principle:** Start with a reasonable approach; if a build is terminated, read the error first.',
  'Claude Code can diagnose failing builds and run the diagnostic checks again.',
  'License (MIT)\n-------------\nCopyright (c) 2013 Gary Court, Jens Taylor',
  // Code an agent reads: a header it looks for, a variable called secret, a comment about a second pass.
  'if (pkcs8.indexOf("-----BEGIN PRIVATE KEY-----") !== 0) throw new TypeError(\'"pkcs8" must be PKCS#8 formatted string\'); return importPrivateKeyFromPkcs8(pkcs8, alg);',
  'const secret = toUint8Array(keyMaterialForSigning);',
  '// Second pass: concatenate each ngram\'s two halves into the pool.',
  'interface Login { username: string; password: string }',
  // Attribution in software: what a coding agent reads in a repository.
  '{\n  "name": "left-pad",\n  "version": "1.3.0",\n  "author": "Cameron Westland <camwest@gmail.com>",\n  "license": "WTFPL"\n}',
  'commit 3f2a9c1d\nAuthor: Priya Brennan <priya.brennan@outlook.com>\nDate:   Tue Nov 4 10:12:09 2025 +0100\n\n    Fix the retry loop\n\n    Signed-off-by: Tom Hughes <tom.hughes@gmail.com>',
  '/**\n * Queue helpers.\n * @author Ravi Fischer <ravi.fischer@gmail.com>\n */',
  '{ "author": {\n    "name": "Helen Wright",\n    "email": "helen.wright@icloud.com"\n  } }',
  'MIT License\n\nCopyright (c) 2021 Marcus Lee <marcus.lee@proton.me>',
  '## Original Author\n\n[Troy Goode](https://github.com/TroyGoode) ([troygoode@gmail.com](mailto:troygoode@gmail.com))',
  '# Authors\n\n#### Ordered by first contribution.\n\n- Feross Aboukhadijeh (feross@feross.org)\n- Janus (ysangkok@gmail.com)',
  '![screenshot](media/screenshot@2x.png)',
  '## The Team\n\n- James Snell <jasnell@gmail.com>\n- Anna Henning <anna@addaleax.net>\n- Matteo Collina <matteo.collina@gmail.com>',
  'function separators(password: string): Match[] { return []; }',
  'const pin = (input) => input.trim();',
  '/* Painting Operators */ export const stroke = () => PDFOperator.of(Ops.StrokePath);',
  'const textEditor = tools.textEditor_20250728({ execute: async (input) => run(input) });',
  "const TOKEN_TYPE_ID_TOKEN = 'urn:ietf:params:oauth:token-type:id_token2';",
  'const { stroke, strokeWidth, fill, dataKey, nameKey } = props; // the line\'s stroke',
  'The stream is terminated by a `data: [DONE]` message. [Example Python code](https://example.org/stream).',
  // The words beside a national number, without one; an order number next to the word is no id.
  'Jak sprawdzić, czy numer PESEL jest poprawny?',
  'PESEL ma 11 cyfr; zamówienie 85011601 wysłano wczoraj.',
  // A password word followed by a rule, a date, a link or a plain word.
  'Пароль: обязательно, не короче 12 символов.',
  'パスワードの有効期限: 2025-12-31',
  'パスワード再設定のURL: https://example.com/reset',
  '密码长度至少为8位。',
  'Reset your password on iphone&hl=en',
  'Changez votre mot de passe la première fois.',
  'La parola chiave è importante.',
  'ALTER TABLE users ADD COLUMN password VARCHAR(255) NOT NULL;',
  'The password reset_token_v2 table is gone.',
  // Records' words with no one named: the topic, in other scripts.
  'Онкология — раздел медицины, изучающий опухоли.',
  '年収の中央値は約400万円です。',
  '高血压的诊断需要多次测量血压。',
  '임신 중에는 정기 검진이 중요합니다.',
  // The words of those markings, phones and documents inside a sentence about them.
  '機密保持契約の締結について説明します。',
  'Для оформления паспорта нужна госпошлина 2000 рублей.',
  '服务热线：400-800-1234',
  // Words of a record in their everyday sense: "verdient" (deserved), "despedida" (a farewell), "wypowiedzenie" (a statement).
  'Der Sieg ist verdient, sagte Thomas Müller nach dem Spiel.',
  'La despedida de Ana García será el viernes en la oficina.',
  'Wypowiedzenie Jana Kowalskiego w debacie było krótkie.',
  'Jan de Vries gaf een waarschuwing over het weer.',
  // "pin" the verb before a package, and a company's tax number (stdnum says whose it is).
  'We pin express@5.1.0 and @types/node@20.11.0 in the lockfile.',
  'Pin React@18.2.0 until the upgrade lands.',
  'Fatura de Exemplo, Lda., NIF 501964843, Lisboa.',
  'Factura a nombre de Ejemplo S.A., CUIT 30-71234567-1.',
  // A company's own address, and opening hours.
  'Acme Inc., 123 Main Street, Springfield, IL 62701. Open Mon–Fri 8–5.',
  'Beispiel GmbH, Hauptstraße 5, 10115 Berlin. Öffnungszeiten Mo–Fr 8–17 Uhr.',
];

describe('stays public', () => {
  for (const message of [...PUBLISHED, ...ORDINARY]) {
    it(message, () => {
      expect(findSensitive(message).filter((f) => f.sensitivity === 'confidential').map((f) => f.kind)).toEqual([]);
    });
  }

  it('a list of people with personal addresses and phones is confidential', () => {
    const list = 'Name, Email, Phone\nJane Roe, jane.roe@gmail.com, +1 212 555 0143\nTom Hughes, tom.hughes@outlook.com, +44 7700 900123';
    expect(kindsOf(list)).toEqual(expect.arrayContaining(['pii.email', 'pii.phone']));
  });

  it('a personal cue after an organisational one takes the value back to personal', () => {
    expect(kindsOf('Contact us at support@contoso.io, or my personal number +44 7700 900123.')).toContain('pii.phone');
  });
});
