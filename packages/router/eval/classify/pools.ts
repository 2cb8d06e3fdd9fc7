// Word pools the generators draw from: people, companies, places, products. Invented names;
// any resemblance to a real person is chance.
import type { Random } from './random';

export const FIRST_NAMES = [
  'Emily', 'James', 'Maria', 'Tom', 'Priya', 'Lukas', 'Sofia', 'Daniel', 'Aisha', 'Chen', 'Olivia', 'Mateo',
  'Hannah', 'Ravi', 'Claire', 'Jonas', 'Fatima', 'Kenji', 'Grace', 'Pierre', 'Lucia', 'Michael', 'Amara', 'Sven',
  'Isabel', 'Noah', 'Yuki', 'Elena', 'Samuel', 'Chloe', 'Arjun', 'Marta', 'Oliver', 'Leila', 'Diego', 'Anna',
  'Bruno', 'Ingrid', 'Kwame', 'Rachel', 'Tariq', 'Julia', 'Mehmet', 'Nora', 'Patrick', 'Zoe', 'Viktor', 'Camille',
];

export const LAST_NAMES = [
  'Clark', 'Schmidt', 'Garcia', 'Becker', 'Nair', 'Johnson', 'Rossi', 'Dubois', 'Okafor', 'Wang', 'Müller',
  'Fernández', 'Kowalski', 'Tanaka', 'Andersson', 'Patel', 'Murphy', 'Novak', 'Silva', 'Haddad', 'Fischer',
  'Moreau', 'Brennan', 'Lindqvist', 'Costa', 'Yamamoto', 'Hughes', 'Kaya', 'Mensah', 'Petrov', 'Sánchez',
  'Walsh', 'Bauer', 'Laurent', 'Iyer', 'Martins', 'Olsen', 'Reyes', 'Nguyen', 'Fraser', 'Weber', 'Ortiz',
];

export const COMPANIES = [
  'Northwind Labs', 'Contoso Health', 'Bluepeak Analytics', 'Harbor & Finch', 'Quillstone Software', 'Meridian Freight',
  'Lumen Biotech', 'Orchard Retail Group', 'Tessellate AI', 'Granite Peak Energy', 'Silverline Insurance',
  'Fjord Mobility', 'Kestrel Robotics', 'Arbor Learning', 'Cobalt Payments', 'Redwood Media', 'Vantage Clinics',
  'Polaris Logistics', 'Juniper Foods', 'Atlas Components',
];

/** Short lower-case domain of a company, e.g. `northwindlabs.com`. */
export function companyDomain(company: string, tld = 'com'): string {
  return `${company.toLowerCase().replace(/&/g, 'and').replace(/[^a-z]/g, '')}.${tld}`;
}

export const PRODUCTS = [
  'Relay', 'Beacon', 'Lattice', 'Pulse', 'Harbor', 'Cinder', 'Vista', 'Summit', 'Nimbus', 'Quarry', 'Tandem', 'Ember',
];

export const CITIES = ['Berlin', 'Lisbon', 'Toronto', 'Austin', 'Dublin', 'Lyon', 'Melbourne', 'Pune', 'Osaka', 'Denver', 'Madrid', 'Oslo'];

export interface PostalAddress {
  country: 'US' | 'UK' | 'DE' | 'FR' | 'ES' | 'CA';
  lines: string[];
}

const US_PLACES = [
  ['Springfield', 'IL', '62704'], ['Portland', 'OR', '97214'], ['Austin', 'TX', '78704'], ['Columbus', 'OH', '43215'],
  ['Madison', 'WI', '53703'], ['Raleigh', 'NC', '27605'], ['Boulder', 'CO', '80302'], ['Tucson', 'AZ', '85719'],
] as const;
const US_STREETS = ['Maple Street', 'Oak Avenue', 'Cedar Lane', 'Willow Drive', 'Lakeview Road', 'Hillcrest Court', 'Elm Street', 'Birch Way'];
const UK_PLACES = [['London', 'NW1 6XE'], ['Manchester', 'M14 5TQ'], ['Leeds', 'LS6 2AB'], ['Bristol', 'BS8 1QU'], ['Edinburgh', 'EH9 1PR'], ['Cardiff', 'CF24 4HQ']] as const;
const UK_STREETS = ['Baker Road', 'Victoria Terrace', 'Mill Lane', 'Church Street', 'Queens Avenue', 'Park Crescent'];
const DE_PLACES = [['10115', 'Berlin'], ['80331', 'München'], ['50667', 'Köln'], ['20095', 'Hamburg'], ['04109', 'Leipzig'], ['70173', 'Stuttgart']] as const;
const DE_STREETS = ['Lindenstraße', 'Schillerweg', 'Goethestraße', 'Am Mühlbach', 'Bahnhofstraße', 'Rosenweg'];
const FR_PLACES = [['75011', 'Paris'], ['69003', 'Lyon'], ['13006', 'Marseille'], ['31000', 'Toulouse'], ['33000', 'Bordeaux']] as const;
const FR_STREETS = ['rue des Lilas', 'avenue Jean Jaurès', 'boulevard Voltaire', 'rue de la République', 'impasse des Tilleuls'];
const ES_PLACES = [['28004', 'Madrid'], ['08012', 'Barcelona'], ['46001', 'Valencia'], ['41003', 'Sevilla']] as const;
const ES_STREETS = ['Calle de Alcalá', 'Calle Mayor', 'Avenida de América', 'Calle del Olmo'];
const CA_PLACES = [['Toronto', 'ON', 'M5V 2T6'], ['Ottawa', 'ON', 'K1P 5J2'], ['Vancouver', 'BC', 'V6B 1A1'], ['Calgary', 'AB', 'T2P 1J9']] as const;
const CA_STREETS = ['King Street West', 'Bank Street', 'Granville Street', 'Elgin Avenue'];

/** A home address (house number, street, town, postcode) in one of six countries. */
export function postalAddress(random: Random): PostalAddress {
  switch (random.int(0, 5)) {
    case 0: {
      const [city, state, zip] = random.pick(US_PLACES);
      const unit = random.chance(0.3) ? `, Apt ${random.int(2, 40)}${random.pick(['', 'B', 'C'])}` : '';
      return { country: 'US', lines: [`${random.int(12, 9800)} ${random.pick(US_STREETS)}${unit}`, `${city}, ${state} ${zip}`] };
    }
    case 1: {
      const [city, postcode] = random.pick(UK_PLACES);
      const flat = random.chance(0.4) ? `Flat ${random.int(1, 12)}, ` : '';
      return { country: 'UK', lines: [`${flat}${random.int(2, 180)} ${random.pick(UK_STREETS)}`, `${city} ${postcode}`] };
    }
    case 2: {
      const [plz, city] = random.pick(DE_PLACES);
      return { country: 'DE', lines: [`${random.pick(DE_STREETS)} ${random.int(1, 120)}${random.pick(['', 'a', 'b'])}`, `${plz} ${city}`] };
    }
    case 3: {
      const [cp, city] = random.pick(FR_PLACES);
      return { country: 'FR', lines: [`${random.int(1, 140)} ${random.pick(FR_STREETS)}`, `${cp} ${city}`] };
    }
    case 4: {
      const [cp, city] = random.pick(ES_PLACES);
      return { country: 'ES', lines: [`${random.pick(ES_STREETS)} ${random.int(1, 200)}, ${random.int(1, 8)}º ${random.pick(['A', 'B', 'C', 'D'])}`, `${cp} ${city}`] };
    }
    default: {
      const [city, province, postcode] = random.pick(CA_PLACES);
      return { country: 'CA', lines: [`${random.int(10, 2400)} ${random.pick(CA_STREETS)}`, `${city}, ${province} ${postcode}`] };
    }
  }
}

export interface Person {
  first: string;
  last: string;
  full: string;
}

export function person(random: Random): Person {
  const first = random.pick(FIRST_NAMES);
  const last = random.pick(LAST_NAMES);
  return { first, last, full: `${first} ${last}` };
}

const ASCII_FOLD: Record<string, string> = { ü: 'ue', ö: 'oe', ä: 'ae', á: 'a', é: 'e', í: 'i', ó: 'o', ú: 'u', ñ: 'n', ç: 'c', ß: 'ss' };

/** The person's name as it would appear in an address's local part. */
export function asciiName(name: string): string {
  return name
    .toLowerCase()
    .split('')
    .map((ch) => ASCII_FOLD[ch] ?? ch)
    .join('')
    .replace(/[^a-z]/g, '');
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** A date in a few everyday notations: "14 March 1985", "1985-03-14", "03/14/1985", "14.03.1985". */
export function dateIn(random: Random, fromYear: number, toYear: number): string {
  const year = random.int(fromYear, toYear);
  const month = random.int(1, 12);
  const day = random.int(1, 28);
  const pad = (n: number) => String(n).padStart(2, '0');
  switch (random.int(0, 4)) {
    case 0:
      return `${day} ${MONTHS[month - 1]} ${year}`;
    case 1:
      return `${year}-${pad(month)}-${pad(day)}`;
    case 2:
      return `${pad(month)}/${pad(day)}/${year}`;
    case 3:
      return `${pad(day)}.${pad(month)}.${year}`;
    default:
      return `${MONTHS[month - 1]} ${day}, ${year}`;
  }
}
