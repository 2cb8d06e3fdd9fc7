import { ApiError, type Document } from '@switchyard/client';
import { describe, expect, it } from 'vitest';
import { resultsOfError, uploadLines } from './upload-results';

const document = { id: 'd1', filename: 'notes.txt' } as Document;

describe('upload results', () => {
  it('names every file with what happened to it, keeping the name as it was written', () => {
    const lines = uploadLines([
      { status: 'accepted', filename: 'notes.txt', document },
      { status: 'rejected', filename: 'empty.txt', error: { code: 'empty_file', message: 'empty.txt is empty' } },
      { status: 'rejected', filename: 'photo.png', error: { code: 'unsupported_media_type', message: 'photo.png is not a supported type' } },
      { status: 'rejected', filename: 'odd.txt', error: { code: 'something_new', message: 'odd.txt broke a new rule' } },
    ]);
    expect(lines).toEqual([
      { filename: 'notes.txt', accepted: true, text: 'uploaded' },
      { filename: 'empty.txt', accepted: false, text: 'is empty' },
      { filename: 'photo.png', accepted: false, text: expect.stringMatching(/^is not a supported type/) },
      { filename: 'odd.txt', accepted: false, text: 'was refused: odd.txt broke a new rule' },
    ]);
  });

  it('reads the results out of an upload where nothing was accepted', () => {
    const results = [{ status: 'rejected', filename: 'empty.txt', error: { code: 'empty_file', message: 'empty.txt is empty' } }];
    expect(resultsOfError(new ApiError(400, 'empty_file', 'empty.txt is empty', { filename: 'empty.txt', results }))).toEqual(results);
    expect(resultsOfError(new ApiError(413, 'too_many_files', 'too many files'))).toBeUndefined();
    expect(resultsOfError(new Error('offline'))).toBeUndefined();
  });
});
