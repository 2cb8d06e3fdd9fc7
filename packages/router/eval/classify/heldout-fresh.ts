// A second hand-written held-out batch, written AFTER the detector fixes that heldout.ts drove
// and never used to tune them: its figures check whether those fixes generalise or only fit the
// first batch. Same rubric and shape as heldout.ts. Leave its misses as they are when fixing;
// write a new batch to measure the next round.
import type { HeldOutCase } from './heldout';

const enc = (text: string) => Buffer.from(text, 'utf8').toString('base64');
const zw = (text: string) => [...text].join('\u200c');
const s = (kind: string, technique: string, message: string, history?: string[]): Omit<HeldOutCase, 'id'> => ({
  kind,
  technique,
  expected: 'confidential',
  message,
  ...(history ? { history: history.map((content) => ({ role: 'user' as const, content })) } : {}),
});
const i = (kind: string, message: string): Omit<HeldOutCase, 'id'> => ({ kind, technique: 'plain', expected: 'internal', message });
const o = (kind: string, message: string): Omit<HeldOutCase, 'id'> => ({ kind, technique: 'plain', expected: 'public', message });

const CASES: Omit<HeldOutCase, 'id'>[] = [
  s('github-token', 'plain', 'remote: Invalid username or token. git remote set-url origin https://oauth2:gho_9Xk2mQ7vLp3RtY8wZ1bN4cF6hJ0sD5aE2uGi@github.com/acme/api.git'),
  s('stripe-key', 'plain', "STRIPE_KEY = 'sk_live_4eC39HqLyjWDarjtT1zdp7dcQx81vZ'"),
  s('slack-token', 'plain', 'xoxp-2384719283-9182736451-8273645192-4f8a2b9c1d7e6f5a3b2c1d0e9f8a7b6c'),
  s('aws-key', 'zero_width', `aws_access_key_id=${zw('AKIA4NPQ7ZRX2KHTW5LM')}`),
  s('private-key', 'plain', '-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC7VJTUt9Us8cKj\nMzEfYyjiWA4R4/M2bS1GB4t7NXp98C3SC6dVMvDuictGeurT8jNbvJZHtCSuYEvu\n-----END PRIVATE KEY-----'),
  s('connection-string', 'plain', 'psql "host=pg.prod.acme.net port=5432 dbname=ledger user=finance password=L3dg3r!Q4 sslmode=require"'),
  s('connection-string', 'base64', `kubectl get secret db -o yaml shows  url: ${enc('mysql://root:Xv9#pL2q@10.1.2.3:3306/shop')}`),
  s('password', 'plain', 'Login für das Kundenportal: Benutzername k.wagner, Kennwort: Ostsee#4711'),
  s('password', 'plain', 'a senha do wi-fi é Praia2026!'),
  s('password', 'split_turns', 'Hund_Bello_2019', ['what was the password for the shared drive again? I think it was']),
  s('jwt', 'plain', 'Authorization: Bearer eyJhbGciOiJSUzI1NiIsImtpZCI6IjEifQ.eyJzdWIiOiI5ODc2NSIsImVtYWlsIjoicC5zaGFybWFAYWNtZS5jb20ifQ.Qm9ndXNTaWduYXR1cmVGb3JUZXN0aW5nT25seTEyMw'),
  s('payment-card', 'plain', 'Visa ending ... no wait, full number 4916 3388 1234 5675, exp 11/27'),
  s('payment-card', 'split_turns', '5675 exp 11/27', ['card is 4916 3388 1234']),
  s('iban', 'plain', 'Please refund to IBAN GB90LOYD30963448812207, Sarah Mitchell'),
  s('iban', 'plain', 'IBAN: BE17 7310 0245 6781 (rekeninghouder: Pieter Claes)'),
  s('bank-account', 'plain', 'Bank: Wells Fargo, routing 121042882, checking account # 8827 1930 4456 — for Daniel Ortiz payroll'),
  s('us-ssn', 'plain', 'SS#: 219-47-6630 on the I-9 for Linda Park'),
  s('uk-ni', 'plain', 'NI No. NH 62 91 04 A on her P45'),
  s('passport', 'plain', 'Passnummer: C4J7P2X91 (Deutschland), Inhaber Felix Wolf'),
  s('drivers-licence', 'plain', 'DL# S530-4412-7781 (Florida) — Carla Nunez'),
  s('phone', 'plain', 'mi número es el 612 345 678, escríbeme por WhatsApp'),
  s('phone', 'plain', 'Numero di cellulare di Marco: 347 123 4567'),
  s('phone', 'plain', "my cell's 0412 998 301, ring anytime"),
  s('email', 'plain', 'her private email: luisa.bernardi92@libero.it'),
  s('dob', 'plain', 'Geburtsdatum 03.07.1992 – Hannah Krüger'),
  s('dob', 'plain', 'Applicant: Ravi Patel, born 14 Feb 1990'),
  s('home-address', 'plain', 'Carla Nunez, 88 Maple Avenue, Tampa, FL 33602 — mail the W-2 here'),
  s('medical', 'plain', 'Jonas Weber is on sick leave after his knee surgery, back in 6 weeks'),
  s('medical', 'plain', 'Patient: Li Wei, 67F. Dx: COPD exacerbation. Rx: prednisone 40 mg x5d.'),
  s('salary', 'plain', 'Raise approved: Emma Collins moves to $128k base from March'),
  s('hr', 'plain', 'We are letting Raj Malhotra go on Friday; severance is 3 months'),
  s('mnpi', 'plain', "We're in talks to acquire Lumen Robotics at $12 per share; nothing is public yet."),
  s('mnpi', 'plain', 'Preliminary Q3 EPS $1.42 vs guidance $1.30 — not yet released, earnings call on the 28th'),
  s('marking', 'plain', 'CONFIDENTIAL – HR\nInvestigation summary, case 2026-014'),
  s('marking', 'plain', 'Strictement confidentiel — ne pas diffuser'),
  i('internal-marking', 'For internal use only. Not for distribution outside Acme.'),
  i('internal-marking', 'INTERNAL: draft pricing FAQ'),
  o('example-key', 'In the docs: export OPENAI_API_KEY="sk-your-key-here"'),
  o('placeholder', 'mongodb://<username>:<password>@localhost:27017/test'),
  o('placeholder', 'Replace ghp_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx with your personal access token.'),
  o('code', "api_key = os.environ['OPENAI_API_KEY']"),
  o('code', 'if (password.length < 12) return res.status(400).json({ error: "weak password" });'),
  o('uuid', 'correlation id 0d9b7a2c-41f5-4c8e-9a3b-7e6f5d4c3b2a'),
  o('hash', 'git show 4b825dc642cb6eb9a060e54bf8d69288fbee4904'),
  o('tracking', 'USPS 9400 1000 0000 0000 0000 00 shows in transit'),
  o('isbn', 'ISBN-13: 978-3-16-148410-0'),
  o('math', 'Factor 600851475143 into primes.'),
  o('price', 'Total due: $3,482.17 (incl. tax), due 2026-12-15'),
  o('published-contact', 'Need help? Call our helpline 0345 600 1234 or email help@gov-example.uk'),
  o('published-contact', 'Press office: +33 1 40 20 50 50, presse@musee-example.fr'),
  o('press-release', 'Globex announced today that it has completed the merger with Initech, first disclosed in March.'),
  o('news', 'Shares of Contoso fell 4% after it reported quarterly earnings of $1.10 per share.'),
  o('about-topic', 'What is an IBAN and where do I find mine?'),
  o('about-topic', 'How long should a hospital keep medical records under HIPAA?'),
  o('about-topic', 'Write a Python function that masks all but the last four digits of a card number.'),
  o('recipe', 'Bake 180 °C for 25 min; 200 g sugar, 3 eggs, 250 ml milk.'),
  o('timestamp', 'Logged at 2026-11-30 20:21:09.337 UTC by node ip-10-0-3-17'),
  o('serial', 'IMEI 35-209900-176148-1 is on the box'),
  o('colleagues', 'Ask Emma Collins for the sprint board link.'),
  o('base64-benign', `config blob: ${enc('{"theme":"dark","language":"en","pageSize":50}')}`),
];

/** Fixed, not seeded. */
export const HELD_OUT_FRESH: HeldOutCase[] = CASES.map((item, n) => ({ id: `fresh.${item.kind}.${n}`, ...item }));
