// Where a text names a person: "Mr Patel", "Sarah Connor", "Employee: Priya", "John's". Records,
// addresses and dates of birth are personal only next to such a name. Found once per text.
import { findEmails } from './email';
import { registerSharedPatterns } from './registry';
import type { Span, TextView } from './text-view';

const NOT_A_NAME = new Set(
  (
    'the a an this that these those what how why when where who which whose can could should would will is are was ' +
    'do does did please hi hello dear thanks thank i we you they he she it my our your their new old north south east west ' +
    'monday tuesday wednesday thursday friday saturday sunday january february march april may june july august ' +
    'september october november december type stage level grade class annual q1 q2 q3 q4 hr it us uk eu ' +
    'performance salary medical health review diagnosis patient employee manager team company department ' +
    'explain write summarize compare design list give tell show describe draft create help make find ' +
    'if for and or but not all any each every some no yes as at by in on of to from with about after before ' +
    'great first last next general united human public private internal annual global national federal central ' +
    'am im an auf zum zur la le el los las les rue via calle example sample ' +
    // Opening hours ("Open Mon-Fri") and the words German capitalises before a noun ("Unsere Firma").
    'open opens closed hours mon tue tues wed thu thur thurs fri sat sun ' +
    'unser unsere unseren unserem unserer ihr ihre ihren ihrem mein meine meinen sehr liebe lieber bitte'
  ).split(' '),
);

// Second words that make a capitalised pair a place or an organisation, not a person.
const NOT_A_SURNAME = new Set(
  (
    'street st road rd avenue ave lane ln drive dr boulevard blvd way court ct place pl square terrace close crescent ' +
    'parkway highway park city county state hall house building office tower plaza center centre mall market ' +
    'inc ltd llc llp plc corp corporation company co group bank university college school hospital clinic institute ' +
    'foundation association council committee board agency ministry department services solutions systems ' +
    'technologies labs partners capital holdings ventures industries airport station hotel restaurant cafe store ' +
    'river lake mountain island beach valley bay kingdom states republic union act policy plan program programme ' +
    'project team review report handbook guide manual notes memo meeting summit conference ' +
    'retail freight logistics media foods payments health energy motors airlines pharma insurance consulting ' +
    'software networks analytics digital studios brands goods supply trading traders clinics ai robotics dynamics ' +
    'finance financial bio biotech therapeutics security cloud data works shipping transport travel properties realty code ' +
    'mon tue tues wed thu thur thurs fri sat sun mo di mi do fr sa so'
  ).split(' '),
);

// Group 1 (first name) and group 2 (second word), when present, are checked against the lists above.
const TITLED = /\b(?:Mr|Mrs|Ms|Mx|Dr|Miss|Prof|Herr|Frau|Mme|Mlle|Sr|Sra)\.? {0,2}[A-Z][a-z]+/g;
const FULL_NAME = /\b([A-Z][a-z]+)(?: [A-Z]\.)? {1,2}([A-Z][a-z]+)(?:-[A-Z][a-z]+)?\b/g;
const ROLE_NAME = /\b(?:[Ee]mployee|[Pp]atient|[Cc]olleague|[Cc]o-?worker|[Ss]taff member|[Cc]andidate|[Cc]ustomer|[Cc]lient|[Tt]enant|[Nn]ame)(?: {1,2}[:#]? {0,2}|[:#] {0,2})[A-Z][a-z]+/g;
const POSSESSIVE = /\b([A-Z][a-z]+)'s\b/g;
const NOT_LETTER = /[^a-z]/g;

registerSharedPatterns('people', [TITLED, FULL_NAME, ROLE_NAME, POSSESSIVE, NOT_LETTER]);

/**
 * Is a name the start of a mail domain in the text ("Arbor Learning" next to
 * "dpo@arborlearning.io" is the organisation)? The domains, letters only and sorted, are read
 * on first use, and each name is one binary search.
 */
function organisationCheck(text: string): (name: string) => boolean {
  let domains: string[] | undefined;
  return (name) => {
    domains ??= text.includes('@') ? [...new Set(findEmails(text).map((email) => email.domain.toLowerCase().replace(NOT_LETTER, '')))].sort() : [];
    if (domains.length === 0) return false;
    const letters = name.toLowerCase().replace(NOT_LETTER, '');
    let low = 0;
    let high = domains.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (domains[mid]! < letters) low = mid + 1;
      else high = mid;
    }
    return low < domains.length && domains[low]!.startsWith(letters);
  };
}

/**
 * A bold label ("**Key Principle:** Start with…", as in the system prompts coding agents send)
 * is a section's name in Title Case, not a person's.
 */
function isBoldLabel(text: string, start: number, length: number): boolean {
  return text.startsWith('**', start - 2) && text[start + length] === ':';
}

function findPeople(text: string): Span[] {
  const spans: Span[] = [];
  const isOrganisation = organisationCheck(text);
  for (const pattern of [TITLED, FULL_NAME, ROLE_NAME, POSSESSIVE]) {
    for (const match of text.matchAll(pattern)) {
      if (match[1] !== undefined && NOT_A_NAME.has(match[1].toLowerCase())) continue;
      if (match[2] !== undefined && (NOT_A_SURNAME.has(match[2].toLowerCase()) || NOT_A_NAME.has(match[2].toLowerCase()))) continue;
      if (pattern === FULL_NAME && (isOrganisation(match[0]) || isBoldLabel(text, match.index, match[0].length))) continue;
      spans.push({ start: match.index, end: match.index + match[0].length });
    }
  }
  spans.sort((a, b) => a.start - b.start);
  // Merge overlaps so the spans stay sorted by end as well (see anyNear).
  const merged: Span[] = [];
  for (const span of spans) {
    const last = merged.at(-1);
    if (last && span.start < last.end) last.end = Math.max(last.end, span.end);
    else merged.push({ ...span });
  }
  return merged;
}

/** Spans of text that name a person, sorted and not overlapping. */
export function people(view: TextView): Span[] {
  return view.memo(findPeople, findPeople);
}
