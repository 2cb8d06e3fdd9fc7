// What happened to each file of an upload, in words: the server answers one result per file
// (accepted or refused, with a code), and a batch where nothing was accepted comes back as an
// error carrying the same results. File names are shown as they are, never re-capitalised.
import { ApiError, uploadResultSchema, type UploadResult } from '@switchyard/client';
import { z } from 'zod';

export interface UploadLine {
  filename: string;
  accepted: boolean;
  /** "uploaded", "is empty", "is not a supported type (…)". */
  text: string;
}

const reasons: Record<string, string> = {
  unsupported_media_type: 'is not a supported type: use PDF, Office files, CSV, HTML, Markdown, plain text or images of text',
  empty_file: 'is empty',
  file_too_large: 'is larger than this server accepts',
  queue_unavailable: 'could not be queued for indexing; try it again shortly',
};

export function uploadLines(results: readonly UploadResult[]): UploadLine[] {
  return results.map((result) =>
    result.status === 'accepted'
      ? { filename: result.filename, accepted: true, text: 'uploaded' }
      : { filename: result.filename, accepted: false, text: reasons[result.error.code] ?? `was refused: ${result.error.message}` },
  );
}

const detailsSchema = z.object({ results: z.array(uploadResultSchema) });

/** The per-file results an upload error carries (when no file of the batch was accepted). */
export function resultsOfError(error: unknown): UploadResult[] | undefined {
  if (!(error instanceof ApiError)) return undefined;
  const parsed = detailsSchema.safeParse(error.details);
  return parsed.success ? parsed.data.results : undefined;
}
