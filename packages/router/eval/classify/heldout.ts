// A held-out batch for the sensitivity judgement, written by hand and independently of the
// generated benchmark (families.ts / ordinary.ts / documents.ts) and of the detectors: the cases
// are what people and pasted text really produce (chat messages, .env dumps, log lines, e-mails,
// stack traces, spreadsheets pasted as text), not variants of the generator's templates. It was
// committed before any detector change made for it, so its first figures are an honest measure of
// how the judgement holds on data it has not seen. Do not tune detectors to these strings: when a
// case misses, fix the general rule and keep the case as it is.
//
// Labels follow the rubric in packages/router/README.md ("Sensitivity levels"): personal data,
// secrets, health/salary about a named person, MNPI and confidential markings -> confidential;
// "internal only" style markings -> internal; talking about a topic, placeholders, documented
// example values, published role contacts, public identifiers -> public.
//
// Every value is synthetic (random or checksum-constructed); the few that look real are the
// documented placeholders of the ordinary cases.
import type { ChatTurn, Sensitivity } from '../../src/types';

export interface HeldOutCase {
  id: string;
  /** What the case holds (sensitive) or what it resembles (ordinary). */
  kind: string;
  /** How it is written: plain, or the obfuscation/encoding people or tools applied. */
  technique: string;
  expected: Sensitivity;
  message: string;
  history?: ChatTurn[];
}

// --- deterministic filler for secret bodies (the values are nobody's) ---
let state = 0x5eed1234;
function next(): number {
  state = (state + 0x6d2b79f5) | 0;
  let t = Math.imul(state ^ (state >>> 15), 1 | state);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const UPPER_NUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
const HEX = '0123456789abcdef';
const B64 = `${ALNUM}+/`;
const fill = (length: number, alphabet = ALNUM) => Array.from({ length }, () => alphabet[Math.floor(next() * alphabet.length)]).join('');

// --- the obfuscations, as the tools that produce them do ---
const between = (text: string, glue: string) => [...text].join(glue);
const zeroWidth = (text: string) => between(text, '\u200b');
const softHyphen = (text: string) => between(text, '\u00ad');
const wordJoiner = (text: string) => between(text, '\u2060');
const spaced = (text: string) => between(text, ' ');
const fullwidth = (text: string) => [...text].map((c) => (c >= '!' && c <= '~' ? String.fromCharCode(c.charCodeAt(0) + 0xfee0) : c)).join('');
const LOOKALIKE: Record<string, string> = { a: 'а', e: 'е', o: 'о', p: 'р', c: 'с', x: 'х', y: 'у', i: 'і', A: 'А', B: 'В', C: 'С', E: 'Е', H: 'Н', K: 'К', M: 'М', O: 'О', P: 'Р', T: 'Т', X: 'Х', S: 'Ѕ' };
const homoglyph = (text: string) => [...text].map((c) => LOOKALIKE[c] ?? c).join('');
const base64 = (text: string) => Buffer.from(text, 'utf8').toString('base64');
const hex = (text: string) => Buffer.from(text, 'utf8').toString('hex');
const urlEncoded = (text: string) => [...Buffer.from(text, 'utf8')].map((b) => `%${b.toString(16).toUpperCase().padStart(2, '0')}`).join('');

// --- synthetic values (checksums valid where the format has one) ---
const AWS_ID = `AKIA${fill(16, UPPER_NUM)}`;
const AWS_SECRET = fill(40, B64.replace('+', ''));
const GH_PAT = `ghp_${fill(36)}`;
const GH_FINE = `github_pat_11${fill(20, UPPER_NUM)}_${fill(59)}`;
const OPENAI = `sk-proj-${fill(48)}T3BlbkFJ${fill(20)}`;
const ANTHROPIC = `sk-ant-api03-${fill(93)}-${fill(6)}AA`;
const STRIPE = `sk_live_51${fill(22)}${fill(40)}`;
const STRIPE_RK = `rk_live_${fill(24)}`;
const SLACK_BOT = `xoxb-${fill(11, '0123456789')}-${fill(13, '0123456789')}-${fill(24)}`;
const SLACK_HOOK = `https://hooks.slack.com/services/T${fill(8, UPPER_NUM)}/B${fill(10, UPPER_NUM)}/${fill(24)}`;
const GOOGLE = `AIza${fill(35, `${ALNUM}-_`)}`;
const NPM = `npm_${fill(36)}`;
const GITLAB = `glpat-${fill(20, `${ALNUM}-_`)}`;
const HF = `hf_${fill(34)}`;
const SENDGRID = `SG.${fill(22, `${ALNUM}-_`)}.${fill(43, `${ALNUM}-_`)}`;
const TWILIO = `SK${fill(32, HEX)}`;
const MAILGUN = `key-${fill(32, HEX)}`;
const DO_TOKEN = `dop_v1_${fill(64, HEX)}`;
const SHOPIFY = `shpat_${fill(32, HEX)}`;
const DATABRICKS = `dapi${fill(32, HEX)}`;
const AZURE_KEY = `${fill(86, B64)}==`;
const PG_PASS = `Tr0ub4dor&${fill(6)}`;
const JWT =
  `${base64('{"alg":"HS256","typ":"JWT"}').replace(/=+$/, '')}.` +
  `${Buffer.from('{"sub":"u_48213","name":"Lena Fischer","role":"admin","iat":1764500000,"exp":1764586400}').toString('base64url')}.` +
  fill(43, `${ALNUM}-_`);
const PEM_RSA = `-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEA${fill(48, B64)}\n${fill(64, B64)}\n${fill(64, B64)}\n${fill(40, B64)}==\n-----END RSA PRIVATE KEY-----`;
const PEM_SSH = `-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAABAAAAMwAAAAtzc2gtZW\n${fill(70, B64)}\n${fill(70, B64)}\n-----END OPENSSH PRIVATE KEY-----`;
const PEM_EC = `-----BEGIN EC PRIVATE KEY-----\nMHcCAQEEI${fill(55, B64)}\n${fill(64, B64)}\n-----END EC PRIVATE KEY-----`;

const SSN = '512-48-3176';
const CARD_VISA = '4532 0151 1283 1232';
const CARD_MC = '5425233430101231';
const CARD_AMEX = '3714 496353 98431';
const IBAN_DE = 'DE89 3704 0044 0532 0130 00';
const IBAN_FR = 'FR14 2004 1010 0505 0001 3M02 606';
const IBAN_ES = 'ES9121000418450200051332';
const IBAN_NL = 'NL91ABNA0417164300';
const IBAN_PL = 'PL61 1090 1014 0000 0712 1981 2874';
const IBAN_CH = 'CH93 0076 2011 6238 5295 7';
const SIN = '192 546 380';
const AADHAAR = '4971 8263 5406';
const NI = 'JM 48 29 17 C';
const DNI = '48213579J';
const CPF = '529.982.247-25';

const s = (kind: string, technique: string, message: string, extra: Partial<HeldOutCase> = {}): Omit<HeldOutCase, 'id'> => ({ kind, technique, expected: 'confidential', message, ...extra });
const i = (kind: string, technique: string, message: string): Omit<HeldOutCase, 'id'> => ({ kind, technique, expected: 'internal', message });
const o = (kind: string, message: string, technique = 'plain'): Omit<HeldOutCase, 'id'> => ({ kind, technique, expected: 'public', message });
const turns = (...contents: string[]): ChatTurn[] => contents.map((content) => ({ role: 'user', content }));

const SENSITIVE: Omit<HeldOutCase, 'id'>[] = [
  // --- vendor API keys and tokens, as pasted from terminals, configs and chats ---
  s('aws-key', 'plain', `getting AccessDenied with these creds, what policy am I missing?\naws_access_key_id = ${AWS_ID}\naws_secret_access_key = ${AWS_SECRET}`),
  s('aws-key', 'plain', `export AWS_ACCESS_KEY_ID=${AWS_ID}\nexport AWS_SECRET_ACCESS_KEY=${AWS_SECRET}\nexport AWS_DEFAULT_REGION=eu-central-1`),
  s('aws-key', 'zero_width', `the key from the old wiki page is ${zeroWidth(AWS_ID)} — still valid?`),
  s('aws-key', 'split_lines', `creds (line wrapped by Outlook):\n${AWS_ID.slice(0, 10)}\n${AWS_ID.slice(10)}\nsecret ${AWS_SECRET}`),
  s('github-token', 'plain', `git clone https://${GH_PAT}@github.com/acme-internal/billing-service.git fails with 403, why?`),
  s('github-token', 'plain', `GITHUB_TOKEN: ${GH_FINE}`),
  s('github-token', 'soft_hyphen', `token for the CI bot: ${softHyphen(GH_PAT)}`),
  s('github-token', 'homoglyph', `the bot uses ${GH_PAT.replace('ghp', homoglyph('ghp'))} to push tags`),
  s('openai-key', 'plain', `from openai import OpenAI\nclient = OpenAI(api_key="${OPENAI}")\nprint(client.models.list())`),
  s('openai-key', 'fullwidth', `my key: ${fullwidth(OPENAI.slice(0, 40))}${OPENAI.slice(40)}`),
  s('anthropic-key', 'plain', `curl https://api.anthropic.com/v1/messages -H "x-api-key: ${ANTHROPIC}" -H "anthropic-version: 2023-06-01"`),
  s('anthropic-key', 'word_joiner', `ANTHROPIC_API_KEY=${wordJoiner(ANTHROPIC.slice(0, 30))}${ANTHROPIC.slice(30)}`),
  s('stripe-key', 'plain', `Stripe.api_key = '${STRIPE}' # prod, don't commit`),
  s('stripe-key', 'plain', `restricted key for the reporting job: ${STRIPE_RK}`),
  s('slack-token', 'plain', `SLACK_BOT_TOKEN=${SLACK_BOT}`),
  s('slack-webhook', 'plain', `post alerts here: ${SLACK_HOOK}`),
  s('google-key', 'plain', `<script src="https://maps.googleapis.com/maps/api/js?key=${GOOGLE}&callback=initMap"></script> map is blank, console says RefererNotAllowedMapError`),
  s('npm-token', 'plain', `//registry.npmjs.org/:_authToken=${NPM}`),
  s('gitlab-token', 'plain', `curl --header "PRIVATE-TOKEN: ${GITLAB}" https://gitlab.com/api/v4/projects`),
  s('huggingface-token', 'plain', `huggingface-cli login --token ${HF}`),
  s('sendgrid-key', 'plain', `SENDGRID_API_KEY='${SENDGRID}'`),
  s('twilio-key', 'plain', `twilio api key sid ${TWILIO} secret ${fill(32)}`),
  s('mailgun-key', 'plain', `requests.post(url, auth=("api", "${MAILGUN}"), data=payload)`),
  s('digitalocean-token', 'plain', `doctl auth init -t ${DO_TOKEN}`),
  s('shopify-token', 'plain', `X-Shopify-Access-Token: ${SHOPIFY}`),
  s('databricks-token', 'plain', `DATABRICKS_TOKEN=${DATABRICKS}`),
  s('azure-key', 'plain', `DefaultEndpointsProtocol=https;AccountName=acmeprodlogs;AccountKey=${AZURE_KEY};EndpointSuffix=core.windows.net`),
  s('generic-secret', 'plain', `config.yml:\n  auth:\n    client_id: acme-portal\n    client_secret: ${fill(40)}`),
  s('generic-secret', 'plain', `Authorization: Bearer ${fill(48, `${ALNUM}._-`)}`),
  s('jwt', 'plain', `this token stopped working after the deploy, can you decode it? ${JWT}`),
  s('jwt', 'split_lines', `Cookie: session=${JWT.slice(0, 60)}\n${JWT.slice(60)}`),
  s('private-key', 'plain', `is this key in the right format for paramiko?\n${PEM_RSA}`),
  s('private-key', 'plain', `${PEM_SSH}`),
  s('private-key', 'plain', `ssl_key: |\n  ${PEM_EC.replace(/\n/g, '\n  ')}`),
  s('connection-string', 'plain', `DATABASE_URL=postgres://app_user:${PG_PASS}@db-prod-1.internal:5432/orders`),
  s('connection-string', 'plain', `mongo "mongodb+srv://admin:Qw7!mZ2pLx@cluster0.ab1cd.mongodb.net/prod?retryWrites=true"`),
  s('connection-string', 'plain', `Server=tcp:acme-sql.database.windows.net,1433;Initial Catalog=crm;User ID=sqladmin;Password=Winter2026!Prod;Encrypt=True;`),
  s('connection-string', 'plain', `spring.datasource.url=jdbc:mysql://10.0.4.12:3306/hr\nspring.datasource.username=hr_app\nspring.datasource.password=h7Kq!r29vLm`),
  s('connection-string', 'plain', `REDIS_URL=redis://default:9fXk2LmQpR7sT4vW@redis-13492.c1.eu-west-1.ec2.cloud.redislabs.com:13492`),
  s('connection-string', 'url_encoded', `amqp://svc_billing:${encodeURIComponent('p@ss/w0rd#2026')}@rabbit.prod.acme.io:5672/%2F`),
  s('password', 'plain', `wifi for the Lisbon office: SSID acme-guest, password is Sardinha#2026`),
  s('password', 'plain', `Benutzer: m.keller\nPasswort: Fruehling!2026`),
  s('password', 'plain', `Identifiant : jdupont / mot de passe : Soleil_49!`),
  s('password', 'plain', `el usuario es admin y la contraseña es Madrid.2026`),
  s('password', 'plain', `root pw: N3bula-77x (change after first login)`),
  s('password', 'split_turns', `and the password is Kestrel!88`, { history: turns('I need you to log into the staging admin for me, user is ops-admin') }),
  s('secret', 'base64', `apiVersion: v1\nkind: Secret\ndata:\n  STRIPE_SECRET_KEY: ${base64(STRIPE)}`),
  s('secret', 'base64', `what's in this? ${base64(`DATABASE_URL=postgres://app_user:${PG_PASS}@db-prod-1:5432/orders`)}`),
  s('secret', 'hex', `found in a core dump: ${hex(`aws_secret_access_key=${AWS_SECRET}`)}`),
  s('secret', 'split_turns', `…${GH_PAT.slice(20)} — that's the rest of it`, { history: turns(`the deploy token starts with ${GH_PAT.slice(0, 20)}`) }),
  s('secret', 'url_encoded', `GET /callback?redirect=${urlEncoded(`https://api.example.net/?token=${OPENAI}`)} 302`),

  // --- finance ---
  s('payment-card', 'plain', `Card: ${CARD_VISA} exp 09/28 CVV 417 — can you book the Hilton with this?`),
  s('payment-card', 'plain', `customer says card ${CARD_MC} was charged twice on 2026-11-02`),
  s('payment-card', 'plain', `AMEX ${CARD_AMEX}, name on card Daniel Okafor`),
  s('payment-card', 'spaced', `card number ${spaced(CARD_MC)}`),
  s('payment-card', 'zero_width', `pay with ${zeroWidth(CARD_VISA.replace(/ /g, ''))} please`),
  s('payment-card', 'split_lines', `Kartennummer:\n4532 0151\n1283 1232\ngültig bis 03/29`),
  s('iban', 'plain', `Bitte überweise die Kaution auf mein Konto: ${IBAN_DE}, Kontoinhaber Jonas Weber`),
  s('iban', 'plain', `Mon RIB : ${IBAN_FR} (Camille Martin)`),
  s('iban', 'plain', `Pago a cuenta ${IBAN_ES} a nombre de Lucía Fernández`),
  s('iban', 'plain', `rekeningnummer ${IBAN_NL} t.n.v. S. de Vries`),
  s('iban', 'plain', `Numer konta: ${IBAN_PL}`),
  s('iban', 'fullwidth', `IBAN ${fullwidth(IBAN_CH)}`),
  s('iban', 'homoglyph', `${homoglyph('IBAN')}: ${IBAN_NL}`),
  s('bank-account', 'plain', `Direct deposit form — Routing number: 021000021, Account number: 483920175634, account holder Maria Gonzalez`),
  s('bank-account', 'plain', `wire to ABA 121000358 acct 7391046628 beneficiary Kevin Tran`),
  s('bank-account', 'plain', `UK payee: sort code 20-45-77, account number 41592036, Mr Oliver Hughes`),

  // --- national ids, passports, licences ---
  s('us-ssn', 'plain', `Employee: Rachel Kim, SSN ${SSN}, start date 01/06/2026`),
  s('us-ssn', 'plain', `my social is ${SSN.replace(/-/g, ' ')} if they ask`),
  s('us-ssn', 'en_dash', `SSN: ${SSN.replace(/-/g, '–')}`),
  s('us-ssn', 'soft_hyphen', `ssn ${softHyphen(SSN)}`),
  s('us-ssn', 'split_turns', `last four are 3176`, { history: turns('For the W-4 my SSN starts 512-48') }),
  s('uk-ni', 'plain', `National Insurance number: ${NI} — please update payroll`),
  s('uk-ni', 'plain', `my NINO is ${NI.replace(/ /g, '')}`),
  s('ca-sin', 'plain', `SIN ${SIN} for the T4 slip of Émilie Gagnon`),
  s('aadhaar', 'plain', `Aadhaar no. ${AADHAAR}, name Arjun Mehta, for KYC`),
  s('aadhaar', 'spaced', `आधार नंबर ${spaced(AADHAAR.replace(/ /g, ''))}`),
  s('national-id', 'plain', `DNI ${DNI}, Pablo Ruiz García, fecha de nacimiento 14/03/1988`),
  s('national-id', 'plain', `CPF do cliente: ${CPF} (Ana Souza)`),
  s('passport', 'plain', `Passport No: 533380006, issued by the United States, expires 2031-04-18 — for the visa letter of Brian Walsh`),
  s('passport', 'plain', `Reisepassnummer C01X00T47, ausgestellt für Lena Fischer`),
  s('passport', 'plain', `passport number K8369854 (India), holder Sneha Iyer`),
  s('drivers-licence', 'plain', `Driver's license: D4829173 (California), DOB 07/22/1990, Michael Chen`),

  // --- contact details of a person ---
  s('phone', 'plain', `call my mobile 07911 123456 if the courier can't find the house`),
  s('phone', 'plain', `Handy von Frau Schmidt: 0151 23456789`),
  s('phone', 'plain', `tu peux joindre Julien au 06 12 34 56 78 ce soir`),
  s('phone', 'plain', `Priya's cell is +91 98765 43210`),
  s('phone', 'plain', `emergency contact: Mark Jones (husband) 0412 345 678`),
  s('phone', 'plain', `text me at (312) 847-2291 when you land`),
  s('email', 'plain', `send the scans to my private address, daniel.okafor84@gmail.com, not the work one`),
  s('email', 'plain', `Sophie's personal email is sophie.lambert@outlook.fr`),
  s('email', 'zero_width', `reply to ${zeroWidth('k.tanaka1991@yahoo.co.jp')}`),
  s('contact-list', 'plain', `name,email,phone\nAnna Berg,anna.berg@icloud.com,+46 70 123 45 67\nTom Riley,tomriley77@gmail.com,+44 7700 183 442`),

  // --- about a named person: DOB, address, health, HR, salary ---
  s('dob', 'plain', `Patient: Helen Wright, DOB 03/11/1954`),
  s('dob', 'plain', `Maximilian Braun, geboren am 17.02.1979 in Köln`),
  s('dob', 'plain', `né le 5 juin 1986 : Thomas Leroy`),
  s('home-address', 'plain', `Rachel Kim lives at 1432 Oakridge Drive, Austin, TX 78745 — send the laptop there`),
  s('home-address', 'plain', `Lieferadresse: Jonas Weber, Lindenstraße 12, 50674 Köln`),
  s('home-address', 'plain', `my home address is Flat 3, 27 Belvedere Road, London SE19 2HJ`),
  s('medical', 'plain', `MRN 00482913 — Helen Wright, admitted 11/28 with NSTEMI, started on heparin drip`),
  s('medical', 'plain', `FYI Marcus Lee from finance was diagnosed with stage 2 colon cancer and will be out for chemo until March`),
  s('medical', 'plain', `Patientin Frau Becker, Diagnose: bipolare Störung (F31.1), Lithium 900 mg`),
  s('medical', 'plain', `Can you rewrite this note: "Pt. Ahmed Khan, 52M, HbA1c 9.2%, T2DM poorly controlled, referred to endocrinology."`),
  s('salary', 'plain', `Tom Becker's base salary is going from $142,000 to $155,000 effective January`),
  s('salary', 'plain', `Offer for Aisha Bello: €78.500 Jahresgehalt + 10% Bonus`),
  s('hr', 'plain', `Draft a PIP for Kevin Tran: missed three deadlines in Q3, second written warning after the October incident`),
  s('hr', 'homoglyph', `${homoglyph('salary')} of Laura Smith: 96,000 GBP`),

  // --- material non-public information ---
  s('mnpi', 'plain', `Between us: we're acquiring Brightwave for $420M, announcement planned for Feb 12. Don't tell anyone yet.`),
  s('mnpi', 'plain', `Q4 revenue came in at $1.27B vs $1.19B consensus — numbers are embargoed until the call on Thursday`),
  s('mnpi', 'plain', `Board only: the layoff plan cuts 340 roles in EMEA, to be announced after the earnings release`),
  s('mnpi', 'plain', `Term sheet: Series C at $1.1B pre-money, Sequoia leading with $150M — not announced yet`),
  s('mnpi', 'plain', `Projet Orion : rachat de Verdier SA pour 85 M€, information privilégiée, ne pas diffuser`),

  // --- markings ---
  s('marking', 'plain', `CONFIDENTIAL\n\nMinutes of the compensation committee, 24 November 2026`),
  s('marking', 'plain', `STRICTLY PRIVATE & CONFIDENTIAL — Addressee only\nRe: restructuring of the Lyon site`),
  s('marking', 'plain', `** Streng vertraulich ** Entwurf der Kündigungsliste, Stand 30.11.`),
  s('marking', 'plain', `[CONFIDENTIEL] Note au comité de direction`),
  s('marking', 'plain', `Privileged & Confidential — Attorney-Client Communication\nRe: the Hartley litigation`),
  s('marking', 'plain', `Subject: CONFIDENCIAL - propuesta de indemnización`),
  s('marking', 'spaced', `C O N F I D E N T I A L\nDraft acquisition memo`),
  s('marking', 'homoglyph', `${homoglyph('CONFIDENTIAL')} — do not forward`),
  i('internal-marking', 'plain', `INTERNAL USE ONLY\nQ1 hiring plan draft for the platform team`),
  i('internal-marking', 'plain', `Nur für den internen Gebrauch – Prozessbeschreibung Reisekosten`),
  i('internal-marking', 'plain', `Usage interne uniquement. Procédure d'escalade du support niveau 2.`),
  i('internal-marking', 'plain', `(Internal — do not distribute) Roadmap slides v3`),
  i('internal-marking', 'plain', `Solo para uso interno: guía de onboarding del equipo de ventas`),
  i('internal-marking', 'plain', `Proprietary and internal. Architecture overview of the billing pipeline.`),
  i('internal-marking', 'zero_width', `${zeroWidth('Internal only')}: on-call rota for December`),
];

const ORDINARY: Omit<HeldOutCase, 'id'>[] = [
  // documented example keys and placeholders
  o('example-key', `The AWS docs use AKIAIOSFODNN7EXAMPLE and wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY as example credentials; never put real ones in code.`),
  o('example-key', `export AWS_ACCESS_KEY_ID=AKIAIOSFODNN7EXAMPLE\nexport AWS_SECRET_ACCESS_KEY=wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY`),
  o('placeholder', `client = OpenAI(api_key="sk-...")  # replace with your key`),
  o('placeholder', `curl -H "Authorization: Bearer YOUR_API_KEY" https://api.example.com/v1/items`),
  o('placeholder', `OPENAI_API_KEY=<your-openai-key>\nANTHROPIC_API_KEY=<your-anthropic-key>`),
  o('placeholder', `DATABASE_URL=postgres://USER:PASSWORD@HOST:5432/DB`),
  o('placeholder', `Set STRIPE_SECRET_KEY=sk_test_xxxxxxxxxxxxxxxxxxxxxxxx in .env.local`),
  o('placeholder', `git clone https://<token>@github.com/org/repo.git`),
  o('placeholder', `password: \${DB_PASSWORD}  # injected by the secrets manager`),
  o('placeholder', `const token = process.env.GITHUB_TOKEN ?? '';`),
  o('placeholder', `-----BEGIN PUBLIC KEY-----\nMFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAE${fill(60, B64)}==\n-----END PUBLIC KEY-----`),
  o('placeholder', `ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAI${fill(43, B64)} deploy@ci`),
  // identifiers that are nobody's secret
  o('uuid', `request 3f2b8c1e-9a4d-4e7b-b2c6-5d8e1f0a7c39 timed out after 30s`),
  o('commit', `the regression came in with commit 9c1f4e2b7a3d8e6f0b5c2a1d4e7f8a9b0c3d6e1f, can you revert it?`),
  o('commit', `git cherry-pick a3f9c2e && git push origin release/2.14`),
  o('isbn', `ISBN 978-0-306-40615-7 is the second edition; the first is 0-306-40615-2`),
  o('serial', `Serial number: C02XK1ZJJG5H (MacBook Pro 2019), warranty expired`),
  o('serial', `Dell service tag 7XK2L93, express service code 16483920571`),
  o('version', `upgrading from 4.17.21 to 5.0.0-rc.3 broke the build on node 20.19.2`),
  o('price', `The plan costs $1,249.00 per year or $119.99 per month; VAT 19% is added in Germany.`),
  o('tracking', `UPS tracking 1Z999AA10123456784 says delivered but nothing arrived`),
  o('tracking', `DHL Sendungsnummer 00340434161094042557 — wo ist mein Paket?`),
  o('tracking', `FedEx 7489 2051 3364 is stuck in Memphis`),
  o('order', `Order #114-3941689-8772232 hasn't shipped, can you write a polite complaint?`),
  o('timestamp', `2026-11-30T14:32:07.512Z ERROR worker-3 job 88213 failed after 3 retries`),
  o('timestamp', `epoch 1764513127 converted to UTC is 2026-11-30 14:32:07`),
  o('math', `What is 2^64? I get 18446744073709551616.`),
  o('math', `Is 4111111111111112 divisible by 8? And what about 9007199254740993 in JavaScript?`),
  o('math', `pi to 30 digits: 3.141592653589793238462643383279`),
  o('math', `Compute the GCD of 1234567890123 and 9876543210987.`),
  o('ip', `nginx logs show 203.0.113.42 and 198.51.100.7 hammering /login`),
  o('hash', `sha256: e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855`),
  o('hash', `integrity="sha384-oqVuAfXRKap7fdgcCY5uykM6+R9GqQ8K/uxy9rx7HNQlGYl1kPzQho1wx4JwY8wC"`),
  o('base64-benign', `decode this: ${base64('Hello from the build server, all 412 tests passed.')}`),
  o('base64-benign', `data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==`),
  o('hex-benign', `the firmware header is 7f454c4602010100000000000000000003003e00 — is that ELF?`),
  // published contact details, public figures, news
  o('published-contact', `Questions about your invoice? Email billing@northwind-example.com or call us at 1-800-555-0199, Mon–Fri 9–5.`),
  o('published-contact', `Media contact: press@fabrikam.example, +1 206 555 0142`),
  o('published-contact', `Kundenservice erreichen Sie unter 0800 123 4567 (kostenlos) oder service@beispiel.de.`),
  o('published-contact', `Pour toute question, contactez notre service client au 01 23 45 67 89 ou support@exemple.fr.`),
  o('published-contact', `Our office: 1 Infinite Loop, Cupertino, CA 95014. Switchboard +1 408 996 1010.`),
  o('published-contact', `To report a vulnerability write to security@switchyard.dev (PGP key on our website).`),
  o('press-release', `FOR IMMEDIATE RELEASE — Contoso reports Q3 revenue of $2.4 billion, up 12% year over year, and raises full-year guidance.`),
  o('press-release', `Fabrikam today announced the completion of its acquisition of Northwind Traders for $310 million in cash, first announced in June.`),
  o('news', `Reuters: the central bank held rates at 4.25% on Wednesday, citing sticky services inflation.`),
  o('news', `The mayor's office said the new bridge will open on 14 March; construction cost €92 million.`),
  o('public-person', `Barack Obama was born on August 4, 1961, in Honolulu.`),
  o('public-person', `The White House is at 1600 Pennsylvania Avenue NW, Washington, DC 20500.`),
  o('public-person', `Tim Cook's 2023 compensation was reported as $63.2 million in Apple's proxy statement.`),
  // talking about sensitive topics
  o('about-topic', `What is the format of a UK National Insurance number, and which prefixes are invalid?`),
  o('about-topic', `How do I validate an IBAN in Python without a library?`),
  o('about-topic', `Write a regex that matches US SSNs but rejects 000, 666 and 9xx area numbers.`),
  o('about-topic', `Should we store the CVV after authorization? PCI DSS says what exactly?`),
  o('about-topic', `How do I rotate a leaked GitHub token and purge it from git history?`),
  o('about-topic', `What are common symptoms of type 2 diabetes and how is HbA1c measured?`),
  o('about-topic', `Our company policy says salaries are confidential — is it legal in California to forbid discussing pay?`),
  o('about-topic', `Explain what "material non-public information" means and give an example of insider trading.`),
  o('about-topic', `How should I mark documents as confidential vs internal in our document management system?`),
  o('about-topic', `Can you explain how JWTs are signed and why alg=none is dangerous?`),
  o('about-topic', `My password manager says my password was in a breach. What should I do?`),
  o('about-topic', `Wie beantrage ich einen neuen Reisepass, und wie lange dauert es?`),
  o('about-topic', `Quelles sont les règles du RGPD pour conserver les numéros de téléphone des clients ?`),
  o('about-topic', `Is "confidential" or "internal only" the right label for a team lunch menu? Probably neither, right?`),
  o('about-topic', `¿Cómo se calcula la letra del DNI español?`),
  // ordinary work and life
  o('recipe', `Recipe: 500 g flour, 350 ml water, 10 g salt, 7 g dried yeast. Bake at 230 °C for 35 minutes.`),
  o('code', `for (let i = 0; i < 1000000; i++) { total += prices[i] * 1.19; }`),
  o('code', `SELECT customer_id, SUM(amount) FROM payments WHERE created_at >= '2026-01-01' GROUP BY 1 ORDER BY 2 DESC LIMIT 10;`),
  o('code', `password = getpass.getpass("Password: ")\nif not check_password_hash(user.pw_hash, password): abort(401)`),
  o('code', `const apiKey = config.get('apiKey'); if (!apiKey) throw new Error('missing api key');`),
  o('colleagues', `Can you summarise what Priya and Tom decided in the sprint review about the search latency?`),
  o('colleagues', `Maria Gonzalez will present the Q1 roadmap at the all-hands on Friday.`),
  o('meeting', `Agenda: 1) incident review for 11/27 outage 2) on-call handover 3) AOB. Room 4.12, 10:00.`),
  o('travel', `Flight LH 1234 departs FRA at 07:45, seat 14C, booking reference is on the app.`),
  o('travel', `Train ICE 578 from Berlin Hbf at 09:34, platform 12.`),
  o('finance-public', `Apple's market cap crossed $3 trillion; its 10-K lists 161,000 employees.`),
  o('finance-public', `The S&P 500 closed at 5,812.44, the 10-year yield at 4.31%.`),
  o('spreadsheet', `Product,SKU,Price,Stock\nDesk lamp,LMP-2201,39.90,412\nOffice chair,CHR-1180,249.00,57`),
  o('invoice', `Invoice INV-2026-00841, net 30, total EUR 4,380.00, payment reference 2026-00841.`),
  o('phone-benign', `Dial 112 in the EU or 911 in the US; the non-emergency police line in the UK is 101.`),
  o('phone-benign', `Error 0x80070005 when installing update KB5034441 on Windows 11 23H2.`),
  o('address-benign', `The conference is at the ExCeL London, Royal Victoria Dock, 1 Western Gateway, London E16 1XL.`),
  o('marking-benign', `The movie "Confidential Assignment" was released in 2017.`),
  o('marking-benign', `She works as an internal auditor at a public bank.`),
  o('obfuscated-benign', `${softHyphen('documentation')} for the ${zeroWidth('deployment')} is on the wiki`, 'soft_hyphen'),
  o('obfuscated-benign', fullwidth('Meeting moved to 15:30, room B'), 'fullwidth'),
  o('obfuscated-benign', `Release\u00a0notes\u00a0for\u00a0version\u00a02.4.1\u00a0are\u00a0out`, 'nbsp'),
  o('url-benign', `https://www.google.com/search?q=${encodeURIComponent('how to reset password on iphone')}&hl=en`, 'url_encoded'),
];

function withIds(cases: Omit<HeldOutCase, 'id'>[], prefix: string): HeldOutCase[] {
  const counts = new Map<string, number>();
  return cases.map((item) => {
    const n = counts.get(item.kind) ?? 0;
    counts.set(item.kind, n + 1);
    return { id: `${prefix}.${item.kind}.${n}`, ...item };
  });
}

/** The held-out batch: sensitive cases first, then ordinary ones. Fixed, not seeded. */
export const HELD_OUT: HeldOutCase[] = [...withIds(SENSITIVE, 'heldout'), ...withIds(ORDINARY, 'heldout.ordinary')];
