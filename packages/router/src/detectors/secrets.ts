// API keys, tokens, private keys and connection strings, by the rule table in secret-rules.ts.
import { FOLLOWED_BY_CHARS, looksRandom, placeholderSecret, SECRET_RULE_PATTERNS, SECRET_RULES, type SecretRule } from './secret-rules';
import { registerDetector, type Finding } from './registry';
import { longTokens, regroupedTokens, reversed, rot13 } from '../decodings';
import { TextView } from './text-view';

function realSecret(rule: SecretRule, match: RegExpExecArray | RegExpMatchArray, text: string): boolean {
  const value = rule.value === undefined ? match[0] : (match[rule.value] ?? '');
  if (rule.followedBy) {
    const end = (match.index ?? 0) + match[0].length;
    return rule.followedBy.test(text.slice(end, end + FOLLOWED_BY_CHARS));
  }
  if (placeholderSecret(value) || placeholderSecret(match[0])) return false;
  // "secret = toUint8Array(key)": a name-keyed value right before "(" is a call in code, not a literal.
  if (rule.generic && text[(match.index ?? 0) + match[0].length] === '(') return false;
  return !rule.generic || looksRandom(value);
}

/** Does the text hold one of the literals every match of the rule contains (see SecretRule.hint)? */
export function mayHold(rule: SecretRule, view: TextView): boolean {
  return rule.hint === undefined || view.mayContain(rule.hint, rule.pattern.ignoreCase);
}

/** The first real (not example, not placeholder) match of a rule in the text, if any. */
export function firstSecret(rule: SecretRule, text: string): RegExpMatchArray | undefined {
  for (const match of text.matchAll(rule.pattern)) if (realSecret(rule, match, text)) return match;
  return undefined;
}

function detectWith(rules: readonly SecretRule[], view: TextView): Finding[] {
  const findings: Finding[] = [];
  for (const rule of rules) {
    if (findings.some((f) => f.kind === rule.kind) || !mayHold(rule, view)) continue;
    if (firstSecret(rule, view.text)) findings.push({ kind: rule.kind, sensitivity: 'confidential', what: rule.what });
  }
  return findings;
}

registerDetector({
  id: 'secrets',
  patterns: SECRET_RULE_PATTERNS,
  detect: (view) => detectWith(SECRET_RULES, view),
});

/**
 * The rules of keys with a vendor's prefix ("sk-proj-", "ghp_", "AKIA"): the only ones read in the
 * text reversed or ROT13'd. A rule without one would read noise there: ROT13 turns the placeholder
 * "redis://user:pass@…" into a connection string with the password "cnff".
 */
const PREFIXED_RULES = SECRET_RULES.filter((rule) => !rule.generic && rule.followedBy === undefined && rule.hint !== undefined && rule.hint.every((hint) => /[A-Za-z]/.test(hint)));

/** What the prefixed rules' literals look like reversed and ROT13'd (lower case: a token is compared lower-cased). */
const PREFIX_HINTS = PREFIXED_RULES.flatMap((rule) => rule.hint ?? []).map((hint) => hint.toLowerCase());
const REVERSED_HINTS = [...new Set(PREFIX_HINTS.map(reversed))];
const ROT13_HINTS = [...new Set(PREFIX_HINTS.map(rot13))];

/** The longest token read for a rewritten key (the longest keys, JWTs and PyPI tokens, are a few hundred characters). */
const MAX_KEY_TOKEN = 1024;

/** The tokens holding one of the hints, each rewritten back (only the hints found in all of them are tried per token). */
function rewrittenBack(tokens: string[], lowerJoined: string, hints: string[], rewrite: (token: string) => string): string[] {
  const present = hints.filter((hint) => lowerJoined.includes(hint));
  if (present.length === 0) return [];
  return tokens.filter((token) => present.some((hint) => token.toLowerCase().includes(hint))).map(rewrite);
}

/**
 * Keys with a vendor's prefix written backwards or in ROT13 (in the canonical text's long tokens:
 * only tokens holding one of the rules' literals so rewritten are turned back and read), in groups
 * of a few characters, or with markdown's marks inside.
 */
export function findRewrittenSecrets(canonical: string): Finding[] {
  const findings: Finding[] = [];
  const tokens = longTokens(canonical).filter((token) => token.length <= MAX_KEY_TOKEN);
  if (tokens.length > 0) {
    const lowerJoined = tokens.join('\n').toLowerCase();
    for (const back of [rewrittenBack(tokens, lowerJoined, REVERSED_HINTS, reversed), rewrittenBack(tokens, lowerJoined, ROT13_HINTS, rot13)]) {
      if (back.length > 0) findings.push(...detectWith(PREFIXED_RULES, new TextView(back.join('\n'))));
    }
  }
  // Written in groups ("sk-pr oj-Q7 vN2kL …") or with markdown's marks inside: joined up.
  const regrouped = regroupedTokens(canonical).join('\n');
  const lowerRegrouped = regrouped.toLowerCase();
  if (regrouped !== '' && PREFIX_HINTS.some((hint) => lowerRegrouped.includes(hint))) findings.push(...detectWith(PREFIXED_RULES, new TextView(regrouped)));
  return findings;
}
