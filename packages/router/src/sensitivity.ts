// Sensitivity detection. Each detector (one file under src/detectors) looks for something a text
// *contains* (an address, a key, a record about a named person), not for a topic it talks about:
// "how should I store card numbers?" mentions cards but holds none, so it stays public. Detectors
// read the normalised views of the text built in normalize.ts, never the raw text, and every
// pattern they run is linear in its input (checked by src/linear-time.test.ts).
//
// Levels (documented in README.md):
//   confidential  personal data (personal email, phone, national id, passport, driving licence,
//                 payment card, IBAN, a date of birth or home address of a person), secrets and
//                 credentials, health / personnel records about a named person, material
//                 non-public information, and the markings "confidential", "NDA", "privileged".
//   internal      the markings "internal only", "internal use", "do not distribute",
//                 "not for external distribution", "proprietary".
//   public        everything else.
import { createHash } from 'node:crypto';
import { detectors, TextView, type Finding } from './detectors';
import { findRewrittenSecrets } from './detectors/secrets';
import { findInWrittenText } from './detectors/written';
import { findScriptMarkings, markingFindings } from './detectors/markings';
import { redactPasswords } from './detectors/password';
import { SECRET_RULES } from './detectors/secret-rules';
import { detectionTexts, normalizeText } from './normalize';
import { SENSITIVITIES, type Sensitivity, type Signal } from './types';

export type { Finding } from './detectors';
export { ibanValid, luhnValid } from './checksums';

const rank = (level: Sensitivity) => SENSITIVITIES.indexOf(level);

export function maxSensitivity(...levels: (Sensitivity | undefined)[]): Sensitivity {
  let best: Sensitivity = 'public';
  for (const level of levels) if (level && rank(level) > rank(best)) best = level;
  return best;
}

/**
 * The findings of texts read lately. A routed request is read twice on purpose — when it is
 * classified, and again by `chat` on exactly what it is about to send (fail-closed) — and the
 * second reading is most often of the same texts: detection is a pure function of the text, so
 * the second reading looks the answer up (a third of a plain /v1 call's detection work, twice).
 * A coding agent sends its whole conversation with every turn: its earlier turns are looked up
 * too, so a turn costs what it adds. Texts up to MEMO_MAX_CHARS are their own key; longer ones
 * (up to the request limit) are keyed by their SHA-256, ~0.3 ms for 100 KB against ~70 ms to read
 * them. The MEMO_ENTRIES texts read or looked up most recently.
 */
const MEMO_ENTRIES = 512;
const MEMO_MAX_CHARS = 16_384;
const memo = new Map<string, readonly Finding[]>();
const memoKey = (text: string) => (text.length <= MEMO_MAX_CHARS ? text : `sha256:${createHash('sha256').update(text).digest('base64')}`);

/** Every finding in `text`, one per kind, across its normalised, despaced and decoded views. */
export function findSensitive(text: string): Finding[] {
  if (text.length === 0) return [];
  const key = memoKey(text);
  const remembered = memo.get(key);
  if (remembered) {
    // Least recently used goes first: an agent's earlier turns are read again every turn.
    memo.delete(key);
    memo.set(key, remembered);
    return [...remembered];
  }
  const findings = new Map<string, Finding>();
  const add = (found: Finding[]) => {
    for (const finding of found) if (!findings.has(finding.kind)) findings.set(finding.kind, finding);
  };
  const views = detectionTexts(text);
  for (const viewText of views) {
    const view = new TextView(viewText);
    for (const detector of detectors()) add(detector.detect(view));
  }
  // A key written backwards or in ROT13, in the canonical text (the first view).
  add(findRewrittenSecrets(views[0] ?? ''));
  // Words in scripts the canonical text maps to Latin look-alikes, read in the text as written (detectors/written.ts).
  add(findInWrittenText(text));
  const found = [...findings.values()];
  if (memo.size >= MEMO_ENTRIES) memo.delete(memo.keys().next().value!);
  memo.set(key, Object.freeze([...found]));
  return found;
}

/** How much of a conversation turn's end and the next turn's start are read together. */
const SEAM_CHARS = 200;
const CONTINUATION_MARK = /^[ \t\n.\u2026]{0,8}/;
// The first figure of a turn, after a few words ("last four are 3176", "the rest is 4417 0921").
const LEADING_FIGURE = /^[^\d\n]{0,40}?(\d(?:[ -]?\d){0,19})/;

/** A turn that ends in a figure, continued by a figure early in the next: the two figures joined. */
function figureSeam(previous: string, next: string): string | undefined {
  const tail = previous.slice(-SEAM_CHARS).trimEnd();
  const last = tail.charCodeAt(tail.length - 1);
  if (!(last >= 48 && last <= 57)) return undefined;
  const figure = LEADING_FIGURE.exec(next.slice(0, SEAM_CHARS));
  return figure ? `${tail} ${figure[1]!}` : undefined;
}

/** A turn this long is read on its own (and remembered), not joined to the turns around it. */
const LONG_TURN_CHARS = 2_000;

/**
 * The conversation in the pieces it is read in: each run of short turns joined by line breaks
 * (a cue in one turn and its value two turns later are read together: "Date of birth?" … "one
 * sec" … "12 March 1985"), each long turn on its own. A coding agent resends its whole conversation
 * every turn, files and all: its earlier pieces are the same texts again and are looked up in
 * the memo, so a turn costs what it adds, where reading the joined conversation cost all of it.
 */
function conversationPieces(turns: readonly string[]): string[] {
  const pieces: string[] = [];
  let run: string[] = [];
  for (const turn of turns) {
    if (turn.length < LONG_TURN_CHARS) {
      run.push(turn);
      continue;
    }
    if (run.length > 0) pieces.push(run.join('\n'));
    run = [];
    pieces.push(turn);
  }
  if (run.length > 0) pieces.push(run.join('\n'));
  return pieces;
}

/**
 * Findings in a conversation read as a whole: its runs of short turns joined by line breaks and
 * its long turns each on its own (conversationPieces), plus each seam between consecutive turns
 * joined with nothing between, so a number or key split across two turns ("my card is 4111
 * 1111" … "1111 1111") is found.
 */
export function findSensitiveInConversation(turns: readonly string[]): Finding[] {
  if (turns.length < 2) return findSensitive(turns[0] ?? '');
  // A continuation often starts with an ellipsis or a space ("…h3Xq — that's the rest"): drop it so
  // the two halves touch.
  const seams = turns.slice(1).map((turn, i) => turns[i]!.slice(-SEAM_CHARS).trimEnd() + turn.slice(0, SEAM_CHARS).replace(CONTINUATION_MARK, ''));
  // "my SSN starts 512-48" … "last four are 3176": the figure that continues one.
  for (let i = 1; i < turns.length; i++) {
    const seam = figureSeam(turns[i - 1]!, turns[i]!);
    if (seam !== undefined) seams.push(seam);
  }
  const found = new Map<string, Finding>();
  for (const finding of [...conversationPieces(turns).flatMap(findSensitive), ...findSensitive(seams.join('\n;\n'))]) {
    if (!found.has(finding.kind)) found.set(finding.kind, finding);
  }
  return [...found.values()];
}

/** How much of a document's start counts as its header, where a marking labels the whole document. */
export const DOCUMENT_HEADER_CHARS = 1500;

/**
 * Explicit markings that label a whole document: those in its header (a "CONFIDENTIAL" banner
 * on top). A marking further down labels only the chunk it stands in.
 */
export function documentMarkings(text: string): Finding[] {
  const header = text.slice(0, DOCUMENT_HEADER_CHARS);
  const found = markingFindings(new TextView(normalizeText(header)));
  // A banner in another script ("【極秘】", "КОНФИДЕНЦИАЛЬНО"), read in the header as written.
  for (const marking of findScriptMarkings(header.normalize('NFKC'))) if (!found.some((f) => f.kind === marking.kind)) found.push(marking);
  return found;
}

export function toSignals(findings: Finding[], where: string): Signal[] {
  return findings.map((finding) => ({ kind: finding.kind, sensitivity: finding.sensitivity, reason: `${where} contains ${finding.what}` }));
}

/** Sensitivity of a piece of text (the worker labels document content with this). */
export function detectSensitivity(text: string): { sensitivity: Sensitivity; signals: Signal[] } {
  const findings = findSensitive(text);
  return { sensitivity: maxSensitivity(...findings.map((f) => f.sensitivity)), signals: toSignals(findings, 'text') };
}

/** The highest sensitivity of any of the texts, each read on its own. */
export function highestSensitivity(texts: readonly string[]): Sensitivity {
  return maxSensitivity(...texts.flatMap((text) => findSensitive(text).map((finding) => finding.sensitivity)));
}

/** Replaces anything that looks like a secret with `[redacted]`; for error messages and logs. */
export function redactSecrets(text: string): string {
  let out = text;
  for (const rule of SECRET_RULES) {
    out = out.replace(rule.pattern, (match: string, ...groups: unknown[]) => {
      const value = rule.value === undefined ? undefined : groups[rule.value - 1];
      return typeof value === 'string' && value.length > 0 ? match.replace(value, '[redacted]') : '[redacted]';
    });
  }
  return redactPasswords(out);
}
