// Which passages a chat message needs. Most messages ask something a search answers; but
// "Summarize my most recent document" names nothing to search for (the newest document is the
// answer, whatever its words), and "What are the key dates and deadlines?" or "Summarize the
// tenancy agreement" want a whole document (or a few), not the five passages most similar to the
// request's words. The chat service asks this plan before it retrieves, with the documents the
// caller can read, newest first; the answer eval does the same.
import { contentTerms } from './lexical';
import { focusQuestion, retrievalQuery } from './question';

/** A document the caller can read, as the plan needs it. */
export interface PlannableDocument {
  id: string;
  title: string;
}

export type DocumentPlan =
  /** Search the documents with this query (the question without greetings, ids and preambles). */
  | { kind: 'search'; query: string }
  /**
   * Read these documents' passages in order, no search: at most `passagesPerDocument` of each
   * and `maxPassages` in all (the context also goes to generative models).
   */
  | { kind: 'documents'; documentIds: string[]; passagesPerDocument: number; maxPassages: number; reason: 'newest' | 'named' | 'all' };

/** Words that ask for the newest document ("my latest upload", "the last file I added"). */
const RECENCY = new Set('recent recently latest newest last new'.split(' '));
const DOCUMENT_NOUNS = new Set('document documents doc docs file files upload uploads pdf report notes'.split(' '));
/** Words of a request that name no topic: "my documents", "everything", "all my files" (stemmed). */
const EVERYTHING = new Set('everyth anyth upload'.split(' '));

/** A summary reads a document's opening passages; a dates request reads more of each. */
const SUMMARY_PASSAGES = 6;
const DATES_PASSAGES = 8;
const MAX_PASSAGES = 24;
/** A summary over "my documents" covers the newest few; a dates request looks further. */
const LIBRARY_SUMMARY_DOCUMENTS = 4;
const LIBRARY_DATES_DOCUMENTS = 8;

/** "my most recent document", "the latest upload", "the last file I added": a recency word before a document noun or "I uploaded". */
function asksForNewest(text: string): boolean {
  const words = text.toLowerCase().split(/[^\p{L}]+/u).filter((word) => word !== '');
  return words.some((word, i) => {
    if (!RECENCY.has(word)) return false;
    const after = words.slice(i + 1, i + 5);
    return after.slice(0, 2).some((next) => DOCUMENT_NOUNS.has(next)) || (after.includes('i') && after.some((next) => next === 'uploaded' || next === 'added'));
  });
}

/** Whether a message may need the document list (a summary or dates request): the plan needs it only then. */
export function needsDocumentList(message: string): boolean {
  const intent = focusQuestion(message).intent;
  return intent === 'summary' || intent === 'dates';
}

/** The documents whose title the topic names (at least half its content words), best first. */
export function documentsNamedBy(topic: string, documents: PlannableDocument[]): string[] {
  const topicTerms = [...new Set(contentTerms(topic))];
  if (topicTerms.length === 0) return [];
  return documents
    .map((document) => {
      const titleTerms = new Set(contentTerms(document.title));
      return { id: document.id, share: topicTerms.filter((term) => titleTerms.has(term)).length / topicTerms.length };
    })
    .filter((d) => d.share >= 0.5)
    .sort((a, b) => b.share - a.share)
    .map((d) => d.id);
}

/**
 * What to give the responder for `message`, given the documents the caller can read, newest
 * first. Summaries and dates requests that name the newest document, a document by its title, or
 * nothing at all ("my documents") read those documents; everything else is a search.
 */
export function planDocumentContext(message: string, documents: PlannableDocument[]): DocumentPlan {
  const focus = focusQuestion(message);
  const search: DocumentPlan = { kind: 'search', query: retrievalQuery(message) };
  if ((focus.intent !== 'summary' && focus.intent !== 'dates') || documents.length === 0) return search;
  const summary = focus.intent === 'summary';
  const read = { passagesPerDocument: summary ? SUMMARY_PASSAGES : DATES_PASSAGES, maxPassages: MAX_PASSAGES };
  if (asksForNewest(focus.text)) return { kind: 'documents', documentIds: [(documents[0] as PlannableDocument).id], ...read, reason: 'newest' };
  const named = documentsNamedBy(focus.topic, documents);
  if (named.length > 0) return { kind: 'documents', documentIds: named.slice(0, 2), ...read, reason: 'named' };
  const topicTerms = contentTerms(focus.topic).filter((term) => !EVERYTHING.has(term));
  if (topicTerms.length === 0) {
    const count = summary ? LIBRARY_SUMMARY_DOCUMENTS : LIBRARY_DATES_DOCUMENTS;
    return { kind: 'documents', documentIds: documents.slice(0, count).map((d) => d.id), ...read, reason: 'all' };
  }
  // "Summarize the refund policy": a topic inside some document, found by searching for it.
  return search;
}

/**
 * The passages a 'documents' plan reads, from each document's passages (any order): the first
 * `passagesPerDocument` of each document by position, documents in the plan's order, at most
 * `maxPassages` in all.
 */
export function plannedPassages<P extends { chunkIndex: number }>(plan: Extract<DocumentPlan, { kind: 'documents' }>, passagesByDocument: P[][]): P[] {
  const picked: P[] = [];
  for (const passages of passagesByDocument) {
    const opening = [...passages].sort((a, b) => a.chunkIndex - b.chunkIndex).slice(0, plan.passagesPerDocument);
    picked.push(...opening.slice(0, plan.maxPassages - picked.length));
    if (picked.length >= plan.maxPassages) break;
  }
  return picked;
}
