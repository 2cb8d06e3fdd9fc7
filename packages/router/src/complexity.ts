// A feature-based complexity estimator: length, number of asks, reasoning verbs, code, math and
// constraints push the score up; short lookups ("what is", "translate", greetings) pull it down.
// Linear in the text, a handful of regexes: well under 0.5 ms for ordinary messages.
import type { Complexity, Signal } from './types';

const REASONING =
  /\b(?:design|architect(?:ure)?|prove|proof|derive|derivation|analy[sz]e|analysis|compare|contrast|evaluate|trade-?offs?|step[- ]by[- ]step|justify|critique|optimi[sz]e|refactor|debug|diagnose|plan|strategy|strategies|reason about|implications|in depth|thorough(?:ly)?|comprehensive|pros and cons)\b/gi;
const CODE = /```|\b(?:function|const|let|var|def|class|import|return|public static|SELECT|INSERT|UPDATE)\b[^\n]{0,80}[({;=:]|=>|\w+\([^)]*\)\s*\{|#include|<\/?[a-z]+>/;
const MATH = /\\(?:frac|int|sum|sqrt|lim)|\b(?:integral|derivative|theorem|lemma|equation|matrix|eigen\w*|probability|big-?o|complexity of|asymptotic)\b|\d\s*[+\-*/^=]\s*\d|[∑∫√≤≥≠]/i;
const CONSTRAINTS = /\b(?:must|must not|should not|without|at most|at least|no more than|within|under \d|constraints?|requirements?|ensure|guarantee|edge cases?|backwards? compatible|scalab\w+|concurren\w+|thread-?safe)\b/gi;
const SIMPLE_OPENERS =
  /^\s*(?:hi|hello|hey|thanks|thank you|what is|what's|what are|who is|who was|when (?:is|was|did)|where is|define|translate|spell|convert|how many|how much|is it|is there|yes|no|ok)\b/i;
const ASK_VERBS = /(?:^|[.;\n]\s*|\band\s+(?:also\s+)?|\bthen\s+)(?:explain|write|list|describe|give|show|implement|create|build|design|compare|analy[sz]e|summari[sz]e|propose|outline|suggest|estimate|calculate)\b/gi;

export interface ComplexityEstimate {
  complexity: Complexity;
  score: number;
  signals: Signal[];
}

function count(text: string, pattern: RegExp): number {
  let n = 0;
  for (const _ of text.matchAll(pattern)) n++;
  return n;
}

export function estimateComplexity(text: string): ComplexityEstimate {
  const signals: Signal[] = [];
  const words = text.trim().length === 0 ? 0 : text.trim().split(/\s+/).length;
  const questions = count(text, /\?/g);
  const listItems = count(text, /(?:^|\n)\s*(?:\d+[.)]|[-*•])\s+\S/g);
  const asks = Math.max(questions, 1) + listItems + Math.max(0, count(text, ASK_VERBS) - 1);
  const reasoning = new Set([...text.matchAll(REASONING)].map((m) => m[0].toLowerCase())).size;
  const constraints = new Set([...text.matchAll(CONSTRAINTS)].map((m) => m[0].toLowerCase())).size;
  const hasCode = CODE.test(text);
  const hasMath = MATH.test(text);

  let score = 0.2;
  if (words <= 8) score -= 0.12;
  if (words > 60) score += 0.1;
  if (words > 150) score += 0.12;
  if (words > 400) score += 0.1;
  if (asks >= 3) {
    score += Math.min(0.2, 0.06 * (asks - 1));
    signals.push({ kind: 'complexity.multiple_asks', reason: `message makes ${asks} separate requests` });
  }
  if (reasoning > 0) {
    score += Math.min(0.36, 0.2 + 0.08 * (reasoning - 1));
    signals.push({ kind: 'complexity.reasoning', reason: 'message asks for design, analysis, comparison or proof' });
  }
  if (hasCode) {
    score += 0.14;
    signals.push({ kind: 'complexity.code', reason: 'message contains code' });
  }
  if (hasMath) {
    score += 0.12;
    signals.push({ kind: 'complexity.math', reason: 'message involves math' });
  }
  if (constraints >= 2) {
    score += Math.min(0.18, 0.06 * constraints);
    signals.push({ kind: 'complexity.constraints', reason: `message sets ${constraints} constraints` });
  }
  if (SIMPLE_OPENERS.test(text) && words <= 20 && reasoning === 0 && !hasCode) {
    score -= 0.1;
    signals.push({ kind: 'complexity.lookup', reason: 'message is a short lookup question' });
  }
  score = Math.min(1, Math.max(0, score));
  const complexity: Complexity = score < 0.2 ? 'simple' : score >= 0.55 ? 'complex' : 'moderate';
  if (signals.length === 0) {
    signals.push({ kind: 'complexity.length', reason: words <= 20 ? 'message is short and direct' : `message is ${words} words long` });
  }
  return { complexity, score: Math.round(score * 1000) / 1000, signals };
}
