// POST /v1/embeddings: the configured embedder under the model id `switchyard-embed` (the built-in
// local one by default, so RAG pipelines get embeddings that never leave the machine), floats or
// base64 as OpenAI sends them. With a cloud embedder configured, confidential input is refused.
import type { EmbeddingsRequest, Sensitivity } from '@switchyard/client';
import { estimateTokens, type Classifier } from '@switchyard/router';
import type { Embedder } from '@switchyard/vectorstore';
import { AppError } from '../../errors';

export const EMBED_MODEL_ID = 'switchyard-embed';

export interface EmbeddingsDeps {
  embedder: Embedder;
  /** false when the embedder is a cloud service (EMBEDDER=openai). */
  embedderIsLocal: boolean;
  /** Reads the inputs for confidential content before a cloud embedder gets them. */
  classifier: Pick<Classifier, 'sensitivityOf'>;
}

/** Little-endian float32s in base64, the way OpenAI encodes `encoding_format: base64`. */
function toBase64(vector: number[]): string {
  return Buffer.from(new Float32Array(vector).buffer).toString('base64');
}

export class EmbeddingsService {
  constructor(private readonly deps: EmbeddingsDeps) {}

  /** The ids this service answers to: `switchyard-embed` and the embedder's own id. */
  modelIds(): string[] {
    return [EMBED_MODEL_ID, this.deps.embedder.id];
  }

  async embed(body: EmbeddingsRequest) {
    const { embedder } = this.deps;
    if (!this.modelIds().includes(body.model)) {
      throw new AppError('model_not_found', 404, `model "${body.model}" is not an embedding model here; use "${EMBED_MODEL_ID}"`, { param: 'model' });
    }
    if (body.dimensions !== undefined && body.dimensions !== embedder.dimensions) {
      throw new AppError('unsupported_parameter', 400, `${EMBED_MODEL_ID} gives ${embedder.dimensions} dimensions and cannot shorten them`, { param: 'dimensions' });
    }
    const inputs = typeof body.input === 'string' ? [body.input] : body.input;
    if (inputs.some((text) => text.length === 0)) throw new AppError('invalid_request', 400, 'input must not hold empty strings', { param: 'input' });
    if (!this.deps.embedderIsLocal) {
      const level: Sensitivity = await this.deps.classifier.sensitivityOf(inputs);
      if (level === 'confidential') {
        throw new AppError('model_not_allowed', 400, 'this input is confidential and the configured embedder is a cloud service; it never leaves the machine', { param: 'input' });
      }
    }
    const vectors = await embedder.embed(inputs);
    const tokens = inputs.reduce((sum, text) => sum + estimateTokens(text), 0);
    return {
      object: 'list',
      data: vectors.map((vector, index) => ({ object: 'embedding', index, embedding: body.encoding_format === 'base64' ? toBase64(vector) : vector })),
      model: body.model,
      usage: { prompt_tokens: tokens, total_tokens: tokens },
    };
  }
}
