// Builds the labelled benchmark from a seed: sensitive messages (every family × every technique
// that applies to it), ordinary messages, and documents. Same seed, same data.
import type { ChatTurn, Sensitivity } from '../../src/types';
import { DOCUMENT_MAKERS, type DocumentKind, type GeneratedDocument } from './documents';
import { FAMILIES, type Family, type FamilyId, type Variant } from './families';
import { ORDINARY } from './ordinary';
import { createRandom, type Random } from './random';
import { concatenated, cutPoint, hasSeparators, homoglyphs, nbspBetweenWords, obfuscateSpan, reverseText, rot13Text, spellDigits, TECHNIQUES, toBase32, toBase64, toHex, toQuotedPrintable, type SpanTechnique, type Technique } from './techniques';

export interface MessageCase {
  id: string;
  /** `sensitive`: holds a value of `family`; `ordinary`: talks about things, holds none. */
  group: 'sensitive' | 'ordinary';
  family?: FamilyId;
  category?: string;
  technique: Technique;
  expected: Sensitivity;
  message: string;
  history?: ChatTurn[];
  /** The plain value or key phrase the message carries (sensitive cases only). */
  value?: string;
}

export interface DocumentCase extends GeneratedDocument {
  id: string;
}

export interface Dataset {
  seed: number;
  messages: MessageCase[];
  documents: DocumentCase[];
}

/** Variants per (family, technique) cell; the untouched baseline gets more to cover every template. */
export const VARIANTS_PLAIN = 8;
export const VARIANTS_PER_TECHNIQUE = 3;
/** Documents per kind. */
export const DOCUMENTS_PER_KIND = 5;

/** The techniques that make sense for a family (no spacing out a 200-character key, no en dash inside a sentence). */
export function techniquesFor(family: Family): Technique[] {
  return TECHNIQUES.filter((technique) => {
    switch (technique) {
      case 'spaced':
        return family.spaced && family.shape !== 'text';
      case 'nbsp_separator':
        return family.separators;
      case 'en_dash_separator':
        return family.separators && family.shape !== 'text';
      case 'line_break':
        return family.shape !== 'text';
      case 'spelled_digits':
        return SPELLABLE.has(family.id);
      case 'reversed':
      case 'rot13':
        return PREFIXED_KEYS.has(family.id);
      case 'string_concat':
        return family.shape === 'secret' && family.id !== 'private_key' && family.id !== 'password';
      default:
        return true;
    }
  });
}

/** Families whose values are digits with separators: they can be spelled out word by word. */
const SPELLABLE = new Set<FamilyId>(['us_ssn', 'payment_card', 'ca_sin', 'aadhaar', 'phone']);
/** Keys and tokens with a vendor's prefix ("sk-", "ghp_", "AKIA", "eyJ"): written backwards or ROT13'd to slip past a scanner. */
const PREFIXED_KEYS = new Set<FamilyId>(['aws_key', 'github_token', 'openai_key', 'anthropic_key', 'stripe_key', 'slack_token', 'jwt', 'other_api_key']);

const identity = (word: string) => word;
const SENTINEL = '\u0000VALUE\u0000';

const ENCODED_CARRIERS: ((encoded: string, technique: 'base64' | 'hex') => string)[] = [
  (e, t) => `Can you decode this ${t === 'hex' ? 'hex string' : 'base64'} for me? ${e}`,
  (e) => `Found this in a log line, what is it?\n${e}`,
  (e) => `payload=${e}`,
  (e, t) => (t === 'hex' ? `echo ${e} | xxd -r -p` : `echo ${e} | base64 -d`),
  (e) => `The QR code on the form decodes to ${e}, what does it say?`,
];

const BASE32_CARRIERS: ((encoded: string) => string)[] = [
  (e) => `Can you decode this base32 for me? ${e}`,
  (e) => `echo ${e} | base32 -d`,
  (e) => `stored as base32 by the exporter: ${e}`,
];

const SECRET_CARRIERS: ((name: string, encoded: string, technique: 'base64' | 'hex') => string)[] = [
  (name, e, t) =>
    t === 'base64'
      ? `apiVersion: v1\nkind: Secret\nmetadata:\n  name: app-secrets\ntype: Opaque\ndata:\n  ${name}: ${e}`
      : `# stored hex-encoded by the old deploy script\n${name}_HEX=${e}`,
  (name, e, t) => `"${name}": "${e}"  // ${t}-encoded by the config loader`,
  (name, e, t) => `${name}_${t === 'base64' ? 'B64' : 'HEX'}=${e}`,
];

function encode(text: string, technique: 'base64' | 'hex', random: Random): string {
  return technique === 'base64' ? toBase64(text) : toHex(text, random);
}

/** Renders one variant with one technique; undefined when the technique has nothing to work on. */
function render(family: Family, variant: Variant, technique: Technique, random: Random): Pick<MessageCase, 'message' | 'history'> | undefined {
  const plain = variant.render(variant.value, identity);
  if (variant.render(variant.value, identity) !== plain) throw new Error(`${family.id}: a template draws random numbers while rendering; draw them in make()`);
  switch (technique) {
    case 'base64':
    case 'hex': {
      if (family.shape === 'secret' && family.secretName && random.chance(0.5)) {
        return { message: random.pick(SECRET_CARRIERS)(family.secretName, encode(variant.value, technique, random), technique) };
      }
      if (family.shape === 'secret') return { message: variant.render(encode(variant.value, technique, random), identity) };
      return { message: random.pick(ENCODED_CARRIERS)(encode(plain, technique, random), technique) };
    }
    case 'base32':
      return { message: random.pick(BASE32_CARRIERS)(toBase32(plain)) };
    case 'quoted_printable': {
      // The soft break falls inside the value, as a wrapping encoder may put it.
      const at = plain.indexOf(variant.value);
      const cut = at + Math.max(1, cutPoint(variant.value, false).head.length);
      return { message: `Content-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: quoted-printable\n\n${toQuotedPrintable(plain, cut)}` };
    }
    case 'string_concat':
      return { message: variant.render(concatenated(variant.value, random), identity) };
    case 'reversed':
      return { message: `${variant.render(reverseText(variant.value), identity)} (written backwards)` };
    case 'rot13':
      return { message: `${variant.render(rot13Text(variant.value), identity)} (rot13)` };
    case 'split_turns': {
      const [before = '', after = ''] = variant.render(SENTINEL, identity).split(SENTINEL);
      if (family.shape === 'text') {
        // The person (or the heading) in one turn, the record in the next.
        if (before.trim() === '') return { history: [{ role: 'user', content: variant.value }], message: after.trim() };
        return { history: [{ role: 'user', content: before.trimEnd() }], message: variant.value + after };
      }
      const { head, tail } = cutPoint(variant.value, family.separators);
      return { history: [{ role: 'user', content: before + head }], message: tail + after };
    }
    default: {
      const spanTechnique = technique as SpanTechnique;
      if ((technique === 'nbsp_separator' || technique === 'en_dash_separator') && !hasSeparators(variant.value)) return undefined;
      // In a sentence only the spaces become non-breaking; "1961-02-17" keeps its hyphens.
      if (technique === 'nbsp_separator' && family.shape === 'text' && !variant.value.includes(' ')) return undefined;
      const span = technique === 'nbsp_separator' && family.shape === 'text' ? nbspBetweenWords(variant.value, random) : obfuscateSpan(variant.value, spanTechnique, random, family.separators);
      const keyword = technique === 'homoglyph' ? (word: string) => homoglyphs(word, random) : identity;
      const message = variant.render(span, keyword);
      if (technique !== 'plain' && message === plain) return undefined;
      return { message };
    }
  }
}

function sensitiveMessages(seed: number): MessageCase[] {
  const cases: MessageCase[] = [];
  for (const family of FAMILIES) {
    for (const technique of techniquesFor(family)) {
      const random = createRandom(seed).fork(`${family.id}/${technique}`);
      const wanted = technique === 'plain' ? VARIANTS_PLAIN : VARIANTS_PER_TECHNIQUE;
      const firstTemplate = random.int(0, 99);
      let made = 0;
      for (let attempt = 0; made < wanted && attempt < wanted * 20; attempt++) {
        const variants = family.make(random, {
          grouped: technique === 'nbsp_separator' || technique === 'en_dash_separator',
          short: technique === 'spaced',
        });
        // Walk the templates in turn so a cell covers different sentences and languages.
        const variant = variants[(firstTemplate + made + attempt) % variants.length] as Variant;
        const rendered = render(family, variant, technique, random);
        if (!rendered) continue;
        cases.push({ id: `${family.id}.${technique}.${made}`, group: 'sensitive', family: family.id, technique, expected: family.expected, value: variant.value, ...rendered });
        made++;
      }
      if (made < wanted) throw new Error(`${family.id} × ${technique}: only ${made} of ${wanted} variants could be made`);
    }
  }
  return cases;
}

/** Benign rewrites ordinary pasted text really has (NBSP, soft hyphens from word processors, base64 blobs). */
const ORDINARY_TECHNIQUES: Technique[] = ['nbsp_separator', 'soft_hyphen', 'zero_width', 'fullwidth', 'line_break', 'base64'];

function ordinaryMessages(seed: number): MessageCase[] {
  const cases: MessageCase[] = [];
  for (const [category, makers] of Object.entries(ORDINARY)) {
    const random = createRandom(seed).fork(`ordinary/${category}`);
    let n = 0;
    for (const make of makers) {
      // A maker that draws names or numbers is used three times, a fixed sentence once.
      const first = make(random);
      const draws = [first];
      for (let i = 0; i < 2; i++) {
        const again = make(random);
        if (again !== first && !draws.includes(again)) draws.push(again);
      }
      for (const message of draws) {
        cases.push({ id: `ordinary.${category}.${n++}`, group: 'ordinary', category, technique: 'plain', expected: 'public', message });
        if (random.chance(0.2)) {
          const technique = random.pick(ORDINARY_TECHNIQUES);
          const rewritten = technique === 'base64' ? `Can you decode this? ${toBase64(message)}` : rewriteWords(message, technique as SpanTechnique, random);
          if (rewritten !== message) cases.push({ id: `ordinary.${category}.${n++}`, group: 'ordinary', category, technique, expected: 'public', message: rewritten });
        }
      }
    }
  }
  return [...cases, ...encodedOrdinary(cases, seed)];
}

/** Encodings added with the later techniques, applied to ordinary messages: they must stay public once decoded. */
const ORDINARY_ENCODINGS = ['code_escape', 'html_entities', 'url_encoded', 'quoted_printable', 'spelled_digits', 'base32'] as const;

/**
 * About a quarter of the plain ordinary messages again, each in one of ORDINARY_ENCODINGS (a
 * random stream of its own, so the cases above stay as they were): a JSON-escaped snippet, an
 * HTML page's text, a URL, a mail body, an order number read out, a base32 blob.
 */
function encodedOrdinary(plain: MessageCase[], seed: number): MessageCase[] {
  const random = createRandom(seed).fork('ordinary/encoded');
  const cases: MessageCase[] = [];
  let n = 0;
  for (const source of plain.filter((item) => item.technique === 'plain')) {
    if (!random.chance(0.25)) continue;
    const technique = random.pick(ORDINARY_ENCODINGS);
    const message =
      technique === 'quoted_printable'
        ? toQuotedPrintable(source.message, Math.floor(source.message.length / 2))
        : technique === 'base32'
          ? `Can you decode this? ${toBase32(source.message)}`
          : technique === 'spelled_digits'
            ? source.message.replace(/\d[\d\s.\-/]*\d/g, (figure) => spellDigits(figure, random))
            : obfuscateSpan(source.message, technique, random);
    if (message !== source.message) cases.push({ id: `ordinary.encoded.${n++}`, group: 'ordinary', category: source.category, technique, expected: 'public', message });
  }
  return cases;
}

/** Applies a span technique to a few words of an ordinary sentence. */
function rewriteWords(message: string, technique: SpanTechnique, random: Random): string {
  if (technique === 'nbsp_separator') return message.replace(/ /g, () => (random.chance(0.4) ? '\u00a0' : ' '));
  if (technique === 'line_break') {
    const { head, tail } = cutPoint(message);
    return `${head}\n${tail}`;
  }
  return message.replace(/\b[A-Za-z]{7,}\b/g, (word) => (random.chance(0.5) ? obfuscateSpan(word, technique, random) : word));
}

function documents(seed: number): DocumentCase[] {
  const cases: DocumentCase[] = [];
  for (const [kind, make] of Object.entries(DOCUMENT_MAKERS) as [DocumentKind, (random: Random) => GeneratedDocument][]) {
    const random = createRandom(seed).fork(`document/${kind}`);
    for (let i = 0; i < DOCUMENTS_PER_KIND; i++) cases.push({ id: `${kind}.${i}`, ...make(random) });
  }
  return cases;
}

export function buildDataset(seed: number): Dataset {
  return { seed, messages: [...sensitiveMessages(seed), ...ordinaryMessages(seed)], documents: documents(seed) };
}
