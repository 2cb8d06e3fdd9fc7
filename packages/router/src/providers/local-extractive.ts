// The built-in local responder: no model, no network. It answers by quoting whole sentences of
// the retrieved passages, cited with [n] markers, and says plainly when they do not hold the
// answer. Its output is streamed in several deltas like a model's.
//
// How it picks sentences:
// 1. The question is found inside the message (extractive/question.ts): greetings, preambles and
//    pasted identifiers are dropped, and the request is sorted into a plain question, a summary,
//    a request for dates, or "which documents mention X".
// 2. The passages become sentences (extractive/sentences.ts): overlapping chunks joined, lines
//    hard-wrapped mid-sentence (a .txt file wrapped at 72 characters, a PDF's lines) joined back,
//    cut fragments never quoted, headings and FAQ question lines kept as the context of the
//    sentences below them.
// 3. Each sentence is scored by meaning (cosine similarity of sentence-encoder vectors, when an
//    `embed` function is given: the API passes its local embedder) plus word evidence (the
//    IDF-weighted share of the question's stemmed words it holds). A sentence under an FAQ
//    question line that matches inherits part of that line's score, so the answer is quoted,
//    not the restated question. A question asking for an amount or a time ("How long…",
//    "When…") prefers sentences holding a number or a date (extractive/answer-type.ts).
//    Without `embed` (unit tests, or when embedding fails) only the word evidence counts, with
//    its own threshold.
// 4. A question naming something ("hotels in Lisbon") is answered only from the documents that
//    speak of it, and refused when no passage does (extractive/names.ts). A question typed all in
//    lower case takes its names from how the passages write its words ("brightdesk").
// 5. The best sentence must clear a threshold, or stand clearly above every other sentence, or
//    the answer is "I couldn't find the answer"; a few more are added only when they score
//    nearly as well.
// Thresholds were chosen on the tuning part of the answer eval (eval/answers, `pnpm eval:answers`).
import * as chrono from 'chrono-node';
import type { ProviderConfig } from '../config';
import { answerTypeOf, askedThing, asksForBound, holdsAnswerType, statesBound, type AnswerType } from '../extractive/answer-type';
import { contentTerms, TermWeights, trimEdges } from '../extractive/lexical';
import { lowerCaseNamesIn, namesIn, namesMissingFrom } from '../extractive/names';
import { earlierContext, focusQuestion, type FocusedQuestion } from '../extractive/question';
import { sentencesOf, type Sentence } from '../extractive/sentences';
import { estimateTokens } from '../tokens';
import type { Citation, ContextPassage } from '../types';
import { quoteOf } from './generative';
import { ProviderError, type Provider, type ProviderAnswer, type ProviderCall } from './provider';

/** Turns texts into vectors (the API passes its sentence encoder's `embed`). */
export type EmbedTexts = (texts: string[]) => Promise<number[][]>;

export interface ExtractiveDeps {
  /** Sentence embeddings for choosing sentences by meaning; without it, word overlap decides. */
  embed?: EmbedTexts;
  /** Told the focused question and the best-scored sentences (the eval's diagnostics). */
  trace?: (trace: { focus: FocusedQuestion; ranked: { text: string; score: number; [part: string]: unknown }[] }) => void;
}

export interface ExtractiveAnswer {
  text: string;
  citations: Citation[];
}

/** Scoring settings, chosen on the tuning split of eval/answers. */
const TUNING = {
  /** Weight of the word evidence next to the cosine similarity. */
  lexicalWeight: 0.35,
  /** How much of an FAQ question line's similarity the sentences below it inherit. */
  questionLeadShare: 0.7,
  /** The same for a heading: less, a heading names a topic, not a question. */
  headingLeadShare: 0.4,
  /** Each further sentence below a lead inherits less. */
  leadDecay: 0.85,
  /** The best sentence must score this much (with embeddings) or nothing is quoted. */
  minScore: 0.6,
  /** A best sentence under minScore is still quoted when it scores this much... */
  clearWinnerScore: 0.5,
  /** ...and this much more than the next best sentence. */
  clearWinnerMargin: 0.08,
  /** Below this (with embeddings) the answer says it may only partly answer the question. */
  confidentScore: 0.7,
  /** Word-evidence-only threshold (no embeddings): about a third of the question's weighted words. */
  minLexicalScore: 0.35,
  /** Further sentences must score within this of the best one... */
  extraMargin: 0.08,
  /** ...or add this much of the question's weighted words that the chosen ones lack. */
  minAddedCoverage: 0.15,
  maxSentences: 3,
  /** Added to the score of a sentence holding a code of the question literally ("E1", "4.2.0"). */
  codeBonus: 0.15,
  /** Added per adjacent pair of question words the sentence holds side by side (at most two). */
  phraseBonus: 0.05,
  /** Added to the word evidence of sentences from a document the question names by its title. */
  namedDocumentBonus: 0.15,
  /** Added to a sentence holding the kind of fact the question asks for (an amount, a time). */
  answerTypeBonus: 0.1,
  /** A best sentence without the amount or time asked for gets the best one with it within this much. */
  typedRunnerUpMargin: 0.15,
  /** Added to a sentence naming the thing a "what" question asks for ("extension" in "What is the desk's extension?"). */
  askedThingBonus: 0.05,
  /** Added to a sentence stating a bound with its amount ("up to 25 MB") when the question asks for the largest or smallest allowed. */
  boundBonus: 0.05,
  /** "Which documents mention X": a sentence this similar to X mentions it even in other words. */
  mentionSimilarity: 0.5,
};

// ---------------------------------------------------------------------------------------------
// Embeddings with a cache: the same documents are asked about again and again.

/**
 * Wraps `embed` with an LRU cache of vectors by text, and embeds what is missing in small
 * batches, yielding to the event loop between them (the local encoder runs on the main thread).
 */
export function cachedEmbedder(embed: EmbedTexts, opts: { maxEntries?: number; batchSize?: number } = {}): EmbedTexts {
  const maxEntries = opts.maxEntries ?? 4000;
  const batchSize = Math.max(1, opts.batchSize ?? 16);
  const cache = new Map<string, Float32Array>();
  return async (texts) => {
    const missing = [...new Set(texts.filter((text) => !cache.has(text)))];
    for (let i = 0; i < missing.length; i += batchSize) {
      if (i > 0) await new Promise<void>((resolve) => setImmediate(resolve));
      const batch = missing.slice(i, i + batchSize);
      const vectors = await embed(batch);
      if (vectors.length !== batch.length) throw new Error(`embed returned ${vectors.length} vectors for ${batch.length} texts`);
      batch.forEach((text, k) => cache.set(text, Float32Array.from(vectors[k] as number[])));
    }
    const result = texts.map((text) => {
      const vector = cache.get(text) as Float32Array;
      cache.delete(text); // re-insert: the most recently used entries are last
      cache.set(text, vector);
      return Array.from(vector);
    });
    while (cache.size > maxEntries) cache.delete(cache.keys().next().value as string);
    return result;
  };
}

function cosine(a: number[] | undefined, b: number[] | undefined): number {
  if (!a || !b || a.length === 0 || a.length !== b.length) return 0;
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (let i = 0; i < a.length; i++) {
    const x = a[i] as number;
    const y = b[i] as number;
    dot += x * y;
    na += x * x;
    nb += y * y;
  }
  return na === 0 || nb === 0 ? 0 : dot / Math.sqrt(na * nb);
}

// ---------------------------------------------------------------------------------------------
// Fixed replies.

const GREETING = /^\s*(?:hi|hello|hey|good (?:morning|afternoon|evening)|thanks|thank you)\b[\s!.,]*$/i;

const greetingReply: ExtractiveAnswer = {
  text: "Hello! I'm Switchyard's built-in responder. I answer by quoting the documents you've uploaded, with citations. Ask me something about them.",
  citations: [],
};

const noPassagesReply: ExtractiveAnswer = {
  text:
    "I couldn't find anything in your documents to answer this. I'm the built-in extractive responder, so I can only " +
    'answer by quoting your uploaded documents: try turning on document search, uploading a document that covers ' +
    'this, or configuring a generative model.',
  citations: [],
};

function notFound(passages: ContextPassage[], missingNames: string[] = []): ExtractiveAnswer {
  const titles = [...new Set(passages.map((p) => `“${p.title}”`))].slice(0, 3);
  const names = missingNames.map((name) => `“${name}”`);
  return {
    text:
      `I couldn't find the answer in your documents. I looked through ${passages.length} passage${passages.length === 1 ? '' : 's'}` +
      `${titles.length > 0 ? ` from ${titles.join(', ')}` : ''}, and ` +
      `${names.length > 0 ? `none of them mentions ${titleList(names)}. ` : 'none of them addresses this question. '}` +
      'Try rephrasing, or upload a document that covers it.',
    citations: [],
  };
}

// ---------------------------------------------------------------------------------------------
// Citations: one number per passage, in the order passages are first quoted.

class CitationList {
  readonly citations: Citation[] = [];
  private readonly numbers = new Map<number, number>();
  private readonly quotes = new Map<number, string[]>();

  constructor(private readonly passages: ContextPassage[]) {}

  /** The sentence with its [n] marker. */
  cite(sentence: Sentence): string {
    let n = this.numbers.get(sentence.passageIndex);
    if (n === undefined) {
      n = this.numbers.size + 1;
      this.numbers.set(sentence.passageIndex, n);
      this.quotes.set(sentence.passageIndex, []);
    }
    this.quotes.get(sentence.passageIndex)?.push(sentence.text);
    return `${sentence.text} [${n}]`;
  }

  build(): Citation[] {
    return [...this.numbers.entries()]
      .sort((a, b) => a[1] - b[1])
      .flatMap(([passageIndex]) => {
        const passage = this.passages[passageIndex];
        if (!passage) return [];
        return [{ id: passage.id, documentId: passage.documentId, title: passage.title, chunkIndex: passage.chunkIndex, quote: quoteOf((this.quotes.get(passageIndex) ?? []).join(' ')) }];
      });
  }
}

const titleList = (titles: string[]) => (titles.length === 1 ? (titles[0] as string) : `${titles.slice(0, -1).join(', ')} and ${titles.at(-1) as string}`);

// ---------------------------------------------------------------------------------------------
// Scoring.

interface Context {
  passages: ContextPassage[];
  focus: FocusedQuestion;
  sentences: Sentence[];
  /** Vectors by sentence index; undefined without embeddings. */
  vectors?: number[][];
  questionVector?: number[];
  topicVector?: number[];
  terms: string[][];
  /** Content words of each document's title. */
  titleTerms: Map<string, string[]>;
  weights: TermWeights;
  /** Documents in the order of their best-ranked passage. */
  documentOrder: string[];
  trace?: ExtractiveDeps['trace'];
}

interface Scored {
  sentence: Sentence;
  index: number;
  score: number;
  parts?: Record<string, number>;
}

/** Quotable as an answer: a whole sentence, or a heading that carries a fact ("4.2.0 — 18 June 2025"). */
function isCandidate(sentence: Sentence): boolean {
  if (sentence.fragment) return false;
  return sentence.role === 'answer' || (sentence.role === 'heading' && /\d/.test(sentence.text) && sentence.text.includes(' '));
}

/** Opens with a word that points back ("This rest is called the autolyse."): needs the sentence before. */
const POINTS_BACK = new Set('this that these those it its they their such he she there'.split(' '));

/** Each quotable sentence's score for the focused question (meaning + words + FAQ context). */
function scoreSentences(ctx: Context, questionTerms: string[], wanted: AnswerType | undefined): Scored[] {
  const scored: Scored[] = [];
  const identifiers = ctx.focus.identifiers.map((id) => id.toLowerCase());
  const codes = codesOf(ctx.focus.text);
  const named = namedDocuments(ctx, questionTerms);
  const questionPairs = new Set(questionTerms.slice(1).map((term, i) => `${questionTerms[i] as string} ${term}`));
  const thing = askedThing(ctx.focus.text);
  const thingTerm = thing === undefined ? undefined : contentTerms(thing)[0];
  const wantsBound = asksForBound(ctx.focus.text);
  ctx.sentences.forEach((sentence, index) => {
    if (!isCandidate(sentence) || sentence.text === titleOf(ctx, sentence.documentId)) return;
    const own = new Set(ctx.terms[index]);
    const leadIndex = sentence.lead;
    const lead = leadIndex === undefined ? undefined : ctx.sentences[leadIndex];
    // The heading or FAQ question above, and the document's title, say what the sentence is about.
    const withLead = new Set([...own, ...(leadIndex === undefined ? [] : (ctx.terms[leadIndex] ?? [])), ...(ctx.titleTerms.get(sentence.documentId) ?? [])]);
    let lexical = 0.6 * ctx.weights.coverage(questionTerms, own) + 0.4 * ctx.weights.coverage(questionTerms, withLead);
    const text = ` ${sentence.text.toLowerCase()} `;
    if (identifiers.some((id) => text.includes(id))) lexical += 0.3;
    // Codes the question names ("E1", "4.2.0", "pk_test_") found literally are strong evidence.
    const codeFound = codes.some((code) => text.includes(code));
    if (named.has(sentence.documentId)) lexical += TUNING.namedDocumentBonus;
    let score: number;
    const parts: Record<string, number> = { lexical };
    if (ctx.vectors && ctx.questionVector) {
      const similarity = cosine(ctx.questionVector, ctx.vectors[index]);
      parts.own = similarity;
      let semantic = similarity;
      if (lead && leadIndex !== undefined) {
        const share = (lead.role === 'question' ? TUNING.questionLeadShare : TUNING.headingLeadShare) * TUNING.leadDecay ** sentence.sinceLead;
        const leadSimilarity = cosine(ctx.questionVector, ctx.vectors[leadIndex]);
        semantic = Math.max(similarity, (1 - share) * similarity + share * leadSimilarity);
      }
      parts.semantic = semantic;
      score = semantic + TUNING.lexicalWeight * lexical;
    } else {
      score = lexical;
    }
    if (codeFound) score += TUNING.codeBonus;
    // Two question words side by side in the sentence too ("initial term", "rate limit").
    score += TUNING.phraseBonus * Math.min(2, sharedPairs(questionPairs, ctx.terms[index] ?? []));
    // "How long…", "When…": a sentence with a number or a date is more likely the answer.
    if (wanted && holdsAnswerType(sentence.text, wanted)) score += TUNING.answerTypeBonus;
    // "What's the largest file I can attach?": "Attachments can be up to 25 MB" states the bound.
    if (wantsBound && holdsAnswerType(sentence.text, 'amount') && statesBound(sentence.text)) score += TUNING.boundBonus;
    // "What is the … extension?": a sentence that names an extension.
    if (thingTerm !== undefined && own.has(thingTerm)) score += TUNING.askedThingBonus;
    if (sentence.role === 'heading') score -= 0.05;
    scored.push({ sentence, index, score, parts });
  });
  return scored.sort((a, b) => b.score - a.score);
}

/** How many of the question's adjacent word pairs stand side by side in `terms` too. */
function sharedPairs(questionPairs: Set<string>, terms: string[]): number {
  const found = new Set(terms.slice(1).map((term, i) => `${terms[i] as string} ${term}`).filter((pair) => questionPairs.has(pair)));
  return found.size;
}

/** Tokens of the question that read as codes: letters with digits ("E1", "v4"), versions, snake_case, --flags. */
function codesOf(question: string): string[] {
  return question
    .split(/\s+/)
    .map((token) => trimEdges(token, (ch) => !'("\'“‘)”’.,;:!?'.includes(ch)).toLowerCase())
    .filter((token) => token.length >= 2 && ((/\d/.test(token) && /[\p{L}._]/u.test(token)) || token.includes('_') || token.startsWith('--')));
}

/** The documents whose title holds `term`, when not every document's title does (then it names them). */
function documentsNamedBy(ctx: Context, term: string): string[] {
  const holders = ctx.documentOrder.filter((documentId) => ctx.titleTerms.get(documentId)?.includes(term));
  return holders.length < ctx.documentOrder.length ? holders : [];
}

/**
 * Documents the question names by a word of their title that the other documents' titles lack
 * ("Do nonprofits get a discount on Brightdesk?"): their sentences are preferred.
 */
function namedDocuments(ctx: Context, questionTerms: string[]): Set<string> {
  return new Set([...new Set(questionTerms)].flatMap((term) => documentsNamedBy(ctx, term)));
}

/** The names in the question (capitalised words: "Parcelly", not "employees") that name `documentId` by its title. */
function namingTerms(ctx: Context, question: string, documentId: string): string[] {
  const names = (question.match(/(?<![\p{L}\p{N}])\p{Lu}[\p{L}\p{N}]*/gu) ?? []).flatMap((word) => contentTerms(word));
  return [...new Set(names)].filter((term) => documentsNamedBy(ctx, term).includes(documentId));
}

/**
 * The sentences of the documents that speak of the names the question asks about (in their title
 * or a passage): "What is the cancellation fee for hotels in Lisbon?" over a Lisbon guide and a
 * dog kennel's FAQ is not answered by the kennel's cancellation fee. With several names, the
 * documents naming the most of them.
 */
function onNamedDocuments(ctx: Context, ranked: Scored[]): Scored[] {
  const names = [
    ...namesIn(ctx.focus.question).map((name) => name.toLowerCase()),
    ...lowerCaseNamesIn(ctx.focus.question, ctx.passages.map((p) => p.text)),
  ];
  if (names.length === 0) return ranked;
  const named = new Map(
    ctx.documentOrder.map((documentId) => {
      const texts = [titleOf(ctx, documentId), ...ctx.passages.filter((p) => p.documentId === documentId).map((p) => p.text)].map((text) => text.toLowerCase());
      return [documentId, names.filter((name) => texts.some((text) => text.includes(name))).length];
    }),
  );
  const most = Math.max(...named.values());
  return most === 0 ? ranked : ranked.filter((item) => named.get(item.sentence.documentId) === most);
}

function readingOrder(ctx: Context): (a: Scored, b: Scored) => number {
  return (a, b) =>
    ctx.documentOrder.indexOf(a.sentence.documentId) - ctx.documentOrder.indexOf(b.sentence.documentId) || a.sentence.order - b.sentence.order;
}

/** The sentence right after `sentence` in its document, if it can be quoted. */
function nextInDocument(ctx: Context, index: number): Scored | undefined {
  const sentence = ctx.sentences[index] as Sentence;
  // Skip one sub-heading ("### New") between a heading and its first sentence.
  for (let step = 1; step <= 2; step++) {
    const nextIndex = ctx.sentences.findIndex((s) => s.documentId === sentence.documentId && s.order === sentence.order + step);
    const next = ctx.sentences[nextIndex];
    if (next && next.role === 'answer' && !next.fragment) return { sentence: next, index: nextIndex, score: 0 };
    if (!next || next.role !== 'heading') return undefined;
  }
  return undefined;
}

/** The sentence right before `sentence` in its document, if it can be quoted. */
function previousInDocument(ctx: Context, index: number): Scored | undefined {
  const sentence = ctx.sentences[index] as Sentence;
  const previousIndex = ctx.sentences.findIndex((s) => s.documentId === sentence.documentId && s.order === sentence.order - 1);
  const previous = ctx.sentences[previousIndex];
  return previous && previous.role === 'answer' && !previous.fragment ? { sentence: previous, index: previousIndex, score: 0 } : undefined;
}

// ---------------------------------------------------------------------------------------------
// The four kinds of answer.

function directAnswer(ctx: Context, maxSentences = TUNING.maxSentences): ExtractiveAnswer {
  const questionTerms = contentTerms(ctx.focus.text);
  if (questionTerms.length === 0) return notFound(ctx.passages);
  // The kind of fact asked for (an amount, a time): scores sentences, and picks a typed runner-up below.
  const wanted = answerTypeOf(ctx.focus.text);
  const scored = scoreSentences(ctx, questionTerms, wanted);
  ctx.trace?.({ focus: ctx.focus, ranked: scored.slice(0, 4).map((item) => ({ text: item.sentence.text, score: Math.round(item.score * 1000) / 1000, ...item.parts })) });
  // A name the question asks about ("the Lisbon Oceanarium", "contractors in Canada") that no
  // passage mentions: whatever reads as similar is about something else.
  const knownTerms = new Set([...ctx.terms.flat(), ...[...ctx.titleTerms.values()].flat()]);
  const missing = namesMissingFrom(ctx.focus.question, ctx.passages.flatMap((p) => [p.title, p.text]), knownTerms);
  if (missing.length > 0) return notFound(ctx.passages, missing);
  const ranked = onNamedDocuments(ctx, scored);
  const best = ranked[0];
  const threshold = ctx.vectors ? TUNING.minScore : TUNING.minLexicalScore;
  // A sentence under the threshold that stands clearly above every other one is still the answer
  // ("Is tipping customary there?" after a line of context that dilutes the question).
  // (The runner-up among all sentences: a document left out for not naming the question's names still competes.)
  const runnerUp = scored.find((item) => item !== best);
  const clearWinner =
    ctx.vectors !== undefined && best !== undefined && best.score >= TUNING.clearWinnerScore && best.score - (runnerUp?.score ?? 0) >= TUNING.clearWinnerMargin;
  if (!best || (best.score < threshold && !clearWinner)) return notFound(ctx.passages);

  // Further sentences: nearly as good as the best, or answering a part of the question the
  // chosen ones leave open ("How many days do I get, and can I carry them over?").
  const chosen: Scored[] = [best];
  // A name in the question that names the document by its title ("the Parcelly API") is covered
  // by the title: no sentence is needed for it ("Parcelly was founded in 2014" is padding).
  const covered = new Set([...(ctx.terms[best.index] ?? []), ...namingTerms(ctx, ctx.focus.text, best.sentence.documentId)]);
  for (const candidate of ranked.slice(1)) {
    if (chosen.length >= maxSentences || candidate.score < threshold) break;
    const terms = ctx.terms[candidate.index] ?? [];
    const adds = ctx.weights.coverage(questionTerms, new Set([...covered, ...terms])) - ctx.weights.coverage(questionTerms, covered);
    const nearlyBest = candidate.score >= best.score - TUNING.extraMargin;
    const answersMore = adds >= TUNING.minAddedCoverage && candidate.sentence.documentId === best.sentence.documentId;
    if (!nearlyBest && !answersMore) continue;
    chosen.push(candidate);
    terms.forEach((term) => covered.add(term));
  }
  // "How much is the garden waste subscription?" best matched by "The garden waste service is an
  // optional subscription.": the asked-for amount (or time) is in a close runner-up of the same
  // document ("The subscription costs 52 pounds per bin"), so that one is quoted too.
  if (wanted && !chosen.some((item) => holdsAnswerType(item.sentence.text, wanted))) {
    const typed = ranked.find(
      (candidate) =>
        candidate.sentence.documentId === best.sentence.documentId && candidate.score >= Math.max(threshold, best.score - TUNING.typedRunnerUpMargin) && holdsAnswerType(candidate.sentence.text, wanted),
    );
    if (typed) chosen.push(typed);
  }
  // A sentence that only opens the answer ("Yes.", "Do this:", a heading) needs the one after it.
  for (const item of [...chosen]) {
    const opensOnly = item.sentence.role === 'heading' || item.sentence.text.endsWith(':') || item.sentence.text.split(' ').length <= 3;
    const next = opensOnly ? nextInDocument(ctx, item.index) : undefined;
    if (next && !chosen.some((c) => c.index === next.index)) chosen.push(next);
  }
  for (const item of [...chosen]) {
    const firstWord = item.sentence.text.split(' ')[0]?.toLowerCase() ?? '';
    const previous = POINTS_BACK.has(firstWord) ? previousInDocument(ctx, item.index) : undefined;
    if (previous && previous.sentence.passageIndex === item.sentence.passageIndex && !chosen.some((c) => c.index === previous.index)) chosen.push(previous);
  }
  chosen.sort(readingOrder(ctx));

  const citations = new CitationList(ctx.passages);
  const body = chosen.map((item) => citations.cite(item.sentence)).join(' ');
  const cited = citations.build();
  const titles = [...new Set(cited.map((c) => `“${c.title}”`))];
  const unsure = ctx.vectors !== undefined && best.score < TUNING.confidentScore;
  const caution = unsure ? '\n\nThese passages may only partly answer your question, so check the cited source.' : '';
  return { text: `Here is what your documents say (from ${titleList(titles)}):\n\n${body}${caution}`, citations: cited };
}

/** Documents whose title names the topic ("Summarize the Lisbon travel guide"), best first. */
function documentsNamed(ctx: Context, topic: string): string[] {
  const topicTerms = contentTerms(topic);
  if (topicTerms.length === 0) return [];
  return ctx.documentOrder
    .map((documentId) => {
      const title = ctx.passages.find((p) => p.documentId === documentId)?.title ?? '';
      const titleTerms = new Set(contentTerms(title));
      return { documentId, share: topicTerms.filter((term) => titleTerms.has(term)).length / topicTerms.length };
    })
    .filter((d) => d.share >= 0.5)
    .sort((a, b) => b.share - a.share)
    .map((d) => d.documentId);
}

function titleOf(ctx: Context, documentId: string): string {
  return ctx.passages.find((p) => p.documentId === documentId)?.title ?? documentId;
}

/** Key sentences of one document: the most central ones (by meaning, or by shared words). */
function keySentences(ctx: Context, documentId: string, count: number): Scored[] {
  const own = ctx.sentences.map((sentence, index) => ({ sentence, index })).filter(({ sentence }) => sentence.documentId === documentId && isCandidate(sentence));
  const informative = own.filter(({ sentence }) => sentence.text.split(' ').length >= 5);
  const pool = informative.length > 0 ? informative : own;
  let scored: Scored[];
  if (ctx.vectors) {
    const dimensions = ctx.vectors[pool[0]?.index ?? 0]?.length ?? 0;
    const centroid = new Array<number>(dimensions).fill(0);
    for (const { index } of pool) (ctx.vectors[index] ?? []).forEach((value, d) => (centroid[d] = (centroid[d] ?? 0) + value));
    scored = pool.map(({ sentence, index }) => ({ sentence, index, score: cosine(centroid, ctx.vectors?.[index]) }));
  } else {
    const frequency = new Map<string, number>();
    for (const { index } of pool) for (const term of new Set(ctx.terms[index])) frequency.set(term, (frequency.get(term) ?? 0) + 1);
    scored = pool.map(({ sentence, index }) => {
      const terms = [...new Set(ctx.terms[index])];
      return { sentence, index, score: terms.reduce((sum, term) => sum + (frequency.get(term) ?? 0), 0) / Math.sqrt(terms.length + 1) };
    });
  }
  // The document's opening sentence usually says what it is about.
  const first = pool.reduce<Scored | undefined>((min, item) => (!min || item.sentence.order < min.sentence.order ? { ...item, score: 0 } : min), undefined);
  const ranked = scored.sort((a, b) => b.score - a.score);
  const chosen: Scored[] = first && ctx.passages[first.sentence.passageIndex]?.chunkIndex === 0 ? [first] : [];
  for (const item of ranked) {
    if (chosen.length >= count) break;
    if (chosen.some((c) => c.index === item.index)) continue;
    if (ctx.vectors && chosen.some((c) => cosine(ctx.vectors?.[c.index], ctx.vectors?.[item.index]) > 0.8)) continue;
    chosen.push(item);
  }
  return chosen.sort((a, b) => a.sentence.order - b.sentence.order);
}

function summaryAnswer(ctx: Context): ExtractiveAnswer {
  const named = documentsNamed(ctx, ctx.focus.topic);
  // "Summarise the refund policy": a topic, not a document; answer it with a few more sentences.
  if (named.length === 0 && contentTerms(ctx.focus.topic).length > 0) {
    const topical = directAnswer(ctx, 4);
    if (!topical.text.startsWith("I couldn't")) return topical;
  }
  const targets = (named.length > 0 ? named : ctx.documentOrder).slice(0, named.length > 0 ? 2 : 3);
  const citations = new CitationList(ctx.passages);
  const sections = targets.flatMap((documentId) => {
    const sentences = keySentences(ctx, documentId, 3);
    return sentences.length === 0 ? [] : [`**“${titleOf(ctx, documentId)}”**: ${sentences.map((item) => citations.cite(item.sentence)).join(' ')}`];
  });
  if (sections.length === 0) return notFound(ctx.passages);
  // The chat service gives a request for the newest document that document alone; several
  // documents mean they came from a search, which knows nothing of upload dates.
  const recency = /\b(?:recent|latest|newest|last)\b/i.test(ctx.focus.text) && ctx.documentOrder.length > 1
    ? ' I cannot see when each document was uploaded, so these are the documents that best match your request.'
    : '';
  return { text: `Here are the key points of ${sections.length === 1 ? 'the document' : 'the documents'} I found.${recency}\n\n${sections.join('\n\n')}`, citations: citations.build() };
}

/** A dates answer over several documents lists the dated sentences of this many. */
const MAX_DATED_DOCUMENTS = 4;

const DEADLINE_WORDS = new Set('due deadline deadlines by until before expire expires submit launch launches starts start ends retired'.split(' '));

/** Whether a sentence names a calendar date (not "within 30 days", not a weekday alone). */
function hasCalendarDate(text: string): boolean {
  return chrono.strict.parse(text.slice(0, 500)).some((result) => result.start.isCertain('month') && !/^(?:within|in|for|after)\b/i.test(result.text));
}

function datesAnswer(ctx: Context): ExtractiveAnswer {
  const named = documentsNamed(ctx, ctx.focus.topic);
  const targets = named.length > 0 ? named.slice(0, 2) : ctx.documentOrder;
  const citations = new CitationList(ctx.passages);
  // The first documents (in the order given) that hold dates; documents without any are skipped.
  const sections: string[] = [];
  for (const documentId of targets) {
    if (sections.length >= MAX_DATED_DOCUMENTS) break;
    const dated = ctx.sentences
      .map((sentence, index) => ({ sentence, index, score: 0 }))
      .filter(
        ({ sentence }) =>
          sentence.documentId === documentId && !sentence.fragment && sentence.role !== 'question' && sentence.text !== titleOf(ctx, documentId) && hasCalendarDate(sentence.text),
      );
    if (dated.length === 0) continue;
    // Many dates: keep those that read as deadlines first, then the rest in reading order.
    const limit = targets.length === 1 ? 8 : 4;
    const picked = dated.length <= limit ? dated : [...dated].sort((a, b) => deadlineScore(ctx, b.index) - deadlineScore(ctx, a.index)).slice(0, limit);
    picked.sort((a, b) => a.sentence.order - b.sentence.order);
    sections.push(`**“${titleOf(ctx, documentId)}”**\n${picked.map((item) => `- ${citations.cite(item.sentence)}`).join('\n')}`);
  }
  if (sections.length === 0) return notFound(ctx.passages);
  return { text: `Here are the dates I found in your documents:\n\n${sections.join('\n\n')}`, citations: citations.build() };
}

function deadlineScore(ctx: Context, index: number): number {
  return (ctx.sentences[index]?.text.toLowerCase().split(/[^\p{L}]+/u) ?? []).filter((word) => DEADLINE_WORDS.has(word)).length;
}

function mentionsAnswer(ctx: Context): ExtractiveAnswer {
  const topicTerms = [...new Set(contentTerms(ctx.focus.topic))];
  if (topicTerms.length === 0) return directAnswer(ctx);
  const citations = new CitationList(ctx.passages);
  const lines: string[] = [];
  for (const documentId of ctx.documentOrder) {
    let best: Scored | undefined;
    ctx.sentences.forEach((sentence, index) => {
      if (sentence.documentId !== documentId || sentence.fragment || sentence.role === 'heading') return;
      const terms = new Set(ctx.terms[index]);
      const shared = topicTerms.filter((term) => terms.has(term)).length / topicTerms.length;
      const similarity = ctx.topicVector ? cosine(ctx.topicVector, ctx.vectors?.[index]) : 0;
      const mentions = shared === 1 || similarity >= TUNING.mentionSimilarity;
      const score = shared + similarity;
      if (mentions && (!best || score > best.score)) best = { sentence, index, score };
    });
    if (best) lines.push(`- **“${titleOf(ctx, documentId)}”**: ${citations.cite(best.sentence)}`);
  }
  if (lines.length === 0) return notFound(ctx.passages);
  const count = lines.length === 1 ? 'One of the documents I searched mentions' : `${lines.length} of the documents I searched mention`;
  return { text: `${count} ${ctx.focus.topic}:\n\n${lines.join('\n')}`, citations: citations.build() };
}

// ---------------------------------------------------------------------------------------------

/**
 * The answer text and citations for a message over passages. With `embed`, sentences are chosen
 * by meaning and words; without it (or if embedding fails), by words alone.
 */
export async function extractiveAnswer(message: string, passages: ContextPassage[], deps: ExtractiveDeps = {}, earlier: readonly string[] = []): Promise<ExtractiveAnswer> {
  if (GREETING.test(message)) return greetingReply;
  if (passages.length === 0) return noPassagesReply;
  const focus = focusQuestion(message);
  // A follow-up ("When do they expire?") is read by meaning together with the questions it leans on.
  const context = earlierContext(message, earlier);
  const sentences = sentencesOf(passages);
  if (sentences.length === 0) return notFound(passages);
  const terms = sentences.map((sentence) => contentTerms(sentence.text));
  const documentOrder = [...new Set(passages.map((p) => p.documentId))];
  const titleTerms = new Map(passages.map((p) => [p.documentId, contentTerms(p.title)]));
  const ctx: Context = { passages, focus, sentences, terms, titleTerms, weights: new TermWeights(terms), documentOrder, ...(deps.trace ? { trace: deps.trace } : {}) };
  // Dates are found by their calendar form: the encoder has nothing to choose.
  if (deps.embed && focus.intent !== 'dates') {
    const queries = [context === undefined ? focus.text : `${context}\n${focus.text}`, ...(focus.topic ? [focus.topic] : [])];
    try {
      const vectors = await deps.embed([...queries, ...sentences.map((s) => s.text)]);
      ctx.questionVector = vectors[0];
      if (focus.topic) ctx.topicVector = vectors[1];
      ctx.vectors = vectors.slice(queries.length);
    } catch {
      // The words alone still answer; a failing encoder must not fail the chat.
      ctx.vectors = undefined;
    }
  }
  switch (focus.intent) {
    case 'summary':
      return summaryAnswer(ctx);
    case 'dates':
      return datesAnswer(ctx);
    case 'mentions':
      return mentionsAnswer(ctx);
    default:
      return directAnswer(ctx);
  }
}

/** Splits text into a few word-group deltas that join back to the text. */
export function deltasOf(text: string, wordsPerDelta = 6): string[] {
  const words = text.match(/\S+\s*|\s+/g) ?? [];
  const out: string[] = [];
  for (let i = 0; i < words.length; i += wordsPerDelta) out.push(words.slice(i, i + wordsPerDelta).join(''));
  return out;
}

export function createExtractiveProvider(config: ProviderConfig, deps: ExtractiveDeps = {}): Provider {
  const answerDeps: ExtractiveDeps = deps.embed ? { embed: cachedEmbedder(deps.embed) } : {};
  return {
    id: config.id,
    kind: 'local-extractive',
    local: true,
    models: config.models,
    async chat(call: ProviderCall): Promise<ProviderAnswer> {
      const asked = call.messages.filter((m) => m.role === 'user').map((m) => m.content);
      const answer = await extractiveAnswer(asked.at(-1) ?? '', call.context ?? [], answerDeps, asked.slice(0, -1));
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
