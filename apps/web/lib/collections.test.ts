import { describe, expect, it } from 'vitest';
import { describeAccess, describeCollectionChoice, describeIndex } from './collections';

const collections = [
  { id: 'a', name: 'Handbook' },
  { id: 'b', name: 'Contracts' },
];

describe('describeCollectionChoice', () => {
  it('says all, the one name, or how many', () => {
    expect(describeCollectionChoice(null, collections)).toBe('All my collections');
    expect(describeCollectionChoice(['b'], collections)).toBe('Contracts');
    expect(describeCollectionChoice(['a', 'b'], collections)).toBe('2 collections');
    expect(describeCollectionChoice(['gone'], collections)).toBe('1 collection');
  });
});

describe('describeAccess and describeIndex', () => {
  it('say what a member may do and how far a re-index is', () => {
    expect(describeAccess('viewer')).toMatch(/search and chat/);
    expect(describeAccess('owner', true)).toBe('Administrator');
    expect(describeIndex({ embedder: null })).toBe('Nothing indexed yet');
    expect(describeIndex({ embedder: 'local-use-en', reindex: { embedder: 'openai/text-embedding-3-small', doneDocuments: 3, totalDocuments: 12, progress: 25 } })).toMatch(
      /re-indexing with openai\/text-embedding-3-small: 3 of 12 documents \(25%\)/,
    );
  });
});
