// The built-in local responder: no model, no network. It answers by quoting the sentences of the
// retrieved passages that best match the question (BM25 over sentences, boosted by the passage's
// retrieval score), cites them with [n] markers, and says plainly when the passages do not hold
// the answer. Its output is streamed in several deltas like a model's.
import type { ProviderConfig } from '../config';
import { estimateTokens } from '../tokens';
import type { Citation, ContextPassage } from '../types';
import { quoteOf } from './generative';
import { ProviderError, type Provider, type ProviderAnswer, type ProviderCall } from './provider';

const STOPWORDS = new Set(
  (
    'a an the and or but if then else of to in on at by for with from into about as is are was were be been being ' +
    'do does did doing have has had having i me my we our you your he she it its they them their this that these ' +
    'those what which who whom whose when where why how can could should would will shall may might must not no ' +
    'so than too very just also any all some there here please tell explain describe give show know want need ' +
    'say said says document documents doc docs file according'
  ).split(' '),
);

function stem(word: string): string {
  if (word.length > 5 && word.endsWith('ing')) return word.slice(0, -3);
  if (word.length > 4 && word.endsWith('ies')) return `${word.slice(0, -3)}y`;
  if (word.length > 4 && word.endsWith('ed')) return word.slice(0, -2);
  if (word.length > 3 && word.endsWith('es') && !word.endsWith('ses')) return word.slice(0, -2);
  if (word.length > 3 && word.endsWith('s') && !word.endsWith('ss')) return word.slice(0, -1);
  return word;
}

export function terms(text: string): string[] {
  return (text.toLowerCase().match(/[\p{L}\p{N}]+(?:['’][\p{L}]+)?/gu) ?? [])
    .map((w) => w.replace(/['’]s$/, ''))
    .filter((w) => !STOPWORDS.has(w) && (w.length > 1 || /\d/.test(w)))
    .map(stem);
}

/** Markdown that marks a line's role, not its words: list bullets and numbers, quote markers. */
const LINE_MARKER = /^(?:>\s*)*(?:[-*+•]\s+|\d{1,3}[.)]\s+)?/;

/**
 * The sentences of a passage that could be quoted as an answer. Line breaks end a sentence (a
 * heading never runs into the sentence after it); markdown headings are left out (they name a
 * section, they answer nothing) and list and quote markers are dropped.
 */
export function splitSentences(text: string): string[] {
  return text
    .split(/\n+/)
    .map((line) => line.trim())
    .filter((line) => !/^#{1,6}\s/.test(line))
    .map((line) => line.replace(LINE_MARKER, ''))
    .flatMap((line) => line.replace(/\s+/g, ' ').split(/(?<=[.!?])\s+(?=[A-Z0-9"“([])|\s+[-•]\s+/))
    .map((s) => s.trim())
    .filter((s) => s.length >= 12 && /\p{L}/u.test(s));
}

interface ScoredSentence {
  passageIndex: number;
  position: number;
  text: string;
  score: number;
  matched: Set<string>;
}

const GREETING = /^\s*(?:hi|hello|hey|good (?:morning|afternoon|evening)|thanks|thank you)\b[\s!.,]*$/i;

/** The answer text and citations for a question over passages (exported for tests and the bench). */
export function extractiveAnswer(question: string, passages: ContextPassage[]): { text: string; citations: Citation[] } {
  if (GREETING.test(question)) {
    return {
      text: "Hello! I'm Switchyard's built-in responder. I answer by quoting the documents you've uploaded, with citations. Ask me something about them.",
      citations: [],
    };
  }
  if (passages.length === 0) {
    return {
      text:
        "I couldn't find anything in your documents to answer this. I'm the built-in extractive responder, so I can only " +
        'answer by quoting your uploaded documents: try turning on document search, uploading a document that covers ' +
        'this, or configuring a generative model.',
      citations: [],
    };
  }
  // An address in the question ("send this to jane@acme.com") says where, not what: its pieces
  // would count as question words no passage holds.
  const queryTerms = [...new Set(terms(question.replace(/\S+@\S+|\bhttps?:\/\/\S+/gi, ' ')))];
  const sentences: ScoredSentence[] = [];
  passages.forEach((passage, passageIndex) => {
    splitSentences(passage.text).forEach((text, position) => {
      sentences.push({ passageIndex, position, text, score: 0, matched: new Set() });
    });
  });
  if (queryTerms.length === 0 || sentences.length === 0) return notFound(passages);

  // BM25 with sentences as documents.
  const tokenized = sentences.map((s) => terms(s.text));
  const avgLength = tokenized.reduce((sum, t) => sum + t.length, 0) / tokenized.length || 1;
  const docFreq = new Map<string, number>();
  for (const tokens of tokenized) for (const t of new Set(tokens)) docFreq.set(t, (docFreq.get(t) ?? 0) + 1);
  const k1 = 1.2;
  const b = 0.75;
  sentences.forEach((sentence, i) => {
    const tokens = tokenized[i] ?? [];
    const freq = new Map<string, number>();
    for (const t of tokens) freq.set(t, (freq.get(t) ?? 0) + 1);
    let score = 0;
    for (const q of queryTerms) {
      const f = freq.get(q);
      if (!f) continue;
      sentence.matched.add(q);
      const df = docFreq.get(q) ?? 0;
      const idf = Math.log(1 + (sentences.length - df + 0.5) / (df + 0.5));
      score += (idf * (f * (k1 + 1))) / (f + k1 * (1 - b + (b * tokens.length) / avgLength));
    }
    const retrieval = passages[sentence.passageIndex]?.score;
    sentence.score = score * (1 + 0.25 * (typeof retrieval === 'number' ? Math.max(0, Math.min(1, retrieval)) : 0));
  });

  const ranked = sentences.filter((s) => s.matched.size > 0).sort((x, y) => y.score - x.score);
  const best = ranked[0];
  // The best sentence must cover a real part of the question, else the documents don't answer it.
  const needed = queryTerms.length <= 2 ? 1 : Math.ceil(queryTerms.length * 0.34);
  if (!best || best.matched.size < needed) return notFound(passages);

  const chosen = ranked.filter((s) => s.score >= best.score * 0.45).slice(0, 4);
  // Readable order: by passage rank, then by position inside the passage.
  chosen.sort((x, y) => x.passageIndex - y.passageIndex || x.position - y.position);

  const citations: Citation[] = [];
  const numberOf = new Map<number, number>();
  const quotes = new Map<number, string[]>();
  const parts: string[] = [];
  for (const sentence of chosen) {
    let n = numberOf.get(sentence.passageIndex);
    if (n === undefined) {
      n = numberOf.size + 1;
      numberOf.set(sentence.passageIndex, n);
      quotes.set(sentence.passageIndex, []);
    }
    quotes.get(sentence.passageIndex)?.push(sentence.text);
    parts.push(`${sentence.text.replace(/\s*$/, '')} [${n}]`);
  }
  for (const [passageIndex] of [...numberOf.entries()].sort((x, y) => x[1] - y[1])) {
    const passage = passages[passageIndex];
    if (!passage) continue;
    citations.push({
      id: passage.id,
      documentId: passage.documentId,
      title: passage.title,
      chunkIndex: passage.chunkIndex,
      quote: quoteOf((quotes.get(passageIndex) ?? []).join(' ')),
    });
  }
  const titles = [...new Set(citations.map((c) => `“${c.title}”`))];
  const intro = `Here is what your documents say (from ${titles.length === 1 ? titles[0] : `${titles.slice(0, -1).join(', ')} and ${titles.at(-1)}`}):`;
  const partial = best.matched.size < queryTerms.length * 0.5 ? '\n\nThese passages only partly match your question, so check the cited sources.' : '';
  return { text: `${intro}\n\n${parts.join(' ')}${partial}`, citations };
}

function notFound(passages: ContextPassage[]): { text: string; citations: Citation[] } {
  const titles = [...new Set(passages.map((p) => `“${p.title}”`))].slice(0, 3);
  return {
    text:
      `I couldn't find the answer in your documents. I looked through ${passages.length} passage${passages.length === 1 ? '' : 's'}` +
      `${titles.length > 0 ? ` from ${titles.join(', ')}` : ''}, and none of them addresses this question. ` +
      'Try rephrasing, or upload a document that covers it.',
    citations: [],
  };
}

/** Splits text into a few word-group deltas that join back to the text. */
export function deltasOf(text: string, wordsPerDelta = 6): string[] {
  const words = text.match(/\S+\s*|\s+/g) ?? [];
  const out: string[] = [];
  for (let i = 0; i < words.length; i += wordsPerDelta) out.push(words.slice(i, i + wordsPerDelta).join(''));
  return out;
}

export function createExtractiveProvider(config: ProviderConfig): Provider {
  return {
    id: config.id,
    kind: 'local-extractive',
    local: true,
    models: config.models,
    async chat(call: ProviderCall): Promise<ProviderAnswer> {
      const question = [...call.messages].reverse().find((m) => m.role === 'user')?.content ?? '';
      const answer = extractiveAnswer(question, call.context ?? []);
      for (const delta of deltasOf(answer.text)) {
        if (call.signal.aborted) throw new ProviderError('the request was cancelled', 'aborted');
        call.onDelta(delta);
        await new Promise<void>((resolve) => setImmediate(resolve)); // let the caller flush each delta
      }
      const promptTokens = estimateTokens(call.messages.map((m) => m.content).join('\n') + (call.context ?? []).map((p) => p.text).join('\n'));
      const completionTokens = estimateTokens(answer.text);
      return {
        text: answer.text,
        citations: answer.citations,
        usage: { promptTokens, completionTokens, totalTokens: promptTokens + completionTokens, estimated: true },
        finishReason: 'stop',
      };
    },
    async ping() {},
  };
}
