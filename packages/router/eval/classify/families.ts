// The detector families of issue 12 and the sentences that carry them. Each family makes a fresh
// instance (a person, a value with a valid checksum, ...) and offers several templates, in
// several languages where people would write that way. A template gets the value `v` (already
// obfuscated by the technique under test) and `k(word)`, which marks a context word such as
// "SSN" or "passport" (the homoglyph technique swaps letters in those words too).
import type { Sensitivity } from '../../src/types';
import { CITIES, COMPANIES, companyDomain, dateIn, person, postalAddress, PRODUCTS } from './pools';
import type { Random } from './random';
import * as values from './values';

export const FAMILY_IDS = [
  'us_ssn',
  'payment_card',
  'iban',
  'phone',
  'personal_email',
  'aws_key',
  'github_token',
  'openai_key',
  'anthropic_key',
  'stripe_key',
  'slack_token',
  'jwt',
  'private_key',
  'connection_string',
  'password',
  'other_api_key',
  'uk_ni_number',
  'ca_sin',
  'aadhaar',
  'other_national_id',
  'passport',
  'driving_licence',
  'date_of_birth',
  'postal_address',
  'health_record',
  'hr_record',
  'mnpi',
  'marking_confidential',
  'marking_internal',
] as const;
export type FamilyId = (typeof FAMILY_IDS)[number];

/**
 * value   a number or identifier with a fixed shape (ids, cards, phones, e-mail);
 * secret  a credential; under base64/hex it is stored the way configs keep secrets;
 * text    a statement about a person or a deal, or a marking; the span is its key phrase.
 */
export type Shape = 'value' | 'secret' | 'text';

export type Render = (v: string, k: (word: string) => string) => string;

export interface Variant {
  /** The span the technique rewrites (the plain secret value, or the key phrase). */
  value: string;
  render: Render;
}

export interface Family {
  id: FamilyId;
  expected: Sensitivity;
  shape: Shape;
  /** Detector kinds that count as this family having fired (kinds are the detectors' own names). */
  detectorKinds: RegExp;
  /** Can the value be written with separators (for the NBSP / en dash techniques)? */
  separators: boolean;
  /** Is the value short enough to be typed with spaces between its characters? */
  spaced: boolean;
  /** For secrets: the name a config file would store it under. */
  secretName?: string;
  /** A fresh instance; `grouped` asks for a value written with separators, `short` for one of at
   *  most 64 characters (to be spaced out). */
  make(random: Random, options: { grouped: boolean; short: boolean }): Variant[];
  /** Checks a generated value the way its issuer does (checksum, ranges); true when there is none. */
  valid(value: string): boolean;
}

const same = (value: string, renders: Render[]): Variant[] => renders.map((render) => ({ value, render }));
const always = () => true;
const digitsOf = (value: string) => value.replace(/\D/g, '');
const compact = (value: string) => value.replace(/[\s-]/g, '');

const families: Family[] = [];
const define = (family: Family) => families.push(family);

// ---------------------------------------------------------------------------------------------
// National ids and financial numbers

define({
  id: 'us_ssn',
  expected: 'confidential',
  shape: 'value',
  detectorKinds: /ssn|social.?security|national.?id/i,
  separators: true,
  spaced: true,
  make(random) {
    const who = person(random);
    const ssn = values.usSsn(random, true);
    const hired = dateIn(random, 2019, 2025);
    const city = random.pick(CITIES);
    return same(ssn, [
      (v, k) => `My ${k('SSN')} is ${v}, can you put it on the W-4 form for me?`,
      (v, k) => `Please update the HR record for ${who.full}: ${k('SSN')} ${v}, start date next Monday.`,
      (v, k) => `${k('Social Security number')}: ${v}\nName: ${who.full}\nDate of hire: ${hired}`,
      (v, k) => `The applicant's ${k('social security number')} is ${v} — can you check it against the E-Verify result?`,
      (v) => `${who.full}, ${v}, ${city} — the last row of the benefits enrollment sheet is missing a plan code.`,
      (v, k) => `Hi, it's ${who.first}. The landlord wants my ${k('SSN')} for the credit check: ${v}. Is that normal?`,
      (v, k) => `Mi número de ${k('Seguro Social')} es ${v}, ¿lo puedes poner en la solicitud?`,
      (v) => `Tax return for ${who.full} (${v}) is ready for signature, please review the dependents section.`,
    ]);
  },
  valid: (ssn) => {
    const [area, group, serial] = ssn.split(/[- ]/).map(Number);
    return /^\d{3}[- ]\d{2}[- ]\d{4}$/.test(ssn) && area !== 0 && area !== 666 && area! < 900 && group !== 0 && serial !== 0;
  },
});

define({
  id: 'payment_card',
  expected: 'confidential',
  shape: 'value',
  detectorKinds: /card|\bpan\b/i,
  separators: true,
  spaced: true,
  make(random, { grouped }) {
    const card = values.paymentCard(random, grouped || random.chance(0.8));
    const invoice = random.int(1000, 9999);
    return same(card.number, [
      (v, k) => `My ${card.brand} ${k('card')} is ${v}, expiry ${card.expiry}. Can you book the hotel with it?`,
      (v, k) => `${k('Card number')}: ${v}\nExpiry: ${card.expiry}\nCVC: ${card.cvc}`,
      (v) => `Please charge ${v} (exp ${card.expiry}) for invoice ${invoice}, thanks!`,
      (v, k) => `${k('Kartennummer')} ${v}, gültig bis ${card.expiry}. Bitte die Reservierung damit garantieren.`,
      (v, k) => `Voici ma ${k('carte')} pour l'acompte : ${v}, date d'expiration ${card.expiry}.`,
      (v, k) => `Mi ${k('tarjeta')} es la ${v}, caduca el ${card.expiry}.`,
      (v) => `Customer called, wants the refund on the ${card.brand} ending differently — new one is ${v}.`,
      (v, k) => `Why was my ${k('credit card')} ${v} declined at checkout? It worked last week.`,
    ]);
  },
  valid: (card) => values.luhnValid(digitsOf(card)) && digitsOf(card).length >= 14,
});

define({
  id: 'iban',
  expected: 'confidential',
  shape: 'value',
  detectorKinds: /iban|bank/i,
  separators: true,
  spaced: true,
  make(random, { grouped }) {
    const who = person(random);
    const account = values.iban(random, grouped || random.chance(0.7));
    const reference = random.int(10000, 99999);
    const monthly = random.int(200, 1500);
    return same(account, [
      (v, k) => `Please wire the deposit to ${who.full}, ${k('IBAN')} ${v}.`,
      (v, k) => `My ${k('bank details')} for the refund: ${v} (${who.full}).`,
      (v, k) => `Bitte überweisen Sie den Betrag auf ${k('IBAN')} ${v}, Kontoinhaber ${who.full}.`,
      (v, k) => `Mon ${k('RIB')} pour le virement : ${v}, au nom de ${who.full}.`,
      (v, k) => `Mi ${k('cuenta')} para la nómina es ${v}.`,
      (v, k) => `${k('Rekeningnummer')} ${v} t.n.v. ${who.full}, graag voor vrijdag overmaken.`,
      (v) => `Payee: ${who.full}\nAccount: ${v}\nReference: INV-${reference}`,
      (v, k) => `Can you set up a standing order of €${monthly} per month to ${v}? It's my landlord's ${k('account')}.`,
    ]);
  },
  valid: (account) => values.ibanValid(compact(account)),
});

define({
  id: 'uk_ni_number',
  expected: 'confidential',
  shape: 'value',
  detectorKinds: /uk.?ni\b|national.?insurance|nino|national.?id/i,
  separators: true,
  spaced: true,
  make(random, { grouped }) {
    const who = person(random);
    const ni = values.ukNiNumber(random, grouped || random.chance(0.7));
    return same(ni, [
      (v, k) => `My ${k('National Insurance number')} is ${v}, can you add it to my payroll record?`,
      (v, k) => `${k('NI number')}: ${v} — ${who.full}, starting on 1 April.`,
      (v, k) => `${who.full} (${k('NINO')} ${v}) has not received a P60 for last year.`,
      (v, k) => `Payroll says they need my ${k('NI')} number before the first payslip: it's ${v}.`,
      (v) => `${who.full}, ${v}, tax code 1257L, student loan plan 2.`,
      (v, k) => `Hi, I've lost my card — is my ${k('national insurance')} number ${v} still valid for the new job?`,
    ]);
  },
  valid: (ni) => /^[A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z] ?\d{2} ?\d{2} ?\d{2} ?[A-D]$/.test(ni),
});

define({
  id: 'ca_sin',
  expected: 'confidential',
  shape: 'value',
  detectorKinds: /(^|[._])(ca_)?sin($|[._])|social.?insurance|national.?id/i,
  separators: true,
  spaced: true,
  make(random) {
    const who = person(random);
    const sin = values.caSin(random, true);
    const office = random.pick(['Toronto', 'Ottawa', 'Calgary']);
    return same(sin, [
      (v, k) => `My ${k('SIN')} is ${v}, do you need anything else for the T4?`,
      (v, k) => `${k('Social Insurance Number')}: ${v}\nEmployee: ${who.full}`,
      (v, k) => `Mon ${k('numéro d’assurance sociale')} (NAS) est le ${v}.`,
      (v, k) => `New hire ${who.full}, ${k('SIN')} ${v}, starts in the ${office} office on Monday.`,
      (v, k) => `Can you fill in my ${k('social insurance number')} ${v} on the EI application?`,
    ]);
  },
  valid: (sin) => values.luhnValid(digitsOf(sin)) && digitsOf(sin).length === 9,
});

define({
  id: 'aadhaar',
  expected: 'confidential',
  shape: 'value',
  detectorKinds: /aadhaar|uidai|national.?id/i,
  separators: true,
  spaced: true,
  make(random, { grouped }) {
    const who = person(random);
    const number = values.aadhaar(random, grouped || random.chance(0.8));
    return same(number, [
      (v, k) => `My ${k('Aadhaar')} number is ${v}, please link it to the bank account.`,
      (v, k) => `${k('Aadhaar')}: ${v}\nName: ${who.full}\nPAN linked: yes`,
      (v, k) => `मेरा ${k('आधार')} नंबर ${v} है, कृपया KYC पूरा करें।`,
      (v, k) => `For the KYC form use ${k('UID')} ${v} — it's my mother's card.`,
      (v, k) => `Why does the portal reject ${k('Aadhaar')} ${v}? I typed it exactly as printed.`,
    ]);
  },
  valid: (number) => values.verhoeffValid(digitsOf(number)) && /^[2-9]/.test(digitsOf(number)) && digitsOf(number).length === 12,
});

define({
  id: 'other_national_id',
  expected: 'confidential',
  shape: 'value',
  detectorKinds: /national.?id|dni|cpf|bsn|nir|tax.?id|social.?security/i,
  separators: true,
  spaced: true,
  make(random) {
    const who = person(random);
    const dni = values.spanishDni(random);
    const cpf = values.brazilianCpf(random);
    const bsn = values.dutchBsn(random);
    const nir = values.frenchNir(random);
    return [
      { value: dni, render: (v, k) => `Mi ${k('DNI')} es ${v}, ¿me lo puedes añadir al contrato de alquiler?` },
      { value: dni, render: (v, k) => `Titular: ${who.full}, ${k('DNI')} ${v}, alta en el padrón desde enero.` },
      { value: cpf, render: (v, k) => `Meu ${k('CPF')} é ${v}, pode emitir a nota fiscal no meu nome?` },
      { value: cpf, render: (v, k) => `Cliente ${who.full} — ${k('CPF')}: ${v} — pediu reembolso.` },
      { value: bsn, render: (v, k) => `Mijn ${k('BSN')} is ${v}, kun je het doorgeven aan de salarisadministratie?` },
      { value: nir, render: (v, k) => `${k('Numéro de sécurité sociale')} : ${v} (${who.full}), pour la mutuelle.` },
      { value: nir, render: (v, k) => `Mon ${k('numéro de sécu')} est le ${v}, tu peux remplir le formulaire ?` },
    ];
  },
  valid: (id) => values.dniValid(id) || values.cpfValid(id) || values.bsnValid(id) || values.nirValid(id),
});

define({
  id: 'passport',
  expected: 'confidential',
  shape: 'value',
  detectorKinds: /passport/i,
  separators: false,
  spaced: true,
  make(random) {
    const who = person(random);
    const passport = values.passportNumber(random);
    const expiry = dateIn(random, 2027, 2035);
    return same(passport.number, [
      (v, k) => `My ${k('passport number')} is ${v}, expiry ${expiry}. Please add it to the flight booking.`,
      (v, k) => `${k('Passport')} No.: ${v}\nSurname: ${who.last}\nGiven names: ${who.first}\nNationality: ${passport.country}`,
      (v, k) => `${k('Reisepassnummer')}: ${v}, gültig bis ${expiry} — für die Hotelanmeldung.`,
      (v, k) => `Numéro de ${k('passeport')} : ${v} (${who.full}), pour la demande de visa.`,
      (v, k) => `Mi ${k('pasaporte')} es el ${v}, lo necesitan para el check-in.`,
      (v, k) => `For the visa application: ${who.full}, ${k('passport')} ${v}, issued in ${passport.country}.`,
    ]);
  },
  valid: (number) => /^[A-Z0-9]{8,9}$/.test(number),
});

define({
  id: 'driving_licence',
  expected: 'confidential',
  shape: 'value',
  detectorKinds: /driv|licen[cs]e/i,
  separators: true,
  spaced: true,
  make(random) {
    const who = person(random);
    const licence = values.drivingLicence(random, who);
    return same(licence.number, [
      (v, k) => `${k("Driver's license")} #: ${v} (${licence.issuer}), name ${who.full}.`,
      (v, k) => `My ${k('driving licence')} number is ${v}, can you add me as a second driver?`,
      (v, k) => `${k('Führerscheinnummer')}: ${v} — bitte für den Mietvertrag übernehmen.`,
      (v, k) => `Numéro de ${k('permis de conduire')} : ${v}, titulaire ${who.full}.`,
      (v, k) => `Rental agreement — driver ${who.full}, ${k('licence no.')} ${v}, pick-up at the airport.`,
      (v, k) => `The insurer asks for ${who.first}'s ${k("driver's license number")}: ${v}.`,
    ]);
  },
  valid: (number) => number.length >= 8,
});

// ---------------------------------------------------------------------------------------------
// Contact details of a person

define({
  id: 'phone',
  expected: 'confidential',
  shape: 'value',
  detectorKinds: /phone/i,
  separators: true,
  spaced: true,
  make(random) {
    const who = person(random);
    const phone = values.phoneNumber(random);
    const relation = random.pick(['mother', 'husband', 'sister', 'partner']);
    return same(phone.text, [
      (v, k) => `Call me on ${v} after 6pm, that's my ${k('mobile')}.`,
      (v, k) => `My ${k('mobile number')} is ${v} if the courier can't find the house.`,
      (v, k) => `${who.full}'s ${k('cell')}: ${v} — she said text first.`,
      (v, k) => `Meine ${k('Handynummer')}: ${v}, ruf einfach an.`,
      (v, k) => `Mon ${k('portable')} : ${v}, tu peux m'appeler ce soir.`,
      (v, k) => `Mi ${k('móvil')} es ${v}, escríbeme por WhatsApp.`,
      (v) => `Text ${who.first} at ${v} when you arrive, the doorbell is broken.`,
      (v, k) => `Il mio ${k('cellulare')} è ${v}, chiamami domani.`,
      (v, k) => `Emergency contact: ${who.full} (${relation}), ${k('phone')} ${v}`,
    ]);
  },
  valid: (phone) => digitsOf(phone).length >= 9 && digitsOf(phone).length <= 13,
});

define({
  id: 'personal_email',
  expected: 'confidential',
  shape: 'value',
  detectorKinds: /e-?mail/i,
  separators: false,
  spaced: true,
  make(random) {
    const who = person(random);
    // Mostly a private mailbox; sometimes the person's own work address, which identifies them just as well.
    const email = random.chance(0.75) ? values.personalEmail(random, who) : values.workEmail(random, who, companyDomain(random.pick(COMPANIES)));
    return same(email, [
      (v) => `You can reach me at ${v} — I'd rather not use my work address for this.`,
      (v) => `Customer: ${who.full} <${v}>, asked for a callback about the warranty.`,
      (v) => `Please add ${v} to the parents' mailing list, that's ${who.first}'s private address.`,
      (v, k) => `Meine private ${k('E-Mail')} ist ${v}, schick mir die Unterlagen bitte dorthin.`,
      (v, k) => `Mon ${k('adresse perso')} : ${v}. Merci de ne pas la partager.`,
      (v) => `Escríbeme a ${v} cuando tengas el presupuesto.`,
      (v) => `Forward the signed lease to ${who.first} at ${v}, they're moving out of the old flat.`,
      (v) => `Candidate ${who.full} (${v}) accepted the offer, please send the contract.`,
    ]);
  },
  valid: (email) => /^[a-z0-9._]+@[a-z0-9.-]+\.[a-z]{2,}$/.test(email) && !/^(support|info|press|hr|jobs|sales|contact|noreply)@/.test(email),
});

define({
  id: 'date_of_birth',
  expected: 'confidential',
  shape: 'text',
  detectorKinds: /birth|\bdob\b/i,
  separators: true,
  spaced: false,
  make(random) {
    const who = person(random);
    const born = dateIn(random, 1948, 2012);
    const memberSince = random.int(2010, 2024);
    const booking = random.pick(['flight', 'ski course', 'insurance']);
    const stay = random.pick(['room 214', 'two nights', 'late check-in']);
    return same(born, [
      (v, k) => `Name: ${who.full}\n${k('Date of birth')}: ${v}\nMember since: ${memberSince}`,
      (v, k) => `${who.full}, ${k('born')} ${v}, is the second policyholder on the contract.`,
      (v, k) => `${who.full} — ${k('DOB')} ${v} — please book the ${booking} under this name.`,
      (v, k) => `${k('Geburtsdatum')} von ${who.full}: ${v}. Bitte in den Mitgliedsantrag eintragen.`,
      (v, k) => `${who.full}, ${k('née le')} ${v}, souhaite ouvrir un compte joint.`,
      (v, k) => `${who.full} ${k('nació el')} ${v}; ¿qué documentos necesito para renovar su pasaporte?`,
      (v, k) => `Guest list for the hotel: ${who.full} (${k('date of birth')} ${v}), ${stay}.`,
    ]);
  },
  valid: always,
});

define({
  id: 'postal_address',
  expected: 'confidential',
  shape: 'text',
  detectorKinds: /postal|street|home.?address|pii\.address|\baddress$/i,
  separators: true,
  spaced: false,
  make(random) {
    const who = person(random);
    const address = postalAddress(random);
    const oneLine = address.lines.join(', ');
    return [
      { value: oneLine, render: (v) => `Please ship the replacement to ${who.full}, ${v}.` },
      { value: address.lines.join('\n'), render: (v) => `${who.full}\n${v}` },
      { value: oneLine, render: (v, k) => `${who.first} here — my new ${k('address')} is ${v}, please update it before the next delivery.` },
      { value: oneLine, render: (v) => `Bitte schicken Sie die Unterlagen an ${who.full}, ${v}.` },
      { value: oneLine, render: (v, k) => `${k('Adresse de livraison')} : ${who.full}, ${v}` },
      { value: oneLine, render: (v) => `Tenant: ${who.full}; property: ${v}; lease starts on the 1st.` },
      { value: address.lines.join('\n'), render: (v) => `Invoice to:\n${who.full}\n${v}\n\nThanks for your order!` },
    ];
  },
  valid: always,
});

// ---------------------------------------------------------------------------------------------
// Secrets

define({
  id: 'aws_key',
  expected: 'confidential',
  shape: 'secret',
  detectorKinds: /aws/i,
  separators: false,
  spaced: true,
  secretName: 'AWS_ACCESS_KEY_ID',
  make(random) {
    const { keyId } = values.awsAccessKey(random);
    return same(keyId, [
      (v) => `Here's the key for the deploy script: ${v} (the secret is in 1Password).`,
      (v) => `export AWS_ACCESS_KEY_ID=${v}\nexport AWS_DEFAULT_REGION=eu-west-1`,
      (v) => `[default]\naws_access_key_id = ${v}\nregion = us-east-1`,
      (v, k) => `Why does the ${k('access key')} ${v} get AccessDenied on s3:PutObject?`,
      (v) => `Our CI printed ${v} in the build log yesterday — how do I rotate it without downtime?`,
      (v) => `Die Lambda nutzt ${v}, kannst du prüfen, ob die Policy stimmt?`,
    ]);
  },
  valid: (key) => /^A(KI|SI)A[A-Z2-7]{16}$/.test(key) && !key.includes('EXAMPLE'),
});

define({
  id: 'github_token',
  expected: 'confidential',
  shape: 'secret',
  detectorKinds: /github/i,
  separators: false,
  spaced: true,
  secretName: 'GITHUB_TOKEN',
  make(random, { short }) {
    let token = values.githubToken(random);
    while (short && token.length > 64) token = values.githubToken(random);
    return same(token, [
      (v) => `git clone https://${v}@github.com/acme/infra.git fails with 403, any idea?`,
      (v) => `GITHUB_TOKEN=${v}\nGITHUB_OWNER=acme`,
      (v, k) => `My ${k('personal access token')} is ${v}, why can't it push to main?`,
      (v) => `curl -H "Authorization: token ${v}" https://api.github.com/user/repos`,
      (v) => `Use ${v} for the release workflow until the app installation is approved.`,
    ]);
  },
  valid: (token) => /^(gh[pos]_[A-Za-z0-9]{36}|github_pat_11[A-Z0-9]{20}_[A-Za-z0-9]{59})$/.test(token),
});

define({
  id: 'openai_key',
  expected: 'confidential',
  shape: 'secret',
  detectorKinds: /openai/i,
  separators: false,
  spaced: false,
  secretName: 'OPENAI_API_KEY',
  make(random) {
    const key = values.openaiKey(random);
    return same(key, [
      (v) => `OPENAI_API_KEY=${v}`,
      (v) => `client = OpenAI(api_key="${v}")\nprint(client.models.list())`,
      (v) => `Our key ${v} keeps hitting the rate limit, is that the org quota or the project's?`,
      (v, k) => `Use this ${k('key')} for the demo tomorrow: ${v}`,
      (v) => `Kannst du testen, ob ${v} noch funktioniert? Ich bekomme 401.`,
    ]);
  },
  valid: (key) => key.startsWith('sk-') && key.includes('T3BlbkFJ'),
});

define({
  id: 'anthropic_key',
  expected: 'confidential',
  shape: 'secret',
  detectorKinds: /anthropic/i,
  separators: false,
  spaced: false,
  secretName: 'ANTHROPIC_API_KEY',
  make(random) {
    const key = values.anthropicKey(random);
    return same(key, [
      (v) => `ANTHROPIC_API_KEY=${v}`,
      (v) => `curl https://api.anthropic.com/v1/messages -H "x-api-key: ${v}" -H "anthropic-version: 2023-06-01"`,
      (v) => `const client = new Anthropic({ apiKey: '${v}' });`,
      (v, k) => `Can you check whether this Claude ${k('key')} still works? ${v}`,
      (v) => `La clé ${v} renvoie une erreur 401 depuis ce matin.`,
    ]);
  },
  valid: (key) => /^sk-ant-(api03|admin01)-[A-Za-z0-9_-]{93}AA$/.test(key),
});

define({
  id: 'stripe_key',
  expected: 'confidential',
  shape: 'secret',
  detectorKinds: /stripe/i,
  separators: false,
  spaced: true,
  secretName: 'STRIPE_SECRET_KEY',
  make(random, { short }) {
    let key = values.stripeKey(random);
    while (short && key.length > 64) key = values.stripeKey(random);
    return same(key, [
      (v) => `STRIPE_SECRET_KEY=${v}`,
      (v) => `stripe.api_key = "${v}"\ncharge = stripe.Charge.create(amount=2000, currency="eur")`,
      (v, k) => `Payments broke after I rotated the ${k('secret key')} to ${v}, what did I miss?`,
      (v) => `curl https://api.stripe.com/v1/charges -u ${v}: -d amount=999`,
      (v) => `Webhook handler uses ${v} — should that be a restricted key instead?`,
    ]);
  },
  valid: (key) => /^(sk|rk)_live_[A-Za-z0-9]{24,}$/.test(key),
});

define({
  id: 'slack_token',
  expected: 'confidential',
  shape: 'secret',
  detectorKinds: /slack/i,
  separators: false,
  spaced: true,
  secretName: 'SLACK_BOT_TOKEN',
  make(random, { short }) {
    let token = values.slackToken(random);
    while (short && token.length > 64) token = values.slackToken(random);
    return same(token, [
      (v) => `SLACK_BOT_TOKEN=${v}`,
      (v) => `curl -H "Authorization: Bearer ${v}" https://slack.com/api/chat.postMessage -d channel=C0123`,
      (v, k) => `The alert bot posts to #ops with ${k('token')} ${v}; can we scope it down?`,
      (v) => `client = WebClient(token="${v}")`,
      (v) => `Old integration still uses ${v}, is it safe to revoke?`,
    ]);
  },
  valid: (token) => /^xox[bp]-\d+-\d+-/.test(token),
});

define({
  id: 'jwt',
  expected: 'confidential',
  shape: 'secret',
  detectorKinds: /jwt|json.?web.?token|bearer/i,
  separators: false,
  spaced: false,
  secretName: 'SESSION_TOKEN',
  make(random) {
    const token = values.jwt(random, person(random));
    return same(token, [
      (v) => `Authorization: Bearer ${v}`,
      (v, k) => `Why does this ${k('token')} fail verification on the gateway? ${v}`,
      (v) => `document.cookie = "session=${v}; Secure; HttpOnly";`,
      (v) => `Decode this and tell me when it expires: ${v}`,
      (v) => `Copié depuis le navigateur : ${v} — est-ce que ce jeton est encore valide ?`,
    ]);
  },
  valid: (token) => token.split('.').length === 3 && token.startsWith('eyJ'),
});

define({
  id: 'private_key',
  expected: 'confidential',
  shape: 'secret',
  detectorKinds: /private.?key|pem|ssh/i,
  separators: false,
  spaced: false,
  secretName: 'tls.key',
  make(random) {
    const block = values.privateKeyBlock(random);
    return same(block, [
      (v) => `Here is the deploy key, please add it to the build server:\n${v}`,
      (v) => `ssh says "invalid format" for this key, what's wrong?\n\n${v}`,
      (v) => `~/.ssh/id_deploy:\n${v}\n\nPermissions are 600.`,
      (v, k) => `Bitte den ${k('Schlüssel')} auf dem Server hinterlegen:\n${v}`,
    ]);
  },
  valid: (block) => /^-----BEGIN [A-Z ]*PRIVATE KEY-----\n[\s\S]+\n-----END [A-Z ]*PRIVATE KEY-----$/.test(block),
});

define({
  id: 'connection_string',
  expected: 'confidential',
  shape: 'secret',
  detectorKinds: /connection|dsn|uri|url|database/i,
  separators: false,
  spaced: false,
  secretName: 'DATABASE_URL',
  make(random) {
    const url = values.connectionString(random);
    return same(url, [
      (v) => `DATABASE_URL=${v}`,
      (v, k) => `Can't connect with ${k('this')}: ${v} — times out after 30 s.`,
      (v) => `"ConnectionStrings": { "Default": "${v}" }`,
      (v) => `The migration job uses ${v}, should it have its own user?`,
      (v) => `Die App startet nicht, Verbindung: ${v}`,
    ]);
  },
  valid: (url) => /:[^@/\s]+@|Password=/.test(url),
});

define({
  id: 'password',
  expected: 'confidential',
  shape: 'secret',
  detectorKinds: /password|passwd|credential/i,
  separators: false,
  spaced: true,
  secretName: 'password',
  make(random) {
    const secret = values.password(random);
    const user = `${random.pick(['jdoe', 'admin', 'm.schmidt', 'ops', 'priya.n', 'backup'])}`;
    return same(secret, [
      (v, k) => `my ${k('password')} is ${v}, can you log in and fix the invoice template?`,
      (v, k) => `VPN login — user ${user}, ${k('pw')}: ${v}`,
      (v, k) => `WLAN: Gäste-Netz, ${k('Passwort')}: ${v}`,
      (v, k) => `Identifiant : ${user} / ${k('mot de passe')} : ${v}`,
      (v, k) => `Usuario ${user}, ${k('contraseña')}: ${v}`,
      (v, k) => `The root ${k('password')} on the staging box is ${v}, please change it after the demo.`,
      (v, k) => `${k('Password')} for the shared Netflix account: ${v}`,
      (v, k) => `Login: ${user}\n${k('Passwort')}: ${v}\nBitte nach dem ersten Login ändern.`,
      (v, k) => `A ${k('senha')} do roteador é ${v}, anota aí.`,
    ]);
  },
  valid: (secret) => secret.length >= 6,
});

define({
  id: 'other_api_key',
  expected: 'confidential',
  shape: 'secret',
  // Any other secret kind: the vendor-specific rules of a secret scanner, or a generic "api key = ..." finding.
  detectorKinds: /secret\.(?!password|aws|github|openai|anthropic|stripe|slack|jwt|bearer|private|connection)|api.?key|token/i,
  separators: false,
  spaced: true,
  secretName: 'API_KEY',
  make(random, { short }) {
    const { vendor, envName, key } = values.otherVendorKey(random, short);
    return same(key, [
      (v) => `${envName}=${v}`,
      (v, k) => `Our ${vendor} ${k('key')} ${v} stopped working this morning, do I need to regenerate it?`,
      (v) => `config.${envName.toLowerCase()} = "${v}"`,
      (v, k) => `Here is the ${vendor} ${k('token')} for the pipeline: ${v}`,
      (v) => `Der ${vendor}-Schlüssel ${v} steht noch im Wiki, bitte rausnehmen.`,
    ]);
  },
  valid: (key) => /^(AIza|npm_|glpat-|hf_|shpat_|lin_api_|SG\.)/.test(key) && key.length >= 24,
});

// ---------------------------------------------------------------------------------------------
// Records about a named person, deals, markings

const HEALTH_EN = [
  'was diagnosed with type 2 diabetes', 'is on sertraline for major depression', 'tested positive for HIV', 'is being treated for breast cancer',
  'has bipolar disorder and is adjusting her lithium dose', 'had a miscarriage last week', 'was admitted to the psychiatric ward on Friday',
  'has early-onset dementia', 'starts chemotherapy on Monday', 'has epilepsy and cannot drive for six months',
];
const HEALTH_DE = ['hat die Diagnose Multiple Sklerose bekommen', 'ist wegen einer Depression krankgeschrieben', 'hat Brustkrebs und beginnt mit der Chemotherapie'];
const HEALTH_FR = ['a reçu un diagnostic de sclérose en plaques', 'est en arrêt maladie pour burn-out sévère', 'est traité pour un cancer du poumon'];

define({
  id: 'health_record',
  expected: 'confidential',
  shape: 'text',
  detectorKinds: /health|medical|diagnos/i,
  separators: true,
  spaced: false,
  make(random) {
    const who = person(random);
    return [
      { value: random.pick(HEALTH_EN), render: (v) => `${who.full} ${v}, so please cover their shifts until further notice.` },
      { value: random.pick(HEALTH_EN), render: (v) => `Note for the team lead: ${who.first} ${who.last} ${v}; keep it between us.` },
      { value: random.pick(HEALTH_EN), render: (v, k) => `${k('Patient')}: ${who.full}\n${k('Assessment')}: ${v}.\nFollow-up in 4 weeks.` },
      { value: random.pick(HEALTH_DE), render: (v) => `${who.full} ${v}, bitte die Übergabe entsprechend planen.` },
      { value: random.pick(HEALTH_FR), render: (v) => `${who.full} ${v} ; merci de réorganiser le planning.` },
      { value: random.pick(HEALTH_EN), render: (v) => `Can you draft a sick-leave letter? My colleague ${who.full} ${v}.` },
    ];
  },
  valid: always,
});

const HR_EN = [
  'was placed on a performance improvement plan', 'received a final written warning for misconduct', 'will be let go on Friday',
  'was rated "below expectations" in the annual review', 'is getting a base salary of $142,000 plus a 15% bonus',
  'has a harassment complaint open against him', 'was demoted to team member after the audit', 'earns €86,500 a year before the raise',
];
const HR_DE = ['erhält ab Januar ein Gehalt von 78.500 € brutto', 'hat eine Abmahnung wegen wiederholter Verspätung bekommen'];

define({
  id: 'hr_record',
  expected: 'confidential',
  shape: 'text',
  detectorKinds: /compensation|salary|performance|personnel|disciplin|employment|record\.hr|hr_record/i,
  separators: true,
  spaced: false,
  make(random) {
    const who = person(random);
    return [
      { value: random.pick(HR_EN), render: (v) => `${who.full} ${v}; please prepare the paperwork.` },
      { value: random.pick(HR_EN), render: (v, k) => `${k('HR note')}: ${who.first} ${who.last} ${v}. Don't tell the team yet.` },
      { value: random.pick(HR_EN), render: (v) => `Draft a short, kind email to ${who.full}: ${who.first} ${v}, and we need to meet on Monday.` },
      { value: random.pick(HR_DE), render: (v) => `${who.full} ${v}. Bitte an die Lohnbuchhaltung weitergeben.` },
      { value: random.pick(HR_EN), render: (v) => `Summary of ${who.first}'s file: ${who.full} ${v}, manager agrees.` },
    ];
  },
  valid: always,
});

define({
  id: 'mnpi',
  expected: 'confidential',
  shape: 'text',
  detectorKinds: /mnpi|non.?public|insider|deal|earnings|board|merger|acquisition/i,
  separators: true,
  spaced: false,
  make(random) {
    const target = random.pick(COMPANIES);
    const millions = random.int(80, 2400);
    const quarter = random.int(1, 4);
    const announce = dateIn(random, 2026, 2027);
    const revenue = (random.int(120, 980) / 100).toFixed(2);
    const miss = random.int(3, 14);
    const perShare = random.int(20, 140);
    const eps = (random.int(40, 300) / 100).toFixed(2);
    const consensus = (random.int(40, 300) / 100).toFixed(2);
    const layoffs = random.int(8, 30);
    const when = random.pick(['March', 'June', 'the autumn']);
    const unit = random.pick(PRODUCTS);
    return [
      {
        value: random.pick(['Board only', 'For the board only', 'Board members only']),
        render: (v) => `${v}: we have signed a term sheet to acquire ${target} for $${millions} million; the announcement is planned for ${announce}.`,
      },
      {
        value: random.pick(['not public until the earnings call', 'do not share before the release', 'still under embargo']),
        render: (v) => `Q${quarter} revenue came in at $${revenue}B, ${miss}% below guidance — ${v}, results go out on ${announce}.`,
      },
      {
        value: random.pick(["it hasn't been announced yet", 'nothing is public yet', 'the market does not know yet']),
        render: (v) => `The merger with ${target} closes at $${perShare} per share, ${v}, so nobody trades until then.`,
      },
      {
        value: 'Nur für den Vorstand',
        render: (v) => `${v}: Wir übernehmen ${target} für ${millions} Mio. €, die Ad-hoc-Mitteilung folgt am ${announce}.`,
      },
      {
        value: "Réservé au conseil d'administration",
        render: (v) => `${v} : le chiffre d'affaires du T${quarter} est inférieur de ${miss} % aux prévisions, publication le ${announce}.`,
      },
      {
        value: random.pick(['pre-release, do not circulate', 'ahead of the announcement', 'before we go public with it']),
        render: (v) => `Preliminary Q${quarter} numbers (${v}): EPS $${eps} against consensus $${consensus}; we will miss the full-year guidance.`,
      },
      {
        value: random.pick(['before the board meeting', 'not announced yet', 'under wraps until the town hall']),
        render: (v) => `We are laying off ${layoffs}% of staff in ${when} (${v}), and ${target} is buying our ${unit} unit.`,
      },
    ];
  },
  valid: always,
});

define({
  id: 'marking_confidential',
  expected: 'confidential',
  shape: 'text',
  detectorKinds: /marking\.(?!internal|do_not|proprietary)/i,
  separators: true,
  spaced: false,
  make(random) {
    const product = random.pick(PRODUCTS);
    const company = random.pick(COMPANIES);
    const quarter = random.int(1, 4);
    const department = random.pick(['sales', 'support', 'platform']);
    return [
      { value: random.pick(['CONFIDENTIAL', 'STRICTLY CONFIDENTIAL', 'Confidential']), render: (v) => `${v}\n\nSubject: Q${quarter} pricing plan for ${product}\nDiscounts above 30% need CFO approval.` },
      { value: random.pick(['Confidential', 'CONFIDENTIAL']), render: (v) => `[${v}] Draft reorganisation plan for the ${department} department — comments by Friday.` },
      { value: 'Privileged & Confidential', render: (v) => `${v} — attorney-client communication. Our exposure in the ${company} dispute is larger than reported.` },
      { value: random.pick(['Under NDA', 'Shared under NDA']), render: (v) => `${v}: ${company}'s roadmap for ${product} 3.0, please don't forward.` },
      { value: 'VERTRAULICH', render: (v) => `${v}\nKonditionen für ${company}: 18 % Rabatt auf alle Lizenzen bis Jahresende.` },
      { value: 'CONFIDENTIEL', render: (v) => `${v} — Projet ${product} : plan de réduction des coûts, ne pas diffuser.` },
      { value: 'CONFIDENCIAL', render: (v) => `${v}: propuesta de precios para ${company}, válida hasta fin de mes.` },
    ];
  },
  valid: always,
});

define({
  id: 'marking_internal',
  expected: 'internal',
  shape: 'text',
  detectorKinds: /marking\.(internal|do_not|proprietary)/i,
  separators: true,
  spaced: false,
  make(random) {
    const product = random.pick(PRODUCTS);
    const inventory = dateIn(random, 2026, 2027);
    const release = `${random.int(2, 9)}.${random.int(0, 20)}`;
    return [
      { value: random.pick(['INTERNAL USE ONLY', 'Internal only', 'For internal use only']), render: (v) => `${v} — the ${product} roadmap review moved to Thursday, slides in the usual folder.` },
      { value: random.pick(['Do not distribute', 'Not for external distribution']), render: (v) => `${v}. Draft FAQ for the ${product} launch; legal hasn't reviewed it yet.` },
      { value: 'Nur für den internen Gebrauch', render: (v) => `${v}: Ablauf der Inventur am ${inventory}.` },
      { value: 'Usage interne uniquement', render: (v) => `${v} — nouvelle procédure de notes de frais à partir du mois prochain.` },
      { value: 'Solo para uso interno', render: (v) => `${v}: calendario de formación del equipo de soporte.` },
      { value: 'INTERNAL', render: (v) => `${v}\nRelease checklist for ${product} ${release} — owners and dates below.` },
    ];
  },
  valid: always,
});

export const FAMILIES: readonly Family[] = families;

export function familyById(id: FamilyId): Family {
  const family = families.find((f) => f.id === id);
  if (!family) throw new Error(`unknown family ${id}`);
  return family;
}
