// API keys, tokens, private keys and connection strings, by the rule table in secret-rules.ts.
import { FOLLOWED_BY_CHARS, looksRandom, placeholderSecret, SECRET_RULE_PATTERNS, SECRET_RULES, type SecretRule } from './secret-rules';
import { registerDetector, type Finding } from './registry';
import type { TextView } from './text-view';

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

registerDetector({
  id: 'secrets',
  patterns: SECRET_RULE_PATTERNS,
  detect(view): Finding[] {
    const findings: Finding[] = [];
    for (const rule of SECRET_RULES) {
      if (findings.some((f) => f.kind === rule.kind) || !mayHold(rule, view)) continue;
      if (firstSecret(rule, view.text)) findings.push({ kind: rule.kind, sensitivity: 'confidential', what: rule.what });
    }
    return findings;
  },
});
